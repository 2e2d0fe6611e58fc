import { RegExpParser, type AST } from '@eslint-community/regexpp';
import { RE2JS, type Matcher } from 're2js';

// User patterns (custom rules, allow patterns) run on RE2 (re2js, a pure-JavaScript port
// of RE2/Go's regexp): an automaton, not a backtracker, so a search is linear in the text
// whatever the pattern. A pattern is parsed exactly as JavaScript parses it (regexpp) and
// translated to RE2's syntax construct by construct, so it means what it means in
// JavaScript; what RE2 cannot run in linear time (lookarounds, backreferences) is refused,
// naming the construct. V8 still parses it (the class extends RegExp), but never runs it.

/** A user pattern that cannot be run in linear time, or that RE2 cannot express. */
export class LinearPatternError extends Error {
  override name = 'LinearPatternError';
}

const MAX_CODE_POINT = 0x10ffff;
type Ranges = [number, number][];

const DIGIT: Ranges = [[0x30, 0x39]];
const WORD: Ranges = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
/** With the `i` and `u` flags, JavaScript's `\w` also matches what folds into it: ſ and the Kelvin sign. */
const WORD_FOLDED: Ranges = [...WORD, [0x17f, 0x17f], [0x212a, 0x212a]];
/** JavaScript's `\s`: white space and line terminators, Unicode's included (RE2's is ASCII only). */
const SPACE: Ranges = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
/** What `.` does not match without the `s` flag: JavaScript's line terminators. */
const LINE_TERMINATORS: Ranges = [
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
];

/** Long names of general categories that RE2 knows by their short names. */
const CATEGORIES: Record<string, string> = {
  Letter: 'L',
  Cased_Letter: 'LC',
  Uppercase_Letter: 'Lu',
  Lowercase_Letter: 'Ll',
  Titlecase_Letter: 'Lt',
  Modifier_Letter: 'Lm',
  Other_Letter: 'Lo',
  Mark: 'M',
  Number: 'N',
  Decimal_Number: 'Nd',
  digit: 'Nd',
  Letter_Number: 'Nl',
  Other_Number: 'No',
  Punctuation: 'P',
  punct: 'P',
  Symbol: 'S',
  Separator: 'Z',
  Space_Separator: 'Zs',
  Other: 'C',
  Control: 'Cc',
  cntrl: 'Cc',
};

