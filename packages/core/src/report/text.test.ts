import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.js';
import { parseTermList } from '../terms/parse-term-list.js';
import { formatGithub } from './github.js';
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

describe('control characters from names and content (D32)', () => {
  const hostile = (): ScanReport => {
    const engine = createEngine({ terms, rules: [] });
    const path = 'a\u001b[2K\u0007.md';
    const findings = engine.scan({
      subject: 'content',
      path,
      text: 'x = mythos \u001b[2K\u001b[1A\rNo secrets found\u001b]0;pwned\u0007',
    });
    return {
      tool: { name: 'tightlip', version: '0' },
      findings,
      rules: [],
      skipped: [],
      stats: { files: 1, bytes: 1, durationMs: 1 },
    };
  };

  it('are escaped in the text format, the underline still under the finding', () => {
    const text = formatText(hostile());
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain('a\\x1b[2K\\x07.md');
    const lines = text.split('\n');
    const frame = lines.findIndex((line) => line.includes('[names.txt:1]'));
    expect(lines[frame + 1]!.indexOf('^')).toBe(lines[frame]!.indexOf('[names.txt:1]'));
  });

  it('are escaped in GitHub annotations', () => {
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(formatGithub(hostile())).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });
});
