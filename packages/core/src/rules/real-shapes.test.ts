// The shapes of issue 12, measured on real code and real leaks: what was missed (each kind
// in several files), what was reported though it stands for nothing (placeholders), and
// the false alarms of real histories. The whole engine judges each, in a file of its type.
import { describe, expect, it } from 'vitest';
import { BASE32, BASE64, BASE64URL, DIGITS, HEX, LOWER } from '../codec/alphabets.js';
import { toBase64 } from '../codec/base64.js';
import { withBase62Crc32 } from '../codec/crc32.js';
import { createFake } from '../codec/fake.js';
import { createEngine } from '../engine/engine.js';
import { keyBodyOf } from './private-keys.js';

const engine = createEngine({ reveal: true });
const fake = createFake(1212);

/** The rule ids found in `text` at `path`, with the secrets they found. */
function scan(path: string, text: string): { ruleId: string; secret: string }[] {
  return engine
    .scan({ subject: 'content', path, text })
    .map(({ ruleId, secret }) => ({ ruleId, secret: secret! }));
}

const uuid = () => `${fake.hex(8)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(12)}`;
const random = (n: number) => `${fake.base62(n - 2)}${fake.digits(1)}Q`;
const password = () => `${fake.base62(9)}!${fake.digits(2)}`;
const awsId = () => `AKIA${fake.string(BASE32, 16)}`;
const awsSecret = () => `${fake.string(BASE64, 38)}aZ`;
const discord = () =>
  `${toBase64(`1${fake.digits(18)}`, true)}.${fake.string(BASE64URL, 6)}.${fake.string(BASE64URL, 38)}`;
const storageKey = () => `${fake.string(BASE64, 86)}==`;
const sessionToken = () => `IQoJb3JpZ2luX2Vj${fake.string(BASE64, 400)}`;

/** [name, path, text, rule id, secret] for each shape that must be found. */
type Case = readonly [string, string, string, string, string];

function cases(name: string, rule: string, make: () => [string, string, string][]): Case[] {
  return make().map(([path, text, secret]) => [name, path, text, rule, secret] as const);
}