function complement(ranges: Ranges): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  let next = 0;
  for (const [from, to] of sorted) {
    if (from > next) out.push([next, from - 1]);
    next = Math.max(next, to + 1);
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

function codePoint(value: number): string {
  if (value >= 0xd800 && value <= 0xdfff)
    throw new LinearPatternError('a lone surrogate (\\uD800–\\uDFFF) cannot be matched by RE2');
  return `\\x{${value.toString(16)}}`;
}

function rangeList(ranges: Ranges): string {
  return ranges
    .map(([from, to]) => (from === to ? codePoint(from) : `${codePoint(from)}-${codePoint(to)}`))
    .join('');
}

interface Flags {
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
  unicode: boolean;
}

/** A `\p{…}` property as RE2 writes it (inside or outside a class). */
function property(set: AST.UnicodePropertyCharacterSet): string {
  const { key, value } = set;
  let name: string | undefined;
  if (value === null) name = CATEGORIES[key] ?? key;
  else if (key === 'General_Category' || key === 'gc') name = CATEGORIES[value] ?? value;
  else if (key === 'Script' || key === 'sc') name = value;
  if (name === undefined || !/^[A-Za-z_]+$/.test(name))
    throw new LinearPatternError(`the property ${set.raw} is not supported by RE2`);
  return `\\${set.negate ? 'P' : 'p'}{${name}}`;
}

/** The ranges of `\d`, `\w`, `\s` (negated: their complement); undefined for other sets. */
function escapeRanges(set: AST.CharacterSet, flags: Flags): Ranges | undefined {
  if (set.kind !== 'digit' && set.kind !== 'word' && set.kind !== 'space') return undefined;
  const ranges =
    set.kind === 'digit'
      ? DIGIT
      : set.kind === 'space'
        ? SPACE
        : flags.ignoreCase && flags.unicode
          ? WORD_FOLDED
          : WORD;
  return set.negate ? complement(ranges) : ranges;
}

function classElement(element: AST.CharacterClassElement, flags: Flags): string {
  switch (element.type) {
    case 'Character':
      return codePoint(element.value);
    case 'CharacterClassRange':
      return `${codePoint(element.min.value)}-${codePoint(element.max.value)}`;
    case 'CharacterSet': {
      if (element.kind === 'property') {
        if (element.strings) throw new LinearPatternError(`${element.raw} is not supported by RE2`);
        return property(element);
      }
      const ranges = escapeRanges(element, flags);
      if (ranges) return rangeList(ranges);
      break;
    }
    default:
      break;
  }
  throw new LinearPatternError(`${element.raw} in a character class is not supported by RE2`);
}

function translateNode(node: AST.Node, flags: Flags): string {
  switch (node.type) {
    case 'Pattern':
    case 'Group':
      if (node.type === 'Group' && node.modifiers)
        throw new LinearPatternError(`the modifiers of ${node.raw} are not supported`);
      return wrap(node, flags);
    case 'CapturingGroup': {
      const body = node.alternatives
        .map((alternative) => translateNode(alternative, flags))
        .join('|');
      return node.name === null ? `(${body})` : `(?P<${node.name}>${body})`;
    }
    case 'Alternative':
      return node.elements.map((element) => translateNode(element, flags)).join('');
    case 'Quantifier': {
      const atom = `(?:${translateNode(node.element, flags)})`;
      const { min, max } = node;
      const count =
        max === Infinity
          ? min === 0
            ? '*'
            : min === 1
              ? '+'
              : `{${min},}`
          : min === max
            ? `{${min}}`
            : `{${min},${max}}`;
      if (min > 1000 || (max !== Infinity && max > 1000))
        throw new LinearPatternError(
          `${node.raw}: RE2 repeats at most 1000 times; use + or * for longer runs`,
        );
      return `${atom}${count}${node.greedy ? '' : '?'}`;
    }
    case 'Character':
      return codePoint(node.value);
    case 'CharacterClass': {
      if (node.unicodeSets) throw new LinearPatternError('the v flag is not supported');
      const items = node.elements
        .map((element) => classElement(element as AST.CharacterClassElement, flags))
        .join('');
      // `[]` matches nothing and `[^]` anything, which RE2 writes as a full range.
      if (items === '')
        return node.negate
          ? `[${rangeList([[0, MAX_CODE_POINT]])}]`
          : `[^${rangeList([[0, MAX_CODE_POINT]])}]`;
      return `[${node.negate ? '^' : ''}${items}]`;
    }
    case 'CharacterSet': {
      if (node.kind === 'any')
        return flags.dotAll
          ? `[${rangeList([[0, MAX_CODE_POINT]])}]`
          : `[^${rangeList(LINE_TERMINATORS)}]`;
      if (node.kind === 'property') {
        if (node.strings) throw new LinearPatternError(`${node.raw} is not supported by RE2`);
        return property(node);
      }
      return `[${rangeList(escapeRanges(node, flags)!)}]`;
    }
    case 'Assertion':
      if (node.kind === 'start') return flags.multiline ? '(?m:^)' : '^';
      if (node.kind === 'end') return flags.multiline ? '(?m:$)' : '$';
      if (node.kind === 'word') return node.negate ? '\\B' : '\\b';
      throw new LinearPatternError(
        `${node.raw}: lookaheads and lookbehinds cannot run in linear time; use \\b, or match the context and name the secret with (?<secret>…)`,
      );
    case 'Backreference':
      throw new LinearPatternError(`${node.raw}: backreferences cannot run in linear time`);
    default:
      throw new LinearPatternError(`${node.raw} is not supported`);
  }
}

function wrap(node: AST.Pattern | AST.Group, flags: Flags): string {
  const body = node.alternatives.map((alternative) => translateNode(alternative, flags)).join('|');
  return node.type === 'Group' ? `(?:${body})` : body;
}

/**
 * The RE2 program of the JavaScript pattern `source` with `flags` (i, m, s, u; g and d are
 * accepted and change nothing here). Throws LinearPatternError for what RE2 cannot run.
 */
export function compileLinear(source: string, flags: string): RE2JS {
  const unknown = flags.replace(/[gdimsu]/g, '');
  if (unknown !== '') throw new LinearPatternError(`the flag ${unknown} is not supported`);
  const parsed: Flags = {
    ignoreCase: flags.includes('i'),
    multiline: flags.includes('m'),
    dotAll: flags.includes('s'),
    unicode: flags.includes('u'),
  };
  const pattern = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, {
    unicode: parsed.unicode,
  });
  const translated = `${parsed.ignoreCase ? '(?i)' : ''}${translateNode(pattern, parsed)}`;
  try {
    return RE2JS.compile(translated);
  } catch (error) {
    throw new LinearPatternError(
      `RE2 cannot run it: ${(error as Error).message.replace(/:.*$/s, '')}`,
    );
  }
}

