// How a rule is declared: `defineRule` checks the rule contract; `defineToken` covers the
// common case of a token of fixed shape whose samples follow from one generator.

import { RuleError } from '../errors.js';
import type { Fake, Rule, Severity } from '../types.js';
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
  if (rule.scope === 'line' && rule.keywords.length === 0)
    throw new RuleError('a line-scoped rule needs keywords', rule.id);
  const needsIndices = pattern.source.includes('(?<secret>') && !pattern.hasIndices;
  // Built by the pattern's own class: a user's pattern runs on a linear-time engine that
  // must not be swapped for a backtracking RegExp here.
  const Pattern = pattern.constructor as RegExpConstructor;
  return needsIndices
    ? { ...rule, pattern: new Pattern(pattern.source, `${pattern.flags}d`) }
    : rule;
}

/** `rule` itself when its pattern is linear-time (see `findSuperLinearConstruct`); a RuleError otherwise. */
export function assertLinearTime(rule: Rule): Rule {
  const slow = findSuperLinearConstruct(rule.pattern);
  if (slow) throw new RuleError(`pattern may backtrack without bound: ${slow}`, rule.id);
  return rule;
}

/** The usual advice: revoke at the provider, issue a new credential, keep it out of the repository. */
export function remediation(what: string, where: string): string {
  return `Revoke the ${what} in ${where}, issue a new one, and load it from a secret store or CI secret instead of the repository; rewriting history does not make it safe again.`;
}

/** A token rule: the fields of a `Rule` but its samples (which `defineToken` writes) and `generic` (a token is no generic detector). */
export interface TokenSpec extends Omit<Rule, 'severity' | 'samples' | 'generic'> {
  /** `high` by default. */
  severity?: Severity;
  /** A fresh, valid token. */
  token: (fake: Fake) => string;
  /**
   * How the token is written where the rule finds it. Defaults to the bare token, an
   * environment assignment and a JSON value; rules that need context give their own.
   */
  contexts?: readonly ((token: string) => string)[];
  /** More strings that must not match, besides the generated placeholder and truncation. */
  ignore?: (fake: Fake) => string[];
}

const DEFAULT_CONTEXTS: readonly ((token: string) => string)[] = [
  (token) => token,
  (token) => `export SERVICE_CREDENTIAL="${token}"`,
  (token) => `{"auth": {"value": "${token}"}}`,
];

/**
 * A rule for a token of fixed shape. Its samples: each context around a fresh token must
 * match; the token with its random part replaced by `x` (a placeholder) and the token cut
 * 8 characters after its prefix must not.
 */
export function defineToken(spec: TokenSpec): Rule {
  const { token: generate, contexts = DEFAULT_CONTEXTS, ignore, severity = 'high', ...rule } = spec;
  const first = contexts[0]!;
  return defineRule({
    ...rule,
    severity,
    samples: (fake) => {
      const token = generate(fake);
      return {
        match: contexts.map((context) => context(generate(fake))),
        ignore: [
          first(placeholderOf(token, spec.keywords)),
          first(token.slice(0, prefixLength(token, spec.keywords) + 8)),
          ...(ignore?.(fake) ?? []),
        ],
      };
    },
  });
}

/** The length of the keyword the token starts with (its fixed prefix), 0 if none. */
function prefixLength(token: string, keywords: readonly string[]): number {
  const lower = token.toLowerCase();
  return keywords.find((keyword) => lower.startsWith(keyword))?.length ?? 0;
}

/** The token with every letter and digit after its keyword prefix replaced by `x`. */
function placeholderOf(token: string, keywords: readonly string[]): string {
  const prefix = prefixLength(token, keywords);
  return token.slice(0, prefix) + token.slice(prefix).replace(/[A-Za-z0-9]/g, 'x');
}
