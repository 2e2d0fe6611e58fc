/**
 * Why `pattern` could take super-linear time, or undefined when it is of the safe kind:
 * no backreferences and no repeated group that itself contains a quantifier (the shape
 * of catastrophic backtracking, as in `(a+)+` or `(?:\w+\s?)*`). A group made optional
 * with `?` repeats at most once and is allowed. Lookarounds may not contain quantifiers.
 * Two unbounded quantifiers in a row over atoms that share a character (`\w+\d+x`,
 * `\s*[ \t]*`) are rejected too: on a long run that fits both, every split is tried from
 * every start, which is polynomial. (Overlap is judged on printable ASCII.)
 */
export function findSuperLinearConstruct(pattern: RegExp): string | undefined {
  return findNestedQuantifier(pattern.source) ?? findAdjacentUnbounded(pattern.source, pattern.flags.includes('i'));
}

function findNestedQuantifier(source: string): string | undefined {
  // Per open group: does it contain a quantifier, and is it a lookaround?
  const stack: { quantified: boolean; lookaround: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) return `backreference at ${i}`;
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
      const prefix = /^\(\?(?::|<?[=!]|<[A-Za-z_$][\w$]*>)/.exec(source.slice(i, i + 40))?.[0] ?? '(';
      stack.push({ quantified: false, lookaround: /[=!]$/.test(prefix) });
      i += prefix.length - 1;
      continue;
    }
    const quantifier = readQuantifier(source, i);
    if (char === ')') {
      const group = stack.pop();
      if (!group) return `unbalanced ) at ${i}`;
      const after = readQuantifier(source, i + 1);
      if (group.quantified && after && after.repeats) return `repeated group containing a quantifier ends at ${i}`;
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

/** The first place where an unbounded atom directly follows another that matches a same character. */
function findAdjacentUnbounded(source: string, ignoreCase: boolean): string | undefined {
  let previous: string | undefined;
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if ('()|^$'.includes(char)) {
      previous = undefined;
      const prefix = char === '(' ? (/^\(\?(?::|<?[=!]|<[A-Za-z_$][\w$]*>)/.exec(source.slice(i, i + 40))?.[0] ?? '(') : char;
      i += prefix.length;
      // A group's own quantifier is judged by findNestedQuantifier.
      if (char === ')') i += readQuantifier(source, i)?.length ?? 0;
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
    const unbounded = quantifier?.unbounded ?? false;
    if (unbounded && previous !== undefined && atomsOverlap(previous, atom, ignoreCase)) {
      return `adjacent unbounded quantifiers over overlapping characters at ${i}`;
    }
    previous = unbounded ? atom : undefined;
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

/** The quantifier starting at `i` (with its lazy `?`), whether it can repeat more than once, and whether it has no upper bound. */
function readQuantifier(source: string, i: number): { length: number; repeats: boolean; unbounded: boolean } | undefined {
  const char = source[i];
  let length = 0;
  let repeats = false;
  let unbounded = false;
  if (char === '*' || char === '+') {
    length = 1;
    repeats = true;
    unbounded = true;
  } else if (char === '?') {
    length = 1;
  } else if (char === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return undefined;
    length = m[0].length;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    repeats = max > 1;
    unbounded = max === Infinity;
  } else {
    return undefined;
  }
  if (source[i + length] === '?') length++;
  return { length, repeats, unbounded };
}
