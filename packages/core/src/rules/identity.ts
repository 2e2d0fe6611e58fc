import { BASE64URL, UPPER_ALNUM } from '../codec/alphabets.js';
import { toBase64 } from '../codec/base64.js';
import type { Fake, Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { alone } from './shapes.js';
import { base64urlKey, keyedRule, uuidKey } from './keyed.js';

// A JWS in compact form is base64url(header).base64url(payload).signature and its header
// decodes to JSON naming "alg" (RFC 7515 §4.1.1).

function jwt(fake: Fake): string {
  const header = toBase64('{"alg":"HS256","typ":"JWT"}', true);
  const payload = toBase64(
    `{"sub":"${fake.digits(8)}","role":"service","iat":1${fake.digits(9)}}`,
    true,
  );
  return `${header}.${payload}.${fake.string(BASE64URL, 43)}`;
}

export const identityRules: Rule[] = [
  defineRule({
    id: 'jwt',
    title: 'JSON Web Token',
    provider: 'Any issuer (JSON Web Token)',
    source: 'https://www.rfc-editor.org/info/rfc7519',
    description:
      'A signed JSON Web Token whose header and payload decode to JSON (bearer credential until it expires).',
    remediation:
      'Treat the token as leaked until it expires: revoke the session or rotate the signing key if it is long-lived, and never commit captured tokens.',
    severity: 'medium',
    keywords: ['eyj'],
    pattern:
      /(?<![A-Za-z0-9_.-])eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{16,1000}(?![A-Za-z0-9_.-])/,
    check: 'jwt',
    token: jwt,
    ignore: (fake) => [
      `eyJ${fake.string(BASE64URL, 30)}.eyJ${fake.string(BASE64URL, 40)}.${fake.string(BASE64URL, 43)}`,
    ],
  }),
  defineRule({
    id: 'okta-api-token',
    title: 'Okta API token',
    provider: 'Okta',
    source: 'https://developer.okta.com/docs/guides/create-an-api-token/main/',
    description:
      'Okta API token ("00" and 40 characters) sent as "SSWS <token>" or assigned to an Okta setting.',
    remediation: remediation('API token', 'the Okta admin console (Security > API > Tokens)'),
    keywords: ['ssws', 'okta'],
    prefix: '00',
    body: '[A-Za-z0-9_-]{40}',
    boundary: 'token',
    scope: 'line',
    check: { anyOf: [{ precededBy: 'SSWS\\s' }, { keyedBy: 'okta[\\w.-]*(?:token|key)' }] },
    token: (fake) => `00${fake.string(BASE64URL, 38)}${fake.digits(2)}`,
    contexts: [
      (t) => `Authorization: SSWS ${t}`,
      (t) => `OKTA_API_TOKEN=${t}`,
      (t) => `okta_token: "${t}"`,
    ],
  }),
  defineRule({
    id: 'onepassword-service-account-token',
    title: '1Password service account token',
    provider: '1Password',
    source: 'https://developer.1password.com/docs/service-accounts/security',
    description:
      '1Password service account token ("ops_" and base64 JSON). The format is observed: the provider documents only how the key is used.',
    remediation: remediation('service account token', '1Password (Developer > Service accounts)'),
    severity: 'critical',
    keywords: ['ops_eyj'],
    prefix: 'ops_eyJ',
    body: '[A-Za-z0-9+/=_-]{100,2000}',
    boundary: 'word',
    check: { jsonPayload: [] },
    token: (fake) =>
      `ops_${toBase64(`{"signInAddress":"my.1password.com","userAuth":{"method":"SRPg-4096","alg":"PBES2g-HS256","iterations":650000,"salt":"${fake.base62(22)}"},"email":"${fake.base62(10).toLowerCase()}@1passwordserviceaccounts.com","srpX":"${fake.hex(64)}"}`)}`,
  }),
  defineRule({
    id: 'onepassword-secret-key',
    title: '1Password account secret key',
    provider: '1Password',
    source: 'https://support.1password.com/secret-key-security/',
    description:
      'A 1Password account Secret Key ("A3-" and six groups): with the account password it unlocks the vaults.',
    remediation:
      'Regenerate the Secret Key in 1Password (Profile > Secret Key) and sign out other devices.',
    severity: 'critical',
    keywords: ['a3-'],
    pattern:
      /(?<![A-Za-z0-9-])A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}(?![A-Za-z0-9-])/,
    samples: (fake) => {
      const g = (n: number) => fake.string(UPPER_ALNUM, n);
      return {
        match: [
          `A3-${g(6)}-${g(6)}-${g(5)}-${g(5)}-${g(5)}-${g(5)}`,
          `secret key: A3-${g(6)}-${g(11)}-${g(5)}-${g(5)}-${g(5)}`,
        ],
        ignore: [`A3-${g(6)}-${g(6)}`, 'A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX'],
      };
    },
  }),
  keyedRule({
    id: 'auth0-client-secret',
    title: 'Auth0 client secret',
    provider: 'Auth0',
    source: 'https://auth0.com/docs/get-started/applications/credentials',
    credential: 'client secret',
    revokeAt: 'the Auth0 Dashboard (Applications > the application > Credentials)',
    names: ['auth0'],
    env: 'AUTH0_CLIENT_SECRET',
    shape: base64urlKey(64),
    credentials: 'secret',
    note: 'format observed; or the Auth0 SDK session secret, AUTH0_SECRET',
  }),
  defineRule({
    id: 'jwt-signing-secret',
    title: 'JWT signing secret',
    provider: 'JSON Web Token (HMAC key)',
    source: 'https://datatracker.ietf.org/doc/html/rfc7518#section-3.2',
    description:
      'A literal HMAC key for signing JSON Web Tokens (HS256/384/512) assigned to a JWT secret setting (JWT_SECRET, jwt.secret, jwtSecret): whoever holds it mints valid tokens for any user.',
    remediation:
      'Generate a new key (32 random bytes or more), load it from the environment or a secret store, and expect every session signed with the old one to end.',
    severity: 'high',
    keywords: ['jwt'],
    pattern:
      /(?<![\w-])(?<key>(?:[\w-]{0,30}(?:jwt|JWT|Jwt)[\w.-]{0,30})?(?:secret|Secret|SECRET)(?:_?[Kk]ey|_KEY)?)["']?\]?[ \t]{0,4}[:=][ \t]{0,4}["'](?<secret>[^\s"'$]{8,256})["']/,
    scope: 'line',
    check: [{ keyedBy: 'jwt[\\w.-]*(?:secret|sign)' }, { anyOf: ['password-like', 'random'] }],
    samples: (fake) => ({
      match: [
        `JWT_SECRET="${fake.base62(32)}"`,
        `jwt:\n  secret: "${fake.hex(32)}"\n  ttl: 3600`,
        `oauthproviders:\n  jwtsecret: '${fake.string(BASE64URL, 48)}'`,
        `app.config["JWT_SECRET_KEY"] = "${fake.base62(24)}"`,
      ],
      ignore: [
        'JWT_SECRET="${JWT_SECRET}"',
        'jwt:\n  secret: "changeme"',
        `jwt:\n  issuer: "${fake.base62(32)}"`,
        `client_secret = "${fake.base62(32)}"`,
      ],
    }),
  }),
  defineRule({
    id: 'recaptcha-secret-key',
    title: 'reCAPTCHA secret key',
    provider: 'Google reCAPTCHA',
    source: 'https://docs.cloud.google.com/recaptcha/docs/verify',
    description:
      'reCAPTCHA secret key ("6L" and 38 characters, as observed) assigned to a reCAPTCHA secret setting or sent to siteverify: with it anyone can verify challenges as the site (the site key of the same shape is public and not reported).',
    remediation: remediation('key (create a new one)', 'the reCAPTCHA admin console'),
    severity: 'medium',
    keywords: ['captcha', 'siteverify'],
    pattern: alone('6L[A-Za-z0-9_-]{38}'),
    check: {
      anyOf: [
        { keyedBy: 'captcha[\\w.-]*(?:secret|private)|secret[\\w.-]*captcha' },
        { nearText: { pattern: 'siteverify', within: 200 } },
      ],
    },
    token: (fake) => `6L${fake.string(BASE64URL, 38)}`,
    contexts: [
      (t) => `RECAPTCHA_SECRET_KEY=${t}`,
      (t) => `recaptcha:\n  site_key: 6L${'a'.repeat(38)}\n  secret_key: "${t}"`,
      (t) =>
        `requests.post("https://www.google.com/recaptcha/api/siteverify", data={"secret": "${t}", "response": token})`,
    ],
    ignore: (fake) => [
      `RECAPTCHA_SITE_KEY=6L${fake.string(BASE64URL, 38)}`,
      `<div class="g-recaptcha" data-sitekey="6L${fake.string(BASE64URL, 38)}"></div>`,
    ],
  }),
  keyedRule({
    id: 'loginradius-api-secret',
    title: 'LoginRadius API secret',
    provider: 'LoginRadius',
    source: 'https://github.com/LoginRadius/ruby-on-rails-sdk',
    credential: 'API secret',
    revokeAt: 'the LoginRadius admin console (Platform configuration > API credentials)',
    // The API key goes into the browser with the login widget; the secret grants the management API.
    names: ['loginradius', 'login_radius'],
    env: 'LOGINRADIUS_API_SECRET',
    shape: uuidKey,
    credentials: 'secret|private',
    hosts: ['api.loginradius.com'],
    note: 'format observed',
    example: (t) =>
      `curl "https://api.loginradius.com/identity/v2/manage/account?apikey=$LR_API_KEY&apisecret=${t}"`,
  }),
];
