import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { createFake } from '@tightlip/core';
import type { TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { scanPaths } from '../src/actions/scan.js';
import { runMain, testIo } from './helpers.js';

const KEY = createFake(23).hex(64);
const LIST = {
  version: 1,
  terms: [
    { id: 'CN-1', term: 'Mythos', owner: 'security@example.com', note: 'launch in May' },
    { id: 'CN-2', term: 'Project Halcyon', lifts: '2027-07-01', graceDays: 14 },
    { id: 'CN-3', term: 'Kestrel', allowIn: ['internal/**'], leet: true },
  ],
};
const PLAINTEXT = ['mythos', 'halcyon', 'kestrel', 'k3str3l', 'launch in may'];

const scan = (
  temp: TempDir,
  {
    env,
    now,
    ...extra
  }: Partial<Parameters<typeof scanPaths>[0]> & {
    env?: NodeJS.ProcessEnv;
    now?: () => number;
  } = {},
) =>
  scanPaths({
    paths: [],
    io: testIo(temp.dir, env ?? temp.env, now ? { now } : {}),
    termFiles: [],
    reveal: false,
    ...extra,
  });

describe('tightlip scan with terms', () => {
  it('finds terms in file names, including binary files, with the origin "name"', async ({
    temp,
  }) => {
    temp.write('security/codenames.json', JSON.stringify(LIST));
    temp.write('tightlip.config.json', JSON.stringify({ terms: ['security/codenames.json'] }));
    temp.write('docs/mythos/plan.md', 'nothing to see\n');
    temp.write('assets/MythosLogo.png', Buffer.from([0x89, 0x50, 0, 0]));
    temp.write('src/project_halcyon.ts', 'export {};\n');
    const { report } = await scan(temp);
    // Reported paths have the codename masked, as excerpts do.
    expect(report.findings.map((f) => [f.path, f.ruleId, f.origin, f.column])).toEqual([
      ['assets/[CN-1]Logo.png', 'term:CN-1', 'name', 8],
      ['docs/[CN-1]/plan.md', 'term:CN-1', 'name', 6],
      ['src/[CN-2].ts', 'term:CN-2', 'name', 5],
    ]);
  });

  it('lifts embargoes by the injected clock and matches scopes relative to the config, also for a scanned subdirectory', async ({
    temp,
  }) => {
    temp.write('codenames.json', JSON.stringify(LIST));
    temp.write('tightlip.config.json', JSON.stringify({ terms: ['codenames.json'] }));
    temp.write('internal/notes.md', 'Kestrel and project halcyon\n');
    temp.write('public/post.md', 'K3STREL and project halcyon\n');
    const at = (iso: string) => async (paths: string[]) =>
      (await scan(temp, { paths, now: () => Date.parse(iso) })).report.findings.map(
        (f) => `${f.path} ${f.ruleId} ${f.severity}`,
      );
    expect(await at('2027-06-01T00:00:00Z')(['.'])).toEqual([
      'internal/notes.md term:CN-2 high',
      'public/post.md term:CN-3 high',
      'public/post.md term:CN-2 high',
    ]);
    expect(await at('2027-07-05T00:00:00Z')(['internal'])).toEqual(['notes.md term:CN-2 info']);
    expect(await at('2027-08-01T00:00:00Z')(['public'])).toEqual(['post.md term:CN-3 high']);
  });

  it('takes lists and keys from the per-user directory and the environment', async ({ temp }) => {
    temp.write('draft.md', 'Mythos and Osprey\n');
    temp.write('ci-list.txt', 'Osprey\n');
    const home = temp.env.HOME!;
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(`${home}/.config/tightlip/terms`, { recursive: true });
    writeFileSync(`${home}/.config/tightlip/terms/org.txt`, 'Mythos\n');
    const { report } = await scan(temp, {
      env: { ...temp.env, TIGHTLIP_TERMS_FILE: temp.path('ci-list.txt') },
    });
    expect(report.findings.map((f) => [f.path, f.ruleId])).toEqual([
      ['draft.md', 'term:org.txt:1'],
      ['draft.md', 'term:ci-list.txt:1'],
    ]);
  });
});

describe('hashed lists end to end', () => {
  it('hashes a list, scans with it, and never prints a term in any output', async ({ temp }) => {
    temp.write('codenames.json', JSON.stringify(LIST));
    temp.write('team.key', `${KEY}\n`);
    const hashedRun = await runMain(temp, [
      'terms',
      'hash',
      'codenames.json',
      '--key-file',
      'team.key',
      '-o',
      'codenames.hashed.json',
    ]);
    expect(hashedRun.status, hashedRun.stderr).toBe(0);
    const hashed = readFileSync(temp.path('codenames.hashed.json'), 'utf8');
    for (const word of PLAINTEXT) expect(hashed.toLowerCase()).not.toContain(word);

    temp.write('repo/README.md', 'Mythos ships with ProjectHalcyon.\nk3str3l_enabled = true\n');
    // (A file named after a term is found too, but reports show its path as it is: see the name test above.)
    const env = {
      TIGHTLIP_TERMS_FILE: temp.path('codenames.hashed.json'),
      TIGHTLIP_TERMS_KEY: KEY,
    };
    const outputs: string[] = [];
    for (const format of ['text', 'json', 'sarif']) {
      const result = await runMain(temp, ['scan', 'repo', '--format', format], { env });
      expect(result.status, result.stderr).toBe(1);
      outputs.push(result.stdout, result.stderr);
    }
    expect(outputs[0]).toContain('term:CN-1');
    expect(outputs[0]).toContain('[CN-1] ships with [CN-2].');
    expect(outputs[0]).toContain('(ask security@example.com)');
    const check = await runMain(temp, ['terms', 'check', 'repo/README.md'], { env });
    const lint = await runMain(temp, ['terms', 'lint', 'codenames.hashed.json'], { env });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('README.md:2:1  term:CN-3  blocks\n    why: leetspeak');
    outputs.push(check.stdout, check.stderr, lint.stdout, lint.stderr);
    for (const output of outputs)
      for (const word of PLAINTEXT) expect(output.toLowerCase()).not.toContain(word);
  });

  it('fails closed, naming the list and key id, when the key is missing', async ({ temp }) => {
    temp.write('codenames.json', JSON.stringify(LIST));
    temp.write(
      'hashed.json',
      (
        await runMain(temp, ['terms', 'hash', 'codenames.json'], {
          env: { TIGHTLIP_TERMS_KEY: KEY },
        })
      ).stdout,
    );
    temp.write('a.md', 'Mythos\n');
    const result = await runMain(temp, ['scan', 'a.md', '--terms', 'hashed.json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /hashed\.json: is hashed with key [0-9a-f]{16}, which was not found/,
    );
    expect(result.stderr.toLowerCase()).not.toContain('mythos');
  });

  it('refuses to hash without a key, and refuses to overwrite the plaintext list', async ({
    temp,
  }) => {
    temp.write('codenames.json', JSON.stringify(LIST));
    expect((await runMain(temp, ['terms', 'hash', 'codenames.json'])).stderr).toContain(
      'give the secret key',
    );
    const over = await runMain(temp, ['terms', 'hash', 'codenames.json', '-o', 'codenames.json'], {
      env: { TIGHTLIP_TERMS_KEY: KEY },
    });
    expect(over.status).toBe(2);
    expect(readFileSync(temp.path('codenames.json'), 'utf8')).toBe(JSON.stringify(LIST));
  });
});

describe('tightlip terms check and lint', () => {
  it('checks standard input, explaining each match, showing the text only with --no-mask', async ({
    temp,
  }) => {
    temp.write('codenames.json', JSON.stringify(LIST));
    const input = 'ＭＹＴＨＯＳ\nproject-halcyon in internal\nkestrel\n';
    const args = [
      'terms',
      'check',
      '-',
      '--terms',
      'codenames.json',
      '--date',
      '2027-07-02',
      '--path',
      'internal/x.md',
    ];
    const masked = await runMain(temp, args, { stdin: input });
    expect(masked.status).toBe(1);
    expect(masked.stdout).toBe(
      '<stdin>:1:1  term:CN-1  blocks\n    why: case, NFKC (full-width or compatibility characters)\n' +
        '<stdin>:2:1  term:CN-2  warning only: embargo lifted, warns until 2027-07-15\n    why: words joined by separators\n' +
        '<stdin>:3:1  term:CN-3  does not block: allowed in internal/x.md\n    why: exact\n' +
        '3 matches, 1 blocking (3 terms from 1 lists).\n',
    );
    const shown = await runMain(temp, [...args, '--no-mask'], { stdin: input });
    expect(shown.stdout).toContain('    text: "project-halcyon"\n');
  });

  it('lints the configured lists by term id', async ({ temp }) => {
    temp.write(
      'names.json',
      JSON.stringify({
        version: 1,
        terms: [
          { id: 'A', term: 'Mythos' },
          { id: 'B', term: 'mythos' },
          { id: 'C', term: 'water' },
        ],
      }),
    );
    temp.write('tightlip.config.json', JSON.stringify({ terms: ['names.json'] }));
    const result = await runMain(temp, ['terms', 'lint']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      'names.json#B: warning: B has a spelling (or plural) of term A; keep one\n' +
        'names.json#C: warning: C is a common English word and will flood scans with findings; use a longer form or a path scope\n' +
        '2 problems in 3 terms from 1 lists.\n',
    );
    temp.write('good.txt', 'Project Halcyon\n');
    expect(await runMain(temp, ['terms', 'lint', 'good.txt'])).toMatchObject({
      status: 0,
      stdout: 'No problems in 1 terms from 1 lists.\n',
    });
  });
});

describe('an embargo in its grace period', () => {
  it('is reported as an info warning that does not fail, unless --fail-on info', async ({
    temp,
  }) => {
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const list = {
      version: 1,
      terms: [{ id: 'CN-9', term: 'Halcyon', lifts: day(-3), graceDays: 14 }],
    };
    temp.write('codenames.json', JSON.stringify(list));
    temp.write('post.md', 'Halcyon is out\n');
    const warned = await runMain(temp, ['scan', '--terms', 'codenames.json']);
    expect(warned.status, warned.stderr).toBe(0);
    expect(warned.stdout).toContain('info  term:CN-9');
    expect(
      (await runMain(temp, ['scan', '--terms', 'codenames.json', '--fail-on', 'info'])).status,
    ).toBe(1);
    list.terms[0]!.lifts = day(-30);
    temp.write('codenames.json', JSON.stringify(list));
    expect(await runMain(temp, ['scan', '--terms', 'codenames.json'])).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('No secrets'),
    });
  });
});
