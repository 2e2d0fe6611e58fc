// Rules from a configuration's `customRules`: the same schema as the built-in catalog
// (core's `RuleSpec`), compiled by the same `defineRule`. Every regular expression a
// configuration carries — a rule's patterns, the arguments of its checks, allow patterns —
// runs on a linear-time engine (`LinearRegExp`, see linear-regexp.ts): one that cannot
// is refused, naming its key.

import {
  builtinRules,
  defineRule,
  RuleError,
  type CheckSpec,
  type RegExpFactory,
  type Rule,
  type RuleSpec,
} from '@tightlip/core';
import { ConfigError } from '../errors.js';

/** The linear-time engine's module, loaded only by a configuration that has patterns. */
export type Linear = typeof import('./linear-regexp.js');

/**
 * A user's pattern, run by the linear-time engine: an invalid pattern, or one that cannot
 * run in linear time (a lookaround, a backreference), is a ConfigError naming the file and
 * the key.
 */
export function compileUserPattern(
  linear: Linear,
  source: string,
  flags: string,
  file: string,
  keyPath: string,
): RegExp {
  const { LinearPatternError, LinearRegExp } = linear;
  try {
    new RegExp(source, flags);
  } catch (error) {
    throw new ConfigError(file, `invalid regular expression: ${(error as Error).message}`, keyPath);
  }
  try {
    return new LinearRegExp(source, flags);
  } catch (error) {
    if (!(error instanceof LinearPatternError)) throw error;
    throw new ConfigError(
      file,
      `pattern refused, it must run in linear time: ${error.message}`,
      keyPath,
    );
  }
}

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
 * The RegExp factory `defineRule` takes for a configuration's rule `ruleId`: RE2, a pattern
 * it cannot run a RuleError. Workers rebuild configured rules with it too.
 */
export function linearRegExps(linear: Linear, ruleId: string): RegExpFactory {
  return (source, flags) => {
    try {
      return new linear.LinearRegExp(source, flags);
    } catch (error) {
      if (!(error instanceof linear.LinearPatternError)) throw error;
      throw new RuleError(`pattern refused, it must run in linear time: ${error.message}`, ruleId);
    }
  };
}

/** `source` on the linear-time engine (see `compileUserPattern`); a rule's own pattern (`isSecretPattern`) must not match the empty string. */
function compilePattern(
  linear: Linear,
  source: string,
  flags: string,
  file: string,
  keyPath: string,
  isSecretPattern = true,
): RegExp {
  const pattern = compileUserPattern(linear, source, flags, file, keyPath);
  if (isSecretPattern && new RegExp(source, flags.replace('g', '')).test(''))
    throw new ConfigError(
      file,
      'pattern matches the empty string; it must match the secret itself',
      keyPath,
    );
  return pattern;
}

/**
 * A `customRules` entry compiled into a rule: every pattern and pattern argument on the
 * linear-time engine (refused, naming its key, when it cannot run there), then
 * `defineRule` with that engine, whose contract errors become config errors naming the
 * entry. Rule ids must not collide with the built-in ones or with each other (`taken`).
 */
export function compileCustomRule(
  linear: Linear,
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
  // Each pattern compiled here, where a refusal names its key, is the one the rule runs:
  // compiled with the flags `defineRule` asks for (see `compileChecks` for checks), once.
  const made = new Map<string, RegExp>();
  const keep = (source: string, flags: string, at: string, isSecretPattern?: boolean) =>
    made.set(
      `${flags}\0${source}`,
      compilePattern(linear, source, flags, file, at, isSecretPattern),
    );
  patterns.forEach((source, i) =>
    keep(
      source,
      `g${spec.flags ?? ''}${source.includes('(?<') ? 'd' : ''}`,
      `${keyPath}.pattern${typeof spec.pattern === 'string' ? '' : `[${i}]`}`,
    ),
  );
  for (const { source, keyPath: at } of checkPatterns(spec.check, `${keyPath}.check`))
    keep(source, 'i', at, false);
  const linearRegExp = linearRegExps(linear, spec.id);
  try {
    // A token from prefix and body is compiled here too: its boundary is then checked
    // around each match, since the linear-time engine has no lookarounds.
    return defineRule(spec, {
      regExp: (source, flags) => made.get(`${flags}\0${source}`) ?? linearRegExp(source, flags),
    });
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(file, (error as Error).message, keyPath);
  }
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
