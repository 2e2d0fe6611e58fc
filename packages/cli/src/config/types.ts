import type { Rule, RuleSpec, Severity } from '@tightlip/core';
import type { ExtractLimits } from '@tightlip/extract';

/** How a rule is switched or re-rated by configuration. */
export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
}

/** A configuration as tightlip uses it: `extends` applied, paths absolute, patterns compiled. */
export interface Config {
  /** The file it came from; undefined for the built-in defaults. */
  file?: string;
  /** Directory that `allow.paths` globs are relative to: the file's own directory. */
  dir: string;
  /** Absolute paths of term lists. */
  terms: string[];
  /** Globs (picomatch, `/`-separated, relative to `dir`) of paths never reported. */
  allowPaths: string[];
  allowValues: string[];
  allowPatterns: RegExp[];
  stopwords: string[];
  rules: Record<string, RuleSetting>;
  customRules: Rule[];
  /** Absolute path of the baseline file. */
  baseline?: string;
  failOn?: Severity;
  /** Honour `tightlip:allow` comments; undefined when no config says (on by default, off on a server). */
  inlineAllow?: boolean;
  maxFileSize?: number;
  /** Extraction limits, or false to scan files as text only (see docs/extraction.md). */
  extract?: Partial<ExtractLimits> | false;
}

/** The configuration when there is no file. */
export function defaultConfig(dir: string): Config {
  return {
    dir,
    terms: [],
    allowPaths: [],
    allowValues: [],
    allowPatterns: [],
    stopwords: [],
    rules: {},
    customRules: [],
  };
}

/** The JSON shape of a configuration file, once it passed the schema. */
export interface RawConfig {
  $schema?: string;
  extends?: string | string[];
  rules?: Record<string, 'on' | 'off' | Severity | RuleSetting>;
  /** Rules of the catalog's own schema (core's `RuleSpec`). */
  customRules?: RuleSpec[];
  terms?: string[];
  allow?: { paths?: string[]; values?: string[]; patterns?: string[]; stopwords?: string[] };
  baseline?: string;
  failOn?: Severity;
  inlineAllow?: boolean;
  maxFileSize?: number;
  extract?: false | Partial<ExtractLimits>;
}
