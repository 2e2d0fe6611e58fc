// What rules judge a candidate's context by: the key it is assigned to, the host of the
// URL it sits in.

import { lineBoundsOf } from '../codec/text-index.js';
import type { MatchContext } from '../types.js';

// A key starts where no letter or underscore precedes it: a start inside a word would be
// tried from every position of the word (quadratic in the 160 characters looked at).
const ASSIGNMENT =
  /(?<![A-Za-z_])([A-Za-z_][\w.-]*)\\?["'\]]?[ \t]*(?::=|=>|\+=|\?=|[:=]|\sis\s)[ \t]*(?:\\?["'`]|(?:Bearer|Basic|Token|token|bearer|SSWS|Key|key) )?$/;

/**
 * The key that the candidate is assigned to on its own line: `API_KEY` in `API_KEY=…`,
 * `token` in `"token": "…"`, `apiKey` in `apiKey := "…"`, `Authorization` in
 * `Authorization: Bearer …`. Undefined when the value does not follow an assignment.
 */
export function assignedKey(context: MatchContext): string | undefined {
  const [lineStart] = lineBoundsOf(context.text, context.start);
  const before = context.text.slice(Math.max(lineStart, context.start - 160), context.start);
  return ASSIGNMENT.exec(before)?.[1];
}

/**
 * Hosts reserved for documentation (RFC 2606, RFC 6761): `example.com`, `db.example.org`,
 * `*.test`, `*.invalid`, `*.example`. Credentials in URLs to them are illustrations.
 */
const DOCUMENTATION_HOST =
  /^(?:[\w-]+\.)*(?:example\.(?:com|org|net)|[\w-]+\.(?:example|test|invalid))(?![\w.-])/i;

/** The host after the `@` that ends a URL's user information. */
export function isDocumentationUrl({ text, end }: MatchContext): boolean {
  return text[end] === '@' && DOCUMENTATION_HOST.test(text.slice(end + 1, end + 254));
}
