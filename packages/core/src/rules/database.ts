import { LOWER } from '../codec/alphabets.js';
import type { Fake, Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { UUID, alone, fakeUuid } from './shapes.js';
import { alnumKey, hexKey, keyedRule } from './keyed.js';

// Connection URLs with an inline password (RFC 3986 userinfo); SQL Server / ADO.NET
// "Server=…;Password=…"; JDBC "jdbc:<driver>:…password=…".
// The default passwords of databases and their official container images (`postgres`,
// `guest`, `my-secret-pw`) are documented defaults, not leaks: see filters/vendor-examples.ts.

const FIX =
  'Change the database or broker password, check its access logs, and read the URL from the environment or a secret store; keep only a placeholder in the repository.';

function password(fake: Fake): string {
  return `${fake.base62(14)}${fake.pick(['!', '-', '_', '.', '~'])}${fake.digits(2)}`;
}

function connectionUrl(
  id: string,
  title: string,
  [provider, source]: readonly [provider: string, source: string],
  schemes: string,
  keywords: string[],
  sample: (fake: Fake) => string,
): Rule {
  return defineRule({
    id,
    title,
    provider,
    source,
    description: `${title} with an inline password.`,
    remediation: FIX,
    severity: 'high',
    keywords,
    pattern: new RegExp(
      `(?<![A-Za-z0-9+.-])(?:${schemes}):\\/\\/[^\\s:@/"'<>]{0,128}:(?<secret>[^\\s@/"'<>]{1,256})@[A-Za-z0-9.\\[\\]_-]{1,253}`,
    ),
    check: 'url-password',
    samples: (fake) => {
      const url = sample(fake);
      return {
        match: [url, `DATABASE_URL="${sample(fake)}"`, `  url: ${sample(fake)}`],
        ignore: [
          url.replace(/:[^:@/]+@/, ':${DB_PASSWORD}@'),
          url.replace(/\/\/[^@]+@/, '//'),
          url.replace(/:[^:@/]+@/, ':postgres@'),
          url.replace(/:[^:@/]+@/, ':<password>@'),
          url.replace(/@[^:/]+/, '@db.example.com'),
        ],
      };
    },
  });
}

export const databaseRules: Rule[] = [
  connectionUrl(
    'postgres-connection-string',
    'PostgreSQL connection URL',
    ['PostgreSQL', 'https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING'],
    'postgres(?:ql)?(?:\\+[a-z0-9]+)?|pgsql',
    ['postgres', 'pgsql'],
    (f) => `postgresql://app_${f.digits(2)}:${password(f)}@db.internal.acme-corp.net:5432/orders`,
  ),
  connectionUrl(
    'mysql-connection-string',
    'MySQL / MariaDB connection URL',
    [
      'MySQL / MariaDB',
      'https://dev.mysql.com/doc/refman/8.4/en/connecting-using-uri-or-key-value-pairs.html',
    ],
    'mysql(?:\\+[a-z0-9]+)?|mysqlx|mariadb',
    ['mysql', 'mariadb'],
    (f) => `mysql://report:${password(f)}@10.0.0.${f.digits(1)}:3306/analytics`,
  ),
  connectionUrl(
    'mongodb-connection-string',
    'MongoDB connection URL',
    ['MongoDB', 'https://www.mongodb.com/docs/manual/reference/connection-string/'],
    'mongodb(?:\\+srv)?',
    ['mongodb'],
    (f) =>
      `mongodb+srv://svc:${password(f)}@cluster0.${f.string(LOWER, 5)}.mongodb.net/app?retryWrites=true`,
  ),
  connectionUrl(
    'redis-connection-string',
    'Redis connection URL',
    ['Redis', 'https://www.iana.org/assignments/uri-schemes/prov/redis'],
    'rediss?',
    ['redis'],
    (f) => `rediss://:${password(f)}@cache.internal:6380/0`,
  ),
  connectionUrl(
    'amqp-connection-string',
    'AMQP (RabbitMQ) connection URL',
    ['RabbitMQ (AMQP)', 'https://www.rabbitmq.com/uri-spec.html'],
    'amqps?',
    ['amqp'],
    (f) => `amqps://worker:${password(f)}@mq.internal:5671/vhost`,
  ),
  defineRule({
    id: 'sqlserver-connection-string',
    title: 'SQL Server / ADO.NET connection string',
    provider: 'Microsoft SQL Server',
    source:
      'https://learn.microsoft.com/dotnet/api/system.data.sqlclient.sqlconnectionstringbuilder.userid',
    description:
      'An ADO.NET, OLE DB or ODBC connection string (Server=…;Password=…, Driver=…;UID=…;PWD=…) with an inline password.',
    remediation: FIX,
    severity: 'high',
    keywords: ['password=', 'pwd='],
    pattern:
      /(?:Server|Data Source|Host|Driver|DSN|Provider)[ \t]{0,4}=[^;"'\n]{1,200};[^"'\n]{0,300}?(?:Password|Pwd)[ \t]{0,4}=[ \t]{0,4}(?<secret>[^;"'\s]{1,128})/i,
    check: 'password-like',
    samples: (fake) => ({
      match: [
        `"Default": "Server=tcp:sql.internal,1433;Database=orders;User Id=app;Password=${password(fake)};Encrypt=true"`,
        `Data Source=db01;Initial Catalog=crm;User ID=crm;Pwd=${password(fake)}`,
        `pyodbc.connect("DRIVER={ODBC Driver 18 for SQL Server};SERVER=db.internal;UID=report;PWD=${password(fake)}")`,
        `connectionString="Server=sql01\\qa; Database=Trucks; User Id=qa_app; password= ${password(fake)}"`,
      ],
      ignore: [
        'Server=db;Database=x;Integrated Security=true',
        'Server=db;User Id=sa;Password=${SQL_PASSWORD}',
        'Server=db;Password=sa',
      ],
    }),
  }),
  defineRule({
    id: 'jdbc-connection-string',
    title: 'JDBC URL with password',
    provider: 'JDBC (Java)',
    source:
      'https://www.ibm.com/support/knowledgecenter/SSEPGG_11.1.0/com.ibm.db2.luw.apdv.java.doc/src/tpc/imjcc_tjvjcccn.html',
    description: 'A JDBC URL carrying a password parameter.',
    remediation: FIX,
    severity: 'high',
    keywords: ['jdbc:'],
    pattern:
      /jdbc:[a-z0-9]{2,20}:[^\s"'<>]{1,300}?[?;&:](?:password|pwd|PASSWORD)=(?<secret>[^&;\s"'<>]{1,128})/,
    check: 'password-like',
    samples: (fake) => ({
      match: [
        `spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password=${password(fake)}`,
        `jdbc:sqlserver://db:1433;databaseName=x;user=u;password=${password(fake)}`,
      ],
      ignore: [
        'jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}',
        `jdbc:mysql://db/app?user=${fake.base62(5)}`,
      ],
    }),
  }),
  defineRule({
    id: 'mongodb-atlas-service-account-secret',
    title: 'MongoDB Atlas service account secret',
    provider: 'MongoDB Atlas',
    source: 'https://www.mongodb.com/docs/atlas/api/service-accounts-overview/',
    description:
      'MongoDB Atlas service account client secret ("mdb_sa_sk_" and 40 characters). The format is observed: the provider documents only how the key is used.',
    remediation: remediation(
      'client secret',
      'Atlas (Organization > Access Manager > Service Accounts)',
    ),
    keywords: ['mdb_sa_sk_'],
    prefix: 'mdb_sa_sk_',
    body: '[A-Za-z0-9_-]{40}',
    boundary: 'token',
    token: (fake) => `mdb_sa_sk_${fake.base62(40)}`,
  }),
  defineRule({
    id: 'mongodb-atlas-private-key',
    title: 'MongoDB Atlas API private key',
    provider: 'MongoDB Atlas',
    source:
      'https://www.mongodb.com/docs/atlas/configure-api-access/#programmatic-access-to-service-s-project',
    description:
      'MongoDB Atlas programmatic API private key (a UUID) assigned to an Atlas or MongoDB private key setting (MONGODB_ATLAS_PRIVATE_KEY, the mongodbatlas provider). The format is observed: the provider documents only how the key is used.',
    remediation: remediation('API key', 'Atlas (Organization > Access Manager > API Keys)'),
    keywords: ['atlas', 'mongodb'],
    pattern: alone(UUID),
    check: {
      keyedBy: '(?:atlas|mongodb)[\\w.-]*(?:private|priv|secret)|mongodbatlas[\\w.-]*private_key',
    },
    token: fakeUuid,
    contexts: [
      (t) => `MONGODB_ATLAS_PRIVATE_KEY=${t}`,
      (t) => `provider "mongodbatlas" {\n  public_key  = "abcdwxyz"\n  private_key = "${t}"\n}`,
      (t) => `atlas:\n  private_api_key: "${t}"`,
    ],
    ignore: (fake) => [
      `MONGODB_ATLAS_PROJECT_ID=${fakeUuid(fake)}`,
      `atlas_org_id: ${fakeUuid(fake)}`,
    ],
  }),
  keyedRule({
    id: 'aiven-api-token',
    title: 'Aiven API token',
    provider: 'Aiven',
    source: 'https://www.aiven.io/docs/tools/cli',
    credential: 'personal or application token',
    revokeAt: 'the Aiven Console (User information > Tokens)',
    names: ['aiven'],
    env: 'AIVEN_TOKEN',
    shape: {
      body: '[A-Za-z0-9+/]{300,400}={0,2}',
      fake: (fake) => fake.base64(372),
      what: '300 to 400 base64 characters',
      random: true,
    },
    note: 'format observed; sent as "Authorization: aivenv1 <token>"',
    impact: "It manages the projects' databases.",
  }),
  keyedRule({
    id: 'rockset-api-key',
    title: 'Rockset API key',
    provider: 'Rockset',
    source: 'https://docs.rockset.com/rest-api/',
    credential: 'API key',
    revokeAt: 'the Rockset console (API Keys)',
    names: ['rockset'],
    env: 'ROCKSET_API_KEY',
    shape: alnumKey(64),
    hosts: ['rockset.com'],
    note: 'the key is sent as Authorization: ApiKey <key>',
    impact:
      'It has the permissions of the user who created it over the organization’s collections.',
    example: (t) =>
      `curl -H 'Authorization: ApiKey ${t}' https://api.usw2a1.rockset.com/v1/orgs/self/queries`,
  }),
  keyedRule({
    id: 'algolia-admin-api-key',
    title: 'Algolia Admin or write API key',
    provider: 'Algolia',
    source: 'https://www.algolia.com/doc/guides/security/api-keys',
    credential: 'Admin or write API key',
    revokeAt: 'the Algolia dashboard (Settings > API Keys: regenerate the Admin API key)',
    names: ['algolia'],
    env: 'ALGOLIA_ADMIN_KEY',
    shape: hexKey(32),
    // The Search-only key is meant for browsers (Algolia says so): only names that say
    // admin, write, secret or private hold the confidential kind.
    credentials: 'admin|write|secret|private',
    note: 'the format is observed; the Search-only key, safe in front-end code, is not reported',
    impact:
      "It adds, changes and deletes the application's records and indices, changes their settings and creates API keys.",
    severity: 'critical',
    example: (t) => `ALGOLIA_APP_ID=K7WQ2PZ0XF\nALGOLIA_ADMIN_API_KEY=${t}`,
  }),
];
