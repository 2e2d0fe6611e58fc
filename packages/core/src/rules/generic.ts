import { BASE62, DIGITS, LOWER } from '../codec/alphabets.js';
import { toBase64 } from '../codec/base64.js';
import type { Fake, Rule } from '../types.js';
import { defineRule } from './define-rule.js';
import { fakePassword } from './shapes.js';

// Generic detectors judge a value by where it is and what it looks like, having no
// provider format to vouch for it (see rules/judge.ts):
// - where: the file's type (code by language, configuration by format, markup, prose,
//   data), whether the value sits in a comment or documentation string, on a minified line;
// - what it is assigned to: the key before it on its line, on the line above (`api_key:`
//   then the value), captured by the pattern (`os.getenv("API_KEY", "…")`,
//   `${API_KEY:-…}`, `<password>…</password>`), and the keys of the blocks around it;
// - how it is written: a literal (quoted in code, bare in configuration), not a
//   comparison, a ternary, a call, a validation rule or a label;
// - what it looks like: randomness for its length and alphabet, or for passwords, length
//   and variety without being a stand-in.
// A provider rule that finds the same secret wins over a generic detector.

const FIX =
  'Rotate the credential where it was issued, then load it from the environment or a secret store instead of the repository.';

/** Words a secret's key holds (the check judges the whole key: `public_key` is no secret). */
const SECRET_WORD = String.raw`(?:[Kk]ey|KEY|[Ss]ecret|SECRET|[Tt]oken|TOKEN|[Cc]redential|CREDENTIAL|[Aa]uthorization|AUTHORIZATION)`;

/** Keys of values named elsewhere: `- name: API_KEY` / `  value: …`, `variable "api_key" { default = … }`. */
const VALUE_WORD = String.raw`(?:[Vv]alue|VALUE|[Dd]efault|DEFAULT)`;

/**
 * Words a password's key holds, as a word of their own (`db_password`, `smtpPass`, not
 * `bypass`). Literal first, then the boundary behind it, so the regex engine skips ahead.
 */
const PASSWORD_WORD = String.raw`(?:(?:pass(?:w(?:or)?d|phrase)?|pwd)(?<![A-Za-z](?:pass(?:w(?:or)?d|phrase)?|pwd))|(?:Pass(?:w(?:or)?d|phrase)?|PASS(?:W(?:OR)?D|PHRASE)?|Pwd|PWD)(?<![A-Z](?:Pass(?:w(?:or)?d|phrase)?|PASS(?:W(?:OR)?D|PHRASE)?|Pwd|PWD)))`;

/** After the key word: the rest of the key, the separator, an optional scheme and opening quote. */
const ASSIGN = String.raw`(?![a-z])[\w.-]{0,40}\\?["'\]]?[ \t]{0,8}(?::=|=>|[:=])[ \t]{0,8}(?:(?:Bearer|Token|Basic|bearer|token)[ \t]{1,4})?\\?["'\x60]?`;

// Values start with no `-`: in `${TOKEN:-value}` the `:` is no assignment (the default is
// judged by its own pattern below).
// `=` only as base64 padding at the end: `x = API_KEY=…` assigns nothing to `x`.
const TOKEN_VALUE = String.raw`[A-Za-z0-9+/_.~][A-Za-z0-9+/_.~-]{15,1023}={0,2}`;
const TOKEN_END = String.raw`(?=[\s"'\x60,;)\]}<>&\\]|$)`;
const PASSWORD_VALUE = String.raw`(?:[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4}|[^\s"'\x60,;\\<>-][^\s"'\x60,;\\<>]{5,127})`;
const PASSWORD_END = String.raw`(?=[\s"'\x60,;\\<]|$)`;

/**
 * The shapes that put a value after a key, for a value pattern: `KEY = value`; a default
 * of an environment look-up (`os.getenv("KEY", "value")`, `ENV.fetch("KEY", "value")`,
 * `process.env.KEY || "value"`, `${KEY:-value}`); an XML element (`<key>value</key>`); a
 * value alone on its line, under a key left open on the line above.
 */
