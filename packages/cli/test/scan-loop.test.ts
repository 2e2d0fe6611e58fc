import { availableParallelism } from 'node:os';
import { describe, expect } from 'vitest';
import { createEngine, createFake } from '@tightlip/core';
import { fakeGithubToken, fakeToken } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { scanPaths } from '../src/actions/scan.js';
import { ScanLimitError } from '../src/errors.js';
import { LinearRegExp } from '../src/config/linear-regexp.js';
import { createDirectorySource } from '../src/scan/directory-source.js';
import { createScanEngine } from '../src/scan/engine.js';
import { fromPortableEngine, toPortableEngine } from '../src/scan/portable-engine.js';
import { loadScanSettings } from '../src/scan/settings.js';
import { runScan, scanItem } from '../src/scan/run.js';
import { testIo } from './helpers.js';

// The one scan loop: worker threads for large scans (they run the built worker: npm test
// builds first), and the findings budget.

/** A configured token rule (prefix and body) and an allow pattern. */
const ACME_CONFIG = {
  customRules: [
    {
      id: 'acme-key',
      title: 'ACME key',
      keywords: ['acme_'],
      prefix: 'acme_',
      body: '[0-9]{9}',
      samples: { match: ['acme_123456789'] },
    },
  ],
  allow: { patterns: ['^acme_0'] },
};

/**
 * `runScan` of the files in `dir`, with worker threads past 256 KB (waited for, so that they
 * take batches): `workers` of them, or the default for a source that keeps `busyCores` busy.
 */
async function scanPooled(
  dir: string,
  env: NodeJS.ProcessEnv,
  { workers, busyCores }: { workers?: number; busyCores?: number },
) {
  const settings = await loadScanSettings({
    io: testIo(dir, env),
    searchFrom: [dir],
    termFiles: [],
  });
  const engineOptions = { root: dir, reveal: false };
  const source = await createDirectorySource([], dir);
  return runScan(Object.assign(source, busyCores === undefined ? {} : { busyCores }), {
    engine: createScanEngine(settings, engineOptions),
    limits: { maxFileSize: 1 << 20 },
    isAllowedPath: () => false,
    now: () => 0,
    portable: () => Promise.resolve(toPortableEngine(settings, engineOptions)),
    ...(workers === undefined ? {} : { workers }),
    workerThreshold: 256 * 1024,
    awaitWorkers: true,
  });
}

