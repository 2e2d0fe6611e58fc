import { describe, expect } from 'vitest';
import { fakeGithubToken } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { scanStaged } from '../src/actions/git-scan.js';
import { scanPaths } from '../src/actions/scan.js';
import { exitCodeOf } from '../src/report/exit-code.js';
import { testIo } from './helpers.js';

describe('maxFileSize, one limit for every source', () => {
  it('skips the same files as too large in a directory scan and in a staged scan, and scans the rest alike', async ({
    repo,
  }) => {
    repo.write('tightlip.config.json', JSON.stringify({ maxFileSize: 1000 }));
    repo.write('.git/info/exclude', 'tightlip.config.json\n');
    // A token in each: just under the limit (scanned), just over it (not scanned, so the scan fails closed).
    const padded = (size: number, seed: number) => {
      const line = `token = "${fakeGithubToken(seed)}"\n`;
      return line + '#'.repeat(size - line.length - 1) + '\n';
    };
    repo.write('small.txt', padded(1000, 1));
    repo.write('large.txt', padded(1001, 2));
    repo.git('add', '-A');
    const io = () => testIo(repo.dir, repo.env);
    const directory = (await scanPaths({ io: io(), paths: [], termFiles: [], reveal: false }))
      .report;
    const staged = (await scanStaged({ io: io(), termFiles: [], reveal: false })).report;
    for (const report of [directory, staged]) {
      expect(report.findings.map((f) => `${f.path} ${f.ruleId}`)).toEqual(['small.txt github-pat']);
      expect(report.skipped.map((s) => `${s.path} ${s.reason}`)).toEqual(['large.txt too-large']);
      expect(report.skipped[0]!.detail).toContain('limit 1000');
      expect(exitCodeOf(report)).toBe(2);
    }
  });
});
