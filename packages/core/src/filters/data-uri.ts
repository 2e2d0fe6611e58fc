import type { MatchContext } from '../types.js';

const BASE64_CHAR = /[A-Za-z0-9+/=]/;
const HEADER = /data:[\w.+-]{1,40}\/[\w.+-]{1,60}(?:;[\w.+-]{1,20}=[\w.+-]{1,40}){0,3};base64,$/i;

/**
 * Whether the candidate lies inside the payload of a base64 data URI
 * (`data:image/png;base64,iVBOR…`), where any token shape can occur by chance.
 */
export function isInDataUri(context: MatchContext): boolean {
  const { text } = context;
  let i = context.start;
  while (i > 0 && BASE64_CHAR.test(text[i - 1]!)) i--;
  return text[i - 1] === ',' && HEADER.test(text.slice(Math.max(0, i - 200), i));
}
