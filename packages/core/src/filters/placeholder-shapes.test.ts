// Placeholders stay silent, for every rule (issue 15, item 4). Each rule's own sample is
// taken, the random part of its secret (what follows the rule's fixed prefix) rewritten
// into each shape people type instead of a credential, keeping the prefix, the length and
// the alphabet (and the separators, where the format fixes them), and the sample scanned
// again. A shape that the rule's
// pattern no longer matches says nothing about the filters and is not counted; one that
// it matches must be reported by no one.
import { describe, expect, it } from 'vitest';
import { createFake } from '../codec/fake.js';
import { createEngine } from '../engine/engine.js';
import { builtinRules } from '../rules/index.js';
import type { Rule } from '../types.js';

/** The classes of a random part's letters and digits, as its alphabet allows them. */
interface Alphabet {
  lower: boolean;
  upper: boolean;
  digits: boolean;
  /** Letters only from a-f: a hex body. */
  hex: boolean;
}

function alphabetOf(random: string): Alphabet {
  const letters = random.replace(/[^A-Za-z]/g, '');
  return {
    lower: /[a-z]/.test(random),
    upper: /[A-Z]/.test(random),
    digits: /[0-9]/.test(random),
    hex: letters.length > 0 && /^[a-fA-F]*$/.test(letters),
  };
}

/** The letters an alphabet offers, in its case (lower where it has both). */
function letters(alphabet: Alphabet): string {
  const base = alphabet.hex ? 'abcdef' : 'abcdefghijklmnopqrstuvwxyz';
  return alphabet.lower || !alphabet.upper ? base : base.toUpperCase();
}

/**
 * A shape: the characters that take the random part's place (see `rewrites`), or undefined
 * where the alphabet cannot write it.
 */
type Shape = (alphabet: Alphabet, length: number) => string | undefined;

const cycle = (text: string, length: number) =>
  text.repeat(Math.ceil(length / text.length)).slice(0, length);

/** A word in the alphabet's case, if its letters are in the alphabet. */
function word(alphabet: Alphabet, text: string): string | undefined {
  const cased = alphabet.lower || !alphabet.upper ? text.toLowerCase() : text.toUpperCase();
  const allowed = letters(alphabet) + (alphabet.digits ? '0123456789' : '');
  return [...cased].every((char) => allowed.includes(char)) ? cased : undefined;
}

/** The random part with a stand-in word at its end, the rest kept. */
const marker =
  (text: string): Shape =>
  () =>
    text;

const SHAPES: Readonly<Record<string, Shape>> = {
  // a1b2c3d4…: letters and digits interleaved, each counting up.
  interleaved: (alphabet, length) => {
    const abc = letters(alphabet);
    if (!alphabet.digits) return cycle(abc, length);
    return Array.from({ length }, (_, i) =>
      i % 2 === 0 ? abc[(i / 2) % abc.length] : String(((i - 1) / 2 + 1) % 10),
    ).join('');
  },
  // 0123456789abcdef…: an ascending run through the alphabet.
  ascending: (alphabet, length) =>
    cycle((alphabet.digits ? '0123456789' : '') + letters(alphabet), length),
  // aaaa… / 0000…: one character repeated.
  repeated: (alphabet, length) =>
    (alphabet.digits && !alphabet.lower && !alphabet.upper ? '0' : letters(alphabet)[0]!).repeat(
      length,
    ),
  // xxxx…: the fill of a redacted token.
  'x-fill': (alphabet, length) =>
    word(alphabet, 'x') === undefined ? undefined : word(alphabet, 'x')!.repeat(length),
  // yourtokenhere…: the instruction left in place of the value.
  'your-token-here': (alphabet, length) => {
    const text = word(alphabet, 'yourtokenhere');
    return text === undefined ? undefined : cycle(text, length);
  },
  // …EXAMPLE, …dummy, …sample, …test: a random body marked as a stand-in (AWS documents
  // keys ending EXAMPLE).
  example: marker('EXAMPLE'),
  dummy: marker('DUMMY'),
  sample: marker('SAMPLE'),
  test: marker('TEST'),
};

/** The marker shapes keep the random body and put the word at its end. */
const MARKERS = new Set(['example', 'dummy', 'sample', 'test']);

/** Whole-value stand-ins: template syntax and masks, in place of the random part. */
const TEMPLATES: Readonly<Record<string, (length: number) => string>> = {
  'env-template': () => '${API_TOKEN}',
  'angle-template': () => '<your-api-token>',
  mask: (length) => '*'.repeat(Math.max(length, 8)),
};

/** The length of the rule's fixed prefix the secret starts with (a keyword or its `prefix`). */
function prefixLength(rule: Rule, secret: string): number {
  const { prefix } = rule.spec;
  const prefixes = [
    ...(prefix === undefined ? [] : typeof prefix === 'string' ? [prefix] : prefix),
    ...rule.keywords,
  ];
  const lower = secret.toLowerCase();
  return Math.max(
    0,
    ...prefixes.filter((p) => lower.startsWith(p.toLowerCase())).map((p) => p.length),
  );
}

/**
 * The ways a shape can take the random part's place, most natural first: the whole part
 * (or, for a marker, its end) written over; all but a fixed first or last field (`glcbt-<id>_`,
 * `…AA`, `…-us12`); then only its letters and digits, for formats whose separators are fixed;
 * for a marker, the end of its last stretch of letters and digits long enough to hold it.
 */
