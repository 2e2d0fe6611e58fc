import { awsRules } from './aws.js';
import { githubRules } from './github.js';
import { privateKeyRules } from './private-keys.js';
import { slackRules } from './slack.js';
import type { Rule } from '../types.js';

/** Every built-in credential rule, in report order. Ids are unique (checked by test). */
export const builtinRules: readonly Rule[] = [...githubRules, ...awsRules, ...slackRules, ...privateKeyRules];

export { defineRule } from './define-rule.js';
