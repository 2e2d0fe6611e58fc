import { BASE62, DIGITS, LOWER } from '../codec/alphabets.js';
import { decodeBase64Text, toBase64 } from '../codec/base64.js';
import { isLookup } from '../codec/lookup.js';
import { isPlaceholder } from '../codec/placeholder.js';
import { isRandomLooking } from '../codec/randomness.js';
import { lineBoundsOf } from '../codec/text-index.js';
import type { Fake, MatchContext, Rule } from '../types.js';
import { assignedKey, isDocumentationUrl } from './context.js';
import { defineRule } from './define-rule.js';

// Generic detectors judge a value by where it is (the key it is assigned to, the manifest
// it sits in) and what it looks like (randomness for its length and alphabet). They run
// after the provider rules lose nothing: a provider rule that finds the same secret wins.
// Assignment syntax covered: .env and shell (KEY=v, export KEY="v"), YAML (key: v), JSON
// ("key": "v"), TOML / INI / properties / Terraform (key = "v", key=v), JS/TS (key: 'v',
// const key = "v"), Python (KEY = "v", "key": "v"), Go (key := "v", Key: "v"), Java and
// C# (String key = "v"; Key = "v"), headers (X-Api-Key: v).

const FIX =
  'Rotate the credential where it was issued, then load it from the environment or a secret store instead of the repository.';

/** Each part in lower, Capitalised and UPPER case, parts joined by an optional separator. */
function keyWord(parts: readonly string[]): string {
  return parts
    .map((part) => `(?:${part}|${part[0]!.toUpperCase()}${part.slice(1)}|${part.toUpperCase()})`)
    .join('[_.-]?');
}

const SECRET_WORDS = [
  ['api', 'key'],
  ['secret'],
  ['token'],
  ['access', 'key'],
  ['auth', 'key'],
  ['private', 'key'],
  ['signing', 'key'],
  ['encryption', 'key'],
  ['master', 'key'],
  ['account', 'key'],
  ['app', 'key'],
  ['session', 'key'],
  ['credential'],
].map(keyWord);

/** After the key word: the rest of the key, the separator, an optional opening quote. */
const ASSIGN = String.raw`(?![a-z])[\w.-]{0,40}\\?["'\]]?[ \t]{0,8}(?::=|=>|[:=])[ \t]{0,8}\\?["'\x60]?`;

/** Words of a key that say its value is not the secret itself. */
const NOT_SECRET_KEY_WORDS = new Set(
  (
    'public publishable pub csrf xsrf nonce id ids name names url uri urls path file dir type length len size count ' +
    'expires expiry expiration expire exp ttl timeout header prefix suffix format version field label placeholder hint ' +
    'description desc message msg title text error regex pattern endpoint issuer audience scope scopes algorithm alg mode ' +
    'kind policy hash hashed digest checksum salt iv ref arn env var param enabled required provider store manager cache ' +
    'location method limit max min lifetime rotation validity usage generator validator schema example sample test mock'
  ).split(' '),
);

function keyWords(key: string): string[] {
  return (key.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? []).map((word) => word.toLowerCase());
}

/** The key the value is assigned to, when that key names the secret itself. */
function secretKeyOf(context: MatchContext): string | undefined {
  const key = assignedKey(context);
  if (key === undefined || keyWords(key).some((word) => NOT_SECRET_KEY_WORDS.has(word)))
    return undefined;
  return key;
}

