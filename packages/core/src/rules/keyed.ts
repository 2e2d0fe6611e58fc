// Keyed providers: API keys with no prefix of their own (32 or 40 hex, UUIDs, letters and
// digits of a fixed length) that only the provider's name makes a credential. `keyedRule`
// declares one in a few lines: the provider, the source of its format, the names it goes by
// and the key's shape. The key is found standing alone and reported only when the provider
// names it:
// - assigned to a key that names the provider and a credential (`NEWSAPI_KEY=…`,
//   `weatherbit: { api_key: … }`: the key path of the blocks around counts);
// - or written after the provider's name and a credential word on its line
//   (`clockify secret: …`, `--pdfshift-key …`);
// - or, where the rule names them, assigned to a key of the provider's own (a header such as
//   `X-Honeycomb-Team`), near its API host (a key in a query string) or given to its SDK.
// Ordinary hashes, UUIDs and ids under any other key stay silent: the rule's samples prove it.

import { BASE62, BASE64URL, HEX, LOWER_ALNUM, UPPER_ALNUM } from '../codec/alphabets.js';
import type { CheckSpec, Fake, Rule } from '../types.js';
import { defineRule, remediation } from './define-rule.js';
import { UUID, alone, fakeUuid } from './shapes.js';
import { escapeRegExp } from '../codec/escape-regexp.js';

/** A key's shape: its pattern body, a fresh key of that shape, and what it is in words. */
export interface KeyShape {
  body: string;
  fake: (fake: Fake) => string;
  what: string;
  /** Whether the key must look random (not for UUIDs, whose dashes and version digits are fixed). */
  random: boolean;
}

/** A length, or the shortest and longest lengths a key has been seen with. */
type Length = number | readonly [min: number, max: number];

/** A key of `length` characters of one alphabet (`chars`), written as a character class. */
function shape(what: string, chars: string, charClass: string, length: Length): KeyShape {
  const [min, max] = typeof length === 'number' ? [length, length] : length;
  return {
    body: min === max ? `${charClass}{${min}}` : `${charClass}{${min},${max}}`,
    fake: (fake) => fake.string(chars, max),
    what: `${min === max ? min : `${min} to ${max}`} ${what}`,
    random: true,
  };
}

/** `length` hexadecimal digits (either case). */
export const hexKey = (length: Length): KeyShape => shape('hex digits', HEX, '[a-fA-F0-9]', length);

/** `length` letters and digits (base62). */
export const alnumKey = (length: Length): KeyShape =>
  shape('letters and digits', BASE62, '[A-Za-z0-9]', length);

/** `length` upper-case letters and digits. */
export const upperAlnumKey = (length: Length): KeyShape =>
  shape('upper-case letters and digits', UPPER_ALNUM, '[A-Z0-9]', length);

/** `length` lower-case letters and digits. */
export const lowerAlnumKey = (length: Length): KeyShape =>
  shape('lower-case letters and digits', LOWER_ALNUM, '[a-z0-9]', length);

/** `length` characters of base64url (letters, digits, `-`, `_`). */
export const base64urlKey = (length: Length): KeyShape =>
  shape('base64url characters', BASE64URL, '[A-Za-z0-9_-]', length);

/** A UUID (8-4-4-4-12 hex). */
export const uuidKey: KeyShape = { body: UUID, fake: fakeUuid, what: 'a UUID', random: false };

/**
 * A key of any of `shapes`: a format that changed, or two kinds of key one setting holds
 * (`eitherKey(hexKey(64), base64urlKey(43))`). The samples take the first shape.
 */
export function eitherKey(first: KeyShape, ...others: KeyShape[]): KeyShape {
  const shapes = [first, ...others];
  return {
    body: `(?:${shapes.map((s) => s.body).join('|')})`,
    fake: first.fake,
    what: shapes.map((s) => s.what).join(' or '),
    random: shapes.every((s) => s.random),
  };
}

/**
 * A key of `shape` after a short prefix of the provider's that is too common to run unkeyed
 * (`b_`): the prefix narrows the shape, the provider's name still has to be there.
 */
export function prefixedKey(prefix: string, shape: KeyShape): KeyShape {
  return {
    body: `${escapeRegExp(prefix)}${shape.body}`,
    fake: (fake) => `${prefix}${shape.fake(fake)}`,
    what: `"${prefix}" and ${shape.what}`,
    random: shape.random,
  };
}

