// A small glob matcher for term path scopes (`allowIn`, `onlyIn`), so that the core
// decides scopes itself and every embedder (CLI, git hooks, a server) gets the same
// answer. Supported: `*` (any characters but `/`), `?` (one character but `/`), `**`
// as a whole segment (any number of segments, including none) and `{a,b}` (one of the
// comma-separated alternatives, not nested). Everything else is literal; `[`, `]` and a
// leading `!` are rejected rather than silently taken literally. Patterns match the whole
// `/`-separated path: `*.md` matches `a.md` only, `**/*.md` matches it at any depth.

const SPECIAL = /[\\^$.+()|[\]]/g;

function translate(part: string): string {
  let out = '';
  for (let i = 0; i < part.length; i++) {
    const char = part[i]!;
    if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else out += char.replace(SPECIAL, '\\$&');
  }
  return out;
}

function translateBraces(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length;) {
    if (pattern[i] === '{') {
      const close = pattern.indexOf('}', i);
      const inner = pattern.slice(i + 1, close);
      if (close === -1 || inner.includes('{')) throw new Error('unbalanced or nested braces');
      out += `(?:${inner.split(',').map(translate).join('|')})`;
      i = close + 1;
    } else if (pattern[i] === '}') {
      throw new Error('unbalanced braces');
    } else {
      const next = pattern.indexOf('{', i);
      const stop = next === -1 ? pattern.length : next;
      const plain = pattern.slice(i, stop);
      if (plain.includes('}')) throw new Error('unbalanced braces');
      out += translate(plain);
      i = stop;
    }
  }
  return out;
}

/** A predicate for `pattern`; throws an Error naming the problem for an unsupported or malformed pattern. */
export function compileGlob(pattern: string): (path: string) => boolean {
  if (pattern === '') throw new Error('empty pattern');
  if (/[[\]]/.test(pattern)) throw new Error('character classes ([...]) are not supported');
  if (pattern.startsWith('!'))
    throw new Error('negation (!) is not supported; use onlyIn or allowIn');
  if (pattern.startsWith('/')) throw new Error('patterns are relative: drop the leading /');
  const segments = pattern.split('/');
  let source = '';
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') {
      source += last ? '.*' : '(?:[^/]*/)*';
    } else {
      if (segment.includes('**')) throw new Error('** must be a whole path segment');
      source += translateBraces(segment) + (last ? '' : '/');
    }
  });
  const regex = new RegExp(`^${source}$`, 'u');
  return (path) => regex.test(path);
}
