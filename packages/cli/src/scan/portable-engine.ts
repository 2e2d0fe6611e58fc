import {
  builtinRules,
  defineRule,
  type Engine,
  type Rule,
  type RuleSpec,
  type Term,
} from '@tightlip/core';
import type { Config } from '../config/types.js';
import { createScanEngine, type EngineSettings, type ScanEngineOptions } from './engine.js';
import { linearRegExps } from '../config/rules.js';
import { publishRules } from './publish-rules.js';
import type { ScanSettings } from './settings.js';

/** A rule as a worker gets it: a known one (built in, publish-check's) by id, a custom one by its spec; with its severity. */
type PortableRule = ({ builtin: string } | { custom: RuleSpec }) & { severity: Rule['severity'] };

/** A user's pattern as a worker gets it: its source, rebuilt there on the linear-time engine. */
interface PortablePattern {
  source: string;
  flags: string;
}

/**
 * What a worker needs to build the same engine as the main thread: data only (structured
 * clone carries neither functions nor a RegExp's class: a user's pattern would come back
 * as a backtracking RegExp), so it rebuilds rules and user patterns and loads nothing of
 * the configuration's files, schemas or term lists.
 */
export interface PortableEngine {
  rules: PortableRule[];
  config: Pick<Config, 'dir' | 'allowValues' | 'stopwords' | 'inlineAllow' | 'extract'> & {
    allowPatterns: PortablePattern[];
  };
  /** Every term (a compiled set is a matcher, which a structured clone cannot carry). */
  terms: readonly Term[];
  termKeys: ScanSettings['termKeys'];
  /** The clock at the start of the scan: embargoes are judged at one instant in every thread. */
  now: number;
  options: ScanEngineOptions;
}

/**
 * Rules a worker knows by id: their checks are code, which a structured clone cannot carry.
 * Made on first use: a hook imports this module but never starts workers.
 */
let knownRules: Map<string, Rule> | undefined;
function knownRule(id: string): Rule | undefined {
  knownRules ??= new Map([...builtinRules, ...publishRules].map((rule) => [rule.id, rule]));
  return knownRules.get(id);
}

/**
 * The portable form of the engine `createScanEngine(settings, options)` builds. Made only
 * when workers start (a scan past 32 MB): it lists every term, which a compiled set makes
 * only when they match.
 */
export function toPortableEngine(
  settings: ScanSettings,
  options: ScanEngineOptions,
): PortableEngine {
  const { config } = settings;
  return {
    rules: settings.rules.map((rule) => {
      if (knownRule(rule.id)) return { builtin: rule.id, severity: rule.severity };
      return { custom: rule.spec, severity: rule.severity };
    }),
    config: {
      dir: config.dir,
      allowValues: config.allowValues,
      allowPatterns: config.allowPatterns.map(({ source, flags }) => ({ source, flags })),
      stopwords: config.stopwords,
      inlineAllow: config.inlineAllow,
      extract: config.extract,
    },
    terms: settings.terms.terms(),
    termKeys: settings.termKeys,
    now: settings.now(),
    options,
  };
}

/**
 * The engine of a portable description (in a worker): custom rules and allow patterns
 * rebuilt on the linear-time engine, as the configuration built them.
 */
export async function fromPortableEngine(portable: PortableEngine): Promise<Engine> {
  const hasPatterns =
    portable.config.allowPatterns.length > 0 || portable.rules.some((rule) => 'custom' in rule);
  const linear = hasPatterns ? await import('../config/linear-regexp.js') : undefined;
  const rules = portable.rules.map((rule): Rule => {
    const made =
      'custom' in rule
        ? defineRule(rule.custom, { regExp: linearRegExps(linear!, rule.custom.id) })
        : knownRule(rule.builtin)!;
    return made.severity === rule.severity ? made : { ...made, severity: rule.severity };
  });
  const config = {
    ...portable.config,
    allowPatterns: portable.config.allowPatterns.map(
      ({ source, flags }) => new linear!.LinearRegExp(source, flags),
    ),
  };
  const settings: EngineSettings = {
    config,
    rules,
    terms: portable.terms,
    termKeys: portable.termKeys,
    now: () => portable.now,
  };
  return createScanEngine(settings, portable.options);
}
