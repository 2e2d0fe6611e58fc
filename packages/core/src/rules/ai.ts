import { BASE64URL, LETTERS } from '../codec/alphabets.js';
import type { Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { alone } from './shapes.js';

// Anthropic: https://docs.anthropic.com/en/api/getting-started ("sk-ant-api03-", admin "sk-ant-admin01-").
// OpenAI: https://platform.openai.com/docs/api-reference/authentication (keys embed "T3BlbkFJ",
// base64 of "OpenAI"; project, service-account and admin keys add "proj-", "svcacct-", "admin-").
// Hugging Face: https://huggingface.co/docs/hub/security-tokens ("hf_", organisation "api_org_").
// Stability AI: https://platform.stability.ai/docs/getting-started/authentication ("sk-" and 48).
// Groq "gsk_", Replicate "r8_", Perplexity "pplx-", xAI "xai-", LangSmith "lsv2_pt_" / "lsv2_sk_".
// Cohere and Mistral keys have no prefix: found by their key name.

const rotate = (where: string) => remediation('API key', where);

export const aiRules: Rule[] = [
  defineRule({
    id: 'anthropic-api-key',
    title: 'Anthropic API key',
    provider: 'Anthropic',
    source: 'https://docs.anthropic.com/en/api/getting-started',
    description: 'Anthropic Claude API key ("sk-ant-api03-").',
    remediation: rotate('the Anthropic Console (API keys)'),
    keywords: ['sk-ant-api'],
    prefix: 'sk-ant-api03-',
    body: '[A-Za-z0-9_-]{93}AA',
    boundary: 'token',
    token: (fake) => `sk-ant-api03-${fake.string(BASE64URL, 93)}AA`,
  }),
  defineRule({
    id: 'anthropic-admin-key',
    title: 'Anthropic Admin API key',
    description: 'Anthropic Admin API key ("sk-ant-admin01-"): manages the organisation.',
    remediation: rotate('the Anthropic Console (Admin keys)'),
    severity: 'critical',
    keywords: ['sk-ant-admin'],
    prefix: 'sk-ant-admin01-',
    body: '[A-Za-z0-9_-]{93}AA',
    boundary: 'token',
    token: (fake) => `sk-ant-admin01-${fake.string(BASE64URL, 93)}AA`,
  }),
  defineRule({
    id: 'openai-api-key',
    title: 'OpenAI API key',
    description:
      'OpenAI API key (user, project, service-account or admin) carrying the "T3BlbkFJ" marker.',
    remediation: rotate('the OpenAI platform (API keys)'),
    keywords: ['t3blbkfj'],
    pattern:
      /(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,160}T3BlbkFJ[A-Za-z0-9_-]{20,160}(?![A-Za-z0-9_-])/,
    token: (fake) =>
      fake.pick([true, false])
        ? `sk-${fake.base62(20)}T3BlbkFJ${fake.base62(20)}`
        : `sk-proj-${fake.string(BASE64URL, 74)}T3BlbkFJ${fake.string(BASE64URL, 74)}`,
  }),
  defineRule({
    id: 'stability-ai-api-key',
    title: 'Stability AI API key',
    description:
      'Stability AI API key ("sk-" and 48 random base62 characters); other providers issue keys of the same shape.',
    remediation: rotate('the Stability AI platform (Account > API keys)'),
    keywords: ['sk-'],
    prefix: 'sk-',
    body: '[A-Za-z0-9]{48}',
    boundary: 'token',
    check: 'random',
    token: (fake) => `sk-${fake.base62(46)}${fake.pick(['a', 'b'])}${fake.pick(['Q', 'R'])}`,
    contexts: [
      (t) => t,
      (t) => `STABILITY_API_KEY=${t}`,
      (t) => `headers = {"Authorization": f"Bearer ${t}"}`,
    ],
    ignore: (fake) => [`sk-${'a1'.repeat(24)}`, `sk-${fake.hex(48)}`],
  }),
  defineRule({
    id: 'huggingface-token',
    title: 'Hugging Face access token',
    description: 'Hugging Face user access token ("hf_" and 34 letters).',
    remediation: rotate('Hugging Face (Settings > Access Tokens)'),
    keywords: ['hf_'],
    prefix: 'hf_',
    body: '[A-Za-z]{34}',
    boundary: 'word',
    token: (fake) => `hf_${fake.string(LETTERS, 34)}`,
  }),
  defineRule({
    id: 'huggingface-org-token',
    title: 'Hugging Face organization token',
    description: 'Hugging Face organisation API token ("api_org_" and 34 letters).',
    remediation: rotate('Hugging Face (organisation settings)'),
    keywords: ['api_org_'],
    prefix: 'api_org_',
    body: '[A-Za-z]{34}',
    boundary: 'word',
    token: (fake) => `api_org_${fake.string(LETTERS, 34)}`,
  }),
  defineRule({
    id: 'cohere-api-key',
    title: 'Cohere API key',
    description: 'Cohere API key (40 base62 characters) assigned to a Cohere setting.',
    remediation: rotate('the Cohere dashboard (API keys)'),
    keywords: ['cohere', 'co_api_key'],
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{40}(?![A-Za-z0-9])/,
    scope: 'line',
    check: { keyedBy: 'cohere[\\w.-]*(?:key|token)|CO_API_KEY' },
    token: (fake) => fake.base62(40),
    contexts: [
      (t) => `COHERE_API_KEY=${t}`,
      (t) => `cohere_key: "${t}"`,
      (t) => `co = cohere.Client(api_key=None); CO_API_KEY="${t}"`,
    ],
    ignore: (fake) => [`cohere_model_version = "${fake.base62(40)}x"`],
  }),
  defineRule({
    id: 'mistral-api-key',
    title: 'Mistral AI API key',
    description: 'Mistral AI API key (32 base62 characters) assigned to a Mistral setting.',
    remediation: rotate('the Mistral console (API keys)'),
    keywords: ['mistral'],
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{32}(?![A-Za-z0-9])/,
    scope: 'line',
    check: { keyedBy: 'mistral[\\w.-]*(?:key|token)' },
    token: (fake) => fake.base62(32),
    contexts: [(t) => `MISTRAL_API_KEY=${t}`, (t) => `mistral_api_key = "${t}"`],
  }),
  defineRule({
    id: 'groq-api-key',
    title: 'Groq API key',
    description: 'Groq API key ("gsk_" and 52 base62).',
    remediation: rotate('the Groq console (API keys)'),
    keywords: ['gsk_'],
    prefix: 'gsk_',
    body: '[A-Za-z0-9]{52}',
    boundary: 'word',
    token: (fake) => `gsk_${fake.base62(52)}`,
  }),
  defineRule({
    id: 'replicate-api-token',
    title: 'Replicate API token',
    description: 'Replicate API token ("r8_" and 37 base62).',
    remediation: rotate('Replicate (Account > API tokens)'),
    keywords: ['r8_'],
    prefix: 'r8_',
    body: '[A-Za-z0-9]{37}',
    boundary: 'word',
    token: (fake) => `r8_${fake.base62(37)}`,
  }),
  defineRule({
    id: 'perplexity-api-key',
    title: 'Perplexity API key',
    description: 'Perplexity API key ("pplx-" and 48 base62).',
    remediation: rotate('Perplexity (Settings > API)'),
    keywords: ['pplx-'],
    prefix: 'pplx-',
    body: '[A-Za-z0-9]{48}',
    boundary: 'token',
    token: (fake) => `pplx-${fake.base62(48)}`,
  }),
  defineRule({
    id: 'xai-api-key',
    title: 'xAI API key',
    description: 'xAI (Grok) API key ("xai-" and 80 base62).',
    remediation: rotate('the xAI console (API keys)'),
    keywords: ['xai-'],
    prefix: 'xai-',
    body: '[A-Za-z0-9]{80}',
    boundary: 'token',
    token: (fake) => `xai-${fake.base62(80)}`,
  }),
  defineRule({
    id: 'langsmith-api-key',
    title: 'LangSmith API key',
    description:
      'LangSmith personal or service key ("lsv2_pt_" / "lsv2_sk_", 32 hex, "_", 10 hex).',
    remediation: rotate('LangSmith (Settings > API Keys)'),
    keywords: ['lsv2_'],
    prefix: 'lsv2_',
    body: '(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}',
    boundary: 'word',
    token: (fake) => `lsv2_${fake.pick(['pt', 'sk'])}_${fake.hex(32)}_${fake.hex(10)}`,
  }),
  defineRule({
    id: 'elevenlabs-api-key',
    title: 'ElevenLabs API key',
    description:
      'ElevenLabs API key ("sk_" and 48 hex), sent as xi-api-key. Source: https://elevenlabs.io/docs/api-reference/authentication',
    remediation: rotate('ElevenLabs (Developers > API keys)'),
    keywords: ['sk_'],
    prefix: 'sk_',
    body: '[a-f0-9]{48}',
    boundary: 'word',
    token: (fake) => `sk_${fake.hex(48)}`,
    contexts: [
      (t) => `ELEVENLABS_API_KEY=${t}`,
      (t) => `client = ElevenLabs(api_key="${t}")`,
      (t) => `curl -H "xi-api-key: ${t}" https://api.elevenlabs.io/v1/voices`,
    ],
  }),
  defineRule({
    id: 'nvidia-api-key',
    title: 'NVIDIA API key',
    description:
      'NVIDIA API catalog key ("nvapi-" and 64 base64url characters). Source: https://docs.api.nvidia.com/nim/docs/api-quickstart',
    remediation: rotate('build.nvidia.com (API keys) or NGC (Setup > API keys)'),
    keywords: ['nvapi-'],
    prefix: 'nvapi-',
    body: '[A-Za-z0-9_-]{64}',
    boundary: 'token',
    token: (fake) => `nvapi-${fake.string(BASE64URL, 64)}`,
    contexts: [
      (t) => `NVIDIA_API_KEY=${t}`,
      (t) => `client = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key="${t}")`,
    ],
  }),
  defineRule({
    id: 'wandb-api-key',
    title: 'Weights & Biases API key',
    description:
      'Weights & Biases API key in the 40-hex form assigned to WANDB_API_KEY or another W&B setting, given to wandb.login, or the password of api.wandb.ai in .netrc. Source: https://docs.wandb.ai/guides/track/environment-variables/',
    remediation: rotate('Weights & Biases (User settings > API keys)'),
    keywords: ['wandb'],
    pattern: alone('[a-f0-9]{40}'),
    check: {
      anyOf: [
        { keyedBy: 'wandb[\\w.-]*(?:key|token)' },
        { precededBy: 'wandb\\.login\\(\\s*key\\s*=\\s*["\']|wandb login\\s+' },
        { nearText: { pattern: 'machine\\s+api\\.wandb\\.ai', within: 200 } },
      ],
    },
    token: (fake) => fake.hex(40),
    contexts: [
      (t) => `WANDB_API_KEY=${t}`,
      (t) => `wandb.login(key="${t}")`,
      (t) => `machine api.wandb.ai\n  login user\n  password ${t}`,
    ],
    ignore: (fake) => [`WANDB_RUN_ID=${fake.hex(40)}`, `git checkout ${fake.hex(40)}  # wandb`],
  }),
  defineRule({
    id: 'tavily-api-key',
    title: 'Tavily API key',
    description:
      'Tavily API key ("tvly-", optionally "dev-" or "prod-", and 32 characters). Source: https://docs.tavily.com/documentation/api-reference/introduction',
    remediation: rotate('Tavily (API keys)'),
    keywords: ['tvly-'],
    prefix: 'tvly-',
    body: '(?:dev-|prod-)?[A-Za-z0-9]{32}',
    boundary: 'token',
    token: (fake) => `tvly-${fake.pick(['', 'dev-', 'prod-'])}${fake.base62(32)}`,
  }),
  defineRule({
    id: 'firecrawl-api-key',
    title: 'Firecrawl API key',
    description:
      'Firecrawl API key ("fc-" and 32 hex), sent as a Bearer token to api.firecrawl.dev. Source: https://docs.firecrawl.dev/api-reference/v2-introduction',
    remediation: rotate('Firecrawl (Dashboard > API Keys)'),
    keywords: ['fc-'],
    prefix: 'fc-',
    body: '[a-f0-9]{32}',
    boundary: 'token',
    token: (fake) => `fc-${fake.hex(32)}`,
    contexts: [(t) => `FIRECRAWL_API_KEY=${t}`, (t) => `app = FirecrawlApp(api_key="${t}")`],
  }),
  defineRule({
    id: 'jina-api-key',
    title: 'Jina AI API key',
    description:
      'Jina AI Search Foundation API key ("jina_", 32 hex and 28 base64url characters), sent as a Bearer token to api.jina.ai, r.jina.ai and s.jina.ai. Source: https://jina.ai/api-dashboard/ (the shape as the dashboard issues it)',
    remediation: rotate('the Jina AI API dashboard'),
    keywords: ['jina_'],
    prefix: 'jina_',
    body: '[a-f0-9]{32}[A-Za-z0-9_-]{28}',
    boundary: 'token',
    token: (fake) => `jina_${fake.hex(32)}${fake.string(BASE64URL, 28)}`,
    contexts: [
      (t) => `JINA_API_KEY=${t}`,
      (t) => `curl https://r.jina.ai/https://example.com -H "Authorization: Bearer ${t}"`,
    ],
  }),
  defineRule({
    id: 'kagi-api-token',
    title: 'Kagi API token',
    provider: 'Kagi',
    source: 'https://help.kagi.com/kagi/api/intro/auth.html',
    description:
      'Kagi Search API token (11 characters, ".", 43 characters, sent as "Authorization: Bot <token>") written beside the name Kagi: it spends the account\'s API balance.',
    remediation: rotate('Kagi (Settings > API): generating a new token invalidates the old one'),
    keywords: ['kagi'],
    pattern: alone('[A-Za-z0-9_-]{11}\\.[A-Za-z0-9_-]{43}'),
    scope: 'line',
    check: [{ nearText: { pattern: 'kagi', within: 120 } }, 'random'],
    token: (fake) => `${fake.string(BASE64URL, 11)}.${fake.string(BASE64URL, 43)}`,
    contexts: [
      (t) => `KAGI_API_KEY='${t}'`,
      (t) => `curl -H "Authorization: Bot ${t}" "https://kagi.com/api/v0/search?q=tightlip"`,
    ],
    ignore: (fake) => [`SESSION='${fake.string(BASE64URL, 11)}.${fake.string(BASE64URL, 43)}'`],
  }),
];
