import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { fakeGithubToken, pdf } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';

// Documents through the published bundle: PDF.js is a dependency the bundle must carry
// whole (its worker's code too), and PDF.js speaks on standard output as it loads, where
// the report goes.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = join(ROOT, 'packages', 'tightlip', 'bin', 'tightlip.js');

describe('the bundle', () => {
  it('reads a PDF, and its JSON report on standard output is the report alone', ({ temp }) => {
    temp.write('deck.pdf', pdf([`token = ${fakeGithubToken(7)}`]));
    const result = temp.run(process.execPath, [BIN, 'scan', '.', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string; where?: string }[] };
    expect(report.findings.map(({ ruleId, where }) => [ruleId, where])).toEqual([
      ['github-pat', 'page 1'],
    ]);
  });
});
