import type { MatchContext, TextModel } from '../types.js';

const BASE64_CHAR = /[A-Za-z0-9+/=]/;
const HEADER = /data:[\w.+-]{1,40}\/[\w.+-]{1,60}(?:;[\w.+-]{1,20}=[\w.+-]{1,40}){0,3};base64,$/i;

/** Per text, the last base64 run walked back through: candidates in one run walk it once. */
const lastRuns = new WeakMap<TextModel, { start: number; end: number }>();

/**
 * Whether the candidate lies inside the payload of a base64 data URI
 * (`data:image/png;base64,iVBOR…`), where any token shape can occur by chance.
 */
export function isInDataUri(context: MatchContext): boolean {
  const { text, model } = context;
  let i = context.start;
  const lastRun = model && lastRuns.get(model);
  // Walk back to the run's start, or to where the last walk in this text began (its start is known).
  while (i > 0 && BASE64_CHAR.test(text[i - 1]!)) {
    if (lastRun && i === lastRun.end) {
      i = lastRun.start;
      break;
    }
    i--;
  }
  if (model) lastRuns.set(model, { start: i, end: context.start });
  return text[i - 1] === ',' && HEADER.test(text.slice(Math.max(0, i - 200), i));
}
