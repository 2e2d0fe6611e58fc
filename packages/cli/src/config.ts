import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { assertLinearTime, builtinRules, defineRule, type Rule, type Severity } from '@tightlip/core';
import { ConfigError } from './errors.js';
import { findWorkTreeTop } from './paths.js';
import { PRESETS } from './presets.js';

/** File names searched for, in each directory from the start upwards. */
export const CONFIG_FILE_NAMES = ['tightlip.config.json', '.tightliprc.json'] as const;

/** The JSON Schema every configuration is validated against, shipped in this package. */
export const CONFIG_SCHEMA_PATH = new URL('../schema/tightlip.config.schema.json', import.meta.url);

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
  inlineAllow: boolean;
  maxFileSize?: number;
}

/** The configuration when there is no file. */
export function defaultConfig(dir: string): Config {
  return { dir, terms: [], allowPaths: [], allowValues: [], allowPatterns: [], stopwords: [], rules: {}, customRules: [], inlineAllow: true };
}

/** The JSON shape of a configuration file, once it passed the schema. */
export interface RawConfig {
  $schema?: string;
  extends?: string | string[];
  rules?: Record<string, 'on' | 'off' | Severity | RuleSetting>;
  customRules?: {
    id: string;
    title: string;
    description?: string;
    remediation?: string;
    severity?: Severity;
    keywords?: string[];
    pattern: string;
    flags?: string;
  }[];
  terms?: string[];
  allow?: { paths?: string[]; values?: string[]; patterns?: string[]; stopwords?: string[] };
  baseline?: string;
  failOn?: Severity;
  inlineAllow?: boolean;
  maxFileSize?: number;
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(file, `cannot read: ${(error as Error).message}`);
  }
}

/** The nearest config file at or above `start`, or undefined. Two names in one directory is an error. */
export async function findConfigFile(start: string): Promise<string | undefined> {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const present: string[] = [];
    for (const name of CONFIG_FILE_NAMES) {
      if ((await readIfExists(join(dir, name))) !== undefined) present.push(join(dir, name));
    }
    if (present.length > 1) throw new ConfigError(present[0]!, `found both ${present.join(' and ')}; keep one`);
    if (present[0]) return present[0];
    if (dirname(dir) === dir) return undefined;
  }
}

// --- validation -------------------------------------------------------------------------

interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  parentSchema?: { properties?: Record<string, unknown>; description?: string; enum?: unknown[] };
}

type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** Compiles the schema with ajv at run time. */
export async function compileConfigValidator(): Promise<Validator> {
  const [{ Ajv }, schemaText] = await Promise.all([import('ajv'), readFile(CONFIG_SCHEMA_PATH, 'utf8')]);
  const ajv = new Ajv({ allErrors: false, verbose: true, strict: false });
  return ajv.compile(JSON.parse(schemaText) as object) as Validator;
}

/** Where the build puts the schema precompiled (scripts/generate-config-validator.mjs). */
export const PRECOMPILED_VALIDATOR = new URL('../generated/config-validator.js', import.meta.url);

let validator: Promise<Validator> | undefined;

/**
 * The schema validator, loaded on first use so runs without a config never pay for it:
 * the precompiled one from the build, or compiled now when the build did not make it.
 */
function loadValidator(): Promise<Validator> {
  validator ??= import(PRECOMPILED_VALIDATOR.href).then(
    (module: { validate: Validator }) => module.validate,
    () => compileConfigValidator(),
  );
  return validator;
}

/** `/allow/paths/0` -> `allow.paths[0]`. */
function toKeyPath(pointer: string, extra?: string): string {
  const parts = pointer.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : /^[A-Za-z_$][\w$-]*$/.test(part) ? `${i === 0 ? '' : '.'}${part}` : `[${JSON.stringify(part)}]`))
    .join('');
}

