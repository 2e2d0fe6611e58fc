// Shapes that many providers share, for rules that find a value by the name it is assigned
// to rather than by a prefix: UUIDs and runs standing alone. Keyed providers are declared
// with `keyedRule` (keyed.ts), which builds on these. A fresh password, for the samples of
// rules that find one.

import type { Fake } from '../types.js';

/** A UUID (8-4-4-4-12 hex), as a pattern body. */
export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A fresh random UUID-shaped value. */
export const fakeUuid = (fake: Fake): string =>
  `${fake.hex(8)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(4)}-${fake.hex(12)}`;

/** A pattern for `body` standing alone: no letter, digit, `_` or `-` touches it. */
export function alone(body: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9_-])${body}(?![A-Za-z0-9_-])`);
}

/** A fresh password as people choose strong ones: letters and digits, a symbol, two digits. */
export const fakePassword = (fake: Fake): string =>
  `${fake.base62(10)}${fake.pick(['!', '#', '%', '^', '&', '*', '@'])}${fake.digits(2)}`;