export const genericApiKey = defineRule({
  id: 'generic-api-key',
  title: 'Generic secret (high-entropy value of a secret key)',
  description:
    'A random-looking value assigned to a key named like a secret (api_key, secret, token, access_key, private_key, credential, …), judged by entropy for its length and alphabet.',
  remediation: FIX,
  severity: 'medium',
  keywords: ['key', 'secret', 'token', 'credential'],
  pattern: new RegExp(
    `(?:${SECRET_WORDS.join('|')})${ASSIGN}(?<secret>[A-Za-z0-9+/=_.~-]{16,256})(?=[\\s"'\x60,;)\\]}<>&\\\\]|$)`,
    'g',
  ),
  scope: 'line',
  validate: (secret, context) => secretKeyOf(context) !== undefined && isRandomLooking(secret),
  confidence: 'entropy',
  generic: true,
  samples: (fake) => ({
    match: [
      `API_KEY=${fake.base62(32)}`,
      `  "clientSecret": "${fake.string(`${BASE62}-_`, 40)}",`,
      `app_secret: ${fake.hex(40)}`,
      `const apiKey = '${fake.base64(28)}';`,
      `webhook_signing_key = "${fake.string(LOWER + DIGITS, 24)}"`,
      `token := "${fake.base62(48)}"`,
      `    private String accessToken = "${fake.base62(36)}";`,
    ],
    ignore: [
      `API_KEY=${'x'.repeat(32)}`,
      'API_KEY=${API_KEY}',
      'const apiKey = process.env.API_KEY;',
      `secret_name: ${fake.base62(32)}`,
      `token_url: https://auth.example.net/oauth/token`,
      `"secretKeyRef": "MyApplicationSecretKeyName"`,
      `integrity_token: sha512-${fake.base64(86)}==`,
      `session_token_id = "${fake.hex(8)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(12)}"`,
      `public_key: ${fake.base62(44)}`,
      `token = getUserAccountSettingsHandler`,
    ],
  }),
});

const PASSWORD_WORD = String.raw`(?:(?<![A-Za-z])(?:pass(?:w(?:or)?d|phrase)?|pwd)|(?<![A-Z])(?:Pass(?:w(?:or)?d|phrase)?|PASS(?:W(?:OR)?D|PHRASE)?|Pwd|PWD))`;

/** A stored password hash (bcrypt, argon2, crypt): sensitive, but not the password. */
const PASSWORD_HASH = /^\$(?:2[abxy]?|argon2\w*|pbkdf2[\w-]*|scrypt|[1567])\$/;

/** The last word of a password key: `db_password`, `smtpPass`, `PASSPHRASE` (not `pass_arg`, `SAMPLES_PASSED`). */
const PASSWORD_KEY_END = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'pw']);

