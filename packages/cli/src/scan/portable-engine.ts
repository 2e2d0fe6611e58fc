import { builtinRules, type Engine, type Rule } from '@tightlip/core';
import type { Config } from '../config/types.js';
import { createScanEngine, withListsOnDisk, type ScanEngineOptions } from './engine.js';
import { publishRules } from './publish-rules.js';
import type { ScanSettings } from './settings.js';

/** A rule as a worker gets it: a known one (built in, publish-check's) by id and severity, a custom one as data. */
type PortableRule =
  { builtin: string; severity: Rule['severity'] } | { custom: Omit<Rule, 'samples' | 'validate'> };

/**
 * What a worker needs to build the same engine as the main thread: data only (structured
 * clone carries RegExps and Maps, not functions), so it loads the engine and the rules and
 * nothing of the configuration's files, schemas or term lists.
 */
export interface PortableEngine {
  rules: PortableRule[];
  config: Pick<
    Config,
    'dir' | 'allowValues' | 'allowPatterns' | 'stopwords' | 'inlineAllow' | 'extract'
  >;
  terms: ScanSettings['terms'];
  termKeys: ScanSettings['termKeys'];
  /** The clock at the start of the scan: embargoes are judged at one instant in every thread. */
  now: number;
  options: ScanEngineOptions;
  /** The term lists on disk whose own terms their content does not report (see `withListsOnDisk`). */
  lists: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Rules a worker knows by id: their checks are code, which a structured clone cannot carry. */
const KNOWN_RULES = new Map([...builtinRules, ...publishRules].map((rule) => [rule.id, rule]));

/** The portable form of the engine `createScanEngine(settings, options)` builds, with `withListsOnDisk(…, lists)`. */
export function toPortableEngine(
  settings: ScanSettings,
  options: ScanEngineOptions,
  lists: ReadonlyMap<string, ReadonlySet<string>>,
): PortableEngine {
  const { config } = settings;
  return {
    rules: settings.rules.map((rule) => {
      if (KNOWN_RULES.has(rule.id)) return { builtin: rule.id, severity: rule.severity };
      const { samples: _samples, validate: _validate, ...data } = rule;
      return { custom: data };
    }),
    config: {
      dir: config.dir,
      allowValues: config.allowValues,
      allowPatterns: config.allowPatterns,
      stopwords: config.stopwords,
      inlineAllow: config.inlineAllow,
      extract: config.extract,
    },
    terms: settings.terms,
    termKeys: settings.termKeys,
    now: settings.now(),
    options,
    lists,
  };
}

/** The engine of a portable description (in a worker). */
export function fromPortableEngine(portable: PortableEngine): Engine {
  const rules = portable.rules.map((rule): Rule => {
    if ('custom' in rule) return { ...rule.custom, samples: () => ({ match: [], ignore: [] }) };
    const known = KNOWN_RULES.get(rule.builtin)!;
    return known.severity === rule.severity ? known : { ...known, severity: rule.severity };
  });
  const settings = {
    config: portable.config as Config,
    rules,
    terms: portable.terms,
    termKeys: portable.termKeys,
    now: () => portable.now,
  } as ScanSettings;
  return withListsOnDisk(
    createScanEngine(settings, portable.options),
    portable.options.root,
    portable.lists,
  );
}
