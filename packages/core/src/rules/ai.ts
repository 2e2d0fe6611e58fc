import { BASE64URL, LETTERS } from '../codec/alphabets.js';
import type { Rule } from '../types.js';
import { keyedBy } from './context.js';
import { defineToken, remediation } from './define-rule.js';

// Anthropic: https://docs.anthropic.com/en/api/getting-started ("sk-ant-api03-", admin "sk-ant-admin01-").
// OpenAI: https://platform.openai.com/docs/api-reference/authentication (keys embed "T3BlbkFJ",
// base64 of "OpenAI"; project, service-account and admin keys add "proj-", "svcacct-", "admin-").
// Hugging Face: https://huggingface.co/docs/hub/security-tokens ("hf_", organisation "api_org_").
// Groq "gsk_", Replicate "r8_", Perplexity "pplx-", xAI "xai-", LangSmith "lsv2_pt_" / "lsv2_sk_".
// Cohere and Mistral keys have no prefix: found by their key name.

const rotate = (where: string) => remediation('API key', where);

export const aiRules: Rule[] = [
  defineToken({
    id: 'anthropic-api-key',
    title: 'Anthropic API key',
    description: 'Anthropic Claude API key ("sk-ant-api03-").',
    remediation: rotate('the Anthropic Console (API keys)'),
    keywords: ['sk-ant-api'],
    pattern: /(?<![A-Za-z0-9_-])sk-ant-api03-[A-Za-z0-9_-]{93}AA(?![A-Za-z0-9_-])/g,
    token: (fake) => `sk-ant-api03-${fake.string(BASE64URL, 93)}AA`,
  }),
  defineToken({
    id: 'anthropic-admin-key',
    title: 'Anthropic Admin API key',
    description: 'Anthropic Admin API key ("sk-ant-admin01-"): manages the organisation.',
    remediation: rotate('the Anthropic Console (Admin keys)'),
    severity: 'critical',
    keywords: ['sk-ant-admin'],
    pattern: /(?<![A-Za-z0-9_-])sk-ant-admin01-[A-Za-z0-9_-]{93}AA(?![A-Za-z0-9_-])/g,
    token: (fake) => `sk-ant-admin01-${fake.string(BASE64URL, 93)}AA`,
  }),
  defineToken({
    id: 'openai-api-key',
    title: 'OpenAI API key',
    description:
      'OpenAI API key (user, project, service-account or admin) carrying the "T3BlbkFJ" marker.',
    remediation: rotate('the OpenAI platform (API keys)'),
    keywords: ['t3blbkfj'],
    pattern:
      /(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,160}T3BlbkFJ[A-Za-z0-9_-]{20,160}(?![A-Za-z0-9_-])/g,
    token: (fake) =>
      fake.pick([true, false])
        ? `sk-${fake.base62(20)}T3BlbkFJ${fake.base62(20)}`
        : `sk-proj-${fake.string(BASE64URL, 74)}T3BlbkFJ${fake.string(BASE64URL, 74)}`,
  }),
  defineToken({
    id: 'huggingface-token',
    title: 'Hugging Face access token',
    description: 'Hugging Face user access token ("hf_" and 34 letters).',
    remediation: rotate('Hugging Face (Settings > Access Tokens)'),
    keywords: ['hf_'],
    pattern: /(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9])/g,
    token: (fake) => `hf_${fake.string(LETTERS, 34)}`,
  }),
  defineToken({
    id: 'huggingface-org-token',
    title: 'Hugging Face organization token',
    description: 'Hugging Face organisation API token ("api_org_" and 34 letters).',
    remediation: rotate('Hugging Face (organisation settings)'),
    keywords: ['api_org_'],
    pattern: /(?<![A-Za-z0-9_])api_org_[A-Za-z]{34}(?![A-Za-z0-9])/g,
    token: (fake) => `api_org_${fake.string(LETTERS, 34)}`,
  }),
  defineToken({
    id: 'cohere-api-key',
    title: 'Cohere API key',
    description: 'Cohere API key (40 base62 characters) assigned to a Cohere setting.',
    remediation: rotate('the Cohere dashboard (API keys)'),
    keywords: ['cohere', 'co_api_key'],
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{40}(?![A-Za-z0-9])/g,
    scope: 'line',
    validate: keyedBy(/cohere[\w.-]*(?:key|token)|CO_API_KEY/i),
    token: (fake) => fake.base62(40),
    contexts: [
      (t) => `COHERE_API_KEY=${t}`,
      (t) => `cohere_key: "${t}"`,
      (t) => `co = cohere.Client(api_key=None); CO_API_KEY="${t}"`,
    ],
    ignore: (fake) => [`cohere_model_version = "${fake.base62(40)}x"`],
  }),
  defineToken({
    id: 'mistral-api-key',
    title: 'Mistral AI API key',
    description: 'Mistral AI API key (32 base62 characters) assigned to a Mistral setting.',
    remediation: rotate('the Mistral console (API keys)'),
    keywords: ['mistral'],
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{32}(?![A-Za-z0-9])/g,
    scope: 'line',
    validate: keyedBy(/mistral[\w.-]*(?:key|token)/i),
    token: (fake) => fake.base62(32),
    contexts: [(t) => `MISTRAL_API_KEY=${t}`, (t) => `mistral_api_key = "${t}"`],
  }),
  defineToken({
    id: 'groq-api-key',
    title: 'Groq API key',
    description: 'Groq API key ("gsk_" and 52 base62).',
    remediation: rotate('the Groq console (API keys)'),
    keywords: ['gsk_'],
    pattern: /(?<![A-Za-z0-9_])gsk_[A-Za-z0-9]{52}(?![A-Za-z0-9])/g,
    token: (fake) => `gsk_${fake.base62(52)}`,
  }),
  defineToken({
    id: 'replicate-api-token',
    title: 'Replicate API token',
    description: 'Replicate API token ("r8_" and 37 base62).',
    remediation: rotate('Replicate (Account > API tokens)'),
    keywords: ['r8_'],
    pattern: /(?<![A-Za-z0-9_])r8_[A-Za-z0-9]{37}(?![A-Za-z0-9])/g,
    token: (fake) => `r8_${fake.base62(37)}`,
  }),
  defineToken({
    id: 'perplexity-api-key',
    title: 'Perplexity API key',
    description: 'Perplexity API key ("pplx-" and 48 base62).',
    remediation: rotate('Perplexity (Settings > API)'),
    keywords: ['pplx-'],
    pattern: /(?<![A-Za-z0-9_-])pplx-[A-Za-z0-9]{48}(?![A-Za-z0-9])/g,
    token: (fake) => `pplx-${fake.base62(48)}`,
  }),
  defineToken({
    id: 'xai-api-key',
    title: 'xAI API key',
    description: 'xAI (Grok) API key ("xai-" and 80 base62).',
    remediation: rotate('the xAI console (API keys)'),
    keywords: ['xai-'],
    pattern: /(?<![A-Za-z0-9_-])xai-[A-Za-z0-9]{80}(?![A-Za-z0-9])/g,
    token: (fake) => `xai-${fake.base62(80)}`,
  }),
  defineToken({
    id: 'langsmith-api-key',
    title: 'LangSmith API key',
    description:
      'LangSmith personal or service key ("lsv2_pt_" / "lsv2_sk_", 32 hex, "_", 10 hex).',
    remediation: rotate('LangSmith (Settings > API Keys)'),
    keywords: ['lsv2_'],
    pattern: /(?<![A-Za-z0-9_])lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}(?![A-Za-z0-9])/g,
    token: (fake) => `lsv2_${fake.pick(['pt', 'sk'])}_${fake.hex(32)}_${fake.hex(10)}`,
  }),
];
