/**
 * Why `pattern` could take super-linear time, or undefined when it is of the safe kind:
 * no backreferences and no repeated group that itself contains a quantifier (the shape
 * of catastrophic backtracking, as in `(a+)+` or `(?:\w+\s?)*`). A group made optional
 * with `?` repeats at most once and is allowed. Lookarounds may not contain quantifiers.
 * Two unbounded (or very long) quantifiers in a row over atoms that share a character
 * (`\w+\d+x`, `\s*[ \t]*`, `\w+\.?\w+`, `\s*(?<secret>[\s\S]{64,9999}?)`) are rejected
 * too: on a long run that fits both, every split is tried from every start, which is
 * polynomial. (Overlap is judged on printable ASCII.) Alternatives that overlap inside a
 * repeated group (`(?:a|ab)*`) are not detected; keep repeated groups to one alternative.
 */
export function findSuperLinearConstruct(pattern: RegExp): string | undefined {
  return (
    findNestedQuantifier(pattern.source) ??
    findAdjacentUnbounded(pattern.source, pattern.flags.includes('i'))
  );
}

function findNestedQuantifier(source: string): string | undefined {
  // Per open group: does it contain a quantifier, and is it a lookaround?
  const stack: { quantified: boolean; lookaround: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<'))
        return `backreference at ${i}`;
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') {
      inClass = true;
      continue;
    }
    if (char === '(') {
      // Skip the group's prefix (`?:`, `?=`, `?<!`, `?<name>`), whose `?` is no quantifier.
      const prefix =
        /^\(\?(?::|<?[=!]|<[A-Za-z_$][\w$]*>)/.exec(source.slice(i, i + 40))?.[0] ?? '(';
      stack.push({ quantified: false, lookaround: /[=!]$/.test(prefix) });
      i += prefix.length - 1;
      continue;
    }
    const quantifier = readQuantifier(source, i);
    if (char === ')') {
      const group = stack.pop();
      if (!group) return `unbalanced ) at ${i}`;
      const after = readQuantifier(source, i + 1);
      if (group.quantified && after && after.repeats)
        return `repeated group containing a quantifier ends at ${i}`;
      if (group.quantified || after) markQuantified(stack);
      continue;
    }
    if (quantifier) {
      const inLookaround = stack.some((group) => group.lookaround);
      if (inLookaround && quantifier.repeats) return `quantifier inside a lookaround at ${i}`;
      markQuantified(stack);
      i += quantifier.length - 1;
    }
  }
  return undefined;
}

function markQuantified(stack: { quantified: boolean }[]): void {
  const top = stack[stack.length - 1];
  if (top) top.quantified = true;
}

/** Bounded quantifiers this long behave like unbounded ones for backtracking. */
const LONG = 256;

/**
 * The first place where an unbounded (or very long) atom follows another that matches a
 * same character, with nothing between them but optional atoms (`\w+\.?\w+`) or the
 * opening of a plain or capturing group (`\s*(?<secret>[\s\S]{64,9999})`).
 */
function findAdjacentUnbounded(source: string, ignoreCase: boolean): string | undefined {
  let previous: string | undefined;
  const lookarounds: boolean[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '(') {
      const prefix =
        /^\(\?(?::|<?[=!]|<[A-Za-z_$][\w$]*>)/.exec(source.slice(i, i + 40))?.[0] ?? '(';
      const lookaround = /[=!]$/.test(prefix);
      lookarounds.push(lookaround);
      if (lookaround) previous = undefined;
      i += prefix.length;
      continue;
    }
    if (char === ')') {
      const lookaround = lookarounds.pop() ?? false;
      i++;
      // A quantified group is judged by findNestedQuantifier; after a lookaround, what
      // follows is anchored by it.
      const quantifier = readQuantifier(source, i);
      if (quantifier || lookaround) previous = undefined;
      i += quantifier?.length ?? 0;
      continue;
    }
    if ('|^$'.includes(char)) {
      previous = undefined;
      i++;
      continue;
    }
    let end = i + 1;
    if (char === '\\') end = i + 2;
    else if (char === '[') {
      end = i + 1;
      while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
      end++;
    }
    const atom = source.slice(i, end);
    const quantifier = readQuantifier(source, end);
    const long = quantifier !== undefined && (quantifier.unbounded || quantifier.max >= LONG);
    if (long && previous !== undefined && atomsOverlap(previous, atom, ignoreCase)) {
      return `adjacent unbounded quantifiers over overlapping characters at ${i}`;
    }
    // An optional atom (`x?`) can match nothing: the atom before it stays adjacent to what follows.
    if (!(quantifier && quantifier.max <= 1 && quantifier.min === 0))
      previous = long ? atom : undefined;
    i = end + (quantifier?.length ?? 0);
  }
  return undefined;
}

/** Whether two single-character atoms (`a`, `\\d`, `[ \\t]`, `.`) match a same printable ASCII character. */
function atomsOverlap(a: string, b: string, ignoreCase: boolean): boolean {
  const flags = ignoreCase ? 'i' : '';
  const first = new RegExp(`^${a}$`, flags);
  const second = new RegExp(`^${b}$`, flags);
  for (let code = 9; code < 127; code++) {
    const char = String.fromCharCode(code);
    if (first.test(char) && second.test(char)) return true;
  }
  return false;
}

/** The quantifier starting at `i` (with its lazy `?`): its bounds, whether it can repeat more than once, whether it has no upper bound. */
function readQuantifier(
  source: string,
  i: number,
): { length: number; min: number; max: number; repeats: boolean; unbounded: boolean } | undefined {
  const char = source[i];
  let length: number;
  let min = 0;
  let max = Infinity;
  if (char === '*' || char === '+') {
    length = 1;
    min = char === '+' ? 1 : 0;
  } else if (char === '?') {
    length = 1;
    max = 1;
  } else if (char === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return undefined;
    length = m[0].length;
    min = Number(m[1]);
    max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
  } else {
    return undefined;
  }
  if (source[i + length] === '?') length++;
  return { length, min, max, repeats: max > 1, unbounded: max === Infinity };
}