function assignmentPatterns(keyWord: string, value: string, end: string): RegExp[] {
  const key = String.raw`(?<key>[A-Za-z_][\w.-]{0,80})`;
  return [
    new RegExp(`${keyWord}${ASSIGN}(?<secret>${value})${end}`),
    // Apart from the key words, so that `value = TOKEN=…` hides no `TOKEN=…`.
    new RegExp(`${VALUE_WORD}${ASSIGN}(?<secret>${value})${end}`),
    new RegExp(
      String.raw`(?:getenv|environ\.get|(?:[Ee]nv|ENV)(?:\.get|\.fetch|::get)?|getEnv|get_env|GetEnvironmentVariable)\([ \t]{0,4}["']${key}["'][ \t]{0,4},[ \t]{0,4}["'](?<secret>${value})["']`,
    ),
    new RegExp(
      String.raw`process\.env\.${key}[ \t]{0,4}(?:\|\||\?\?)[ \t]{0,4}["'\x60](?<secret>${value})["'\x60]`,
    ),
    new RegExp(String.raw`\$\{${key}:?[-=](?<secret>${value})\}`),
    new RegExp(String.raw`<(?<key>[A-Za-z_][\w:.-]{0,60})>(?<secret>${value})</`),
    // A whole line (from a line break or the text's start to the next), without the `m` flag.
    new RegExp(
      String.raw`(?:^|\n)[ \t]{0,40}["'\x60]?(?<secret>${value})["'\x60]?[ \t]{0,8}[,;]?(?=\r?\n|$)`,
    ),
  ];
}

export const genericApiKey = defineRule({
  id: 'generic-api-key',
  title: 'Generic secret (high-entropy value of a secret key)',
  provider: 'Any (hard-coded secret)',
  source: 'https://cwe.mitre.org/data/definitions/798.html',
  description:
    'A random-looking literal assigned to a key named like a secret (api_key, secret, token, access_key, private_key, credential, Authorization, a bare key with a long value or a telling block around it), in code or configuration, judged by entropy for its length and alphabet.',
  remediation: FIX,
  severity: 'medium',
  keywords: ['key', 'secret', 'token', 'credential', 'authorization'],
  pattern: assignmentPatterns(SECRET_WORD, TOKEN_VALUE, TOKEN_END),
  scope: 'line',
  check: 'secret-value',
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
      // The key on the line above, in a block around, in a look-up's default, in an element.
      `api_key:\n  ${fake.base62(32)}`,
      `storage:\n  key: ${fake.base64(43)}=`,
      `credentials:\n  key: "${fake.base62(24)}"`,
      `API_TOKEN = os.getenv("API_TOKEN", "${fake.base62(32)}")`,
      `  token: \${SERVICE_TOKEN:-${fake.base62(32)}}`,
      `const secret = process.env.APP_SECRET || "${fake.base62(32)}";`,
      `<apiKey>${fake.base62(32)}</apiKey>`,
      `curl -H "Authorization: Bearer ${fake.base62(40)}" https://api.internal.acme-corp.net/v1`,
      `env:\n  - name: PAYMENTS_API_KEY\n    value: "${fake.base62(32)}"`,
      `[{"name": "SERVICE_TOKEN", "value": "${fake.base62(32)}"}]`,
      `variable "api_key" {\n  default = "${fake.base62(32)}"\n}`,
      // A short prefix before a hex or single-case body: the body is judged on its own.
      `WEBHOOK_SECRET=whs-${fake.hex(32)}`,
      `api_secret: "ak_${fake.string(LOWER + DIGITS, 40)}"`,
      // A bare random value after ` = ` (INI, properties, dotenv): no variable is named so.
      `[billing]\napi_token = ${fake.base62(40)}`,
      // Tokens of random parts joined by dots, up to 1,023 characters; padding after base36.
      `search_token = ${fake.base62(36)}.${fake.base62(92)}.${fake.base62(43)}`,
      `SESSION_TOKEN = ${fake.base62(36)}.${fake.base62(264)}.${fake.string(`${BASE62}-_`, 683)}`,
      `webhook_token = ${fake.string(LOWER + DIGITS, 87)}=`,
    ],
    ignore: [
      `API_KEY=${'x'.repeat(32)}`,
      `api_key = "key_getUserAccountSettingsHandler"`,
      'API_KEY=${API_KEY}',
      'const apiKey = process.env.API_KEY;',
      `secret_name: ${fake.base62(32)}`,
      `token_url: https://auth.example.net/oauth/token`,
      `"secretKeyRef": "MyApplicationSecretKeyName"`,
      `integrity_token: sha512-${fake.base64(86)}==`,
      `session_token_id = "${fake.hex(8)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(12)}"`,
      `public_key: ${fake.base62(44)}`,
      `token = getUserAccountSettingsHandler`,
      // A bare key needs a long value; a comparison, a label, a call are no assignments.
      `key: ${fake.base62(20)}`,
      `if (token == "${fake.base62(32)}") {`,
      `keys:\n  - ${fake.base62(32)}`,
      `# api_key = "${fake.base62(32)}"`,
      `env:\n  - name: LOG_LEVEL\n    value: "${fake.base62(32)}"`,
      `options: [{ label: 'Key', value: '${fake.base62(32)}' }]`,
      // A single run over 255 characters is more often data (an image, a public key).
      `  avatar_key: ${fake.base64(600)}`,
      `token = ${fake.base62(36)}.getUserAccountSettingsHandler`,
    ],
  }),
});

