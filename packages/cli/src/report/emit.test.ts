import { describe, expect, it } from 'vitest';
import type { ScanReport } from '@tightlip/core';
import { renderReport } from './emit.js';

describe('renderReport', () => {
  const report = (kinds: string[]) =>
    ({
      tool: { name: 'tightlip', version: '0' },
      findings: kinds.map((kind) => ({
        kind,
        ruleId: 'r',
        title: 'T',
        severity: 'high',
        path: 'a',
        line: 1,
        column: 1,
        redacted: 'x…',
        excerpt: 'x…',
        excerptColumn: 1,
      })),
      rules: [],
      skipped: [{ path: 'big.bin', reason: 'too-large' }],
      stats: { files: 1, bytes: 1, durationMs: 1 },
    }) as unknown as ScanReport;

  it('ends a text report with the general advice for what was found, or the advice given', () => {
    const credential = renderReport(report(['credential']), 'text', false);
    expect(credential).toContain(
      'Remove each secret and rotate it; it may already be copied.\nA false alarm? Add `tightlip:allow <rule-id> -- reason`',
    );
    expect(credential).not.toContain('codename');
    expect(credential).toMatch(
      /accept it with `tightlip baseline update`\.\n1 file not scanned \(see --verbose or the JSON report\)\.\n$/,
    );
    expect(renderReport(report(['term']), 'text', false)).toContain(
      'Replace each codename or embargoed term with its public name, or remove it.\nA false alarm?',
    );
    const hook = renderReport(report(['credential']), 'text', false, ['Blocked.']);
    expect(hook).toContain('masked in this report.\nBlocked.\n1 file not scanned');
    expect(hook).not.toContain('A false alarm?');
  });
});
