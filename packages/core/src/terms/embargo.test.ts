import { describe, expect, it } from 'vitest';
import type { Term } from '../types.js';
import { embargoState, parseLiftDate } from './embargo.js';

const term = (lifts?: string, graceDays?: number): Term => ({
  id: 'T',
  words: ['t'],
  severity: 'high',
  source: 's',
  lifts,
  graceDays,
});
const at = (iso: string) => Date.parse(iso);

describe('lift dates', () => {
  it('parses dates as the start of the day in UTC and date-times with an offset', () => {
    expect(parseLiftDate('2026-07-01')).toBe(Date.UTC(2026, 6, 1));
    expect(parseLiftDate('2026-07-01T09:00:00-07:00')).toBe(Date.UTC(2026, 6, 1, 16));
    expect(parseLiftDate('2026-07-01T09:00Z')).toBe(Date.UTC(2026, 6, 1, 9));
  });

  it.each(['2026-02-30', '2026-7-1', '2026-07-01T09:00', 'tomorrow', '2026-13-01'])(
    'refuses %j',
    (text) => {
      expect(parseLiftDate(text)).toBeUndefined();
    },
  );

  it('is active before the lift date, a warning during the grace period, lifted after', () => {
    const t = term('2026-07-01', 14);
    expect(embargoState(t, at('2026-06-30T23:59:59Z')).state).toBe('active');
    expect(embargoState(t, at('2026-07-01T00:00:00Z'))).toEqual({
      state: 'grace',
      until: Date.UTC(2026, 6, 15),
    });
    expect(embargoState(t, at('2026-07-14T23:59:59Z')).state).toBe('grace');
    expect(embargoState(t, at('2026-07-15T00:00:00Z')).state).toBe('lifted');
    expect(embargoState(term('2026-07-01'), at('2026-07-01T00:00:00Z')).state).toBe('lifted');
  });

  it('keeps every embargo without a clock or a lift date', () => {
    expect(embargoState(term('2000-01-01'), undefined).state).toBe('active');
    expect(embargoState(term(), Date.now()).state).toBe('active');
  });
});
