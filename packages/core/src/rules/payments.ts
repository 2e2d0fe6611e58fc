import { BASE64URL, HEX, LOWER_ALNUM } from '../codec/alphabets.js';
import type { Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { UUID, alone, fakeUuid } from './shapes.js';
import { alnumKey, base64urlKey, eitherKey, hexKey, keyedRule, uuidKey } from './keyed.js';

// Braintree / PayPal access tokens: "access_token$production$<merchant>$<32 hex>".

/** The lower-case Crockford base32 of a ULID, the id inside a Paddle API key. */
const ULID = '0123456789abcdefghjkmnpqrstvwxyz';

export const paymentRules: Rule[] = [
  ...(
    [
      ['shopify-access-token', 'shpat_', 'Shopify Admin API access token'],
      ['shopify-custom-app-token', 'shpca_', 'Shopify custom app access token'],
      ['shopify-private-app-token', 'shppa_', 'Shopify private app access token'],
      ['shopify-shared-secret', 'shpss_', 'Shopify app shared secret'],
    ] as const
  ).map(([id, prefix, title]) =>
    defineRule({
      id,
      title,
      provider: 'Shopify',
      source: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens',
      description: `${title} ("${prefix}" and 32 hex).`,
      remediation: remediation(
        'token or secret (uninstall/rotate it)',
        'the Shopify admin or Partner dashboard',
      ),
      keywords: [prefix],
      pattern: new RegExp(`(?<![A-Za-z0-9_])${prefix}[a-fA-F0-9]{32}(?![A-Za-z0-9])`, 'g'),
      token: (fake) => `${prefix}${fake.hex(32)}`,
    }),
  ),
  defineRule({
    id: 'square-access-token',
    title: 'Square access token',
    provider: 'Square',
    source: 'https://developer.squareup.com/docs/build-basics/access-tokens',
    description: 'Square production access token ("EAAA" and 60 characters, or legacy "sq0atp-").',
    remediation: remediation('access token', 'the Square Developer Dashboard (Credentials)'),
    keywords: ['eaaa', 'sq0atp-'],
    pattern:
      /(?<![A-Za-z0-9_-])(?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/,
    token: (fake) =>
      fake.pick([true, false])
        ? `EAAA${fake.string(BASE64URL, 60)}`
        : `sq0atp-${fake.string(BASE64URL, 22)}`,
  }),
  defineRule({
    id: 'square-oauth-secret',
    title: 'Square OAuth application secret',
    provider: 'Square',
    source: 'https://developer.squareup.com/docs/build-basics/access-tokens',
    description: 'Square OAuth application secret ("sq0csp-" and 43 characters).',
    remediation: remediation('application secret', 'the Square Developer Dashboard (OAuth)'),
    keywords: ['sq0csp-'],
    prefix: 'sq0csp-',
    body: '[A-Za-z0-9_-]{43}',
    boundary: 'token',
    token: (fake) => `sq0csp-${fake.string(BASE64URL, 43)}`,
  }),
  defineRule({
    id: 'braintree-access-token',
    title: 'PayPal Braintree access token',
    provider: 'PayPal Braintree',
    source: 'https://developer.paypal.com/braintree/docs/guides/ec-braintree-sdk/server-side',
    description:
      'PayPal Braintree production access token ("access_token$production$…"). The format is observed: the provider documents only how the key is used.',
    remediation: remediation('access token', 'the Braintree control panel (API keys)'),
    severity: 'critical',
    keywords: ['access_token$production$'],
    pattern: /access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}(?![A-Za-z0-9])/,
    token: (fake) =>
      `access_token$production$${fake.string(LOWER_ALNUM, 16)}$${fake.string(HEX, 32)}`,
  }),
  defineRule({
    id: 'flutterwave-secret-key',
    title: 'Flutterwave secret key',
    provider: 'Flutterwave',
    source: 'https://developer.flutterwave.com/docs/integration-guides/authentication',
    description: 'Flutterwave live secret key ("FLWSECK-", 32 hex, "-X").',
    remediation: remediation('secret key', 'the Flutterwave dashboard (Settings > API)'),
    keywords: ['flwseck-'],
    prefix: 'FLWSECK-',
    body: '[a-f0-9]{32}-X',
    boundary: 'token',
    token: (fake) => `FLWSECK-${fake.hex(32)}-X`,
  }),
  defineRule({
    id: 'wise-api-token',
    title: 'Wise (TransferWise) API token',
    provider: 'Wise',
    source: 'https://docs.wise.com/guides/developer/auth-and-security/personal-api-token',
    description:
      'Wise personal or OAuth API token (a UUID) assigned to a Wise or TransferWise setting.',
    remediation: remediation('API token', 'Wise (Settings > Integrations and tools > API tokens)'),
    // Not "wise" alone: "otherwise" and "likewise" are on many lines of code and prose.
    keywords: ['wise_', 'wise-', 'transferwise'],
    scope: 'line',
    pattern: alone(UUID),
    check: { keyedBy: '(?:^|[^a-z])(?:transfer)?wise[_.-]?(?:api[_.-]?)?(?:token|key|secret)' },
    token: fakeUuid,
    contexts: [
      (t) => `WISE_API_TOKEN=${t}`,
      (t) => `transferwise_api_key: "${t}"`,
      (t) => `export TRANSFERWISE_TOKEN='${t}'`,
    ],
    ignore: (fake) => [
      `WISE_PROFILE_ID=${fakeUuid(fake)}`,
      `otherwise_token = "${fakeUuid(fake)}"`,
    ],
  }),
  defineRule({
    id: 'easypost-api-key',
    title: 'EasyPost API key',
    provider: 'EasyPost',
    source: 'https://docs.easypost.com/docs/authentication',
    description:
      'EasyPost production ("EZAK") or test ("EZTK") API key and 54 letters and digits, sent as the Basic auth user name. The format is observed: the provider documents only how the key is used.',
    remediation: remediation('API key', 'EasyPost (Account settings > API keys)'),
    keywords: ['ezak', 'eztk'],
    prefix: ['EZAK', 'EZTK'],
    body: '[A-Za-z0-9]{54}',
    boundary: 'alnum',
    token: (fake) => `${fake.pick(['EZAK', 'EZTK'])}${fake.base62(54)}`,
    contexts: [(t) => `EASYPOST_API_KEY=${t}`, (t) => `client = easypost.EasyPostClient("${t}")`],
  }),
  keyedRule({
    id: 'paypal-client-secret',
    title: 'PayPal REST API client secret',
    provider: 'PayPal',
    source: 'https://developer.paypal.com/api/rest/',
    credential: 'REST app client secret',
    revokeAt: 'the PayPal Developer Dashboard (Apps & Credentials > the app)',
    names: ['paypal'],
    env: 'PAYPAL_CLIENT_SECRET',
    shape: base64urlKey([60, 90]),
    credentials: 'secret',
    note: 'format observed',
    impact: 'With the client id it obtains access tokens that move money.',
    severity: 'critical',
  }),
  keyedRule({
    id: 'finicity-credentials',
    title: 'Finicity app key or partner secret',
    provider: 'Finicity (Mastercard Open Finance)',
    source: 'https://developer.mastercard.com/open-finance-us/documentation/api-reference/',
    credential: 'app key or partner secret',
    revokeAt: 'the Mastercard Developers dashboard',
    names: ['finicity'],
    env: 'FINICITY_APP_KEY',
    shape: eitherKey(hexKey(32), alnumKey(20)),
    note: 'format observed; the app key is sent as Finicity-App-Key',
    impact: "With the partner id they read customers' bank data.",
  }),
  keyedRule({
    id: 'oanda-access-token',
    title: 'OANDA personal access token',
    provider: 'OANDA',
    source: 'https://developer.oanda.com/rest-live-v20/authentication',
    credential: 'personal access token',
    revokeAt: 'OANDA fxTrade (My Services > Manage API Access)',
    names: ['oanda'],
    env: 'OANDA_ACCESS_TOKEN',
    shape: {
      body: '[a-fA-F0-9]{32}-[a-fA-F0-9]{32}',
      fake: (fake) => `${fake.hex(32)}-${fake.hex(32)}`,
      what: '32 hex digits, "-" and 32 more',
      // Hex with a dash reads as base64url, whose random keys mix cases: no `random` check.
      random: false,
    },
    note: 'v20; format observed',
    impact: 'It trades on every sub-account of the fxTrade account.',
    severity: 'critical',
  }),
  defineRule({
    id: 'shippo-api-token',
    title: 'Shippo API token',
    provider: 'Shippo',
    source: 'https://docs.goshippo.com/guides/authentication',
    description:
      'Shippo API token ("shippo_live_" or "shippo_test_" and 40 hex; the prefixes are documented, the body is observed), sent as "Authorization: ShippoToken …"; a live token buys real labels.',
    remediation: remediation(
      'API token',
      'the Shippo API portal (API Configuration > Developer keys)',
    ),
    keywords: ['shippo_live_', 'shippo_test_'],
    prefix: ['shippo_live_', 'shippo_test_'],
    body: '[a-f0-9]{40}',
    boundary: 'token',
    token: (fake) => `shippo_${fake.pick(['live', 'test'])}_${fake.string(HEX, 40)}`,
    contexts: [
      (t) => `SHIPPO_API_KEY=${t}`,
      (t) => `curl https://api.goshippo.com/addresses/ -H "Authorization: ShippoToken ${t}"`,
      (t) => `sdk = shippo.Shippo(api_key_header="ShippoToken ${t}")`,
    ],
  }),
  keyedRule({
    id: 'coinbase-legacy-api-secret',
    title: 'Coinbase legacy API key secret',
    provider: 'Coinbase',
    source: 'https://docs.cdp.coinbase.com/coinbase-app/authentication-authorization/legacy-keys',
    credential: 'legacy API key secret',
    revokeAt: 'Coinbase (Settings > API; legacy keys are replaced by CDP API keys)',
    names: ['coinbase'],
    env: 'COINBASE_API_SECRET',
    // Documented: the key name is 16 characters, the secret 32 (letters and digits in the
    // provider's example). CDP keys are an EC or Ed25519 private key: the key-file rules.
    shape: alnumKey(32),
    hosts: ['api.coinbase.com'],
    note: 'the 16-character key name beside it is no secret; Coinbase expired legacy keys in February 2025, they stay in histories',
    impact: 'It signed trades, sends and withdrawals of the account.',
  }),
  keyedRule({
    id: 'tradier-access-token',
    title: 'Tradier access token',
    provider: 'Tradier',
    source: 'https://documentation.tradier.com/brokerage-api/overview/market-data',
    credential: 'access token',
    revokeAt: 'Tradier (API Access settings)',
    names: ['tradier'],
    env: 'TRADIER_ACCESS_TOKEN',
    shape: alnumKey(28),
    hosts: ['api.tradier.com', 'sandbox.tradier.com'],
    note: 'the format is observed; the token is sent as a bearer token',
    impact: 'A brokerage token reads the account’s balances and positions and places orders.',
    example: (t) => `curl -H "Authorization: Bearer ${t}" https://api.tradier.com/v1/user/profile`,
  }),
  keyedRule({
    id: 'squarespace-api-key',
    title: 'Squarespace Commerce API key',
    provider: 'Squarespace',
    source: 'https://developers.squarespace.com/commerce-apis/authentication-and-permissions',
    credential: 'Commerce API key',
    revokeAt: 'the Squarespace site (Settings > Developer API Keys)',
    names: ['squarespace'],
    env: 'SQUARESPACE_API_KEY',
    shape: uuidKey,
    hosts: ['api.squarespace.com'],
    note: 'the format is observed; the key is sent as a bearer token',
    impact:
      'It reads the site’s orders and customers and, with write permission, changes products and inventory.',
    example: (t) =>
      `curl "https://api.squarespace.com/1.0/commerce/orders" -H "Authorization: Bearer ${t}" -H "User-Agent: sync"`,
  }),
  keyedRule({
    id: 'pagarme-secret-key',
    title: 'Pagar.me secret key',
    provider: 'Pagar.me',
    source: 'https://docs.pagar.me/reference/autentica%C3%A7%C3%A3o-2.md',
    credential: 'secret API key',
    revokeAt: 'the Pagar.me dashboard (Desenvolvimento > Chaves)',
    names: ['pagarme', 'pagar.me', 'pagar_me'],
    env: 'PAGARME_SECRET_KEY',
    shape: {
      body: '(?:sk_(?:test_)?[A-Za-z0-9]{32}|ak_(?:live|test)_[A-Za-z0-9]{30})',
      fake: (fake) => `sk_${fake.base62(32)}`,
      what: '"sk_" (or "sk_test_") and 32 letters and digits, or an API v4 key "ak_live_" and 30',
      random: false,
    },
    // The public key beside it ("pk_…") is no secret.
    credentials: 'secret|private|api_?key',
    hosts: ['api.pagar.me'],
    note: 'Pagar.me documents the "sk_" and "sk_test_" prefixes, which other providers share; the rest is observed',
    impact: 'A production key creates charges and reads the account’s orders and customers.',
    example: (t) => `curl https://api.pagar.me/core/v5/orders -u "${t}:"`,
  }),
  defineRule({
    id: 'paddle-api-key',
    title: 'Paddle Billing API key',
    provider: 'Paddle',
    source: 'https://developer.paddle.com/api-reference/about/authentication',
    description:
      'Paddle Billing API key ("pdl_live_apikey_" as in Paddle’s authentication reference, or "pdl_sdbx_apikey_" for the sandbox; then a 26-character lower-case id, "_" and 26 base64url characters, the rest of the format observed from that reference): sent as a bearer token, a live key creates transactions, changes subscriptions and reads customers within its permissions.',
    remediation: remediation(
      'API key',
      'Paddle (Developer tools > Authentication: revoke the key, create a new one)',
    ),
    keywords: ['pdl_live_apikey_', 'pdl_sdbx_apikey_'],
    prefix: ['pdl_live_apikey_', 'pdl_sdbx_apikey_'],
    body: '[0-9a-z]{26}_[A-Za-z0-9_-]{26}',
    boundary: 'token',
    token: (fake) =>
      `pdl_${fake.pick(['live', 'sdbx'])}_apikey_01${fake.string(ULID, 24)}_${fake.string(BASE64URL, 25)}${fake.base62(1)}`,
    contexts: [
      (t) => `PADDLE_API_KEY=${t}`,
      (t) => `const paddle = new Paddle('${t}', { environment: Environment.production });`,
      (t) => `-H "Authorization: Bearer ${t}" -H "Paddle-Version: 1"`,
    ],
  }),
];
