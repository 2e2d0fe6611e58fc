// How a rule is declared: one schema (`RuleSpec`) for built-in rules and configured ones.
// `defineRule` checks the contract, builds the pattern (from `pattern`, or from `prefix`,
// `body` and `boundary`), compiles the named checks and derives from them the rule's
// confidence and the filters it skips. Built-in rules may write patterns as regular
// expression literals and generate their samples from a seeded fake.

import { RuleError } from '../errors.js';
import type {
  Boundary,
  CheckFunction,
  CheckSpec,
  Fake,
  Rule,
  RuleSamples,
  RuleSpec,
} from '../types.js';
import {
  compileChecks,
  nativeRegExp,
  nearOf,
  type CompiledChecks,
  type RegExpFactory,
} from './checks.js';
import { escapeRegExp } from '../codec/escape-regexp.js';

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A rule as written in code: the spec, with conveniences that configuration has no use for. */
export interface RuleDefinition extends Omit<RuleSpec, 'pattern' | 'check' | 'samples'> {
  /** Regular expressions (literals or sources); any may match. */
  pattern?: RegExp | string | readonly (RegExp | string)[];
  /** Named checks; a function only where no named check fits (listed as `custom`). */
  check?: CheckSpec | CheckFunction | readonly (CheckSpec | CheckFunction)[];
  /** Literal samples, or samples generated from a seeded fake. */
  samples?: RuleSamples | ((fake: Fake) => RuleSamples);
  /**
   * A fresh, valid token, for a rule whose samples follow from it: each of `contexts`
   * around a token must match; the token with its random part replaced by `x` (a
   * placeholder) and the token cut 8 characters after its prefix must not.
   */
  token?: (fake: Fake) => string;
  /** How the token is written where the rule finds it (default: bare, an environment assignment, a JSON value). */
  contexts?: readonly ((token: string) => string)[];
  /** More strings that must not match, besides the generated placeholder and truncation. */
  ignore?: (fake: Fake) => string[];
  /** The keywords are names that count only where a word starts (see `Rule.wordKeywords`). */
  wordKeywords?: boolean;
}

/** How `defineRule` builds a rule's regular expressions (see `RegExpFactory`). */
export interface DefineOptions {
  /**
   * A linear-time engine for a configuration's rules. It runs no lookarounds, so a token's
   * boundary (see `tokenSource`) is then checked on the text around each match instead.
   */
  regExp?: RegExpFactory;
}

/** What each boundary keeps from touching a token (see `Boundary`). */
const BOUNDARY: Record<Exclude<Boundary, 'none'>, readonly [before: string, after: string]> = {
  alnum: ['A-Za-z0-9', 'A-Za-z0-9'],
  word: ['A-Za-z0-9_', 'A-Za-z0-9_'],
  token: ['A-Za-z0-9_-', 'A-Za-z0-9_-'],
  dotted: ['A-Za-z0-9_.-', 'A-Za-z0-9_.-'],
  base64: ['A-Za-z0-9+/', 'A-Za-z0-9+/='],
};

/**
 * The pattern source of a token: its prefixes, its body, lookarounds for its boundary. The
 * prefix comes first and the boundary before it is asserted behind it
 * (`ghp_(?<![A-Za-z0-9]ghp_)…`), so that the regex engine can skip ahead to the literal.
 */
function tokenSource(
  prefix: string | readonly string[],
  body: string,
  boundary: Boundary,
  withLookarounds: boolean,
): string {
  const prefixes = (typeof prefix === 'string' ? [prefix] : prefix).map(escapeRegExp);
  const start = prefixes.length === 1 ? prefixes[0]! : `(?:${prefixes.join('|')})`;
  if (boundary === 'none' || !withLookarounds) return `${start}${body}`;
  const [before, after] = BOUNDARY[boundary];
  return `${start}(?<![${before}]${start})${body}(?![${after}])`;
}

/**
 * The boundary of a token checked on the text around a match: what the lookarounds of
 * `tokenSource` assert, for an engine without lookarounds. A match refused here hides no
 * other token: one would have to start with the prefix inside this one.
 */
function boundaryCheck(boundary: Exclude<Boundary, 'none'>): CheckFunction {
  const [before, after] = BOUNDARY[boundary].map((set) => new RegExp(`^[${set}]$`));
  return (_secret, { text, start, matchStart = start, end }) =>
    !before!.test(text.charAt(matchStart - 1)) && !after!.test(text.charAt(end));
}

/**
 * What builds the rule's patterns (global, with match indices where they name groups),
 * once the definition's shape is checked: the regular expressions themselves are built
 * when called.
 */
