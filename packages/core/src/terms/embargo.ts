import type { Term } from '../types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant (ms since the epoch) a lift date stands for: a date `YYYY-MM-DD` is the
 * start of that day in UTC; a date-time must carry `Z` or an offset. Undefined when the
 * text is neither or not a real date.
 */
export function parseLiftDate(text: string): number | undefined {
  if (DATE.test(text)) {
    const ms = Date.parse(`${text}T00:00:00Z`);
    return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text ? undefined : ms;
  }
  if (!DATE_TIME.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Where a term's embargo stands at an instant. */
export type EmbargoState =
  | { state: 'active' }
  /** Lifted, but still reported as a warning (severity `info`) until `until`. */
  | { state: 'grace'; until: number }
  | { state: 'lifted' };

/**
 * The embargo state of `term` at `now` (ms since the epoch). Without a clock, or without
 * a lift date, every term is active: an engine that cannot tell the time keeps blocking.
 */
export function embargoState(term: Term, now: number | undefined): EmbargoState {
  if (term.lifts === undefined || now === undefined) return { state: 'active' };
  const lifts = parseLiftDate(term.lifts);
  if (lifts === undefined || now < lifts) return { state: 'active' };
  const until = lifts + (term.graceDays ?? 0) * DAY_MS;
  return now < until ? { state: 'grace', until } : { state: 'lifted' };
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