function describeSchemaError(errors: readonly SchemaError[]): { keyPath: string; message: string } {
  const unknown = errors.find((error) => error.keyword === 'additionalProperties');
  if (unknown) {
    const known = Object.keys(unknown.parentSchema?.properties ?? {});
    return {
      keyPath: toKeyPath(unknown.instancePath, String(unknown.params.additionalProperty)),
      message: `unknown key${known.length > 0 ? `; expected one of ${known.join(', ')}` : ''}`,
    };
  }
  const naming = errors.find((error) => error.keyword === 'propertyNames');
  if (naming) {
    return { keyPath: toKeyPath(naming.instancePath, String(naming.params.propertyName)), message: 'is not a valid rule id (kebab-case)' };
  }
  const error = errors[errors.length - 1]!;
  const keyPath = toKeyPath(error.instancePath) || '(top level)';
  if (error.keyword === 'enum') return { keyPath, message: `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
  if (error.keyword === 'minLength') return { keyPath, message: 'must not be empty' };
  if (error.keyword === 'anyOf') return { keyPath, message: `has the wrong form: ${error.parentSchema?.description ?? 'see the schema'}` };
  if (error.keyword === 'type' && error.instancePath === '') return { keyPath, message: 'must be a JSON object' };
  return { keyPath, message: error.message ?? `fails ${error.keyword}` };
}

/** Parses and validates the text of one config file against the schema. Errors name the file and key path. */
export async function validateConfig(file: string, text: string): Promise<RawConfig> {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ConfigError(file, `not valid JSON: ${(error as Error).message}`);
  }
  const validate = await loadValidator();
  if (!validate(json)) {
    const { keyPath, message } = describeSchemaError(validate.errors ?? []);
    throw new ConfigError(file, message, keyPath);
  }
  return json as RawConfig;
}

// --- extends and merging ----------------------------------------------------------------

interface Layer {
  /** File of the layer, or the preset name. */
  source: string;
  /** Directory its relative paths are relative to. */
  dir: string;
  raw: RawConfig;
}

/** Resolves an `extends` entry to a preset or a file. */
function resolveExtends(spec: string, from: Layer): { preset: RawConfig; name: string } | { file: string } {
  if (spec.startsWith('tightlip:')) {
    const preset = PRESETS[spec];
    if (!preset) throw new ConfigError(from.source, `unknown preset "${spec}"; presets: ${Object.keys(PRESETS).join(', ')}`, 'extends');
    return { preset, name: spec };
  }
  if (spec.startsWith('.') || isAbsolute(spec)) return { file: resolve(from.dir, spec) };
  const require = createRequire(join(from.dir, 'tightlip.config.json'));
  for (const candidate of [spec, `${spec}/tightlip.config.json`]) {
    try {
      const file = require.resolve(candidate);
      if (file.endsWith('.json')) return { file };
    } catch {
      // try the next form
    }
  }
  // A package whose `exports` hides its files: look for its tightlip.config.json directly.
  for (let dir = from.dir; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', spec, 'tightlip.config.json');
    if (existsSync(file)) return { file };
    if (dirname(dir) === dir) break;
  }
  throw new ConfigError(from.source, `cannot resolve "${spec}" (a package whose main file, or tightlip.config.json, is JSON)`, 'extends');
}

async function loadLayers(file: string, text: string, seen: readonly string[], loaded = new Set<string>()): Promise<Layer[]> {
  if (seen.includes(file)) throw new ConfigError(file, `extends itself through ${[...seen, file].join(' -> ')}`, 'extends');
  // A file reached twice (listed twice, or a diamond of extends) counts once, where first reached.
  if (loaded.has(file)) return [];
  loaded.add(file);
  const layer: Layer = { source: file, dir: dirname(file), raw: await validateConfig(file, text) };
  const layers: Layer[] = [];
  const specs = layer.raw.extends === undefined ? [] : Array.isArray(layer.raw.extends) ? layer.raw.extends : [layer.raw.extends];
  for (const spec of specs) {
    const target = resolveExtends(spec, layer);
    if ('preset' in target) {
      layers.push({ source: target.name, dir: layer.dir, raw: target.preset });
      continue;
    }
    const parentText = await readIfExists(target.file);
    if (parentText === undefined) throw new ConfigError(file, `extends a missing file ${target.file}`, 'extends');
    layers.push(...(await loadLayers(target.file, parentText, [...seen, file], loaded)));
  }
  layers.push(layer);
  return layers;
}

function compileRegExp(source: string, flags: string, layer: Layer, keyPath: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw new ConfigError(layer.source, `invalid regular expression: ${(error as Error).message}`, keyPath);
  }
}

function compileCustomRule(raw: NonNullable<RawConfig['customRules']>[number], layer: Layer, index: number): Rule {
  const keyPath = `customRules[${index}]`;
  const pattern = compileRegExp(raw.pattern, `g${raw.flags ?? ''}`, layer, `${keyPath}.pattern`);
  if (new RegExp(pattern.source, pattern.flags.replace('g', '')).test('')) {
    throw new ConfigError(layer.source, 'pattern matches the empty string; it must match the secret itself', `${keyPath}.pattern`);
  }
  try {
    return assertLinearTime(defineRule({
      id: raw.id,
      title: raw.title,
      description: raw.description ?? raw.title,
      remediation: raw.remediation ?? 'Remove the secret from the repository, rotate it, and load it from a secret store.',
      severity: raw.severity ?? 'high',
      keywords: raw.keywords ?? [],
      pattern,
      samples: () => ({ match: [], ignore: [] }),
    }));
  } catch (error) {
    throw new ConfigError(layer.source, (error as Error).message, `${keyPath}.pattern`);
  }
}

/** A rule's setting; naming a severity switches the rule on (a later `"critical"` undoes an earlier `"off"`). */
function toSetting(value: NonNullable<RawConfig['rules']>[string]): RuleSetting {
  if (value === 'on') return { enabled: true };
  if (value === 'off') return { enabled: false };
  if (typeof value === 'string') return { enabled: true, severity: value };
  return value.severity !== undefined && value.enabled === undefined ? { enabled: true, ...value } : value;
}

function mergeLayers(file: string, layers: readonly Layer[]): Config {
  const config = defaultConfig(dirname(file));
  config.file = file;
  const ruleSources = new Map<string, Layer>();
  for (const layer of layers) {
    const { raw } = layer;
    config.terms.push(...(raw.terms ?? []).map((path) => resolve(layer.dir, path)));
    config.allowPaths.push(...(raw.allow?.paths ?? []));
    config.allowValues.push(...(raw.allow?.values ?? []));
    config.allowPatterns.push(...(raw.allow?.patterns ?? []).map((p, i) => compileRegExp(p, '', layer, `allow.patterns[${i}]`)));
    config.stopwords.push(...(raw.allow?.stopwords ?? []));
    (raw.customRules ?? []).forEach((rule, i) => {
      if (builtinRules.some((builtin) => builtin.id === rule.id) || config.customRules.some((custom) => custom.id === rule.id)) {
        throw new ConfigError(layer.source, `rule id "${rule.id}" is already taken`, `customRules[${i}].id`);
      }
      config.customRules.push(compileCustomRule(rule, layer, i));
    });
    for (const [id, value] of Object.entries(raw.rules ?? {})) {
      config.rules[id] = { ...config.rules[id], ...toSetting(value) };
      ruleSources.set(id, layer);
    }
    if (raw.baseline !== undefined) config.baseline = resolve(layer.dir, raw.baseline);
    if (raw.failOn !== undefined) config.failOn = raw.failOn;
    if (raw.inlineAllow !== undefined) config.inlineAllow = raw.inlineAllow;
    if (raw.maxFileSize !== undefined) config.maxFileSize = raw.maxFileSize;
  }
  const known = new Set([...builtinRules, ...config.customRules].map((rule) => rule.id));
  for (const [id, layer] of ruleSources) {
    if (!known.has(id)) throw new ConfigError(layer.source, 'no such rule; see `tightlip rules list`', `rules.${id}`);
  }
  config.terms = [...new Set(config.terms)];
  config.allowPaths = [...new Set(config.allowPaths)];
  return config;
}

/** Reads, validates and resolves one config file (with everything it extends). */
export async function readConfigFile(file: string): Promise<Config> {
  const text = await readIfExists(file);
  if (text === undefined) throw new ConfigError(file, 'no such file');
  return mergeLayers(file, await loadLayers(file, text, []));
}

export interface LoadConfigOptions {
  /** An explicit `--config` path: must exist. */
  explicit?: string;
  /** Directories to search upwards from, in order, when there is no explicit path. */
  searchFrom: readonly string[];
  cwd: string;
}

/** Finds, reads and validates the configuration; the defaults when there is none. */
export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  if (options.explicit !== undefined) return readConfigFile(resolve(options.cwd, options.explicit));
  for (const start of options.searchFrom) {
    const file = await findConfigFile(start);
    if (file) return readConfigFile(file);
  }
  // Without a config file, the run is anchored (baseline, term scopes) at the top of the
  // work tree, so that scanning a subdirectory judges as scanning the whole.
  const start = resolve(options.searchFrom[0] ?? options.cwd);
  return defaultConfig(findWorkTreeTop(start) ?? start);
}

/** The rules a scan runs: built-in and custom rules, minus those switched off, with severities overridden. */
export function resolveRules(config: Config): Rule[] {
  return [...builtinRules, ...config.customRules]
    .filter((rule) => config.rules[rule.id]?.enabled !== false)
    .map((rule) => {
      const severity = config.rules[rule.id]?.severity;
      return severity ? { ...rule, severity } : rule;
    });
}
