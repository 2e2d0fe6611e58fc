// Rules from a configuration's `customRules`: the same schema as the built-in catalog
// (core's `RuleSpec`), compiled by the same `defineRule`. Every regular expression a rule
// carries — its patterns and the arguments of its checks — goes through one hook,
// `assertLinearPattern`, before the rule runs.

import {
  assertLinearPattern,
  builtinRules,
  defineRule,
  type CheckSpec,
  type Rule,
  type RuleSpec,
} from '@tightlip/core';
import { ConfigError } from '../errors.js';

/** Checks whose argument is a regular expression source (or holds one under `pattern`). */
const PATTERN_ARGUMENTS = new Set(['keyedBy', 'precededBy', 'base64Text', 'nearText']);

/** The regular expression sources of `checks`, with their key paths below `keyPath`. */
function checkPatterns(
  checks: CheckSpec | readonly CheckSpec[] | undefined,
  keyPath: string,
): { source: string; keyPath: string }[] {
  if (checks === undefined) return [];
  const list: readonly CheckSpec[] = Array.isArray(checks) ? checks : [checks as CheckSpec];
  return list.flatMap((check: CheckSpec, i) => {
    const at = Array.isArray(checks) ? `${keyPath}[${i}]` : keyPath;
    if (typeof check === 'string') return [];
    return Object.entries(check).flatMap(([name, argument]) => {
      if (name === 'anyOf') return checkPatterns(argument as CheckSpec[], `${at}.anyOf`);
      if (!PATTERN_ARGUMENTS.has(name)) return [];
      const source =
        typeof argument === 'object' && argument !== null
          ? (argument as { pattern?: unknown }).pattern
          : argument;
      return typeof source === 'string' ? [{ source, keyPath: `${at}.${name}` }] : [];
    });
  });
}

/**
 * `source` compiled, or a ConfigError naming the key path; proven linear-time, or refused.
 * A rule's own pattern (`isSecretPattern`) must not match the empty string.
 */
function compilePattern(
  source: string,
  flags: string,
  file: string,
  keyPath: string,
  id: string,
  isSecretPattern = true,
): RegExp {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, flags);
  } catch (error) {
    throw new ConfigError(file, `invalid regular expression: ${(error as Error).message}`, keyPath);
  }
  if (isSecretPattern && new RegExp(source, flags.replace('g', '')).test(''))
    throw new ConfigError(
      file,
      'pattern matches the empty string; it must match the secret itself',
      keyPath,
    );
  try {
    return assertLinearPattern(pattern, id);
  } catch (error) {
    throw new ConfigError(file, (error as Error).message, keyPath);
  }
}

/**
 * A `customRules` entry compiled into a rule: every pattern and pattern argument proven
 * linear first, then `defineRule`, whose contract errors become config errors naming the
 * entry. Rule ids must not collide with the built-in ones or with each other (`taken`).
 */
export function compileCustomRule(
  spec: RuleSpec,
  file: string,
  keyPath: string,
  taken: ReadonlySet<string>,
): Rule {
  if (taken.has(spec.id))
    throw new ConfigError(file, `rule id "${spec.id}" is already taken`, `${keyPath}.id`);
  const patterns =
    spec.pattern === undefined
      ? []
      : typeof spec.pattern === 'string'
        ? [spec.pattern]
        : spec.pattern;
  patterns.forEach((source, i) =>
    compilePattern(
      source,
      spec.flags ?? '',
      file,
      `${keyPath}.pattern${typeof spec.pattern === 'string' ? '' : `[${i}]`}`,
      spec.id,
    ),
  );
  for (const { source, keyPath: at } of checkPatterns(spec.check, `${keyPath}.check`))
    compilePattern(source, 'i', file, at, spec.id, false);
  let rule: Rule;
  try {
    rule = defineRule(spec);
  } catch (error) {
    throw new ConfigError(file, (error as Error).message, keyPath);
  }
  // A token from prefix and body: the pattern built from them is proven too.
  if (spec.pattern === undefined)
    for (const pattern of rule.patterns)
      compilePattern(pattern.source, pattern.flags.replace(/[gd]/g, ''), file, keyPath, spec.id);
  return rule;
}

/** Ids of the rules every custom rule pairs with (`near`) that are neither built in nor custom. */
export function assertPartnersExist(
  customRules: readonly Rule[],
  switchedOff: (id: string) => boolean,
  file: string,
): void {
  const known = new Set([...builtinRules, ...customRules].map((rule) => rule.id));
  for (const rule of customRules) {
    for (const { rule: partner } of rule.near) {
      if (!known.has(partner))
        throw new ConfigError(
          file,
          `rule ${rule.id} pairs with "${partner}", which is no rule`,
          'customRules',
        );
      if (switchedOff(partner))
        throw new ConfigError(
          file,
          `rule ${rule.id} pairs with ${partner}, which is switched off; switch it on (it need not block: give it severity info)`,
          `rules.${partner}`,
        );
    }
  }
}
