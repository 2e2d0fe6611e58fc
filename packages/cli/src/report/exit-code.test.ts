import { describe, expect, it } from 'vitest';
import type { ScanReport } from '@tightlip/core';
import { exitCodeOf } from './exit-code.js';

describe('exitCodeOf', () => {
  const report = (severities: string[], skipped: { reason: string }[] = []) =>
    ({ findings: severities.map((severity) => ({ severity })), skipped }) as unknown as ScanReport;

  it('is 1 when a finding is at or above the threshold, 0 otherwise', () => {
    expect(exitCodeOf(report([]))).toBe(0);
    expect(exitCodeOf(report(['info']))).toBe(0);
    expect(exitCodeOf(report(['info']), 'info')).toBe(1);
    expect(exitCodeOf(report(['low']))).toBe(1);
    expect(exitCodeOf(report(['medium']), 'high')).toBe(0);
    expect(exitCodeOf(report(['medium', 'critical']), 'high')).toBe(1);
    expect(exitCodeOf(report(['high']), 'high')).toBe(1);
  });

  it('is 2 when a file that may hold text was not scanned, whatever was found; binary files do not count', () => {
    expect(exitCodeOf(report([], [{ reason: 'too-large' }]))).toBe(2);
    expect(exitCodeOf(report(['critical'], [{ reason: 'unreadable' }]))).toBe(2);
    expect(exitCodeOf(report([], [{ reason: 'binary' }]))).toBe(0);
  });
});
