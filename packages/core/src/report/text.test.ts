import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.js';
import { parseTermList } from '../terms/parse-term-list.js';
import { formatText } from './text.js';
import type { ScanReport } from './types.js';

const terms = parseTermList('Mythos\n', { source: 'names.txt' });

function reportOf(reveal: boolean): ScanReport {
  const engine = createEngine({ terms, rules: [], reveal });
  const findings = engine.scan({
    subject: 'content',
    path: 'notes.md',
    text: 'we ship mythos soon',
  });
  return {
    tool: { name: 'tightlip', version: '0' },
    findings,
    rules: [],
    skipped: [],
    stats: { files: 1, bytes: 19, durationMs: 1 },
  };
}

describe('formatText', () => {
  it('underlines each finding where it is, not the first look-alike on the line', () => {
    const findings = createEngine({ terms, rules: [] }).scan({
      subject: 'content',
      path: 'f',
      text: 'mythos and mythos',
    });
    const text = formatText({
      tool: { name: 't', version: '0' },
      findings,
      rules: [],
      skipped: [],
      stats: { files: 1, bytes: 1, durationMs: 1 },
    });
    expect(text).toContain('    1 | [names.txt:1] and [names.txt:1]\n      | ^^^^^^^^^^^^^\n');
    expect(text).toContain(
      '    1 | [names.txt:1] and [names.txt:1]\n      |                   ^^^^^^^^^^^^^\n',
    );
  });

  it('shows a term by id by default, with the id underlined when there is no colour', () => {
    const text = formatText(reportOf(false));
    expect(text).toContain('    1 | we ship [names.txt:1] soon\n      |         ^^^^^^^^^^^^^\n');
    expect(text.toLowerCase()).not.toContain('mythos');
  });

  it("shows the developer's own line with the term highlighted only when asked (--no-mask, on a terminal)", () => {
    const text = formatText(reportOf(true), { color: true });
    expect(text).toContain('    1 | we ship \u001b[1;31mmythos\u001b[0m soon');
    expect(formatText(reportOf(true))).toContain(
      '    1 | we ship mythos soon\n      |         ^^^^^^\n',
    );
  });

  it('says what to do and where to read about skipped files only in the words it is given', () => {
    const report = {
      ...reportOf(false),
      skipped: [{ path: 'big.bin', reason: 'too-large' as const }],
    };
    const bare = formatText(report);
    expect(bare).toMatch(/Terms are masked in this report\.\n1 file not scanned\.\n$/);
    expect(bare).not.toContain('tightlip');
    const told = formatText(report, {
      advice: ['Do this.', 'Or that.'],
      skippedHint: 'see the log',
    });
    expect(told).toMatch(
      /Terms are masked in this report\.\nDo this\.\nOr that\.\n1 file not scanned \(see the log\)\.\n$/,
    );
    expect(formatText({ ...report, findings: [] }, { advice: ['Do this.'] })).not.toContain(
      'Do this.',
    );
  });
});
