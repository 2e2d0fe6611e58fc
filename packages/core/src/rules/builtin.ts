// The built-in rules the engine runs by default, their families, and their keyword
// automaton. From the catalog's sources here; in the published bundle,
// scripts/build-package.mjs puts in this module's place the same catalog as data (see
// lazy-catalog.ts), whose rules are defined when a scan first needs them, and the
// automaton stored. What needs the sources themselves (a rule's generated samples,
// for `tightlip rules explain`) imports `@tightlip/core/catalog`.
import type { Catalog } from './lazy-catalog.js';

export { builtinRules, familyOf } from './index.js';

/** No automaton is stored with the sources: the prefilter builds its own. */
export const keywordAutomaton: Catalog['keywordAutomaton'] = () => undefined;