function patternsOf(definition: RuleDefinition, regExp: RegExpFactory): () => RegExp[] {
  const { pattern, prefix, body } = definition;
  if (pattern !== undefined && (prefix !== undefined || body !== undefined))
    throw new RuleError('give either pattern or prefix and body, not both', definition.id);
  if (pattern !== undefined && definition.boundary !== undefined)
    throw new RuleError(
      'boundary applies to prefix and body; write lookarounds in a pattern',
      definition.id,
    );
  const sources: (RegExp | string)[] =
    pattern === undefined
      ? []
      : typeof pattern === 'string' || pattern instanceof RegExp
        ? [pattern]
        : [...pattern];
  if (pattern === undefined) {
    if (prefix === undefined || body === undefined)
      throw new RuleError('a rule needs a pattern, or a prefix and a body', definition.id);
    sources.push(
      tokenSource(prefix, body, definition.boundary ?? 'alnum', regExp === nativeRegExp),
    );
  }
  if (sources.length === 0) throw new RuleError('a rule needs a pattern', definition.id);
  return () =>
    sources.map((source) => {
      const flags =
        source instanceof RegExp
          ? source.flags.replace(/[gd]/g, '')
          : (definition.flags ?? '').replace(/[gd]/g, '');
      const text = source instanceof RegExp ? source.source : source;
      let regex: RegExp;
      try {
        regex = regExp(text, `g${flags}${text.includes('(?<') ? 'd' : ''}`);
      } catch (error) {
        if (error instanceof RuleError) throw error;
        throw new RuleError(`invalid pattern: ${(error as Error).message}`, definition.id);
      }
      // Whether it matches the empty string is checked by the catalog's tests and, for a
      // configuration's patterns, when it loads: testing here would compile every pattern
      // of the catalog at every start.
      return regex;
    });
}

/** The samples function: literal samples, generated ones, or those that follow from `token`. */
function samplesOf(definition: RuleDefinition): (fake: Fake) => RuleSamples {
  const { samples, token, contexts = DEFAULT_CONTEXTS, ignore } = definition;
  if (samples !== undefined) {
    if (typeof samples === 'function') return samples;
    return () => ({ match: [...samples.match], ignore: [...samples.ignore] });
  }
  if (token === undefined) return () => ({ match: [], ignore: [] });
  const prefixes = [
    ...(definition.prefix === undefined
      ? []
      : typeof definition.prefix === 'string'
        ? [definition.prefix]
        : definition.prefix),
    ...(definition.keywords ?? []),
  ];
  const first = contexts[0]!;
  return (fake) => {
    const sample = token(fake);
    const prefix = prefixLength(sample, prefixes);
    return {
      match: contexts.map((context) => context(token(fake))),
      ignore: [
        first(sample.slice(0, prefix) + sample.slice(prefix).replace(/[A-Za-z0-9]/g, 'x')),
        first(sample.slice(0, prefix + 8)),
        ...(ignore?.(fake) ?? []),
      ],
    };
  };
}

const DEFAULT_CONTEXTS: readonly ((token: string) => string)[] = [
  (token) => token,
  (token) => `export SERVICE_CREDENTIAL="${token}"`,
  (token) => `{"auth": {"value": "${token}"}}`,
];

/** The length of the longest of `prefixes` the token starts with (case-insensitive), 0 if none. */
function prefixLength(token: string, prefixes: readonly string[]): number {
  const lower = token.toLowerCase();
  return Math.max(
    0,
    ...prefixes.filter((p) => lower.startsWith(p.toLowerCase())).map((p) => p.length),
  );
}

/** The rule as data: what `rules list --format json` prints, in the shape configuration takes. */
function specOf(definition: RuleDefinition, rule: Rule): RuleSpec {
  const { pattern, prefix, body, boundary, flags, check } = definition;
  const checks = check === undefined ? [] : Array.isArray(check) ? check : [check];
  const patternSources =
    pattern === undefined
      ? undefined
      : (typeof pattern === 'string' || pattern instanceof RegExp ? [pattern] : pattern).map((p) =>
          p instanceof RegExp ? p.source : p,
        );
  const regexFlags =
    pattern instanceof RegExp
      ? pattern.flags.replace(/[gd]/g, '')
      : Array.isArray(pattern) && pattern[0] instanceof RegExp
        ? pattern[0].flags.replace(/[gd]/g, '')
        : flags;
  return {
    id: rule.id,
    title: rule.title,
    description: rule.description,
    remediation: rule.remediation,
    ...(definition.provider !== undefined ? { provider: definition.provider } : {}),
    ...(definition.source !== undefined ? { source: definition.source } : {}),
    severity: rule.severity,
    keywords: rule.keywords,
    ...(patternSources
      ? { pattern: patternSources.length === 1 ? patternSources[0]! : patternSources }
      : { prefix: prefix!, body: body!, boundary: boundary ?? 'alnum' }),
    ...(regexFlags ? { flags: regexFlags } : {}),
    ...(rule.scope ? { scope: rule.scope } : {}),
    ...(checks.length > 0
      ? {
          check: (checks as (CheckSpec | CheckFunction)[]).map((c) =>
            typeof c === 'function' ? 'custom' : c,
          ),
        }
      : {}),
    ...(rule.generic ? { generic: true } : {}),
    ...(definition.samples !== undefined && typeof definition.samples !== 'function'
      ? { samples: definition.samples }
      : {}),
  };
}

