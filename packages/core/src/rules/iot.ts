import { BASE64URL, LOWER_ALNUM } from '../codec/alphabets.js';
import type { Fake, Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';

// IoT platforms: device tokens sit in firmware sources, curl examples and dashboards' code.
// Blynk: device auth tokens (32 base64url) in the device HTTPS API's `token=` parameter and
// BLYNK_AUTH_TOKEN (https://docs.blynk.io/en/blynk.cloud/device-https-api/get-multiple-datastream-values);
// the Platform API's OAuth client ("oa2-client-id_<32>" and a 40-character secret) and the
// 40-character bearer tokens it issues (https://docs.blynk.io/en/blynk.cloud/platform-https-api/authentication).
// Particle: access tokens (40 hex) sent as access_token= or a bearer token to api.particle.io
// (https://docs.particle.io/reference/cloud-apis/access-tokens).
// ThingsBoard: device access tokens in the HTTP API's path, /api/v1/$ACCESS_TOKEN/telemetry
// (https://thingsboard.io/docs/reference/http-api/), and the provisioning secret of a device
// profile (https://thingsboard.io/docs/user-guide/device-provisioning/).

const b64url = (fake: Fake, n: number) => fake.string(BASE64URL, n);

export const iotRules: Rule[] = [
  defineRule({
    id: 'blynk-device-token',
    title: 'Blynk device auth token',
    provider: 'Blynk',
    source: 'https://docs.blynk.io/en/blynk.cloud/device-https-api/get-multiple-datastream-values',
    description:
      'Blynk device auth token (32 base64url characters) in a blynk.cloud device HTTPS API URL (token=…) or assigned to BLYNK_AUTH_TOKEN: it lets anyone read and write the device.',
    remediation: remediation(
      'device auth token',
      'Blynk.Console (Devices > Device Info), then reflash the device',
    ),
    keywords: ['blynk'],
    pattern: [
      /blynk\.cloud\/external\/api\/[A-Za-z0-9/]{0,40}\?(?:[A-Za-z0-9_=&-]{0,160}&)?token=(?<secret>[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
      /BLYNK_AUTH_TOKEN["']?[ \t]{0,4}[:=]?[ \t]{0,4}["'](?<secret>[A-Za-z0-9_-]{32})["']/,
    ],
    check: 'random',
    token: (fake) => b64url(fake, 32),
    contexts: [
      (t) => `curl "https://fra1.blynk.cloud/external/api/get?token=${t}&V1"`,
      (t) => `#define BLYNK_AUTH_TOKEN "${t}"`,
      (t) => `requests.get(f"https://blynk.cloud/external/api/update?token=${t}&v2={value}")`,
    ],
    ignore: (fake) => [
      `curl "https://blynk.cloud/external/api/get?token={token}&V1"`,
      `#define BLYNK_TEMPLATE_ID "TMPL${fake.base62(9)}"`,
    ],
  }),
  defineRule({
    id: 'blynk-oauth-client-secret',
    title: 'Blynk OAuth client secret',
    provider: 'Blynk',
    source: 'https://docs.blynk.io/en/blynk.cloud/platform-https-api/authentication',
    description:
      'Blynk Platform API OAuth client credentials: a client id ("oa2-client-id_" and 32 characters) and its 40-character secret, as curl -u id:secret or client_id=…&client_secret=….',
    remediation: remediation('OAuth client', 'Blynk.Console (Developer Zone > OAuth2)'),
    severity: 'critical',
    keywords: ['oa2-client-id_'],
    pattern:
      /oa2-client-id_[A-Za-z0-9_-]{32}(?::|&client_secret=)(?<secret>[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/,
    token: (fake) => b64url(fake, 40),
    contexts: [
      (t) =>
        `curl -X POST -u oa2-client-id_${'aB3-'.repeat(8)}:${t} https://fra1.blynk.cloud/oauth2/token?grant_type=client_credentials`,
      (t) =>
        `url = "https://blynk.cloud/oauth2/token?grant_type=client_credentials&client_id=oa2-client-id_${'Zq9_'.repeat(8)}&client_secret=${t}"`,
    ],
    ignore: () => [`curl -X POST -u oa2-client-id_${'aB3-'.repeat(8)}:{clientSecret}`],
  }),
  defineRule({
    id: 'blynk-access-token',
    title: 'Blynk Platform API access token',
    provider: 'Blynk',
    source: 'https://docs.blynk.io/en/blynk.cloud/platform-https-api/authentication',
    description:
      'Blynk Platform API bearer token (40 base64url characters) sent to a blynk.cloud /api/ endpoint: organization-level access until it expires.',
    remediation: remediation('OAuth client (its tokens die with it)', 'Blynk.Console'),
    keywords: ['blynk.cloud'],
    pattern: /[Bb]earer[ \t]{1,4}(?<secret>[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/,
    check: [{ nearText: { pattern: 'blynk\\.cloud/api', within: 200 } }, 'random'],
    token: (fake) => b64url(fake, 40),
    contexts: [
      (t) =>
        `curl https://fra1.blynk.cloud/api/organization/profile -H "Authorization: Bearer ${t}"`,
      (t) => `curl -H "Authorization: Bearer ${t}" \\\n  https://blynk.cloud/api/devices`,
    ],
    ignore: (fake) => [
      `curl https://api.example.org/v1/me -H "Authorization: Bearer ${b64url(fake, 40)}"`,
    ],
  }),
  defineRule({
    id: 'particle-access-token',
    title: 'Particle access token',
    provider: 'Particle',
    source: 'https://docs.particle.io/reference/cloud-apis/access-tokens',
    description:
      'Particle Cloud API access token (40 hex) sent as access_token= or a bearer token to api.particle.io, or assigned to PARTICLE_ACCESS_TOKEN: control of the account and its devices.',
    remediation: remediation('access token (particle token revoke)', 'the Particle console'),
    keywords: ['particle'],
    pattern: [
      /(?:access_token=|[Bb]earer[ \t]{1,4})(?<secret>[a-f0-9]{40})(?![A-Za-z0-9])/,
      /(?<![A-Za-z0-9])(?<secret>[a-f0-9]{40})(?![A-Za-z0-9])/,
    ],
    check: {
      anyOf: [
        { keyedBy: 'particle[\\w.-]*token' },
        { nearText: { pattern: 'api\\.particle\\.io', within: 200 } },
      ],
    },
    token: (fake) => fake.hex(40),
    contexts: [
      (t) => `curl https://api.particle.io/v1/devices \\\n  -H "Authorization: Bearer ${t}"`,
      (t) => `curl "https://api.particle.io/v1/devices/events?access_token=${t}"`,
      (t) => `PARTICLE_ACCESS_TOKEN=${t}`,
    ],
    ignore: (fake) => [
      `particle_firmware_commit = "${fake.hex(40)}"`,
      `git checkout ${fake.hex(40)} # see https://docs.particle.io/reference/`,
    ],
  }),
  defineRule({
    id: 'thingsboard-access-token',
    title: 'ThingsBoard device access token',
    provider: 'ThingsBoard',
    source: 'https://thingsboard.io/docs/reference/http-api/',
    description:
      'ThingsBoard device access token (20 letters and digits) in the path of the device HTTP or CoAP API (/api/v1/<token>/telemetry, attributes, rpc, claim): it lets anyone post as the device.',
    remediation: remediation(
      'access token',
      'ThingsBoard (Entities > Devices > device > Manage credentials)',
    ),
    keywords: ['/api/v1/'],
    pattern:
      /\/api\/v1\/(?<secret>[A-Za-z0-9]{20})\/(?:telemetry|attributes|rpc|claim|firmware)(?![A-Za-z0-9])/,
    check: 'random',
    token: (fake) => fake.base62(20),
    contexts: [
      (t) =>
        `curl -v -X POST https://thingsboard.cloud/api/v1/${t}/telemetry --header Content-Type:application/json --data "{temperature:25}"`,
      (t) => `coap-client -m post coap://coap.thingsboard.cloud/api/v1/${t}/telemetry -f data.json`,
      (t) => `URL = "http://tb.internal:8080/api/v1/${t}/attributes"`,
    ],
    ignore: () => [
      'curl -X POST http://$THINGSBOARD_HOST/api/v1/$ACCESS_TOKEN/telemetry',
      'https://thingsboard.cloud/api/v1/ACCESS_TOKEN_HERE00/telemetry',
    ],
  }),
  defineRule({
    id: 'thingsboard-provision-secret',
    title: 'ThingsBoard provisioning secret',
    provider: 'ThingsBoard',
    source: 'https://thingsboard.io/docs/user-guide/device-provisioning/',
    description:
      "ThingsBoard device provisioning secret (20 characters) of a device profile, as a provisioning request sends it (provisionDeviceSecret): with the profile's key it registers devices.",
    remediation: remediation(
      'provisioning key and secret',
      'ThingsBoard (Device profiles > Device provisioning)',
    ),
    keywords: ['provisiondevicesecret', 'provision_device_secret'],
    pattern:
      /provision_?device_?secret["']?[ \t]{0,4}[:=][ \t]{0,4}["'](?<secret>[a-z0-9]{20})["']/i,
    check: 'random',
    token: (fake) => fake.string(LOWER_ALNUM, 20),
    contexts: [
      (t) =>
        `{"deviceName": "DEVICE_NAME", "provisionDeviceKey": "${'k1'.repeat(10)}", "provisionDeviceSecret": "${t}"}`,
      (t) => `PROVISION_DEVICE_SECRET = "${t}"`,
    ],
    ignore: () => ['{"provisionDeviceSecret": "PUT_PROVISION_SECRET_HERE"}'],
  }),
  defineRule({
    id: 'ubidots-token',
    title: 'Ubidots API token',
    provider: 'Ubidots',
    source: 'https://docs.ubidots.com/v1.6/reference/authentication',
    description:
      'Ubidots API token ("BBFF-" or "BBUS-" and 30 letters and digits; the format is observed), sent in the X-Auth-Token header or as the token parameter: it reads and writes the account\'s devices and variables.',
    remediation: remediation('API token', 'Ubidots (API Credentials)'),
    keywords: ['bbff-', 'bbus-'],
    prefix: ['BBFF-', 'BBUS-'],
    body: '[A-Za-z0-9]{30}',
    boundary: 'token',
    check: 'random',
    token: (fake) => `${fake.pick(['BBFF-', 'BBUS-'])}${fake.base62(30)}`,
    contexts: [
      (t) => `#define TOKEN "${t}"  // Ubidots`,
      (t) =>
        `curl -X POST -H "X-Auth-Token: ${t}" https://industrial.api.ubidots.com/api/v1.6/devices/demo`,
      (t) => `UBIDOTS_TOKEN=${t}`,
    ],
  }),
];