function rewrites(random: string, shape: string, fill: string): string[] {
  const positions = [...random].flatMap((char, i) => (/[A-Za-z0-9]/.test(char) ? [i] : []));
  const over = (at: readonly number[], text: string) => {
    const chars = [...random];
    at.forEach((position, i) => (chars[position] = text[i]!));
    return chars.join('');
  };
  if (!MARKERS.has(shape)) {
    // After a fixed first field (`glcbt-<id>_…`), the rest written over.
    const field = /^[A-Za-z0-9]{1,8}[_.-]/.exec(random)?.[0] ?? '';
    // Before a fixed last field (`…AA`, `…-us12`, `…NRAL`), the rest written over.
    const tails = [2, 4, 5].map((k) => random.slice(-k));
    return [
      cycle(fill, random.length),
      field + cycle(fill, random.length - field.length),
      ...tails.map(
        (tail) => field + cycle(fill, random.length - field.length - tail.length) + tail,
      ),
      over(positions, cycle(fill, positions.length)),
    ];
  }
  const whole = [0, 2, 4, 5]
    .filter((k) => random.length >= fill.length + k)
    .map(
      (k) =>
        random.slice(0, random.length - k - fill.length) + fill + random.slice(random.length - k),
    );
  const stretch = [...random.matchAll(/[A-Za-z0-9]+/g)]
    .filter((m) => m[0].length >= fill.length)
    .pop();
  const end =
    stretch === undefined
      ? []
      : [
          over(
            Array.from(fill, (_, i) => stretch.index + stretch[0].length - fill.length + i),
            fill,
          ),
        ];
  return [...whole, ...end];
}

/**
 * `rule id: shape` where real credentials can legitimately take the shape: a key body of
 * 1,600 random base64 characters holds "test" (any case) about once in 650 keys, so a key
 * block is not dropped for it (stand-in words of five letters or more drop it); the 52
 * random characters of an 84-character Azure DevOps PAT, about once in 20,000, and its
 * signature check, not the placeholder filter (which took its runs of "A" for a fill),
 * judges it.
 */
const LEGITIMATE: ReadonlySet<string> = new Set(
  [
    'private-key',
    'private-key-body',
    'pgp-private-key',
    'putty-private-key',
    'ssh2-private-key',
    'azure-devops-pat-84',
  ].map((id) => `${id}: test`),
);

interface Case {
  rule: Rule;
  shape: string;
  text: string;
  /** What replaced the random part. */
  replacement: string;
}

/** Every (rule, shape) whose rewritten sample the rule's pattern still matches. */
function cases(): { applicable: Case[]; counts: Map<string, number> } {
  const applicable: Case[] = [];
  const counts = new Map<string, number>();
  for (const rule of builtinRules) {
    const rules = [rule, ...builtinRules.filter((r) => rule.near.some((n) => n.rule === r.id))];
    const engine = createEngine({ rules, reveal: true });
    const [sample] = rule.samples(createFake(5)).match;
    const secret = engine
      .scan({ subject: 'content', path: 'sample', text: sample! })
      .find((f) => f.ruleId === rule.id)?.secret;
    if (secret === undefined) continue;
    const cut = prefixLength(rule, secret);
    const random = secret.slice(cut);
    const alphabet = alphabetOf(random);
    const alnum = random.replace(/[^A-Za-z0-9]/g, '').length;
    const candidates: [string, string[]][] = [];
    for (const [shape, make] of Object.entries(SHAPES)) {
      const fill = MARKERS.has(shape)
        ? word(alphabet, make(alphabet, alnum)!)
        : make(alphabet, alnum);
      if (fill !== undefined && fill.length > 0)
        candidates.push([shape, rewrites(random, shape, fill)]);
    }
    for (const [shape, make] of Object.entries(TEMPLATES))
      candidates.push([shape, [make(random.length)]]);
    const matches = (text: string) =>
      rule.patterns.some((pattern) =>
        new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text),
      );
    let count = 0;
    for (const [shape, replacements] of candidates) {
      const fit = replacements
        .map((replacement) => ({
          replacement,
          text: sample!.split(secret).join(secret.slice(0, cut) + replacement),
        }))
        .find(({ text }) => matches(text));
      if (fit === undefined) continue;
      applicable.push({ rule, shape, ...fit });
      count++;
    }
    counts.set(rule.id, count);
  }
  return { applicable, counts };
}

describe('placeholders, for every rule', () => {
  const { applicable, counts } = cases();
  const engine = createEngine({ reveal: true });

  it('are written in several shapes that each rule still matches', () => {
    // A rule whose pattern no shape fits has a random part of fixed structure (numeric ids
    // between its parts: slack-user-token, asana-pat; a URL: teams-webhook-url); few do.
    const none = [...counts].filter(([, count]) => count === 0).map(([id]) => id);
    expect(none.length, none.join(', ')).toBeLessThan(builtinRules.length / 20);
    expect(applicable.length).toBeGreaterThan(builtinRules.length * 5);
  });

  it.each(applicable.map((c) => [c.rule.id, c.shape, c] as const))(
    '%s: the %s shape is reported by no rule',
    (id, shape, { text, replacement }) => {
      // Findings of the stand-in itself (another secret of the sample, a key id beside its
      // key, stays reported).
      const findings = engine
        .scan({ subject: 'content', path: 'sample', text })
        .filter((f) => f.secret!.includes(replacement) || replacement.includes(f.secret!))
        .filter((f) => !(LEGITIMATE.has(`${id}: ${shape}`) && f.ruleId === id));
      expect(findings.map((f) => `${f.ruleId}: ${f.secret}`)).toEqual([]);
    },
  );
});