/**
 * A regular expression that parses and reads like the JavaScript one it is built from
 * (`source`, `flags`, `lastIndex`, `exec`, `test`, match indices), but searches with RE2:
 * in time linear in the text. Built with `new LinearRegExp(source, flags)`; throws
 * LinearPatternError for a pattern RE2 cannot run.
 */
export class LinearRegExp extends RegExp {
  readonly #program: RE2JS;
  #last: { text: string; matcher: Matcher | undefined } | undefined;

  constructor(pattern: string | RegExp, flags?: string) {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    const given = flags ?? (typeof pattern === 'string' ? '' : pattern.flags);
    super(source, given);
    this.#program = compileLinear(source, given);
  }

  override exec(text: string): RegExpExecArray | null {
    const stateful = this.global || this.sticky;
    const from = stateful ? this.lastIndex : 0;
    if (from > text.length) {
      this.lastIndex = 0;
      return null;
    }
    // One matcher per text: successive searches of a text reuse it. Most texts hold no
    // match: RE2's DFA says so first, several times faster than a search for groups.
    if (this.#last?.text !== text)
      this.#last = this.#program.test(text)
        ? { text, matcher: this.#program.matcher(text) }
        : { text, matcher: undefined };
    const { matcher } = this.#last;
    if (!matcher || !matcher.find(from) || (this.sticky && matcher.start(0) !== from)) {
      if (stateful) this.lastIndex = 0;
      return null;
    }
    const count = matcher.groupCount();
    const values: (string | undefined)[] = [];
    const indices: ([number, number] | undefined)[] = [];
    for (let group = 0; group <= count; group++) {
      const start = matcher.start(group);
      const matched = start >= 0;
      values.push(matched ? text.slice(start, matcher.end(group)) : undefined);
      indices.push(matched ? [start, matcher.end(group)] : undefined);
    }
    const result = values as unknown as RegExpExecArray;
    result.index = matcher.start(0);
    result.input = text;
    const names = Object.entries<number>(this.#program.namedGroups());
    if (names.length > 0) {
      result.groups = Object.fromEntries(
        names.map(([name, group]) => [name, values[group]]),
      ) as Record<string, string>;
    }
    if (this.hasIndices) {
      const withGroups = indices as unknown as RegExpIndicesArray;
      if (names.length > 0)
        withGroups.groups = Object.fromEntries(
          names.map(([name, group]) => [name, indices[group]!]),
        );
      result.indices = withGroups;
    }
    if (stateful) this.lastIndex = matcher.end(0);
    return result;
  }
}
