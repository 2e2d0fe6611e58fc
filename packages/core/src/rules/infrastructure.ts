import { BASE64URL, DIGITS, LOWER_ALNUM } from '../codec/alphabets.js';
import type { Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { alone } from './shapes.js';
import { alnumKey, keyedRule } from './keyed.js';

// Infrastructure credentials: secrets stores, cluster join tokens, network control planes.
// Vault tokens are "hvs.", "hvb.", "hvr." since 1.10 and "s.", "b.", "r." before it; an
// unseal key is 44 base64 characters, and any such string decodes to 32 or 33 bytes, so the
// length is no check of its own.
// TrueNAS API keys are "<id>-<64 alphanumerics>" (observed; the key is shown once), found beside
// the JSON-RPC login method or the REST API path.

const vaultRemediation =
  'Revoke the token (vault token revoke), check the audit log, and have clients authenticate with a method (AppRole, OIDC, Kubernetes) instead of a stored token.';

export const infrastructureRules: Rule[] = [
  defineRule({
    id: 'vault-unseal-key',
    title: 'HashiCorp Vault unseal key',
    provider: 'HashiCorp Vault',
    source: 'https://developer.hashicorp.com/vault/docs/commands/operator/init',
    description:
      'HashiCorp Vault unseal key share (44 base64 characters) as `vault operator init` prints it ("Unseal Key 1: …") or as `vault operator unseal` takes it.',
    remediation:
      'Rekey Vault (vault operator rekey) so that the leaked share is worthless, check the audit log, and keep unseal keys with their holders (or use auto-unseal), never in a repository.',
    severity: 'critical',
    keywords: ['unseal'],
    pattern:
      /(?:unseal key \d{1,2}:|operator unseal(?: -[a-z-]{1,20})?)[ \t]{1,8}(?<secret>[A-Za-z0-9+/]{43}[A-Za-z0-9+/=])(?![A-Za-z0-9+/=])/i,
    token: (fake) => fake.base64(44),
    contexts: [
      (t) => `Unseal Key 1: ${t}\nUnseal Key 2: ${t.slice(22)}${t.slice(0, 22)}`,
      (t) => `kubectl exec -ti vault-0 -- vault operator unseal ${t}`,
    ],
    ignore: (fake) => [
      `Unseal Key 1: ${fake.base64(40)}`,
      `vault operator unseal ${fake.base64(52)}`,
    ],
  }),
  defineRule({
    id: 'vault-recovery-token',
    title: 'HashiCorp Vault recovery token',
    provider: 'HashiCorp Vault',
    source: 'https://developer.hashicorp.com/vault/docs/concepts/tokens',
    description: 'HashiCorp Vault recovery token ("hvr." and 24 characters, or 90 or more).',
    remediation: vaultRemediation,
    severity: 'critical',
    keywords: ['hvr.'],
    prefix: 'hvr.',
    body: '(?:[A-Za-z0-9_-]{90,300}|[A-Za-z0-9]{24})',
    boundary: 'dotted',
    token: (fake) => `hvr.${fake.base62(24)}`,
  }),
  defineRule({
    id: 'vault-legacy-token',
    title: 'HashiCorp Vault token (before 1.10)',
    provider: 'HashiCorp Vault',
    source: 'https://developer.hashicorp.com/vault/docs/upgrading/upgrade-to-1.0.0',
    description:
      'HashiCorp Vault service or recovery token in the format before 1.10 ("s." or "r." and 24 characters; "s.CAES…" where it carries a namespace), assigned to a Vault setting, passed as a Vault token option or sent as X-Vault-Token: the prefixes are too short to find alone.',
    remediation: vaultRemediation,
    keywords: ['vault'],
    pattern: [
      /(?<![A-Za-z0-9_.-])[sr]\.[A-Za-z0-9]{24,32}(?![A-Za-z0-9_.-])/,
      /(?<![A-Za-z0-9_.-])s\.CAES[A-Za-z0-9_-]{80,300}(?![A-Za-z0-9_.-])/,
    ],
    check: {
      anyOf: [
        { keyedBy: 'vault' },
        { precededBy: 'x-vault-token:\\s*|-{1,2}vault[_-]?token[\\s=]+' },
      ],
    },
    samples: (fake) => ({
      match: [
        `export VAULT_TOKEN=s.${fake.base62(24)}`,
        `vault:\n  address: https://vault.internal:8200\n  token: "s.${fake.base62(24)}"`,
        `curl -H "X-Vault-Token: s.${fake.base62(24)}" https://vault.internal:8200/v1/secret/app`,
        `deploy --vault-token s.CAESI${fake.string(BASE64URL, 90)}`,
        `vault_recovery_token = "r.${fake.base62(24)}"`,
      ],
      ignore: [
        `VAULT_TOKEN=s.${'x'.repeat(24)}`,
        `vault_version = "s.${fake.base62(10)}"`,
        `token = "s.${fake.base62(24)}"`,
      ],
    }),
  }),
  defineRule({
    id: 'vault-legacy-batch-token',
    title: 'HashiCorp Vault batch token (before 1.10)',
    provider: 'HashiCorp Vault',
    source: 'https://developer.hashicorp.com/vault/docs/concepts/tokens#batch-tokens',
    description:
      'HashiCorp Vault batch token in the format before 1.10 ("b.AAAAAQ" and a long base64url body: the prefix and the encoded version are distinctive enough to find alone).',
    remediation:
      "Batch tokens cannot be revoked individually: revoke their parent or the auth method's leases, and stop storing tokens in the repository.",
    keywords: ['b.aaaaaq'],
    prefix: 'b.AAAAAQ',
    body: '[A-Za-z0-9_-]{80,400}',
    boundary: 'dotted',
    token: (fake) => `b.AAAAAQ${fake.string(BASE64URL, 140)}`,
  }),
  defineRule({
    id: 'kubernetes-bootstrap-token',
    title: 'Kubernetes bootstrap token',
    provider: 'Kubernetes',
    source: 'https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/',
    description:
      'Kubernetes bootstrap token ("[a-z0-9]{6}.[a-z0-9]{16}": token id and token secret) passed to `kubeadm join --token`, assigned to a token setting, or the token-secret of a bootstrap token Secret.',
    remediation:
      'Delete the token (kubeadm token delete <id>), check which nodes joined with it, and create short-lived tokens when a node joins instead of storing one.',
    // Not "token" alone: it is on most lines of configuration; a token key under a
    // bootstrapTokens block is reached through the block's line.
    keywords: ['--token', '--discovery-token', 'bootstrap', 'token-secret', 'kubeadm'],
    scope: 'line',
    pattern: [
      /(?<![A-Za-z0-9_.-])[a-z0-9]{6}\.[a-z0-9]{16}(?![A-Za-z0-9_.-])/,
      /token-secret:[ \t]{0,8}["']?(?<secret>[a-z0-9]{16})(?![A-Za-z0-9_.-])/,
    ],
    check: {
      anyOf: [{ precededBy: '--(?:discovery-)?token[= ]\\s*' }, { keyedBy: 'token|bootstrap' }],
    },
    token: (fake) => `${fake.string(LOWER_ALNUM, 6)}.${fake.string(LOWER_ALNUM, 16)}`,
    contexts: [
      (t) =>
        `kubeadm join 10.0.0.10:6443 --token ${t} \\\n  --discovery-token-ca-cert-hash sha256:abc`,
      (t) => `bootstrapTokens:\n  - token: "${t}"\n    ttl: 24h0m0s`,
      (t) => `KUBEADM_TOKEN=${t}`,
      (t) => `stringData:\n  token-id: ${t.slice(0, 6)}\n  token-secret: ${t.slice(7)}`,
    ],
    ignore: (fake) => [
      'kubeadm join 10.0.0.10:6443 --token abcdef.0123456789abcdef',
      `image: registry.local/${fake.string(LOWER_ALNUM, 6)}.${fake.string(LOWER_ALNUM, 16)}`,
    ],
  }),
  defineRule({
    id: 'tailscale-api-key',
    title: 'Tailscale key',
    provider: 'Tailscale',
    source: 'https://tailscale.com/kb/1277/key-prefixes',
    description:
      'Tailscale API, auth, OAuth client, SCIM or webhook key ("tskey-<type>-", a key id ending "CNTRL", "-" and the secret).',
    remediation: remediation('key', 'the Tailscale admin console (Settings > Keys)'),
    keywords: ['tskey-'],
    prefix: 'tskey-',
    body: '(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{6,24}CNTRL-[A-Za-z0-9]{16,64}',
    boundary: 'token',
    token: (fake) =>
      `tskey-${fake.pick(['api', 'auth', 'client'])}-k${fake.base62(10)}CNTRL-${fake.base62(33)}`,
    contexts: [
      (t) => `TS_AUTHKEY=${t}`,
      (t) => `tailscale up --authkey=${t}`,
      (t) => `provider "tailscale" {\n  api_key = "${t}"\n}`,
    ],
  }),
  defineRule({
    id: 'adafruit-io-key',
    title: 'Adafruit IO key',
    provider: 'Adafruit',
    source: 'https://adafruit.github.io/Adafruit_IO_Documentation/http.html',
    description:
      'Adafruit IO key ("aio_" and 28 letters and digits), sent as X-AIO-Key to io.adafruit.com.',
    remediation: remediation('key (regenerate it)', 'Adafruit IO (My Key)'),
    keywords: ['aio_'],
    prefix: 'aio_',
    body: '[A-Za-z0-9]{28}',
    boundary: 'word',
    token: (fake) => `aio_${fake.base62(28)}`,
    contexts: [
      (t) => `ADAFRUIT_IO_KEY=${t}`,
      (t) => `aio = Client("maker", "${t}")`,
      (t) => `curl -H "X-AIO-Key: ${t}" https://io.adafruit.com/api/v2/maker/feeds`,
    ],
  }),
  defineRule({
    id: 'truenas-api-key',
    title: 'TrueNAS API key',
    provider: 'TrueNAS',
    source: 'https://www.truenas.com/docs/scale/25.04/scaletutorials/toptoolbar/managingapikeys',
    description:
      'TrueNAS API key ("<key id>-" and 64 letters and digits, as observed) sent to auth.login_with_api_key or as a bearer token to the /api/v2.0/ REST API: password-equivalent access to the middleware, not subject to two-factor authentication.',
    remediation: remediation('API key (reset or delete it)', 'TrueNAS (My API Keys)'),
    severity: 'critical',
    keywords: ['truenas', 'login_with_api_key', '/api/v2.0/'],
    pattern: alone('\\d{1,6}-[A-Za-z0-9]{64}'),
    check: [
      'mixed-case',
      { nearText: { pattern: 'truenas|login_with_api_key|/api/v2\\.0/', within: 400 } },
    ],
    token: (fake) => `${fake.digits(1)}-${fake.base62(62)}aZ`,
    contexts: [
      (t) =>
        `{"id": "3286a508", "msg": "method", "method": "auth.login_with_api_key", "params": ["${t}"]}`,
      (t) =>
        `curl -X POST "https://nas.lan/api/v2.0/device/get_info" -H "Authorization: Bearer ${t}"`,
      (t) => `TRUENAS_API_KEY=${t}`,
    ],
    ignore: (fake) => [
      `"integrity": "sha512-${fake.hex(64)}" # truenas`,
      `curl "https://nas.lan/api/v2.0/pool" -H "X-Request: 1-${fake.hex(64)}"`,
    ],
  }),
  keyedRule({
    id: 'zerotier-api-token',
    title: 'ZeroTier Central API token',
    provider: 'ZeroTier',
    source: 'https://docs.zerotier.com/tokens',
    credential: 'API token',
    revokeAt: 'ZeroTier Central (Account > API Access Tokens)',
    names: ['zerotier'],
    env: 'ZEROTIER_CENTRAL_TOKEN',
    shape: alnumKey(32),
    note: 'format observed',
    impact: "It manages the account's networks and authorises members.",
  }),
  keyedRule({
    id: 'atera-api-key',
    title: 'Atera API key',
    provider: 'Atera',
    source: 'https://support.atera.com/hc/en-us/articles/219083397-Using-the-Atera-API',
    credential: 'API key',
    revokeAt: 'Atera (Admin > Data management > API)',
    names: ['atera'],
    env: 'ATERA_API_KEY',
    shape: alnumKey(32),
    note: 'format observed; sent as X-API-KEY',
    impact: 'It reaches every managed device, ticket and customer of the account.',
  }),
  keyedRule({
    id: 'sslmate-api-key',
    title: 'SSLMate API key',
    provider: 'SSLMate',
    source: 'https://sslmate.com/help/reference/apiv3',
    credential: 'API key',
    revokeAt: 'SSLMate (account page > API keys)',
    names: ['sslmate'],
    env: 'SSLMATE_API_KEY',
    // The APIv3 example key: digits, "_" and 20 letters and digits.
    shape: {
      body: '[0-9]{1,10}_[A-Za-z0-9]{20}',
      fake: (fake) => `${fake.string(DIGITS, 4)}_${fake.base62(20)}`,
      what: 'digits, "_" and 20 letters and digits',
      random: false,
    },
    hosts: ['sslmate.com'],
    note: 'the key is sent as a Bearer token or as the Basic username',
    impact: 'It orders, reissues and revokes the account’s certificates.',
    example: (t) =>
      `curl -H "Authorization: Bearer ${t}" https://sslmate.com/api/v3/orders/example.com`,
  }),
];
