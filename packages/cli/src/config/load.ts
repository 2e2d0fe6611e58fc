import { existsSync } from 'node:fs';
import { isBuiltinList } from '../term-sources.js';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { builtinRules, type Rule } from '@tightlip/core';
import { ConfigError } from '../errors.js';
import { findWorkTreeTop } from '../paths.js';
import { findConfig, readIfExists } from './find.js';
import { PRESETS } from './presets.js';
import {
  assertPartnersExist,
  compileCustomRule,
  compileUserPattern,
  type Linear,
} from './rules.js';
import { defaultConfig, type Config, type RawConfig, type RuleSetting } from './types.js';
import { validateConfig } from './validate.js';

interface Layer {
  /** File of the layer, or the preset name. */
  source: string;
  /** Directory its relative paths are relative to. */
  dir: string;
  raw: RawConfig;
}

/** Resolves an `extends` entry to a preset or a file. */
function resolveExtends(
  spec: string,
  from: Layer,
): { preset: RawConfig; name: string } | { file: string } {
  if (spec.startsWith('tightlip:')) {
    const preset = PRESETS[spec];
    if (!preset)
      throw new ConfigError(
        from.source,
        `unknown preset "${spec}"; presets: ${Object.keys(PRESETS).join(', ')}`,
        'extends',
      );
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
  throw new ConfigError(
    from.source,
    `cannot resolve "${spec}" (a package whose main file, or tightlip.config.json, is JSON)`,
    'extends',
  );
}

async function loadLayers(
  file: string,
  text: string,
  seen: readonly string[],
  loaded = new Set<string>(),
): Promise<Layer[]> {
  if (seen.includes(file))
    throw new ConfigError(
      file,
      `extends itself through ${[...seen, file].join(' -> ')}`,
      'extends',
    );
  // A file reached twice (listed twice, or a diamond of extends) counts once, where first reached.
  if (loaded.has(file)) return [];
  loaded.add(file);
  const layer: Layer = { source: file, dir: dirname(file), raw: await validateConfig(file, text) };
  const layers: Layer[] = [];
  const specs =
    layer.raw.extends === undefined
      ? []
      : Array.isArray(layer.raw.extends)
        ? layer.raw.extends
        : [layer.raw.extends];
  for (const spec of specs) {
    const target = resolveExtends(spec, layer);
    if ('preset' in target) {
      layers.push({ source: target.name, dir: layer.dir, raw: target.preset });
      continue;
    }
    const parentText = await readIfExists(target.file);
    if (parentText === undefined)
      throw new ConfigError(file, `extends a missing file ${target.file}`, 'extends');
    layers.push(...(await loadLayers(target.file, parentText, [...seen, file], loaded)));
  }
  layers.push(layer);
  return layers;
}

/** A rule's setting; naming a severity switches the rule on (a later `"critical"` undoes an earlier `"off"`). */
function toSetting(value: NonNullable<RawConfig['rules']>[string]): RuleSetting {
  if (value === 'on') return { enabled: true };
  if (value === 'off') return { enabled: false };
  if (typeof value === 'string') return { enabled: true, severity: value };
  return value.severity !== undefined && value.enabled === undefined
    ? { enabled: true, ...value }
    : value;
}

function mergeLayers(file: string, layers: readonly Layer[], linear?: Linear): Config {
  const config = defaultConfig(dirname(file));
  config.file = file;
  const ruleSources = new Map<string, Layer>();
  for (const layer of layers) {
    const { raw } = layer;
    // concat, not push(...list): a list of 100k+ values would overflow the call stack. A
    // built-in list (`tightlip:markers`) is a name, not a path.
    config.terms = config.terms.concat(
      (raw.terms ?? []).map((path) => (isBuiltinList(path) ? path : resolve(layer.dir, path))),
    );
    config.allowPaths = config.allowPaths.concat(raw.allow?.paths ?? []);
    config.allowValues = config.allowValues.concat(raw.allow?.values ?? []);
    config.allowPatterns = config.allowPatterns.concat(
      (raw.allow?.patterns ?? []).map((p, i) =>
        compileUserPattern(linear!, p, '', layer.source, `allow.patterns[${i}]`),
      ),
    );
    config.stopwords = config.stopwords.concat(raw.allow?.stopwords ?? []);
    (raw.customRules ?? []).forEach((rule, i) => {
      const taken = new Set([...builtinRules, ...config.customRules].map((r) => r.id));
      config.customRules.push(
        compileCustomRule(linear!, rule, layer.source, `customRules[${i}]`, taken),
      );
    });
    for (const [id, value] of Object.entries(raw.rules ?? {})) {
      config.rules[id] = { ...config.rules[id], ...toSetting(value) };
      ruleSources.set(id, layer);
    }
    if (raw.baseline !== undefined) config.baseline = resolve(layer.dir, raw.baseline);
    if (raw.failOn !== undefined) config.failOn = raw.failOn;
    if (raw.inlineAllow !== undefined) config.inlineAllow = raw.inlineAllow;
    if (raw.maxFileSize !== undefined) config.maxFileSize = raw.maxFileSize;
    if (raw.extract !== undefined)
      config.extract = raw.extract && { ...(config.extract || {}), ...raw.extract };
  }
  const known = new Set([...builtinRules, ...config.customRules].map((rule) => rule.id));
  for (const [id, layer] of ruleSources) {
    if (!known.has(id))
      throw new ConfigError(layer.source, 'no such rule; see `tightlip rules list`', `rules.${id}`);
  }
  assertPartnersExist(config.customRules, (id) => config.rules[id]?.enabled === false, file);
  config.terms = [...new Set(config.terms)];
  config.allowPaths = [...new Set(config.allowPaths)];
  return config;
}

/** Reads (unless its `known` text is given), validates and resolves one config file, with everything it extends. */
export async function readConfigFile(file: string, known?: string): Promise<Config> {
  const text = known ?? (await readIfExists(file));
  if (text === undefined) throw new ConfigError(file, 'no such file');
  const layers = await loadLayers(file, text, []);
  const hasPatterns = layers.some(
    ({ raw }) => (raw.customRules?.length ?? 0) > 0 || (raw.allow?.patterns?.length ?? 0) > 0,
  );
  return mergeLayers(file, layers, hasPatterns ? await import('./linear-regexp.js') : undefined);
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
    // The file as the search read it: read once.
    const found = await findConfig(start);
    if (found) return readConfigFile(found.file, found.text);
  }
  // Without a config file, the run is anchored (baseline, term scopes) at the top of the
  // work tree, so that scanning a subdirectory judges as scanning the whole.
  const start = resolve(options.searchFrom[0] ?? options.cwd);
  return defaultConfig(findWorkTreeTop(start) ?? start);
}

/**
 * The rules a scan runs: built-in and custom rules, minus those switched off, with
 * severities overridden. `catalog`: the built-in rules to start from (`rules explain` takes
 * those of `@tightlip/core/catalog`, whose samples are generated).
 */
export function resolveRules(config: Config, catalog: readonly Rule[] = builtinRules): Rule[] {
  return [...catalog, ...config.customRules]
    .filter((rule) => config.rules[rule.id]?.enabled !== false)
    .map((rule) => {
      const severity = config.rules[rule.id]?.severity;
      return severity ? { ...rule, severity } : rule;
    });
}
