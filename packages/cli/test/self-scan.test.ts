import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanPaths } from '../src/actions/scan.js';
import { testIo } from './helpers.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('this repository', () => {
  it('scans itself clean with its own configuration', async () => {
    const { report } = await scanPaths({
      paths: [PROJECT_ROOT],
      io: testIo(PROJECT_ROOT, {}),
      termFiles: [],
      reveal: false,
    });
    expect(report.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual([]);
    expect(report.stats.files).toBeGreaterThan(20);
  });
});
