import { describe, expect, it } from 'vitest';
import type { ScanReport } from '@tightlip/core';
import { createProgress, exitCodeOf, renderReport } from './output.js';
import type { Io } from './io.js';

function terminal(isTTY: boolean): Io & { written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) };
  return { cwd: '/', env: {}, stdout: stream, stderr: stream, written };
}

describe('createProgress', () => {
  it('writes nothing when stderr is not a terminal or output is quiet', () => {
    expect(createProgress(terminal(false), false)).toBeUndefined();
    expect(createProgress(terminal(true), true)).toBeUndefined();
  });

  it('waits half a second, throttles to ten updates a second, and erases itself', () => {
    const io = terminal(true);
    let now = 1000;
    const progress = createProgress(io, false, 'files', () => now)!;
    progress(1, 100);
    expect(io.written).toEqual([]);
    now = 1600;
    progress(10, 100);
    now = 1650;
    progress(11, 100);
    now = 1750;
    progress(20, 100);
    progress(100, 100);
    expect(io.written).toEqual(['\r\u001b[2Ktightlip: 10/100 files scanned', '\r\u001b[2Ktightlip: 20/100 files scanned', '\r\u001b[2K']);
  });
});

describe('exitCodeOf', () => {
  const report = (severities: string[]) => ({ findings: severities.map((severity) => ({ severity })) }) as unknown as ScanReport;

  it('is 1 when a finding is at or above the threshold, 0 otherwise', () => {
    expect(exitCodeOf(report([]))).toBe(0);
    expect(exitCodeOf(report(['info']))).toBe(0);
    expect(exitCodeOf(report(['info']), 'info')).toBe(1);
    expect(exitCodeOf(report(['low']))).toBe(1);
    expect(exitCodeOf(report(['medium']), 'high')).toBe(0);
    expect(exitCodeOf(report(['medium', 'critical']), 'high')).toBe(1);
    expect(exitCodeOf(report(['high']), 'high')).toBe(1);
  });
});

describe('renderReport', () => {
  const report = (kinds: string[]) =>
    ({
      tool: { name: 'tightlip', version: '0' },
      findings: kinds.map((kind) => ({ kind, ruleId: 'r', title: 'T', severity: 'high', path: 'a', line: 1, column: 1, redacted: 'x…', excerpt: 'x…', excerptColumn: 1 })),
      rules: [],
      skipped: [{ path: 'big.bin', reason: 'too-large' }],
      stats: { files: 1, bytes: 1, durationMs: 1 },
    }) as unknown as ScanReport;

  it('ends a text report with the general advice for what was found, or the advice given', () => {
    const credential = renderReport(report(['credential']), 'text', false);
    expect(credential).toContain('Remove each secret and rotate it; it may already be copied.\nA false alarm? Add `tightlip:allow <rule-id> -- reason`');
    expect(credential).not.toContain('codename');
    expect(credential).toMatch(/accept it with `tightlip baseline update`\.\n1 file not scanned \(see --verbose or the JSON report\)\.\n$/);
    expect(renderReport(report(['term']), 'text', false)).toContain('Replace each codename or embargoed term with its public name, or remove it.\nA false alarm?');
    const hook = renderReport(report(['credential']), 'text', false, ['Blocked.']);
    expect(hook).toContain('masked in this report.\nBlocked.\n1 file not scanned');
    expect(hook).not.toContain('A false alarm?');
  });
});
