import { aiRules } from './ai.js';
import { awsRules } from './aws.js';
import { azureRules } from './azure.js';
import { cloudRules } from './cloud.js';
import { dataApiRules } from './data-apis.js';
import { databaseRules } from './database.js';
import { devToolRules } from './dev-tools.js';
import { genericRules } from './generic.js';
import { githubRules } from './github.js';
import { gitlabRules } from './gitlab.js';
import { googleRules } from './google.js';
import { identityRules } from './identity.js';
import { infrastructureRules } from './infrastructure.js';
import { iotRules } from './iot.js';
import { messagingRules } from './messaging.js';
import { observabilityRules } from './observability.js';
import { paymentRules } from './payments.js';
import { privateKeyRules } from './private-keys.js';
import { productivityRules } from './productivity.js';
import { registryRules } from './registries.js';
import { saasRules } from './saas.js';
import { slackRules } from './slack.js';
import { socialRules } from './social.js';
import { stripeRules } from './stripe.js';
import type { Rule } from '../types.js';

/** The built-in rules by family (one file each), in report order; generic detectors last. */
export const ruleFamilies: Readonly<Record<string, readonly Rule[]>> = {
  github: githubRules,
  gitlab: gitlabRules,
  aws: awsRules,
  google: googleRules,
  azure: azureRules,
  slack: slackRules,
  stripe: stripeRules,
  payments: paymentRules,
  registries: registryRules,
  messaging: messagingRules,
  ai: aiRules,
  cloud: cloudRules,
  observability: observabilityRules,
  'dev-tools': devToolRules,
  infrastructure: infrastructureRules,
  iot: iotRules,
  identity: identityRules,
  productivity: productivityRules,
  saas: saasRules,
  'data-apis': dataApiRules,
  social: socialRules,
  'private-keys': privateKeyRules,
  database: databaseRules,
  generic: genericRules,
};

/** Every built-in credential rule, in report order. Ids are unique (checked by test). */
export const builtinRules: readonly Rule[] = Object.values(ruleFamilies).flat();

/** The family (rule file) a built-in rule belongs to. */
export function familyOf(ruleId: string): string | undefined {
  return Object.entries(ruleFamilies).find(([, rules]) =>
    rules.some((rule) => rule.id === ruleId),
  )?.[0];
}

export { defineRule, type RuleDefinition } from './define-rule.js';
export { CHECKS, type CheckDefinition, type RegExpFactory } from './checks.js';
