/**
 * Why `pattern` could take super-linear time, or undefined when it is of the safe kind:
 * no backreferences and no repeated group that itself contains a quantifier (the shape
 * of catastrophic backtracking, as in `(a+)+` or `(?:\w+\s?)*`). A group made optional
 * with `?` repeats at most once and is allowed. Lookarounds may not contain quantifiers.
 */
export function findSuperLinearConstruct(pattern: RegExp): string | undefined {
  const source = pattern.source;
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

/** The quantifier starting at `i` (with its lazy `?`), and whether it can repeat more than once. */
function readQuantifier(source: string, i: number): { length: number; repeats: boolean } | undefined {
  const char = source[i];
  let length = 0;
  let repeats = false;
  if (char === '*' || char === '+') {
    length = 1;
    repeats = true;
  } else if (char === '?') {
    length = 1;
  } else if (char === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return undefined;
    length = m[0].length;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    repeats = max > 1;
  } else {
    return undefined;
  }
  if (source[i + length] === '?') length++;
  return { length, repeats };
}
