import type { TextIndex } from '../codec/text-index.js';
import type { FindingKind } from '../types.js';

// Inline suppression, in any comment syntax:
//   const key = "…"; // tightlip:allow
//   const key = "…"; # tightlip:allow github-pat, aws-access-key-id -- test fixture
//   <!-- tightlip:allow term:CN-017 -- public after launch -->
// A directive covers its own line, or the next line when it stands alone in a comment.
// Bare `tightlip:allow` covers credentials only; a term must be named (`term:<id>`), so
// a codename cannot be waved through by a generic comment. Unknown ids match nothing, and
// so does a directive whose ids cannot be read (`tightlip:allow(github-pat)`): a typo never
// widens what is allowed.

/** The directive, then white space or the end of the line (`tightlip:allow-x`, `tightlip:allow(x)` are not directives). */
const DIRECTIVE = /tightlip:allow(?=\s|$)/;
/** Text that may precede a directive on a line of its own: indentation and a comment opener (not a quote: that is a string). */
const COMMENT_ONLY_PREFIX = /^\s*(?:\/\/+|#+|\/\*+|\*|<!--|--|;+|%+|rem\b|::|\{#|\{\{!--?)?\s*$/i;
/** Matches no rule: the ids of a directive that names something unreadable. */
const NOTHING = '\0unreadable';
const ID = /^[A-Za-z0-9][A-Za-z0-9:._/-]*$/;

export interface AllowDirective {
  /** The ids named; empty means every credential rule. */
  ids: readonly string[];
  /** Whether the directive stands alone in a comment line, and so also covers the next line. */
  standalone: boolean;
}

/** The `tightlip:allow` directive on `line`, if any. */
export function parseAllowDirective(line: string): AllowDirective | undefined {
  const match = DIRECTIVE.exec(line);
  if (!match) return undefined;
  let rest = line.slice(match.index + match[0].length);
  const reason = /\s--(?:\s|$)/.exec(rest);
  if (reason) rest = rest.slice(0, reason.index);
  // Tokens without letters are comment closers (`*/`, `-->`); any other token must be an id.
  const tokens = rest.split(/[\s,]+/).filter((token) => /[A-Za-z]/.test(token));
  const ids = tokens.every((token) => ID.test(token)) ? tokens : [NOTHING];
  return { ids, standalone: COMMENT_ONLY_PREFIX.test(line.slice(0, match.index)) };
}

/** Whether `directive` suppresses a finding of `ruleId`. */
function allowsRule(directive: AllowDirective, ruleId: string, kind: FindingKind): boolean {
  if (directive.ids.length === 0) return kind === 'credential';
  return directive.ids.includes(ruleId);
}

/**
 * Whether a directive of the text of `index` allows a finding of `ruleId` whose match
 * spans the 0-based lines `first` to `last` (the line it is reported on): a directive on
 * one of those lines, or one alone on the line before `first`. Each line is parsed once.
 */
export function createInlineAllow(
  index: TextIndex,
): (ruleId: string, kind: FindingKind, first: number, last: number) => boolean {
  const directives = new Map<number, AllowDirective | undefined>();
  const directiveOn = (i: number): AllowDirective | undefined => {
    if (!directives.has(i)) directives.set(i, parseAllowDirective(index.lineText(i)));
    return directives.get(i);
  };
  return (ruleId, kind, first, last) => {
    for (let i = first; i <= last; i++) {
      const own = directiveOn(i);
      if (own && allowsRule(own, ruleId, kind)) return true;
    }
    const before = first > 0 ? directiveOn(first - 1) : undefined;
    return before !== undefined && before.standalone && allowsRule(before, ruleId, kind);
  };
}
