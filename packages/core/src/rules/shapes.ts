// Shapes that many providers share, for rules that find a value by the name it is assigned
// to rather than by a prefix: UUIDs, hex and base62 runs standing alone, and `keyedKey`,
// the rule for a provider's key that only the key naming the provider tells apart.

import type { Fake, Rule } from '../types.js';
import { defineRule, type RuleDefinition } from './define-rule.js';

/** A UUID (8-4-4-4-12 hex), as a pattern body. */
export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A fresh random UUID-shaped value. */
export const fakeUuid = (fake: Fake): string =>
  `${fake.hex(8)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(12)}`;

/** A pattern for `body` standing alone: no letter, digit, `_` or `-` touches it. */
export function alone(body: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9_-])${body}(?![A-Za-z0-9_-])`);
}

/** A provider's key that has no prefix of its own, found by the name it is assigned to. */
export interface KeyedKeyDefinition extends Pick<
  RuleDefinition,
  'id' | 'title' | 'provider' | 'source' | 'description' | 'remediation' | 'severity'
> {
  /** The provider's name as keys and text write it, lower case: the prefilter's keywords. */
  keywords: readonly string[];
  /** The key names (a case-insensitive pattern source) the value must be assigned to. */
  keyedBy: string;
  /** The value's shape, a pattern body: it stands alone (see `alone`). */
  body: string;
  token: (fake: Fake) => string;
  /** The environment variable the provider's SDK or CLI reads the key from. */
  env: string;
}

/**
 * A rule for a provider's key without a prefix (32 hex, 40 base62…): the value is reported
 * only where it is assigned to a key naming the provider (`CHECKLY_API_KEY=…`,
 * `checkly: { apiKey: … }`), never for its shape alone, so ordinary hashes, UUIDs, commit
 * ids and lock-file lines stay quiet. Its samples prove both.
 */
export function keyedKey(definition: KeyedKeyDefinition): Rule {
  const { keyedBy, body, env, token, ...rest } = definition;
  const [name = '', ...field] = env.toLowerCase().split('_');
  return defineRule({
    ...rest,
    pattern: alone(body),
    scope: 'line',
    check: { keyedBy },
    token,
    contexts: [(t) => `${env}=${t}`, (t) => `${name}:\n  ${field.join('_')}: "${t}"`],
    ignore: (fake) => [
      `commit ${token(fake)}`,
      `"sha": "${token(fake)}"`,
      `${name}_account_id = "${token(fake)}"`,
      `  resolved "https://registry.yarnpkg.com/${name}-sdk/-/${name}-sdk-1.2.0.tgz#${token(fake)}"`,
      `${env}=${fakeUuid(fake)}`,
    ],
  });
}
