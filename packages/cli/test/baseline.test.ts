import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempDir, createTempRepo, fakeGithubToken, type TempDir } from '@tightlip/fixtures';
import { runBaseline } from '../src/actions/baseline.js';
import { scanPaths } from '../src/actions/scan.js';
import { runTightlip } from './helpers.js';

let temp: TempDir;
afterEach(() => temp?.remove());

const options = () => ({ paths: [] as string[], cwd: temp.dir, termFiles: [] as string[], reveal: false });
const scan = async () => (await scanPaths(options())).report.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`);

describe('baseline', () => {
  it('accepts current findings by content: no secrets and no line numbers in the file', async () => {
    temp = createTempDir();
    const token = fakeGithubToken(1);
    temp.write('src/a.ts', `const t = "${token}";\n`);
    const result = await runBaseline({ ...options(), action: 'create' });
    expect(result).toMatchObject({ file: temp.path('.tightlip-baseline.jsonl'), entries: 1, added: 1, removed: 0 });
    const text = readFileSync(result.file, 'utf8');
    expect(text).not.toContain(token.slice(4));
    expect(text).not.toMatch(/"line"/);
    const [header, entry] = text.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(header).toEqual({ 'tightlip-baseline': 1, salt: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(entry).toEqual({ rule: 'github-pat', path: 'src/a.ts', hash: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(readFileSync(temp.path('.gitattributes'), 'utf8')).toBe('.tightlip-baseline.jsonl merge=union\n');
    expect(await scan()).toEqual([]);
  });

  it('keeps a finding baselined when lines move, but reports a different secret on the same line', async () => {
    temp = createTempDir();
    const token = fakeGithubToken(2);
    temp.write('src/a.ts', `const t = "${token}";\n`);
    await runBaseline({ ...options(), action: 'create' });
    temp.write('src/a.ts', `// a comment\n\n\nexport const t = "${token}"; // moved\n`);
    expect(await scan()).toEqual([]);
    temp.write('src/a.ts', `const t = "${fakeGithubToken(3)}";\n`);
    expect(await scan()).toEqual(['src/a.ts:1 github-pat']);
  });

  it('uses paths relative to the baseline, whatever directory is scanned', async () => {
    temp = createTempDir();
    temp.write('tightlip.config.json', '{}');
    temp.write('pkg/src/a.ts', fakeGithubToken(4));
    await runBaseline({ ...options(), action: 'create' });
    expect((await scanPaths({ ...options(), paths: ['pkg'] })).report.findings).toEqual([]);
    expect((await scanPaths({ ...options(), paths: ['pkg/src/a.ts'] })).report.findings).toEqual([]);
  });

  it('update adds new findings and keeps old entries; prune drops entries that match nothing', async () => {
    temp = createTempDir();
    temp.write('a.txt', fakeGithubToken(5));
    await runBaseline({ ...options(), action: 'create' });
    temp.write('b.txt', fakeGithubToken(6));
    expect(await scan()).toEqual(['b.txt:1 github-pat']);
    expect(await runBaseline({ ...options(), action: 'update' })).toMatchObject({ entries: 2, added: 1, removed: 0 });
    expect(await scan()).toEqual([]);
    temp.write('a.txt', 'rotated and removed\n');
    const { session } = await scanPaths(options());
    expect(session.unusedBaselineEntries().map((entry) => entry.path)).toEqual(['a.txt']);
    expect(await runBaseline({ ...options(), action: 'prune' })).toMatchObject({ entries: 1, added: 0, removed: 1 });
  });

  it('create refuses to replace a baseline without --force; update needs a baseline', async () => {
    temp = createTempDir();
    temp.write('a.txt', 'clean');
    await expect(runBaseline({ ...options(), action: 'update' })).rejects.toMatchObject({ code: 'USAGE' });
    await runBaseline({ ...options(), action: 'create' });
    await expect(runBaseline({ ...options(), action: 'create' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(runBaseline({ ...options(), action: 'create', force: true })).resolves.toMatchObject({ entries: 0 });
  });

  it('a configured baseline that is missing or broken is an error (exit 2), never ignored', () => {
    temp = createTempDir();
    temp.write('tightlip.config.json', '{"baseline": "accepted.jsonl"}');
    temp.write('a.txt', 'clean');
    expect(runTightlip(temp, ['scan'])).toMatchObject({ status: 2, stderr: expect.stringContaining('baseline file not found') });
    temp.write('accepted.jsonl', '<<<<<<< HEAD\n');
    expect(runTightlip(temp, ['scan'])).toMatchObject({ status: 2, stderr: expect.stringContaining('accepted.jsonl:1: not a JSON line') });
  });

  it('two branches that each extend the baseline merge without conflicts', () => {
    temp = createTempRepo();
    temp.write('base.txt', 'nothing yet\n');
    expect(runTightlip(temp, ['baseline', 'create']).status).toBe(0);
    temp.git('add', '.');
    temp.git('commit', '-qm', 'baseline');
    for (const [branch, file, seed] of [['one', 'one.txt', 7], ['two', 'two.txt', 8]] as const) {
      temp.git('checkout', '-qb', branch, 'main');
      temp.write(file, `${fakeGithubToken(seed)}\n`);
      const update = runTightlip(temp, ['baseline', 'update']);
      expect(update.status, update.stderr).toBe(0);
      temp.git('add', '.');
      temp.git('commit', '-qm', `accept ${file}`);
    }
    temp.git('checkout', '-q', 'one');
    const merge = temp.run('git', ['merge', '--no-edit', 'two']);
    expect(merge.status, merge.stdout + merge.stderr).toBe(0);
    expect(readFileSync(temp.path('.tightlip-baseline.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(3);
    expect(runTightlip(temp, ['scan'])).toMatchObject({ status: 0 });
    temp.write('three.txt', fakeGithubToken(9));
    expect(runTightlip(temp, ['scan']).status).toBe(1);
  });
});