function isHardcodedPassword(secret: string, context: MatchContext): boolean {
  const key = secretKeyOf(context);
  // PWD and OLDPWD are the shell's working directories.
  if (
    key === undefined ||
    /^(?:OLD)?PWD$/.test(key) ||
    !PASSWORD_KEY_END.has(keyWords(key).at(-1) ?? '')
  )
    return false;
  if (
    /^(?:true|false|null|nil|none|undefined|yes|no|on|off|required|optional)[)\]}:]*$/i.test(secret)
  )
    return false;
  if (PASSWORD_HASH.test(secret) || /^(?:\d+|0x[0-9a-fA-F]+)$/.test(secret)) return false;
  const before = context.text.slice(Math.max(0, context.start - 3), context.start);
  const quoted = /["'`]$/.test(before);
  if (!quoted && isCodeValue(secret, before, context)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((c) => c.test(secret)).length;
  return classes >= 2 && (secret.length >= 8 || classes >= 3);
}

/**
 * An unquoted value that is code rather than a literal: an identifier after ` = `
 * (`password = userPassword`), a negation (`pass = !ok`), or an identifier followed by more
 * code on its line (`pass: matches ?? false,`).
 */
function isCodeValue(secret: string, before: string, { text, end }: MatchContext): boolean {
  // Negations, literals of other types, calls, indexing and type annotations (`typing.Optional[bytes]`, `:class:`).
  if (
    /^[![{(:]/.test(secret) ||
    /^[A-Za-z_$][\w$.]*(?:\?\.|\(|\[)/.test(secret) ||
    /^(?:this|self)\./.test(secret)
  )
    return true;
  if (!/^[A-Za-z_$][\w$.]*$/.test(secret)) return false;
  if (/ = $/.test(before)) return true;
  // What follows on its line, from a bounded window: a search for the line's end would cost
  // the rest of the line per candidate (quadratic on a long line).
  const after = text.slice(end, end + 64);
  const newline = after.indexOf('\n');
  const rest = (newline === -1 ? after : after.slice(0, newline)).trimStart();
  return /^(?:\?\?|\|\||&&|[,;)?:+])/.test(rest);
}

function hardPassword(fake: Fake): string {
  return `${fake.base62(10)}${fake.pick(['!', '#', '%', '^', '&', '*', '@'])}${fake.digits(2)}`;
}

export const genericPassword = defineRule({
  id: 'generic-password',
  title: 'Hard-coded password',
  description:
    'A literal password assigned to a key named password, passwd, pwd or passphrase in code or configuration (not a template, look-up, placeholder or label).',
  remediation: FIX,
  severity: 'high',
  keywords: ['pass', 'pwd'],
  pattern: new RegExp(
    `${PASSWORD_WORD}${ASSIGN}(?<secret>[^\\s"'\x60,;\\\\]{6,128})(?=[\\s"'\x60,;\\\\]|$)`,
    'g',
  ),
  scope: 'line',
  validate: isHardcodedPassword,
  generic: true,
  samples: (fake) => ({
    match: [
      `DB_PASSWORD=${hardPassword(fake)}`,
      `  password: "${hardPassword(fake)}"`,
      `"smtpPassword": "${hardPassword(fake)}",`,
      `admin_passwd = '${hardPassword(fake)}'`,
      `$Password = "${hardPassword(fake)}"`,
      `spring.datasource.password=${hardPassword(fake)}`,
    ],
    ignore: [
      'password: ${DB_PASSWORD}',
      'password = os.environ["DB_PASSWORD"]',
      '"password": "Password",',
      '"confirm_password": "Confirm your password",',
      'password: changeme',
      'password: "********"',
      'password = userPassword',
      'password_min_length: 12',
      `password_hash: "$2b$12$${fake.string(`${BASE62}./`, 53)}"`,
      'passwordResetEnabled: true',
      'bypass = "route-42"',
      '"build": "wasm-opt in.wasm --pass-arg=asyncify-imports@env.x -Oz"',
      '  readonly ANY_SAMPLES_PASSED: 0x8C2F;',
      "  PWD: '/Users/maria/project',",
      '  const pass = !this.result || this.result.issues.length === 0;',
      '  pass: matches ?? false,',
      '      pass: matchResult?.pass ?? false,',
      '  propertiesPass = this.options.isEqual?.(received, properties) ?? false;',
      '  readonly STENCIL_PASS_DEPTH_PASS: 0x8B9F;',
      'def read(self, name, pwd=None):',
      '    def load(self, data: bytes, password: typing.Optional[bytes]) -> Key:',
      '    :type passphrase: :class:`bytes`',
      'fds_to_pass = [listener_fd, alive_r]',
      'user_pass = (self.username + ":" + self.password)',
      `password: '${toBase64('not a real password')}',`,
    ],
  }),
});

export const urlBasicAuth = defineRule({
  id: 'url-basic-auth',
  title: 'URL with basic-auth credentials',
  description: 'A URL with a password in its user information (https://user:password@host).',
  remediation: FIX,
  severity: 'high',
  keywords: ['://'],
  pattern:
    /(?<![A-Za-z0-9+.-])(?:https?|ftps?|sftp|smtps?|imaps?|ldaps?|ssh|svn|wss?|nntp|sql|jdbc:[a-z]+):\/\/[^\s:@/"'<>]{1,128}:(?<secret>[^\s@/"'<>]{3,256})@[A-Za-z0-9.[\]_-]{1,253}/g,
  validate: (secret, context) =>
    !/^(?:x-oauth-basic|x-access-token|anonymous)$/i.test(secret) && !isDocumentationUrl(context),
  generic: true,
  samples: (fake) => ({
    match: [
      `git clone https://ci-bot:${hardPassword(fake)}@git.internal.acme-corp.net/team/repo.git`,
      `PROXY=http://svc:${fake.base62(20)}@proxy.internal:3128`,
      `ftp://backup:${hardPassword(fake)}@files.internal/`,
    ],
    ignore: [
      'https://user:${PASSWORD}@host',
      'https://user:password@example.com',
      `https://abc:${fake.base62(12)}@example.com/`,
      'https://github.com/user/repo.git',
      'http://localhost:8080/x@y',
    ],
  }),
});

/** Walks back from the line at `start` to the first line indented less: its YAML parent key. */
function yamlParent(text: string, start: number): string | undefined {
  const [lineStart] = lineBoundsOf(text, start);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, start))![0].length;
  let end = lineStart - 1;
  for (let i = 0; i < 500 && end > 0; i++) {
    const [from] = lineBoundsOf(text, end - 1);
    const line = text.slice(from, end);
    end = from - 1;
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    if (/^[ \t]*/.exec(line)![0].length < indent) return line.trim();
  }
  return undefined;
}

/** Whether the YAML documents (between `---` lines) of the last text asked about are Secrets, by where they start. */
let secretDocuments:
  { text: string; separators: number[]; verdicts: Map<number, boolean> } | undefined;

/**
 * Whether the YAML document (between `---` lines) that holds offset `start` is a Secret
 * manifest. Each document of a text is judged once, whatever the number of candidates in
 * it (a large manifest holds many).
 */
function isSecretDocument(text: string, start: number): boolean {
  if (secretDocuments?.text !== text) {
    const separators: number[] = [];
    for (let at = text.indexOf('\n---'); at !== -1; at = text.indexOf('\n---', at + 1))
      separators.push(at);
    secretDocuments = { text, separators, verdicts: new Map() };
  }
  const { separators, verdicts } = secretDocuments;
  let low = 0;
  let high = separators.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (separators[mid]! <= start) low = mid + 1;
    else high = mid - 1;
  }
  const from = separators[high] ?? 0;
  let verdict = verdicts.get(from);
  if (verdict === undefined) {
    const to = separators[high + 1] ?? text.length;
    verdict = /^kind:[ \t]*["']?Secret["']?[ \t]*$/m.test(text.slice(from, to));
    verdicts.set(from, verdict);
  }
  return verdict;
}

/** Entries of a Secret that name where or as whom to connect, not the credential. */
const NOT_SECRET_ENTRY =
  /^[ \t]*["']?(?:user(?:name)?|login|email|host(?:name)?|port|database|db|url|uri|endpoint|region|namespace)["']?:/i;

function isSecretManifestValue(secret: string, { text, start }: MatchContext): boolean {
  const [lineStart] = lineBoundsOf(text, start);
  if (NOT_SECRET_ENTRY.test(text.slice(lineStart, start))) return false;
  const parent = yamlParent(text, start);
  if (parent !== 'data:' && parent !== 'stringData:') return false;
  if (!isSecretDocument(text, start)) return false;
  const value = parent === 'data:' ? decodeBase64Text(secret) : secret;
  return value !== undefined && value.length >= 6 && !isPlaceholder(value) && !isLookup(value);
}

export const kubernetesSecret = defineRule({
  id: 'kubernetes-secret',
  title: 'Kubernetes Secret manifest value',
  description:
    'A value under data: or stringData: of a Kubernetes Secret manifest (base64 is encoding, not encryption).',
  remediation:
    'Rotate the credential the Secret holds, remove the manifest from the repository, and manage it with Sealed Secrets, SOPS or an external secret operator.',
  severity: 'high',
  keywords: ['kind: secret'],
  pattern:
    /^[ \t]{1,16}[A-Za-z0-9_.-]{1,253}:[ \t]{1,8}["']?(?<secret>[^\s"'#]{6,8192})["']?[ \t]*$/gm,
  validate: isSecretManifestValue,
  samples: (fake) => ({
    match: [
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: ${toBase64(hardPassword(fake))}\n`,
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\nstringData:\n  token: ${fake.base62(32)}\n`,
    ],
    ignore: [
      `apiVersion: v1\nkind: ConfigMap\ndata:\n  password: ${toBase64(hardPassword(fake))}\n`,
      `apiVersion: v1\nkind: Secret\ndata:\n  password: ${toBase64('changeme')}\n`,
      `kind: Secret\nmetadata:\n  name: ${fake.base62(12)}\n`,
    ],
  }),
});

export const genericRules: Rule[] = [
  urlBasicAuth,
  kubernetesSecret,
  genericPassword,
  genericApiKey,
];