/** Four groups of four random lower-case letters, as Google shows app passwords. */
function appPassword(fake: Fake): string {
  return Array.from({ length: 4 }, () => fake.string(LOWER, 4)).join(' ');
}

export const genericPassword = defineRule({
  id: 'generic-password',
  title: 'Hard-coded password',
  provider: 'Any (hard-coded password)',
  source: 'https://cwe.mitre.org/data/definitions/798.html',
  description:
    'A literal password assigned to a key named password, passwd, pwd or passphrase in code or configuration (not a template, look-up, placeholder or label).',
  remediation: FIX,
  severity: 'high',
  keywords: ['pass', 'pwd'],
  pattern: assignmentPatterns(PASSWORD_WORD, PASSWORD_VALUE, PASSWORD_END),
  scope: 'line',
  check: 'password-value',
  generic: true,
  samples: (fake) => ({
    match: [
      `DB_PASSWORD=${fakePassword(fake)}`,
      `  password: "${fakePassword(fake)}"`,
      `"smtpPassword": "${fakePassword(fake)}",`,
      `admin_passwd = '${fakePassword(fake)}'`,
      `$Password = "${fakePassword(fake)}"`,
      `spring.datasource.password=${fakePassword(fake)}`,
      // The key on the line above, in a look-up's default, in an element; app passwords,
      // and passwords with a dictionary word among other characters.
      `db_password:\n  "${fakePassword(fake)}"`,
      `DB_PASSWORD = os.getenv("DB_PASSWORD", "${fakePassword(fake)}")`,
      `      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:-${fakePassword(fake)}}`,
      `<password>${fakePassword(fake)}</password>`,
      `GMAIL_APP_PASSWORD="${appPassword(fake)}"`,
      `smtp_password = "Qwerty${fake.pick(['!', '#', '%'])}${fake.base62(6)}${fake.digits(2)}"`,
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
      // Shapes of real code that are no passwords: minified comparisons, labels,
      // expressions, ternaries, validation rules, hashing calls, stand-ins.
      'password:function(T){return"password"==T.type},submit:function(T){return"submit"==T.type}',
      '<label for="password">Password:</label>',
      'var pass = no;',
      'return predicate(value) ? pass : fail;',
      "'password' => 'required|string|min:8|confirmed',",
      "'password' => Hash::make('secret'),",
      'password = c->argv[j]->ptr;',
      "user.update(password: 'pass4321', password_confirmation: 'pass4321')",
      "    password: 'Password123!',",
      `    # password = "${fakePassword(fake)}"`,
    ],
  }),
});

/** .NET appSettings: `<add key="SmtpPassword" value="…" />`, the key name is an attribute value. */
export const dotnetAppSetting = defineRule({
  id: 'dotnet-appsettings-secret',
  title: '.NET appSettings secret',
  provider: '.NET',
  source:
    'https://learn.microsoft.com/dotnet/framework/configure-apps/file-schema/appsettings/add-element-for-appsettings',
  description:
    'A password or secret in a .NET configuration <add key="…" value="…"/> element (Web.config, App.config), judged like any assignment: the key attribute names a password or secret, the value is a literal password or random secret.',
  remediation: FIX,
  severity: 'high',
  keywords: ['<add'],
  pattern:
    /<add[ \t]{1,8}key[ \t]{0,4}=[ \t]{0,4}"(?<key>[^"<>\n]{1,80})"[ \t]{1,8}value[ \t]{0,4}=[ \t]{0,4}"(?<secret>[^"<>\s]{4,300})"/,
  scope: 'line',
  check: { anyOf: ['password-value', 'secret-value'] },
  generic: true,
  samples: (fake) => ({
    match: [
      `  <add key="SmtpPassword" value="${fakePassword(fake)}" />`,
      `<appSettings>\n  <add key="PaymentApiKey" value="${fake.base62(32)}"/>\n</appSettings>`,
    ],
    ignore: [
      `  <add key="SmtpPassword" value="" />`,
      `  <add key="SmtpUser" value="${fakePassword(fake)}" />`,
      `  <add key="ApiKey" value="#{ApiKey}#" />`,
    ],
  }),
});

