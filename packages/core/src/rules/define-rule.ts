import { RuleError } from '../errors.js';
import type { Rule } from '../types.js';
import { findSuperLinearConstruct } from './linear-pattern.js';

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Declares a credential rule. Checks the cheap parts of the contract at definition time:
 * a kebab-case id, lower-case keywords, a global pattern that, when it names a `secret`
 * group, records match indices (the `d` flag is added here). Linear time is checked by
 * `assertLinearTime`: for built-in rules by a test over the catalog, so that loading the
 * catalog (every hook run) does not re-prove it; for rules from a configuration at load.
 */
export function defineRule(rule: Rule): Rule {
  if (!RULE_ID.test(rule.id)) throw new RuleError('id must be kebab-case', rule.id);
  for (const keyword of rule.keywords) {
    if (keyword.length === 0 || keyword !== keyword.toLowerCase()) {
      throw new RuleError(`keyword "${keyword}" must be non-empty lower case`, rule.id);
    }
  }
  const { pattern } = rule;
  if (!pattern.global) throw new RuleError('pattern must have the g flag', rule.id);
  if (rule.scope === 'line' && rule.keywords.length === 0) throw new RuleError('a line-scoped rule needs keywords', rule.id);
  const needsIndices = pattern.source.includes('(?<secret>') && !pattern.hasIndices;
  return needsIndices ? { ...rule, pattern: new RegExp(pattern.source, `${pattern.flags}d`) } : rule;
}

/** `rule` itself when its pattern is linear-time (see `findSuperLinearConstruct`); a RuleError otherwise. */
export function assertLinearTime(rule: Rule): Rule {
  const slow = findSuperLinearConstruct(rule.pattern);
  if (slow) throw new RuleError(`pattern may backtrack without bound: ${slow}`, rule.id);
  return rule;
}
