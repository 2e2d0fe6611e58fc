// The categories of the catalog-gaps review (shared/reviews/catalog-gaps.md), for grouping
// peer rules by what their provider does. A rule's category is the first whose words occur in
// its name (lower case); everything else is "other" (data APIs, CRM, productivity, …).

/** @type {readonly [category: string, words: readonly string[]][]} */
const CATEGORIES = [
  [
    'cloud',
    ['aws', 'amazon', 'azure', 'gcp', 'google', 'alibaba', 'ibm cloud', 'digitalocean', 'scaleway'],
  ],
  [
    'cloud',
    ['vultr', 'yandex', 'box.com', 'borgbase', 'heroku', 'netlify', 'fastly', 'cloudflare'],
  ],
  [
    'AI/ML',
    ['openai', 'anthropic', 'groq', 'huggingface', 'jina', 'tavily', 'firecrawl', 'kagi', 'edenai'],
  ],
  ['AI/ML', ['elevenlabs', 'nvapi', 'weights & biases', 'clarifai', 'deepgram', 'moderation api']],
  ['AI/ML', ['paralleldots', 'sigopt', 'uclassify', 'assemblyai', 'voicegain', 'cloudsight']],
  [
    'dev tools',
    ['github', 'gitlab', 'bitbucket', 'atlassian', 'jira', 'figma', 'sourcegraph', 'sonarqube'],
  ],
  ['dev tools', ['npm', 'nuget', 'pypi', 'rubygems', 'crates', 'dependency-track', 'stackhawk']],
  ['dev tools', ['ionic', 'prefect', 'readme', 'mockaroo', 'postman', 'doppler', 'snyk', 'ngrok']],
  ['dev tools', ['launchdarkly', 'codemagic', 'artifactory', 'jfrog', 'django', 'react app']],
  [
    'CI/CD',
    ['jenkins', 'teamcity', 'travis', 'circleci', 'sauce', 'gradle', 'codeclimate', 'droneci'],
  ],
  ['CI/CD', ['coveralls', 'semaphore', 'knapsack', 'checkly', 'gtmetrix']],
  [
    'observability',
    ['new relic', 'datadog', 'grafana', 'sentry', 'splunk', 'posthog', 'segment', 'honeycomb'],
  ],
  ['observability', ['appoptics', 'opsgenie', 'pagerduty', 'dynatrace', 'geckoboard', 'bugsnag']],
  [
    'payments',
    ['stripe', 'paypal', 'square', 'gocardless', 'coinbase', 'paymongo', 'lendflow', 'finicity'],
  ],
  ['payments', ['lunchmoney', 'paydirt', 'transferwise', 'wise', 'shopify', 'snipcart']],
  [
    'messaging',
    ['slack', 'discord', 'telegram', 'twilio', 'sendgrid', 'mailgun', 'mailchimp', 'mandrill'],
  ],
  ['messaging', ['postmark', 'mailjet', 'messagebird', 'telnyx', 'teams', 'courier', 'intercom']],
  ['messaging', ['pushbullet', 'tyntec', 'voodoosms', 'helpcrunch', 'instabot', 'line ', 'nylas']],
  ['messaging', ['helpscout', 'groovehq', 'chatbot', 'omnisend', 'reachmail', 'phpmailer']],
  ['databases', ['mongo', 'postgres', 'mysql', 'odbc', 'connection string', 'snowflake', 'aiven']],
  ['databases', ['confluent', 'planetscale', 'databricks', 'algolia', 'redis']],
  ['identity', ['okta', 'auth0', 'onelogin', 'loginradius', 'recaptcha']],
  [
    'infra/network',
    ['vault', 'hashicorp', 'kubernetes', 'truenas', 'tailscale', 'zerotier', 'atera', 'psexec'],
  ],
  ['infra/network', ['connect-viserver', 'securestring', 'thingsboard', 'blynk', 'particle.io']],
  ['infra/network', ['adafruit']],
  ['private keys', ['private key', 'pem', 'age identity', 'wireguard', 'ssh']],
  [
    'generic syntaxes',
    ['generic', 'password', 'credentials', 'http basic', 'http bearer', 'netrc', 'json web token'],
  ],
];

/** The category of a peer rule, from its name. */
export function categoryOf(/** @type {string} */ ruleName) {
  const name = ruleName.toLowerCase();
  return CATEGORIES.find(([, words]) => words.some((word) => name.includes(word)))?.[0] ?? 'other';
}

/** The categories in the order they are listed, `other` last. */
export const CATEGORY_ORDER = [...new Set(CATEGORIES.map(([category]) => category)), 'other'];
