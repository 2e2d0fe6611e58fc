import { decodeBase64Text } from '../codec/base64.js';
import { sha256, toHex } from '../codec/sha256.js';
// Keys that vendors publish in their documentation or ship in their emulators. They
// appear in countless repositories and authenticate nowhere that matters. Stored as
// SHA-256 digests so that this file holds no key-shaped string; AWS's documentation keys
// end in EXAMPLE and are caught by the placeholder filter.

const PUBLISHED_DIGESTS = new Map<number, ReadonlySet<string>>([
  // The Azure Storage emulator (Azurite) account key, documented for devstoreaccount1.
  [88, new Set(['0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059'])],
  // RFC 6749 §4.1.4 example access and refresh tokens.
  [
    22,
    new Set([
      '6c96130f130ab0d6d158397e24d2bcc1c9a5e73ae081f6e983f1c7b545d24a4c',
      '00cf4c781dc37003f7c7dd7d4c9a6ef1e0f4c62d9a291aa8bc398774e3fefd32',
    ]),
  ],
  // RFC 5849 (OAuth 1.0) example consumer key and secret, tokens and token secrets.
  [
    16,
    new Set([
      'bb9b1163338b2a51495834ad5c65420443d6327381cf0f94ebf92b117f209d72',
      '649e1f5c769e718ba10d1a702a36499a731441d960b06da91c4c97786bf84595',
      'cb87c87e4a138d9a72259d2a01bab15623c9846e568c1509b287721645a6ea53',
      '293257ab6495ebb11cf9e4aee0686ca30df8de2ab8d251f2cbbcf177bdfcae91',
      '4c20e6f5cc11b93731e74cbe20739821d61c3563c9f50ecb884a27cd369f01fb',
    ]),
  ],
]);

/**
 * Passwords that databases, brokers and tools ship with, or that the documentation of
 * their official container images tells everyone to use: local setups, not leaks.
 * Compared without case.
 */
const DOCUMENTED_DEFAULTS = new Map<string, string>([
  // https://hub.docker.com/_/postgres (POSTGRES_PASSWORD=mysecretpassword; user postgres)
  ['postgres', 'PostgreSQL'],
  ['mysecretpassword', 'PostgreSQL image docs'],
  // https://hub.docker.com/_/mysql, https://hub.docker.com/_/mariadb (MYSQL_ROOT_PASSWORD=my-secret-pw)
  ['my-secret-pw', 'MySQL and MariaDB image docs'],
  ['mysql', 'MySQL'],
  ['root', 'MySQL, MariaDB'],
  // https://hub.docker.com/_/mongo (compose example: MONGO_INITDB_ROOT_PASSWORD: example)
  ['example', 'MongoDB image docs'],
  ['mongo', 'MongoDB'],
  ['mongodb', 'MongoDB'],
  // https://hub.docker.com/_/microsoft-mssql-server (MSSQL_SA_PASSWORD=yourStrong(!)Password),
  // https://learn.microsoft.com/sql/linux/quickstart-install-connect-docker (<YourStrong@Passw0rd>)
  ['yourstrong(!)password', 'SQL Server image docs'],
  ['yourstrong@passw0rd', 'SQL Server quickstart'],
  ['sa', 'SQL Server'],
  // https://container-registry.oracle.com (Oracle Database Enterprise: Oradoc_db1)
  ['oradoc_db1', 'Oracle Database image docs'],
  ['oracle', 'Oracle'],
  // https://hub.docker.com/_/rabbitmq (guest/guest)
  ['guest', 'RabbitMQ'],
  ['rabbitmq', 'RabbitMQ'],
  // https://min.io/docs (minioadmin/minioadmin), https://grafana.com/docs (admin/admin),
  // https://www.keycloak.org/getting-started/getting-started-docker (admin/admin)
  ['minioadmin', 'MinIO'],
  ['admin', 'Grafana, Keycloak, SonarQube'],
  // https://neo4j.com/docs/operations-manual (neo4j/neo4j), https://hub.docker.com/_/cassandra
  ['neo4j', 'Neo4j'],
  ['cassandra', 'Cassandra'],
  // https://help.sonatype.com/repomanager3 (admin123, before 3.17)
  ['admin123', 'Nexus Repository'],
  // Elasticsearch 5-6 with X-Pack (elastic/changeme)
  ['changeme', 'Elasticsearch'],
  ['redis', 'Redis'],
  ['password', 'many'],
  ['pass', 'many'],
  ['secret', 'many'],
  ['user', 'many'],
  ['test', 'many'],
  ['default', 'many'],
  ['toor', 'many'],
  ['pw', 'many'],
  ['pwd', 'many'],
  ['dev', 'many'],
  ['local', 'many'],
]);

/** Whether `secret` is a published example or emulator key, or a documented default password. */
export function isVendorExample(secret: string): boolean {
  if (secret.length <= 24 && DOCUMENTED_DEFAULTS.has(secret.toLowerCase())) return true;
  const digests = PUBLISHED_DIGESTS.get(secret.length);
  if (digests?.has(toHex(sha256(secret)))) return true;
  return isDemoJwt(secret);
}

/**
 * Tokens that tutorials and local tools hand to everyone: the sample token of jwt.io
 * (subject 1234567890, John Doe), and the anon and service-role keys of Supabase's local
 * development stack, issued by "supabase-demo" and signed with its published secret
 * (https://supabase.com/docs/guides/local-development/cli/getting-started).
 */
function isDemoJwt(secret: string): boolean {
  if (!secret.startsWith('eyJ')) return false;
  const payload = decodeBase64Text(secret.split('.')[1] ?? '');
  if (payload === undefined) return false;
  return (
    (payload.includes('"1234567890"') && payload.includes('John Doe')) ||
    /"iss"\s*:\s*"supabase-demo"/.test(payload)
  );
}