describe('runScan', () => {
  it('gives the same report with worker threads as without, for a scan past the threshold', async ({
    temp,
  }) => {
    // A rule, an allow pattern and a term list of the configuration, which workers rebuild;
    // the list itself comes last (past the threshold): its own terms are not reported.
    temp.write('zz/codenames.txt', 'Halcyon\n');
    temp.write(
      'tightlip.config.json',
      JSON.stringify({ ...ACME_CONFIG, terms: ['zz/codenames.txt'] }),
    );
    const file = 'export const value = compute("a fairly ordinary line of code");\n'.repeat(4096);
    const threshold = 2 * 1024 * 1024;
    const files = Math.ceil((threshold * 2) / file.length);
    for (let i = 0; i < files; i++)
      temp.write(
        `src/file${i}.ts`,
        i % 7 === 3
          ? `${file}const t = "${fakeGithubToken(i)}";\nk = "acme_${1 + (i % 9)}${createFake(i).digits(8)}";\nk = "acme_0${createFake(i).digits(8)}";\n// Halcyon\n`
          : file,
      );
    const scan = async (workers: number) => {
      const { report } = await scanPaths({
        paths: [],
        io: testIo(temp.dir, temp.env),
        termFiles: [],
        reveal: false,
        workers,
        workerThreshold: threshold,
      });
      return { findings: report.findings, files: report.stats.files, bytes: report.stats.bytes };
    };
    const alone = await scan(0);
    expect(alone.findings.length).toBe(3 * (Math.floor((files - 4) / 7) + 1));
    expect(alone.findings.filter((f) => f.ruleId === 'acme-key').length).toBe(
      alone.findings.length / 3,
    );
    expect(alone.findings.filter((f) => f.kind === 'term').length).toBe(alone.findings.length / 3);
    expect(alone.findings.some((f) => f.path.startsWith('zz/'))).toBe(false);
    expect(await scan(2)).toEqual(alone);
  });

  it('hands batches to worker threads past the threshold, which find what this thread finds', async ({
    temp,
  }) => {
    const file = 'export const value = compute("a fairly ordinary line of code");\n'.repeat(2048);
    for (let i = 0; i < 40; i++)
      temp.write(`f${i}.ts`, i % 5 === 0 ? `${file}t = "${fakeGithubToken(i)}";\n` : file);
    const run = (workers: number) => scanPooled(temp.dir, temp.env, { workers });
    const [alone, pooled] = [await run(0), await run(2)];
    expect(alone.workerItems).toBe(0);
    expect(pooled.workerItems).toBeGreaterThan(0);
    expect(pooled.findings).toEqual(alone.findings);
    expect(alone.findings.map((f) => f.path)).toEqual([
      'f0.ts',
      'f10.ts',
      'f15.ts',
      'f20.ts',
      'f25.ts',
      'f30.ts',
      'f35.ts',
      'f5.ts',
    ]);
  });

  it('starts a worker per core besides this thread and the cores the source keeps busy', async ({
    temp,
  }) => {
    const file = 'export const value = compute("a fairly ordinary line of code");\n'.repeat(2048);
    for (let i = 0; i < 40; i++) temp.write(`f${i}.ts`, file);
    const run = (busyCores: number) => scanPooled(temp.dir, temp.env, { busyCores });
    // A source that keeps every other core busy (history's git, on 2 cores; at least one)
    // gets none; one that keeps none busy gets at least one, however few the cores.
    expect((await run(Math.max(1, availableParallelism() - 1))).workerItems).toBe(0);
    expect((await run(0)).workerItems).toBeGreaterThan(0);
  });

  it('stops with a ScanLimitError past its findings budget, instead of growing without bound', async ({
    temp,
  }) => {
    temp.write(
      'many.txt',
      Array.from({ length: 20 }, (_, i) => `t = "${fakeGithubToken(i)}"\n`).join(''),
    );
    const run = (maxFindings: number) =>
      createDirectorySource([], temp.dir).then((source) =>
        runScan(source, {
          engine: createEngine(),
          limits: { maxFileSize: 1 << 20 },
          isAllowedPath: () => false,
          now: () => 0,
          maxFindings,
        }),
      );
    await expect(run(10)).rejects.toThrow(ScanLimitError);
    await expect(run(10)).rejects.toThrow(/more than 10 findings: the scan stopped/);
    expect((await run(20)).findings).toHaveLength(20);
  });

  it('scans a large text in pieces with the same findings as whole, a private key across a boundary included', async () => {
    const engine = createEngine();
    const line = 'export const value = compute("a fairly ordinary line of code");';
    const keys = [fakeToken('private-key', 3), fakeToken('private-key', 4)];
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      lines.push(i % 997 === 0 ? `t = "${fakeGithubToken(i)}";` : line);
      // Private keys across where pieces of 256 K characters end.
      if (i === 3900) lines.push(keys[0]!);
      if (i === 7900) lines.push(keys[1]!);
    }
    const text = `${lines.join('\n')}\n`;
    const whole = engine.scan({ subject: 'content', path: 'big.ts', text });
    expect(whole.filter((f) => f.ruleId === 'private-key')).toHaveLength(2);
    const item = { type: 'chunk', chunk: { subject: 'content', path: 'big.ts', text } } as const;
    const scanner = { engine, extractor: undefined, origin: 'file', maxFindings: 100 } as const;
    const pieces = (await scanItem(item, scanner)).findings.map(
      ({ origin: _origin, ...finding }) => finding,
    );
    expect(pieces).toEqual(whole);
    await expect(scanItem(item, { ...scanner, maxFindings: 5 })).rejects.toThrow(ScanLimitError);
    // Only some lines counting (a diff's): ranges within a piece, across a piece's end, and
    // spanning several pieces.
    const counted = [
      [1, 1],
      [998, 998],
      [3990, 4010],
      [7000, 16_000],
    ] as const;
    const partly = { subject: 'content', path: 'big.ts', text, lines: counted } as const;
    const expected = engine.scan(partly);
    expect(expected.map((f) => f.line)).toEqual([
      1, 998, 4004, 7918, 8007, 9004, 10001, 10998, 11995, 12992, 13989, 14986, 15983,
    ]);
    const inPieces = await scanItem({ type: 'chunk', chunk: partly }, scanner);
    expect(inPieces.findings.map(({ origin: _origin, ...finding }) => finding)).toEqual(expected);
  });

  it('reads a line of megabytes in one piece only, not again as the context of the pieces around it', async () => {
    const engine = createEngine();
    let scanned = 0;
    const counting = {
      ...engine,
      scan: (chunk: Parameters<typeof engine.scan>[0]) => {
        scanned += chunk.text.length;
        return engine.scan(chunk);
      },
    };
    const code = 'export const value = compute("a fairly ordinary line of code");';
    // A bundle: short lines around one of 2 MB, a token in it and one after it.
    const bundle = `var a=[${'1,'.repeat(1_000_000)}"${fakeGithubToken(1)}"];`;
    const lines = [
      ...Array.from({ length: 900 }, () => code),
      bundle,
      ...Array.from({ length: 899 }, () => code),
      `t = "${fakeGithubToken(2)}";`,
    ];
    const text = `${lines.join('\n')}\n`;
    const item = { type: 'chunk', chunk: { subject: 'content', path: 'app.js', text } } as const;
    const scanner = {
      engine: counting,
      extractor: undefined,
      origin: 'file',
      maxFindings: 100,
    } as const;
    const { findings } = await scanItem(item, scanner);
    expect(findings.map((f) => f.line)).toEqual([901, 1801]);
    // Each piece's context stops short of the long line: it is read once.
    expect(scanned).toBeLessThan(text.length + 64 * 1024);
  });

  it("rebuilds a configuration's rules and allow patterns on the linear-time engine in a worker", async ({
    temp,
  }) => {
    temp.write('tightlip.config.json', JSON.stringify(ACME_CONFIG));
    const settings = await loadScanSettings({
      io: testIo(temp.dir, temp.env),
      searchFrom: [temp.dir],
      termFiles: [],
    });
    // What a worker gets: a structured clone, which keeps no RegExp's class.
    const portable = structuredClone(toPortableEngine(settings, { root: temp.dir, reveal: false }));
    const engine = await fromPortableEngine(portable);
    expect(engine.rules.find((rule) => rule.id === 'acme-key')!.patterns[0]).toBeInstanceOf(
      LinearRegExp,
    );
    const digits = createFake(3).digits(8);
    const text = `k = acme_7${digits}\nj = acme_0${digits}\nxacme_7${digits}\nacme_7${digits}1\n`;
    const found = engine.scan({ subject: 'content', path: 'a.txt', text });
    // The allow pattern, and the token's boundary on both sides.
    expect(found.map((finding) => [finding.ruleId, finding.line])).toEqual([['acme-key', 1]]);
  });
});