const MISSES: Case[] = [
  ...cases('key name on the line above', 'generic-api-key', () => {
    const [a, b, c] = [random(32), random(40), random(32)];
    return [
      ['config/app.yml', `service:\n  api_key:\n    ${a}\n`, a],
      ['deploy.sh', `export API_TOKEN=\\\n  ${b}\n`, b],
      ['settings.json', `{\n  "client_secret":\n    "${c}"\n}\n`, c],
    ];
  }),
  ...cases('parent key of a block', 'azure-storage-account-key', () => {
    const [a, b, c, d] = [storageKey(), storageKey(), storageKey(), storageKey()];
    return [
      ['config.yml', `storage:\n  key: ${a}\n`, a],
      ['config.json', `{"storage": {"account": "acme", "key": "${b}"}}`, b],
      ['config.toml', `[storage]\naccount = "acme"\nkey = "${c}"\n`, c],
      ['main.tf', `storage {\n  account = "acme"\n  key     = "${d}"\n}\n`, d],
    ];
  }),
  ...cases('value beside its AWS key id', 'aws-secret-access-key', () => {
    const [a, b, c] = [awsSecret(), awsSecret(), awsSecret()];
    return [
      ['upload.py', `s3 = boto3.client("s3", "${awsId()}", "${a}")\n`, a],
      ['upload.js', `const creds = new AWS.Credentials(\n  '${awsId()}',\n  '${b}',\n);\n`, b],
      ['keys.csv', `User name,Access key ID,Secret access key\nci,${awsId()},${c}\n`, c],
    ];
  }),
  ...cases('default of an environment look-up', 'generic-api-key', () => {
    const [a, b, c, d, e] = [random(32), random(32), random(32), random(40), random(32)];
    return [
      ['app/settings.py', `API_KEY = os.getenv("API_KEY", "${a}")\n`, a],
      ['app/settings.py', `SECRET = os.environ.get('APP_SECRET', '${b}')\n`, b],
      ['config/app.rb', `TOKEN = ENV.fetch("SERVICE_TOKEN", "${c}")\n`, c],
      ['docker-compose.yml', `    environment:\n      - API_TOKEN=\${API_TOKEN:-${d}}\n`, d],
      ['src/client.ts', `const apiKey = process.env.API_KEY ?? "${e}";\n`, e],
    ];
  }),
  ...cases('password default of an environment look-up', 'generic-password', () => {
    const [a, b] = [password(), password()];
    return [
      ['config/database.php', `'password' => env('DB_PASSWORD', '${a}'),\n`, a],
      ['docker-compose.yml', `      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:-${b}}\n`, b],
    ];
  }),
  ...cases('bearer token in a curl line', 'generic-api-key', () => {
    const [a, b] = [random(40), random(40)];
    return [
      [
        'scripts/ping.sh',
        `curl -s -H "Authorization: Bearer ${a}" https://api.acme-corp.net/v1/ping\n`,
        a,
      ],
      [
        'README.md',
        '```sh\ncurl -H "Authorization: Bearer ' +
          b +
          '" https://api.acme-corp.net/v2/items\n```\n',
        b,
      ],
    ];
  }),
  ...cases('Discord bot token by its structure', 'discord-bot-token', () => {
    const [a, b, c, d] = [discord(), discord(), discord(), discord()];
    return [
      ['bot.py', `bot.run("${a}")\n`, a],
      ['config.yml', `token: ${b}\n`, b],
      ['.env', `TOKEN=${c}\n`, c],
      ['index.js', `client.login('${d}');\n`, d],
    ];
  }),
  ...cases('Vault short service token', 'vault-service-token', () => {
    const [a, b] = [`hvs.${fake.base62(24)}`, `hvs.${fake.base62(24)}`];
    return [
      ['.env', `VAULT_TOKEN=${a}\n`, a],
      ['vault.hcl', `token = "${b}"\n`, b],
    ];
  }),
  ...cases('legacy Slack user token with a 10-hex tail', 'slack-user-token', () => {
    const a = `xoxp-${fake.digits(10)}-${fake.digits(10)}-${fake.digits(10)}-${fake.hex(10)}`;
    return [['slack.py', `slack = Slacker("${a}")\n`, a]];
  }),
  ...cases('Heroku token with a UUID', 'heroku-platform-token', () => {
    const [a, b] = [`HRKU-${uuid()}`, `HRKU-${uuid()}`];
    return [
      ['.env', `HEROKU_API_KEY=${a}\n`, a],
      ['app.json', `{"token": "${b}"}\n`, b],
    ];
  }),
  ...cases('Twilio API key secret beside its SID', 'twilio-api-key-secret', () => {
    const [a, b] = [random(32), random(32)];
    return [
      ['send.py', `client = Client("SK${fake.hex(32)}", "${a}", "AC${fake.hex(32)}")\n`, a],
      ['.env', `TWILIO_API_KEY=SK${fake.hex(32)}\nTWILIO_API_SECRET=${b}\n`, b],
    ];
  }),
  ...cases('Stability AI key', 'stability-ai-api-key', () => {
    const [a, b] = [`sk-${random(48)}`, `sk-${random(48)}`];
    return [
      ['gen.py', `api = StabilityClient(key="${a}")\n`, a],
      ['.env', `STABILITY_KEY=${b}\n`, b],
    ];
  }),
  ...cases('Slack verification token by its key', 'slack-verification-token', () => {
    const [a, b] = [random(24), random(24)];
    return [
      ['.env', `SLACK_VERIFICATION_TOKEN=${a}\n`, a],
      ['config.yml', `slack:\n  verification_token: "${b}"\n`, b],
    ];
  }),
  ...cases('private key body without BEGIN and END', 'private-key-body', () => {
    const [a, b] = [keyBodyOf(fake, 'pkcs8').join(''), keyBodyOf(fake, 'rsa')];
    return [
      ['service.json', `{"private_key": "${a}"}\n`, a],
      ['values.yaml', `tls:\n  key: |\n    ${b.join('\n    ')}\n`, b[0]!],
    ];
  }),
  ...cases('key block wrapped by continuation marks', 'private-key', () => {
    const dashes = '-'.repeat(5);
    const body = keyBodyOf(fake, 'rsa');
    return [
      [
        'docs/setup.sh',
        `cat > id_rsa <<EOF\n${dashes}BEGIN RSA PRIVATE KEY${dashes} \\\n${body.join(' \\\n')} \\\n${dashes}END RSA PRIVATE KEY${dashes}\nEOF\n`,
        `\\\n${body.join(' \\\n')} \\`,
      ],
    ];
  }),
  ...cases('URL-encoded session token in a presigned URL', 'aws-session-token', () => {
    const a = encodeURIComponent(sessionToken());
    return [
      [
        'notes.txt',
        `https://b.s3.amazonaws.com/x.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Security-Token=${a}&X-Amz-Signature=${fake.hex(64)}\n`,
        a,
      ],
    ];
  }),
  ...cases('password with a dictionary word', 'generic-password', () => {
    const [a, b] = [`Qwerty!${fake.base62(6)}9`, `dragon-${fake.base62(5)}#${fake.digits(2)}Fly`];
    return [
      ['config/mail.yml', `smtp_password: "${a}"\n`, a],
      ['.env', `ADMIN_PASSWORD=${b}\n`, b],
    ];
  }),
  ...cases('app password of four groups', 'generic-password', () => {
    const a = Array.from({ length: 4 }, () => fake.string(LOWER, 4)).join(' ');
    return [['.env', `GMAIL_APP_PASSWORD="${a}"\n`, a]];
  }),
];

describe('issue 12: the misses of the real-world set', () => {
  it.each(MISSES)('%s in %s', (_name, path, text, ruleId, secret) => {
    expect(scan(path, text)).toContainEqual({ ruleId, secret });
  });
});