export const urlBasicAuth = defineRule({
  id: 'url-basic-auth',
  title: 'URL with basic-auth credentials',
  provider: 'Any (URL userinfo)',
  source: 'https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1',
  description: 'A URL with a password in its user information (https://user:password@host).',
  remediation: FIX,
  severity: 'high',
  keywords: ['://'],
  pattern:
    /(?<![A-Za-z0-9+.-])(?:https?|ftps?|sftp|smtps?|imaps?|ldaps?|ssh|svn|wss?|nntp|sql|jdbc:[a-z]+):\/\/[^\s:@/"'<>]{1,128}:(?<secret>[^\s@/"'<>]{3,256})@[A-Za-z0-9.[\]_-]{1,253}/,
  check: ['in-code-or-config', 'url-password'],
  generic: true,
  samples: (fake) => ({
    match: [
      `git clone https://ci-bot:${fakePassword(fake)}@git.internal.acme-corp.net/team/repo.git`,
      `PROXY=http://svc:${fake.base62(20)}@proxy.internal:3128`,
      `ftp://backup:${fakePassword(fake)}@files.internal/`,
    ],
    ignore: [
      'https://user:${PASSWORD}@host',
      'https://user:password@example.com',
      `https://abc:${fake.base62(12)}@example.com/`,
      'https://github.com/user/repo.git',
      'http://localhost:8080/x@y',
      "url = 'http://user:pass@complex.url.com/path?query=yes'",
      `# git clone https://ci-bot:${fakePassword(fake)}@git.internal.acme-corp.net/team/repo.git`,
    ],
  }),
});

export const kubernetesSecret = defineRule({
  id: 'kubernetes-secret',
  title: 'Kubernetes Secret manifest value',
  provider: 'Kubernetes',
  source: 'https://kubernetes.io/docs/tasks/configmap-secret/managing-secret-using-config-file',
  description:
    'A value under data: or stringData: of a Kubernetes Secret manifest (base64 is encoding, not encryption).',
  remediation:
    'Rotate the credential the Secret holds, remove the manifest from the repository, and manage it with Sealed Secrets, SOPS or an external secret operator.',
  severity: 'high',
  keywords: ['kind: secret'],
  pattern:
    /^[ \t]{1,16}[A-Za-z0-9_.-]{1,253}:[ \t]{1,8}["']?(?<secret>[^\s"'#]{6,8192})["']?[ \t]*$/gm,
  check: 'kubernetes-secret-value',
  samples: (fake) => ({
    match: [
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: ${toBase64(fakePassword(fake))}\n`,
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\nstringData:\n  token: ${fake.base62(32)}\n`,
    ],
    ignore: [
      `apiVersion: v1\nkind: ConfigMap\ndata:\n  password: ${toBase64(fakePassword(fake))}\n`,
      `apiVersion: v1\nkind: Secret\ndata:\n  password: ${toBase64('changeme')}\n`,
      `kind: Secret\nmetadata:\n  name: ${fake.base62(12)}\n`,
    ],
  }),
});

// Credentials whose syntax says which value is the password — a call's argument
// (NetworkCredential, DirectoryEntry, Connect-VIServer, ConvertTo-SecureString), a .netrc
// entry, a Basic header — so these are no guesses by key name. Found only where the value is
// a literal that looks like a password (not a variable, template or stand-in).

export const dotnetNetworkCredential = defineRule({
  id: 'dotnet-network-credential',
  title: '.NET NetworkCredential password',
  provider: '.NET',
  source: 'https://learn.microsoft.com/en-us/dotnet/api/system.net.networkcredential.-ctor',
  description:
    'A literal password passed to new NetworkCredential("user", "password") (System.Net, also from PowerShell), used for SMTP, HTTP and file-share logins.',
  remediation: FIX,
  severity: 'high',
  keywords: ['networkcredential'],
  pattern:
    /NetworkCredential[ \t]{0,4}\([ \t]{0,4}["'][^"'\n]{1,128}["'][ \t]{0,4},[ \t]{0,4}["'](?<secret>[^"'\n$]{3,128})["']/i,
  scope: 'line',
  check: 'password-like',
  samples: (fake) => ({
    match: [
      `smtp.Credentials = new NetworkCredential("alerts@acme-corp.net", "${fakePassword(fake)}");`,
      `$webClient.Credentials = New-Object System.Net.NetworkCredential("cidownload", "${fake.base62(27)}")`,
    ],
    ignore: [
      'smtp.Credentials = new NetworkCredential(user, password);',
      'client.Credentials = new NetworkCredential("username", "password");',
      `new NetworkCredential("svc", "$(SmtpPassword)")`,
    ],
  }),
});

export const dotnetDirectoryEntry = defineRule({
  id: 'dotnet-directory-entry-password',
  title: '.NET DirectoryEntry password',
  provider: '.NET',
  source:
    'https://learn.microsoft.com/en-us/dotnet/api/system.directoryservices.directoryentry.-ctor',
  description:
    'A literal password passed to new DirectoryEntry("LDAP://…", "user", "password") (System.DirectoryServices): an Active Directory bind credential.',
  remediation: FIX,
  severity: 'high',
  keywords: ['directoryentry'],
  pattern:
    /DirectoryEntry[ \t]{0,4}\(\s{0,40}["'][^"'\n]{1,256}["'][ \t]{0,4},\s{0,40}["'][^"'\n]{1,128}["'][ \t]{0,4},\s{0,40}["'](?<secret>[^"'\n$]{3,128})["']/i,
  check: 'password-like',
  samples: (fake) => ({
    match: [
      `var entry = new DirectoryEntry("LDAP://dc01.corp.acme.net/DC=corp,DC=acme", "CORP\\\\svc_ldap", "${fakePassword(fake)}");`,
      `$domain = New-Object DirectoryServices.DirectoryEntry("LDAP://10.10.10.1",\n    "corp\\\\admin",\n    "${fakePassword(fake)}")`,
    ],
    ignore: [
      'new DirectoryEntry("LDAP://dc01", username, password);',
      'new DirectoryEntry("LDAP://dc01", "user", "password");',
    ],
  }),
});

export const powershellConnectViServer = defineRule({
  id: 'vmware-connect-viserver-password',
  title: 'Password in a Connect-VIServer call',
  provider: 'VMware PowerCLI',
  source:
    'https://developer.broadcom.com/powercli/latest/vmware.vimautomation.core/commands/connect-viserver',
  description: 'A literal -Password of a PowerCLI Connect-VIServer call: a vCenter or ESXi login.',
  remediation: FIX + ' Use a credential store (New-VICredentialStoreItem) or -Credential.',
  severity: 'high',
  keywords: ['connect-viserver'],
  pattern:
    /Connect-VIServer\b[^\n]{0,200}?-Password[ \t]{1,4}["']?(?<secret>[^\s"'$`(){}]{3,128})/i,
  scope: 'line',
  check: 'password-like',
  samples: (fake) => ({
    match: [
      `Connect-VIServer -Server vc01.corp.acme.net -User administrator@vsphere.local -Password ${fakePassword(fake)}`,
      `$null = connect-viserver 10.0.0.5 -user root -password '${fakePassword(fake)}'`,
    ],
    ignore: [
      'Connect-VIServer "$endpoint" -User "$username" -Password "$password" | Out-Null',
      'Connect-VIServer $ESXiHost.EsxiHost -user $ESXiUser -password $ESXipass',
    ],
  }),
});

export const powershellSecureString = defineRule({
  id: 'powershell-plaintext-securestring',
  title: 'Plain-text password made a SecureString',
  provider: 'PowerShell',
  source:
    'https://docs.microsoft.com/powershell/module/microsoft.powershell.security/convertto-securestring',
  description:
    'A literal string turned into a SecureString with ConvertTo-SecureString "…" -AsPlainText -Force: the password is in the script in plain text.',
  remediation: FIX + ' Read it with Get-Credential, Read-Host -AsSecureString or a vault.',
  severity: 'high',
  keywords: ['convertto-securestring'],
  pattern: [
    /ConvertTo-SecureString[ \t]{1,4}(?:-String[ \t]{1,4})?["'](?<secret>[^"'\n$]{4,128})["'][ \t]{1,4}-AsPlainText/i,
    /ConvertTo-SecureString[ \t]{1,4}-AsPlainText[ \t]{1,4}(?:-Force[ \t]{1,4})?(?:-String[ \t]{1,4})?["'](?<secret>[^"'\n$]{4,128})["']/i,
  ],
  scope: 'line',
  check: 'password-like',
  samples: (fake) => ({
    match: [
      `$secure = ConvertTo-SecureString "${fakePassword(fake)}" -AsPlainText -Force`,
      `$pw = ConvertTo-SecureString -AsPlainText -Force '${fakePassword(fake)}'`,
    ],
    ignore: [
      '$secure = ConvertTo-SecureString $env:DEPLOY_PASSWORD -AsPlainText -Force',
      '$secure = ConvertTo-SecureString "$($cfg.Password)" -AsPlainText -Force',
      '$secure = ConvertTo-SecureString "P@ssw0rd" -AsPlainText -Force',
    ],
  }),
});

export const netrcPassword = defineRule({
  id: 'netrc-password',
  title: 'Password in a .netrc file',
  provider: '.netrc (curl, git, ftp)',
  source: 'https://everything.curl.dev/usingcurl/netrc',
  description:
    'The password of a machine entry in a .netrc file (machine <host> login <user> password <password>), as curl, git, ftp and package managers read it.',
  remediation: FIX + ' Keep .netrc out of the repository and readable by its owner only.',
  severity: 'high',
  keywords: ['machine'],
  pattern:
    /(?:^|\s)(?:machine[ \t]+\S{1,253}|default)(?:\s+login[ \t]+\S{1,128})?\s+password[ \t]+(?<secret>[^\s"]{3,256})/,
  check: 'password-like',
  samples: (fake) => ({
    match: [
      `machine git.internal.acme-corp.net login ci-bot password ${fakePassword(fake)}`,
      `machine api.heroku.com\n  login ops@acme-corp.net\n  password ${fake.base62(36)}\n`,
    ],
    ignore: [
      'machine host.domain.com login myself password secret',
      'machine api.example.com login user password $NETRC_PASSWORD',
      'The machine password is rotated daily.',
    ],
  }),
});

export const httpBasicAuthHeader = defineRule({
  id: 'http-basic-auth-header',
  title: 'HTTP Basic credentials in an Authorization header',
  provider: 'HTTP',
  source: 'https://datatracker.ietf.org/doc/html/rfc7617',
  description:
    'An Authorization: Basic header whose value decodes to user:password (RFC 7617) with a password of 8 or more letters and digits: the password is only base64-encoded.',
  remediation: FIX,
  severity: 'high',
  keywords: ['basic'],
  pattern:
    /[Aa]uthorization["']?[ \t]{0,4}[:=,][ \t]{0,4}["']?(?:Basic|BASIC|basic)[ \t]{1,4}(?<secret>[A-Za-z0-9+/]{8,344}={0,2})(?![A-Za-z0-9+/=])/,
  scope: 'line',
  // The password: 8 or more characters with letters and digits (test fixtures and RFC
  // examples write words: tobi:ferret, Aladdin:open sesame).
  check: { base64Text: '^[^:\\s]{1,128}:(?=\\S{8,128}$)(?=.*[0-9])(?=.*[A-Za-z])' },
  samples: (fake) => ({
    match: [
      `curl -H "Authorization: Basic ${toBase64(`deploy:${fakePassword(fake)}`)}" https://ci.internal/api/json`,
      `headers = {"Authorization": "Basic ${toBase64(`svc-reports:${fakePassword(fake)}`)}"}`,
    ],
    ignore: [
      'Authorization: Basic ${BASIC_AUTH}',
      `Authorization: Basic ${toBase64(`${fake.base62(20)}`)}`,
      `Authorization: Basic ${toBase64('user:')}`,
      `request.set('Authorization', 'Basic ${toBase64('tobi:ferret')}')`,
    ],
  }),
});

export const genericRules: Rule[] = [
  dotnetNetworkCredential,
  dotnetDirectoryEntry,
  powershellConnectViServer,
  powershellSecureString,
  httpBasicAuthHeader,
  netrcPassword,
  urlBasicAuth,
  kubernetesSecret,
  dotnetAppSetting,
  genericPassword,
  genericApiKey,
];
