import { BASE32, BASE62, BASE64, DIGITS, LOWER } from '../codec/alphabets.js';
import type { Fake, Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';

// Storage account keys are 64 random bytes in base64 (88 characters); SAS tokens carry a
// signed version and a signature (sv=…&sig=…); Entra ID client secrets carry "Q~" after 3
// characters and a digit.

const PORTAL = 'the Azure portal';
const FIX_KEY = `Rotate the key in ${PORTAL} (Access keys), update its users, and prefer managed identities or Key Vault references over keys in the repository.`;

const key64 = (fake: Fake) => `${fake.string(BASE64, 86)}==`;
const key32 = (fake: Fake) => `${fake.string(BASE64, 43)}=`;

function storageAccount(fake: Fake): string {
  return `acct${fake.string(LOWER + DIGITS, 8)}`;
}

export const azureRules: Rule[] = [
  defineRule({
    id: 'azure-storage-connection-string',
    title: 'Azure Storage connection string',
    provider: 'Microsoft Azure',
    source: 'https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string',
    description:
      'Azure Storage connection string with an account key (AccountName=…;AccountKey=…).',
    remediation: FIX_KEY,
    severity: 'critical',
    keywords: ['accountkey='],
    pattern: /AccountName=[a-z0-9]{3,24};AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/,
    check: { base64Bytes: 64 },
    samples: (fake) => ({
      match: [
        `DefaultEndpointsProtocol=https;AccountName=${storageAccount(fake)};AccountKey=${key64(fake)};EndpointSuffix=core.windows.net`,
        `"AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=${storageAccount(fake)};AccountKey=${key64(fake)}"`,
      ],
      ignore: [
        'UseDevelopmentStorage=true',
        `AccountName=${storageAccount(fake)};AccountKey=${fake.string(BASE64, 40)}==`,
      ],
    }),
  }),
  defineRule({
    id: 'azure-sas-token',
    title: 'Azure shared access signature',
    provider: 'Microsoft Azure',
    source: 'https://learn.microsoft.com/rest/api/storageservices/create-service-sas',
    description:
      'An Azure SAS token: a URL query with a signed version (sv=) and signature (sig=).',
    remediation:
      'Rotate the account key or revoke the stored access policy that signed it, and issue short-lived SAS tokens at run time instead.',
    severity: 'high',
    keywords: ['sig='],
    pattern: /[?&;]sig=(?<secret>[A-Za-z0-9%+/]{40,64}(?:%3[Dd]|=)?)(?![A-Za-z0-9%+/=])/,
    check: { nearText: { pattern: '[?&;]sv=\\d{4}-\\d\\d-\\d\\d', within: 400 } },
    samples: (fake) => {
      const sig = () => `${encodeURIComponent(fake.string(BASE64, 43))}%3D`;
      return {
        match: [
          `https://${storageAccount(fake)}.blob.core.windows.net/backups/db.bak?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01T00:00:00Z&spr=https&sig=${sig()}`,
          `SAS_TOKEN="?sv=2021-06-08&ss=bfqt&srt=sco&sp=rwdlacupx&se=2030-01-01T00:00:00Z&sig=${sig()}"`,
        ],
        ignore: [
          `https://example.org/search?q=x&sig=${sig()}`,
          `https://a.blob.core.windows.net/c?sv=2022-11-02&sig=<signature>`,
        ],
      };
    },
  }),
  defineRule({
    id: 'azure-ad-client-secret',
    title: 'Microsoft Entra ID (Azure AD) client secret',
    provider: 'Microsoft Entra ID',
    source: 'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials',
    description:
      'An application client secret of Microsoft Entra ID: 40 characters with "Q~" at the fifth position.',
    remediation: remediation(
      'client secret',
      `${PORTAL} (App registrations > Certificates & secrets)`,
    ),
    keywords: ['q~'],
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/,
    token: (fake) => `${fake.base62(3)}${fake.digits(1)}Q~${fake.string(`${BASE62}_~.-`, 34)}`,
  }),
  defineRule({
    id: 'azure-service-bus-connection-string',
    title: 'Azure Service Bus / Event Hubs connection string',
    provider: 'Microsoft Azure',
    source: 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas',
    description: 'A Service Bus or Event Hubs connection string with a shared access key.',
    remediation: FIX_KEY,
    severity: 'high',
    keywords: ['sharedaccesskey='],
    pattern:
      /Endpoint=sb:\/\/[A-Za-z0-9.-]{1,200}\/?;SharedAccessKeyName=[^;\s"']{1,256};SharedAccessKey=(?<secret>[A-Za-z0-9+/]{43}=)/,
    check: { base64Bytes: 32 },
    samples: (fake) => ({
      match: [
        `Endpoint=sb://${storageAccount(fake)}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${key32(fake)}`,
        `"ServiceBusConnection": "Endpoint=sb://${storageAccount(fake)}.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=${key32(fake)};EntityPath=orders"`,
      ],
      ignore: [
        `Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<key>`,
      ],
    }),
  }),
  defineRule({
    id: 'azure-cosmosdb-connection-string',
    title: 'Azure Cosmos DB connection string',
    provider: 'Microsoft Azure',
    source:
      'https://learn.microsoft.com/en-us/javascript/api/@azure/arm-cosmosdb/databaseaccountconnectionstring',
    description:
      'A Cosmos DB connection string with its account key. The format is observed: the provider documents only how the key is used.',
    remediation: FIX_KEY,
    severity: 'critical',
    keywords: ['accountendpoint='],
    pattern:
      /AccountEndpoint=https:\/\/[A-Za-z0-9.-]{1,200}(?::\d{1,5})?\/?;AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/,
    check: { base64Bytes: 64 },
    samples: (fake) => ({
      match: [
        `AccountEndpoint=https://${storageAccount(fake)}.documents.azure.com:443/;AccountKey=${key64(fake)};`,
        `COSMOS_CONNECTION_STRING="AccountEndpoint=https://${storageAccount(fake)}.documents.azure.com:443/;AccountKey=${key64(fake)};"`,
      ],
      ignore: [
        `AccountEndpoint=https://x.documents.azure.com:443/;AccountKey=${fake.string(BASE64, 20)};`,
      ],
    }),
  }),
  defineRule({
    id: 'azure-app-configuration-connection-string',
    title: 'Azure App Configuration connection string',
    provider: 'Microsoft Azure',
    source: 'https://learn.microsoft.com/azure/azure-app-configuration/concept-key-value',
    description: 'An App Configuration store connection string with its access key secret.',
    remediation: FIX_KEY,
    severity: 'high',
    keywords: ['azconfig.io'],
    pattern:
      /Endpoint=https:\/\/[A-Za-z0-9-]{1,64}\.azconfig\.io;Id=[A-Za-z0-9:+/=-]{1,64};Secret=(?<secret>[A-Za-z0-9+/]{43}=)/,
    check: { base64Bytes: 32 },
    samples: (fake) => ({
      match: [
        `Endpoint=https://${storageAccount(fake)}.azconfig.io;Id=${fake.base62(4)}-l0-s0:${fake.base62(20)};Secret=${key32(fake)}`,
        `"AppConfig": "Endpoint=https://${storageAccount(fake)}.azconfig.io;Id=${fake.base62(4)}-l0-s0:${fake.base62(20)};Secret=${key32(fake)}"`,
      ],
      ignore: [`Endpoint=https://x.azconfig.io;Id=abc;Secret=`],
    }),
  }),
  defineRule({
    id: 'azure-storage-account-key',
    title: 'Azure Storage account key',
    provider: 'Microsoft Azure',
    source: 'https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string',
    description:
      'An Azure Storage account key (88 base64 characters, 64 bytes) assigned to a storage/account key setting.',
    remediation: FIX_KEY,
    severity: 'critical',
    // `key`, for a key named by the block around it: `storage:` / `  key: …`, `[storage]`.
    keywords: ['storage', 'key'],
    pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])/,
    scope: 'line',
    // Inside a connection string (";AccountKey=") the connection-string rules, before it
    // in the catalog, report the same key.
    check: [{ base64Bytes: 64 }, { keyedBy: '(?:storage|account)[\\w.-]*key|azure_storage_key' }],
    token: key64,
    contexts: [
      (t) => `AZURE_STORAGE_KEY=${t}`,
      (t) => `storage_account_key = "${t}"`,
      (t) => `"accountKey": "${t}"`,
      (t) => `storage:\n  key: ${t}\n  account: acme`,
    ],
    ignore: (fake) => [key64(fake), `integrity_hash = "${key64(fake)}"`],
  }),
  defineRule({
    id: 'azure-devops-pat',
    title: 'Azure DevOps personal access token',
    provider: 'Microsoft Azure DevOps',
    source: 'https://learn.microsoft.com/purview/sit-defn-azure-devops-personal-access-token',
    description:
      'An Azure DevOps personal access token (52 lower-case base32 characters) assigned to an Azure DevOps setting.',
    remediation: remediation(
      'personal access token',
      'Azure DevOps (User settings > Personal access tokens)',
    ),
    keywords: ['devops', 'azdo', 'vsts', 'ado_pat', 'ado_token', 'system_accesstoken'],
    pattern: /(?<![A-Za-z0-9])[a-z2-7]{52}(?![A-Za-z0-9])/,
    scope: 'line',
    check: { keyedBy: 'devops|azdo|vsts|\\bado[_.-]|system[_.-]?accesstoken' },
    token: (fake) => fake.string(BASE32.toLowerCase(), 52),
    contexts: [
      (t) => `AZURE_DEVOPS_EXT_PAT=${t}`,
      (t) => `azure_devops_token: "${t}"`,
      (t) => `vsts_pat = '${t}'`,
    ],
    ignore: (fake) => [fake.string(BASE32.toLowerCase(), 52)],
  }),
  defineRule({
    id: 'azure-cognitive-services-key',
    title: 'Azure AI services (Cognitive Services / OpenAI) key',
    provider: 'Microsoft Azure',
    source: 'https://learn.microsoft.com/en-us/azure/ai-services/authentication',
    description:
      'A 32-hex key of Azure AI services (OpenAI, Speech, Translator, Search) assigned to such a setting or the Ocp-Apim-Subscription-Key header. The format is observed: the provider documents only how the key is used.',
    remediation: FIX_KEY,
    keywords: [
      'ocp-apim-subscription-key',
      'azure_openai',
      'azure-openai',
      'azureopenai',
      'cognitive',
      'azure_search',
      'azure_speech',
    ],
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{32}(?![A-Za-z0-9])/,
    scope: 'line',
    check: {
      keyedBy:
        'ocp-apim-subscription-key|azure[\\w.-]*(?:openai|cognitive|speech|search|translator|ai)[\\w.-]*key',
    },
    token: (fake) => fake.hex(32),
    contexts: [(t) => `AZURE_OPENAI_API_KEY=${t}`, (t) => `-H "Ocp-Apim-Subscription-Key: ${t}"`],
    ignore: (fake) => [`md5 = "${fake.hex(32)}"`],
  }),
  defineRule({
    id: 'azure-devops-pat-84',
    title: 'Azure DevOps personal access token (84 characters)',
    provider: 'Microsoft Azure DevOps',
    source: 'https://learn.microsoft.com/purview/sit-defn-azure-devops-personal-access-token',
    description:
      'Azure DevOps personal access token in the 84-character format (letters and digits with the signature "AZDO" at positions 77 to 80), found without a key name.',
    remediation: remediation(
      'personal access token',
      'Azure DevOps (User settings > Personal access tokens)',
    ),
    keywords: ['azdo'],
    scope: 'line',
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4}(?![A-Za-z0-9])/,
    check: 'microsoft-identifiable-key',
    token: (fake) =>
      `${fake.base62(52)}JQQJ${fake.digits(2)}BAAC${'A'.repeat(13)}${fake.pick(['A', 'G', 'S'])}AZDO${fake.base62(4)}`,
    contexts: [
      (t) => t,
      (t) => `AZURE_DEVOPS_EXT_PAT=${t}`,
      (t) => `git clone https://build:${t}@dev.azure.com/acme/app/_git/app`,
    ],
  }),
  defineRule({
    id: 'azure-search-api-key',
    title: 'Azure AI Search API key',
    provider: 'Microsoft Azure',
    source: 'https://learn.microsoft.com/azure/search/search-security-api-keys',
    description:
      'Azure AI Search admin or query API key (52 letters and digits) assigned to a search key setting or written beside a *.search.windows.net endpoint.',
    remediation: remediation('API key (regenerate it)', 'the Azure portal (Search service > Keys)'),
    keywords: ['search_', 'search-', 'searchkey', 'searchapikey', 'search.windows.net'],
    pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9]{52}(?![A-Za-z0-9_-])/,
    scope: 'line',
    check: [
      'random',
      {
        anyOf: [
          { keyedBy: 'search[\\w.-]*(?:api|admin|query)?[\\w.-]*key' },
          { nearText: { pattern: '\\.search\\.windows\\.net', within: 600 } },
        ],
      },
    ],
    token: (fake) => `${fake.base62(42)}AzSe${fake.base62(6)}`,
    contexts: [
      (t) => `AZURE_SEARCH_ADMIN_KEY=${t}`,
      (t) =>
        `client = SearchClient(endpoint="https://acme.search.windows.net", index_name="docs", credential=AzureKeyCredential("${t}"))`,
      (t) => `search_service:\n  query_key: "${t}"`,
    ],
    ignore: (fake) => [`SEARCH_INDEX_NAME=${fake.base62(52)}`, fake.base62(52)],
  }),
];