/** A JWT issued by Supabase's local development stack (its published secret signs it). */
function supabaseDemoJwt(role: string): string {
  const header = toBase64('{"alg":"HS256","typ":"JWT"}', true);
  const payload = toBase64(`{"iss":"supabase-demo","role":"${role}","exp":1983812996}`, true);
  return `${header}.${payload}.${fake.string(BASE64URL, 43)}`;
}

const PLACEHOLDERS: readonly (readonly [string, string, string])[] = [
  ['a patterned fill', '.env', `API_KEY=A1B2C3D4E5F6G7H8I9J0K1L2M3N4O5P6\n`],
  ['a repeated fill', 'config.yml', `client_secret: abc123abc123abc123abc123abc123ab\n`],
  ['a sequential fill', '.env', `SECRET_KEY=abcdefghijklmnopqrstuvwxyz012345\n`],
  ['a leetspeak stand-in', '.env', `STRIPE_SECRET_KEY=sk_live_n0t4r34lk3yjustf0rd3m0s\n`],
  [
    'an npm token whose checksum fails, in .npmrc',
    '.npmrc',
    `//registry.npmjs.org/:_authToken=npm_${fake.base62(36)}\n`,
  ],
  [
    'an OpenSSH block whose body is not openssh-key-v1',
    'docs/ssh.md',
    `-----BEGIN OPENSSH PRIVATE KEY-----\n${keyBodyOf(fake, 'public').join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`,
  ],
  [
    'the Supabase local anon key',
    'supabase/.env',
    `SUPABASE_ANON_KEY=${supabaseDemoJwt('anon')}\n`,
  ],
  [
    'the Supabase local service-role key',
    'src/admin.ts',
    `const key = "${supabaseDemoJwt('service_role')}";\n`,
  ],
  [
    'a documented image default password',
    'docker-compose.yml',
    `      MYSQL_ROOT_PASSWORD: my-secret-pw\n`,
  ],
  [
    'the SQL Server image password',
    'docker-compose.yml',
    `      MSSQL_SA_PASSWORD: "yourStrong(!)Password"\n`,
  ],
  ['the Oracle image password', '.env', `ORACLE_PASSWORD=Oradoc_db1\n`],
  ['a stand-in password', 'test/user_test.rb', `User.create!(password: 'pass4321')\n`],
];

describe('issue 12: placeholders are not reported', () => {
  it.each(PLACEHOLDERS)('%s', (_name, path, text) => {
    expect(scan(path, text)).toEqual([]);
  });

  it('a valid npm token in .npmrc is still reported', () => {
    const token = withBase62Crc32('npm_', fake.base62(30));
    expect(
      scan('.npmrc', `//registry.npmjs.org/:_authToken=${token}\n`).map((f) => f.ruleId),
    ).toEqual(['npm-access-token']);
  });
});

const FALSE_ALARMS: readonly (readonly [string, string, string])[] = [
  [
    'minified jQuery',
    'vendor/jquery.js',
    `Expr.filters={radio:function(T){return"radio"==T.type},password:function(T){return"password"==T.type},submit:function(T){return"submit"==T.type}};\n`,
  ],
  [
    'an HTML label',
    'views/login.ejs',
    '<p><label>Password:</label><input type="password" name="password"></p>\n',
  ],
  ['a code expression', 'lib/firebug.js', 'var pass = no;\nvar password = getPassword(user);\n'],
  ['a ternary', 'underscore.js', '(predicate(value, key, obj) ? pass : fail).push(value);\n'],
  [
    'a validation-rule array',
    'app/Http/Controllers/Auth/RegisterController.php',
    "    'password' => 'required|string|min:8|confirmed',\n",
  ],
  [
    'a hashing call on a literal',
    'database/seeds/UserSeeder.php',
    "    'password' => Hash::make('secret'),\n",
  ],
  ['a C member access', 'src/acl.c', '    password = c->argv[j]->ptr;\n'],
  [
    'a test URL with user:pass',
    'tests/test_utils.py',
    "    url = 'http://user:pass@complex.url.com/path?query=yes'\n",
  ],
  [
    'an RFC example in a docstring',
    'oauthlib/signature.py',
    `def sign():\n    """\n    Example::\n\n        oauth_token="${fake.string(LOWER + DIGITS, 16)}",\n        oauth_consumer_key="${fake.string(HEX, 16)}"\n    """\n`,
  ],
  ['a documentation example', 'docs/config.rst', `    $ export SECRET_KEY="${fake.hex(32)}"\n`],
  ['a log line', 'log/test.log', `Parameters: {"perishable_token"=>"${fake.hex(20)}"}\n`],
];

describe('issue 12: false alarms of real histories are not reported', () => {
  it.each(FALSE_ALARMS)('%s', (_name, path, text) => {
    expect(scan(path, text)).toEqual([]);
  });
});