/** The `near` checks among `specs` (inside `anyOf` too), read without compiling the others. */
function nearChecks(
  specs: readonly (CheckSpec | CheckFunction)[],
  id: string,
): { rule: string; withinLines: number }[] {
  return specs.flatMap((spec) => {
    if (typeof spec !== 'object' || spec === null) return [];
    const entries = Object.entries(spec);
    return entries.flatMap(([name, argument]) => {
      try {
        if (name === 'near') return [nearOf(argument)];
      } catch (error) {
        throw new RuleError((error as Error).message.replace(/^.*?: /, ''), id);
      }
      return name === 'anyOf' && Array.isArray(argument)
        ? nearChecks(argument as CheckSpec[], id)
        : [];
    });
  });
}

/**
 * Declares a credential rule from its definition. Checks the cheap parts of the contract
 * at definition time: a kebab-case id, lower-case keywords, the shape of its pattern,
 * keywords (or a `near` check) for a line-scoped rule. Patterns that compile, known checks
 * with arguments of the right form, linear time and never matching the empty string are
 * checked for built-in rules by tests over the catalog, so that loading the catalog (every
 * hook run) does not re-prove them (nor compile every pattern and check); for rules from a
 * configuration at load.
 */
export function defineRule(definition: RuleDefinition, options: DefineOptions = {}): Rule {
  const regExp = options.regExp ?? nativeRegExp;
  const { id } = definition;
  if (!RULE_ID.test(id)) throw new RuleError('id must be kebab-case', id);
  const keywords = definition.keywords ?? [];
  for (const keyword of keywords) {
    if (keyword.length === 0 || keyword !== keyword.toLowerCase()) {
      throw new RuleError(`keyword "${keyword}" must be non-empty lower case`, id);
    }
  }
  const buildPatterns = patternsOf(definition, regExp);
  // A built-in rule's patterns are proven by the catalog's tests, and a hook runs a few of
  // the catalog's rules: each builds its regular expressions when it first runs. Another
  // engine's (a configuration's rules on RE2) are built and so checked at once.
  let patterns = regExp === nativeRegExp ? undefined : buildPatterns();
  const specs =
    definition.check === undefined
      ? []
      : Array.isArray(definition.check)
        ? (definition.check as readonly (CheckSpec | CheckFunction)[])
        : [definition.check as CheckSpec | CheckFunction];
  const boundary = definition.boundary ?? 'alnum';
  const checked =
    definition.pattern === undefined && boundary !== 'none' && regExp !== nativeRegExp
      ? [boundaryCheck(boundary), ...specs]
      : specs;
  let compiled: CompiledChecks | undefined;
  const compile = (): CompiledChecks => {
    try {
      return (compiled ??= compileChecks(checked, regExp));
    } catch (error) {
      throw new RuleError((error as Error).message.replace(/^.*?: /, ''), id);
    }
  };
  // Likewise a built-in rule's checks (their regular expressions, closures) are compiled
  // when the rule first has a candidate; what every rule is asked at once (its `near`) is
  // read from the definition. Another engine's are compiled, and so checked, at once.
  const near = regExp === nativeRegExp ? nearChecks(specs, id) : compile().near;
  if (definition.scope === 'line' && keywords.length === 0 && near.length === 0)
    throw new RuleError('a line-scoped rule needs keywords (or a near check)', id);
  let spec: RuleSpec | undefined;
  const rule: Rule = {
    id,
    title: definition.title,
    description: definition.description ?? definition.title,
    remediation:
      definition.remediation ??
      'Remove the secret from the repository, rotate it, and load it from a secret store.',
    severity: definition.severity ?? 'high',
    keywords,
    get patterns() {
      return (patterns ??= buildPatterns());
    },
    ...(definition.scope ? { scope: definition.scope } : {}),
    ...(definition.wordKeywords ? { wordKeywords: true } : {}),
    get check() {
      return checked.length > 0 ? compile().check : undefined;
    },
    near,
    get confidence() {
      return compile().confidence;
    },
    ...(definition.generic ? { generic: true } : {}),
    get skipFilters() {
      return compile().skipFilters;
    },
    samples: samplesOf(definition),
    get spec() {
      return (spec ??= specOf(definition, rule));
    },
  };
  return rule;
}

/** The usual advice: revoke at the provider, issue a new credential, keep it out of the repository. */
export function remediation(what: string, where: string): string {
  return `Revoke the ${what} in ${where}, issue a new one, and load it from a secret store or CI secret instead of the repository; rewriting history does not make it safe again.`;
}
