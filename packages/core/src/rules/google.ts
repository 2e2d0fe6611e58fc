import { BASE64URL } from '../codec/alphabets.js';
import type { Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { alone } from './shapes.js';

const CONSOLE = 'the Google Cloud console (APIs & Services > Credentials)';

export const googleRules: Rule[] = [
  defineRule({
    id: 'google-api-key',
    title: 'Google API key',
    provider: 'Google Cloud',
    source: 'https://cloud.google.com/docs/authentication/api-keys',
    description:
      'Google Cloud / Firebase / Maps API key ("AIza" and 35 characters). Restricted browser keys are meant to be public; unrestricted ones are not.',
    remediation: `${remediation('API key', CONSOLE)} Restrict keys to the APIs and referrers that need them.`,
    severity: 'medium',
    keywords: ['aiza'],
    prefix: 'AIza',
    body: '[A-Za-z0-9_-]{35}',
    boundary: 'token',
    token: (fake) => `AIza${fake.string(BASE64URL, 35)}`,
  }),
  defineRule({
    id: 'google-oauth-client-secret',
    title: 'Google OAuth client secret',
    provider: 'Google',
    source: 'https://developers.google.com/identity/protocols/oauth2',
    description: 'Google OAuth 2.0 client secret ("GOCSPX-" and 28 characters).',
    remediation: remediation('client secret', CONSOLE),
    keywords: ['gocspx-'],
    prefix: 'GOCSPX-',
    body: '[A-Za-z0-9_-]{28}',
    boundary: 'token',
    token: (fake) => `GOCSPX-${fake.string(BASE64URL, 28)}`,
  }),
  defineRule({
    id: 'google-oauth-access-token',
    title: 'Google OAuth access token',
    provider: 'Google',
    source: 'https://developers.google.com/identity/protocols/oauth2',
    description: 'Google OAuth 2.0 access token ("ya29."), valid for about an hour.',
    remediation:
      'Revoke the token (https://oauth2.googleapis.com/revoke) and stop committing tokens captured from sessions.',
    severity: 'medium',
    keywords: ['ya29.'],
    prefix: 'ya29.',
    body: '[A-Za-z0-9_-]{30,2048}',
    boundary: 'dotted',
    token: (fake) => `ya29.a0${fake.string(BASE64URL, 150)}`,
  }),
  defineRule({
    id: 'google-oauth-refresh-token',
    title: 'Google OAuth refresh token',
    provider: 'Google',
    source: 'https://developers.google.com/identity/protocols/oauth2',
    description:
      'Google OAuth 2.0 refresh token ("1//0…"), which mints new access tokens until revoked.',
    remediation: remediation(
      "refresh token (remove the app's access in the Google account)",
      'the Google account security settings',
    ),
    keywords: ['1//0'],
    pattern: /(?<![A-Za-z0-9_/-])1\/\/0[A-Za-z0-9_-]{60,200}(?![A-Za-z0-9_-])/,
    token: (fake) => `1//0${fake.string(BASE64URL, 99)}`,
  }),
  defineRule({
    id: 'google-service-account-key',
    title: 'Google Cloud service account key',
    provider: 'Google Cloud',
    source: 'https://cloud.google.com/iam/docs/keys-create-delete',
    description:
      'A service account JSON key file: "type": "service_account" with its private_key_id (the private key itself is reported too).',
    remediation: remediation('service account key', 'IAM > Service accounts > Keys'),
    severity: 'critical',
    keywords: ['service_account'],
    pattern: /"private_key_id"\s{0,10}:\s{0,10}"(?<secret>[a-f0-9]{40})"/,
    check: { nearText: { pattern: '"type"\\s*:\\s*"service_account"', within: 4000 } },
    samples: (fake) => ({
      match: [
        `{\n  "type": "service_account",\n  "project_id": "demo-project",\n  "private_key_id": "${fake.hex(40)}",\n  "client_email": "svc@p.iam.gserviceaccount.com"\n}`,
        `GOOGLE_CREDENTIALS='{"type": "service_account", "project_id": "ci-${fake.digits(4)}", "private_key_id": "${fake.hex(40)}"}'`,
      ],
      ignore: [
        `{"type": "authorized_user", "private_key_id": "${fake.hex(40)}"}`,
        `{"type": "service_account", "private_key_id": ""}`,
      ],
    }),
  }),
  defineRule({
    id: 'firebase-cloud-messaging-server-key',
    title: 'Firebase Cloud Messaging server key',
    provider: 'Firebase (Google)',
    source: 'https://firebase.google.com/docs/cloud-messaging/auth-server',
    description:
      'Legacy FCM server key ("AAAA…:APA91b…"), which can send push messages to every user of the app.',
    remediation: remediation(
      'server key',
      'the Firebase console (Project settings > Cloud Messaging)',
    ),
    keywords: [':apa91b'],
    prefix: 'AAAA',
    body: '[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}',
    boundary: 'token',
    token: (fake) => `AAAA${fake.string(BASE64URL, 7)}:APA91b${fake.string(BASE64URL, 134)}`,
  }),
  defineRule({
    id: 'google-oauth-client-secret-legacy',
    title: 'Google OAuth client secret (before GOCSPX-)',
    provider: 'Google',
    source: 'https://developers.google.com/api-client-library/dotnet/guide/aaa_client_secrets',
    description:
      'Google OAuth client secret in the format before "GOCSPX-" (24 base64url characters, as observed) assigned to a Google client-secret setting or to client_secret beside an apps.googleusercontent.com client id (client_secrets.json).',
    remediation: remediation('client secret (reset it)', CONSOLE),
    keywords: ['client_secret', 'clientsecret', 'client-secret'],
    pattern: alone('[A-Za-z0-9_-]{24}'),
    scope: 'line',
    check: [
      { keyedBy: 'client[\\w.-]*secret' },
      {
        anyOf: [
          { keyedBy: 'google' },
          { nearText: { pattern: 'apps\\.googleusercontent\\.com', within: 300 } },
        ],
      },
      'random',
    ],
    token: (fake) => fake.string(BASE64URL, 24),
    contexts: [
      (t) => `$google_client_secret = '${t}';`,
      (t) =>
        `{"web": {"client_id": "${'4'.repeat(12)}-abc.apps.googleusercontent.com", "client_secret": "${t}", "redirect_uris": ["https://app.internal/cb"]}}`,
      (t) => `GOOGLE_CLIENT_SECRET=${t}`,
    ],
    ignore: (fake) => [
      `client_secret = "${fake.string(BASE64URL, 24)}"`,
      `google_client_id = "${fake.string(BASE64URL, 24)}"`,
    ],
  }),
];
