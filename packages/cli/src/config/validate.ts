import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.js';
import { packageFile } from '../package-files.js';
import type { RawConfig } from './types.js';

/** The JSON Schema every configuration is validated against, shipped in this package. */
export const CONFIG_SCHEMA_PATH = packageFile('schema/tightlip.config.schema.json');

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
  const [{ Ajv }, schemaText] = await Promise.all([
    import('ajv'),
    readFile(CONFIG_SCHEMA_PATH, 'utf8'),
  ]);
  const ajv = new Ajv({ allErrors: false, verbose: true, strict: false });
  return ajv.compile(JSON.parse(schemaText) as object) as Validator;
}

/** Where the build puts the schema precompiled (scripts/generate-config-validator.mjs). */
export const PRECOMPILED_VALIDATOR = packageFile('generated/config-validator.js');

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
  const parts = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return parts
    .map((part, i) =>
      /^\d+$/.test(part)
        ? `[${part}]`
        : /^[A-Za-z_$][\w$-]*$/.test(part)
          ? `${i === 0 ? '' : '.'}${part}`
          : `[${JSON.stringify(part)}]`,
    )
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
    return {
      keyPath: toKeyPath(naming.instancePath, String(naming.params.propertyName)),
      message: 'is not a valid rule id (kebab-case)',
    };
  }
  const error = errors[errors.length - 1]!;
  const keyPath = toKeyPath(error.instancePath) || '(top level)';
  if (error.keyword === 'enum')
    return {
      keyPath,
      message: `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
    };
  if (error.keyword === 'minLength') return { keyPath, message: 'must not be empty' };
  if (error.keyword === 'anyOf')
    return {
      keyPath,
      message: `has the wrong form: ${error.parentSchema?.description ?? 'see the schema'}`,
    };
  if (error.keyword === 'type' && error.instancePath === '')
    return { keyPath, message: 'must be a JSON object' };
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
