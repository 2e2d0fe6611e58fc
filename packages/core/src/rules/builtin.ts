// The built-in rules the engine runs by default, and their families. From the catalog's
// sources here; in the published bundle, scripts/build-package.mjs puts in this module's
// place the same catalog as data (see lazy-catalog.ts), whose rules are defined when a
// scan first needs them. What needs the sources themselves (a rule's generated samples,
// for `tightlip rules explain`) imports `@tightlip/core/catalog`.
export { builtinRules, familyOf } from './index.js';
