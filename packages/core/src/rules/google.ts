import { BASE64URL } from '../codec/alphabets.js';
import type { Rule } from '../types.js';
import { defineRule, defineToken, remediation } from './define-rule.js';

// API keys: https://cloud.google.com/docs/authentication/api-keys ("AIza" and 35 characters).
// OAuth: https://developers.google.com/identity/protocols/oauth2 (client secrets "GOCSPX-",
// access tokens "ya29.", refresh tokens "1//").
// Service account keys: https://cloud.google.com/iam/docs/keys-create-delete (JSON key file).
// FCM legacy server keys: https://firebase.google.com/docs/cloud-messaging/auth-server

const CONSOLE = 'the Google Cloud console (APIs & Services > Credentials)';

export const googleRules: Rule[] = [
  defineToken({
    id: 'google-api-key',
    title: 'Google API key',
    description:
      'Google Cloud / Firebase / Maps API key ("AIza" and 35 characters). Restricted browser keys are meant to be public; unrestricted ones are not.',
    remediation: `${remediation('API key', CONSOLE)} Restrict keys to the APIs and referrers that need them.`,
    severity: 'medium',
    keywords: ['aiza'],
    pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
    token: (fake) => `AIza${fake.string(BASE64URL, 35)}`,
  }),
  defineToken({
    id: 'google-oauth-client-secret',
    title: 'Google OAuth client secret',
    description: 'Google OAuth 2.0 client secret ("GOCSPX-" and 28 characters).',
    remediation: remediation('client secret', CONSOLE),
    keywords: ['gocspx-'],
    pattern: /(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/g,
    token: (fake) => `GOCSPX-${fake.string(BASE64URL, 28)}`,
  }),
  defineToken({
    id: 'google-oauth-access-token',
    title: 'Google OAuth access token',
    description: 'Google OAuth 2.0 access token ("ya29."), valid for about an hour.',
    remediation:
      'Revoke the token (https://oauth2.googleapis.com/revoke) and stop committing tokens captured from sessions.',
    severity: 'medium',
    keywords: ['ya29.'],
    pattern: /(?<![A-Za-z0-9_.-])ya29\.[A-Za-z0-9_-]{30,2048}(?![A-Za-z0-9_-])/g,
    token: (fake) => `ya29.a0${fake.string(BASE64URL, 150)}`,
  }),
  defineToken({
    id: 'google-oauth-refresh-token',
    title: 'Google OAuth refresh token',
    description:
      'Google OAuth 2.0 refresh token ("1//0…"), which mints new access tokens until revoked.',
    remediation: remediation(
      "refresh token (remove the app's access in the Google account)",
      'the Google account security settings',
    ),
    keywords: ['1//0'],
    pattern: /(?<![A-Za-z0-9_/-])1\/\/0[A-Za-z0-9_-]{60,200}(?![A-Za-z0-9_-])/g,
    token: (fake) => `1//0${fake.string(BASE64URL, 99)}`,
  }),
  defineRule({
    id: 'google-service-account-key',
    title: 'Google Cloud service account key',
    description:
      'A service account JSON key file: "type": "service_account" with its private_key_id (the private key itself is reported too).',
    remediation: remediation('service account key', 'IAM > Service accounts > Keys'),
    severity: 'critical',
    keywords: ['service_account'],
    pattern: /"private_key_id"\s{0,10}:\s{0,10}"(?<secret>[a-f0-9]{40})"/g,
    validate: (_secret, { text, start }) =>
      /"type"\s*:\s*"service_account"/.test(text.slice(Math.max(0, start - 2000), start + 4000)),
    samples: (fake) => ({
      match: [
        `{\n  "type": "service_account",\n  "project_id": "demo-project",\n  "private_key_id": "${fake.hex(40)}",\n  "client_email": "svc@p.iam.gserviceaccount.com"\n}`,
      ],
      ignore: [
        `{"type": "authorized_user", "private_key_id": "${fake.hex(40)}"}`,
        `{"type": "service_account", "private_key_id": ""}`,
      ],
    }),
  }),
  defineToken({
    id: 'firebase-cloud-messaging-server-key',
    title: 'Firebase Cloud Messaging server key',
    description:
      'Legacy FCM server key ("AAAA…:APA91b…"), which can send push messages to every user of the app.',
    remediation: remediation(
      'server key',
      'the Firebase console (Project settings > Cloud Messaging)',
    ),
    keywords: [':apa91b'],
    pattern: /(?<![A-Za-z0-9_-])AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}(?![A-Za-z0-9_-])/g,
    token: (fake) => `AAAA${fake.string(BASE64URL, 7)}:APA91b${fake.string(BASE64URL, 134)}`,
  }),
];
