// False-positive filters: what a candidate must not be, whichever rule found it. Rules
// run them after their own pattern and validator; a rule may skip a filter that its
// format legitimately trips (`skipFilters`).

import { isLookup } from '../codec/lookup.js';
import { isPlaceholder } from '../codec/placeholder.js';
import type { FilterName, MatchContext, Rule } from '../types.js';
import { isInDataUri } from './data-uri.js';
import { isCodeExpression, isKnownHash, isPathOrUrl, isProse, isUuid } from './shapes.js';
import { isVendorExample } from './vendor-examples.js';

type Filter = (secret: string, context: MatchContext) => boolean;

/**
 * The part of a secret a placeholder would fill: what follows its rule's fixed prefix (a
 * keyword it starts with). `AAAA…` is the X bearer format's prefix, not a stand-in; the
 * `xxxx` after `ghp_` is.
 */
function afterPrefix(rule: Rule, secret: string): string {
  const lower = secret.toLowerCase();
  let cut = 0;
  for (const keyword of rule.keywords)
    if (keyword.length > cut && lower.startsWith(keyword)) cut = keyword.length;
  return cut > 0 && cut < secret.length ? secret.slice(cut) : secret;
}

/** Filters for every rule, in the order they are tried (cheapest and commonest first). */
const UNIVERSAL: readonly (readonly [FilterName, (rule: Rule) => Filter])[] = [
  ['placeholder', (rule) => (secret) => isPlaceholder(afterPrefix(rule, secret))],
  ['lookup', () => isLookup],
  ['vendor-example', () => isVendorExample],
  ['data-uri', () => (_secret, context) => isInDataUri(context)],
];

/** Further filters for generic detectors, whose values have no provider format to vouch for them. */
const GENERIC: readonly (readonly [FilterName, Filter])[] = [
  ['known-hash', isKnownHash],
  ['uuid', isUuid],
  ['prose', isProse],
  ['path-or-url', isPathOrUrl],
  ['lookup', isCodeExpression],
];

/** Why `secret`, found by `rule`, is not a credential; undefined when no filter objects. */
export function falsePositiveReason(
  rule: Rule,
  secret: string,
  context: MatchContext,
): FilterName | undefined {
  const skip = rule.skipFilters;
  for (const [name, filter] of UNIVERSAL) {
    if (!skip.includes(name) && filter(rule)(secret, context)) return name;
  }
  if (!rule.generic) return undefined;
  for (const [name, filter] of GENERIC) {
    if (!skip.includes(name) && filter(secret, context)) return name;
  }
  return undefined;
}