/** A keyed provider, as `keyedRule` takes it. */
export interface KeyedProvider {
  /** `<provider>-<credential>`, kebab-case. */
  id: string;
  title: string;
  provider: string;
  /** The provider's page documenting the key (or its API authentication). */
  source: string;
  /** What the key is, for the description: "API key", "access token". */
  credential: string;
  /** Where the key is revoked, for the remediation: "the NewsAPI account page". */
  revokeAt: string;
  /**
   * The names the provider goes by, lower case, as they are written in keys and text
   * (`newsapi`, `news_api`): the rule's keywords, and what a key name must contain.
   */
  names: readonly string[];
  /** The conventional environment variable, for the samples (`NEWSAPI_KEY`). */
  env: string;
  shape: KeyShape;
  /**
   * The words (a pattern) that make a key naming the provider hold this credential, where the
   * provider has public keys beside secret ones (`secret|private`); by default any credential word.
   */
  credentials?: string;
  /** The provider's API hosts: a key within 200 characters of one is the provider's. */
  hosts?: readonly string[];
  /**
   * What precedes the key when code gives it to the provider's SDK (a pattern), e.g.
   * `TodoistApi\(`; it holds one of `names`, which are the rule's keywords.
   */
  call?: string;
  /** Said in the description after the shape, e.g. where the format is only observed. */
  note?: string;
  /** What the key can do, a sentence ending the description: "It spends the account's credits." */
  impact?: string;
  /**
   * Key names, lower case, that hold the credential without the provider's name and a
   * credential word in them: a header (`x-honeycomb-team`), a name the provider's SDK reads
   * (`access_key_secret`). They are keywords too.
   */
  keys?: readonly string[];
  severity?: Rule['severity'];
  /**
   * Whether the provider's name is a word of ordinary pages (twitter, linkedin): then the rule
   * runs only on the lines that name it and the line after one that opens a block, so a key
   * deeper in a block named after the provider is not found.
   */
  lineOnly?: boolean;
  /** A realistic context besides the generated ones (an SDK call, a URL). */
  example?: (token: string) => string;
}

/**
 * Words that say a key or the text before a value holds a credential; `pat` (a personal access
 * token: `CLARIFAI_PAT`) only as a word's end, so `path` and `pattern` say nothing.
 */
const CREDENTIAL = '(?:key|token|secret|pass|pwd|auth|access|private|credential|pat(?![a-z]))';

/** A YAML block named after the provider, keyed as the env variable ends: `newsapi:\n  key: …`. */
function blockOf(name: string, env: string, token: string): string {
  const key = env.toLowerCase().split('_').slice(1).join('_') || 'key';
  return `${name}:\n  ${key}: "${token}"`;
}

/**
 * A rule for a provider's key that has no prefix of its own: found standing alone, reported
 * where a key name, the text before it on its line, the provider's host or its SDK call names
 * the provider (see the file's head). Samples: the key in an environment file, a YAML block and
 * the provider's own context; ignored: the same shape under other keys, a provider setting that
 * is no credential, and the provider named only far away.
 */
export function keyedRule(spec: KeyedProvider): Rule {
  const names = spec.names.map(escapeRegExp).join('|');
  const credential = spec.credentials ? `(?:${spec.credentials})` : CREDENTIAL;
  const keys = spec.keys ?? [];
  const evidence: CheckSpec[] = [
    { keyedBy: [`(?:${names})[\\w.-]*${credential}`, ...keys.map(escapeRegExp)].join('|') },
    // "acme secret: …", "acme private key …": a credential word, then perhaps "key" or "token".
    {
      precededBy: `(?:${names})[^\\n]{0,24}?${credential}\\w*(?:[ .-]+(?:key|token))?[^\\w\\n]{1,6}`,
    },
  ];
  if (spec.hosts)
    evidence.push({ nearText: { pattern: spec.hosts.map(escapeRegExp).join('|'), within: 200 } });
  if (spec.call) evidence.push({ precededBy: `${spec.call}\\s*["']` });
  const { shape } = spec;
  const upper = spec.names[0]!.replace(/[^a-z0-9]/g, '_').toUpperCase();
  return defineRule({
    id: spec.id,
    title: spec.title,
    provider: spec.provider,
    source: spec.source,
    description: `${spec.provider} ${spec.credential} (${shape.what}${spec.note ? `; ${spec.note}` : ''}), found where the provider names it: a key such as ${[spec.env, ...keys].join(' or ')}, the provider's name and a credential word before it on its line${spec.hosts ? `, its API host (${spec.hosts.join(', ')}) nearby` : ''}${spec.call ? ', or its SDK' : ''}.${spec.impact ? ` ${spec.impact}` : ''}`,
    remediation: remediation(spec.credential, spec.revokeAt),
    severity: spec.severity ?? 'high',
    keywords: [...spec.names, ...keys, ...(spec.hosts ?? [])].map((k) => k.toLowerCase()),
    ...(spec.lineOnly ? { scope: 'line' as const } : {}),
    pattern: alone(shape.body),
    check: shape.random ? ['random', { anyOf: evidence }] : { anyOf: evidence },
    token: shape.fake,
    contexts: [
      (t) => `${spec.env}=${t}`,
      (t) => blockOf(spec.names[0]!, spec.env, t),
      (t) => `${spec.names[0]} secret: ${t}`,
      ...(spec.example ? [spec.example] : []),
    ],
    ignore: (fake) => [
      // The same shape under keys that do not name the provider, or name no credential.
      `CACHE_KEY=${shape.fake(fake)}`,
      `commit: ${shape.fake(fake)}`,
      `${upper}_ACCOUNT_ID=${shape.fake(fake)}`,
      // Where the provider's public key sits beside the secret one, the public key.
      ...(spec.credentials ? [`${upper}_PUBLIC_KEY=${shape.fake(fake)}`] : []),
      // The provider named, but lines away from a value under another key.
      `# ${spec.names[0]} settings\n\n\n\nrevision = "${shape.fake(fake)}"`,
    ],
  });
}
