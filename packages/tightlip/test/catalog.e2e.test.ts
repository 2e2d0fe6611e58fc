import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from 'vitest';
import { builtinRules, createFake } from '@tightlip/core';
import { it } from '@tightlip/fixtures/vitest';

// The bundle reads the catalog as data and its keyword automaton as stored (see
// scripts/build-package.mjs); the workspace's build runs the catalog's sources and builds
// the automaton. Both must report the same, past the size where the automaton takes over
// from the regular expression (256 KB).

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BUNDLE = join(ROOT, 'packages', 'tightlip', 'bin', 'tightlip.js');
const SOURCES = join(ROOT, 'packages', 'cli', 'bin', 'tightlip.js');

describe('the catalog the bundle reads', () => {
  it('finds what the catalog built from its sources finds, in every rule’s samples', ({ temp }) => {
    const samples = builtinRules.flatMap((rule) => {
      const { match, ignore } = rule.samples(createFake(11));
      return [...match, ...ignore];
    });
    const text = samples.join('\n\nan ordinary line between samples\n\n');
    expect(text.length).toBeGreaterThan(300 * 1024);
    temp.write('samples.txt', text);
    const report = (bin: string) => {
      const result = temp.run(process.execPath, [bin, 'scan', 'samples.txt', '--format', 'json']);
      expect(result.stderr).toBe('');
      const { findings } = JSON.parse(result.stdout) as {
        findings: { ruleId: string; line: number; column: number; fingerprint: string }[];
      };
      return findings.map(({ ruleId, line, column, fingerprint }) =>
        [ruleId, line, column, fingerprint].join(' '),
      );
    };
    const fromBundle = report(BUNDLE);
    expect(fromBundle.length).toBeGreaterThan(builtinRules.length);
    expect(fromBundle).toEqual(report(SOURCES));

    // The stored automaton is what the bundle walks: with its transitions blanked (its
    // header and keywords intact, so it is taken), the catalog's keywords go unseen.
    const copy = temp.path('install-blank');
    cpSync(join(ROOT, 'packages', 'tightlip'), copy, { recursive: true });
    const file = join(copy, 'dist', 'keywords.bin');
    const bytes = readFileSync(file);
    const stored = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
    let at = 4; // magic, classes, count, longest; then sized lists: keywords, classes, rows
    at += 1 + stored[at]!;
    at += 1 + stored[at]!;
    stored.fill(0, at + 1, at + 1 + stored[at]!);
    writeFileSync(file, bytes);
    expect(report(join(copy, 'bin', 'tightlip.js')).length).toBeLessThan(fromBundle.length);
  });

  it('blocks, naming the file, when an install lacks its data', ({ temp }) => {
    for (const file of ['catalog.jsonl', 'keywords.bin']) {
      const copy = temp.path(`install-${file}`);
      cpSync(join(ROOT, 'packages', 'tightlip'), copy, { recursive: true });
      rmSync(join(copy, 'dist', file));
      // Past 256 KB of text, so that the keyword automaton is asked for too.
      temp.write('big.txt', 'nothing here\n'.repeat(30_000));
      const result = temp.run(process.execPath, [
        join(copy, 'bin', 'tightlip.js'),
        'scan',
        'big.txt',
      ]);
      expect(result.status, file).toBe(2);
      expect(result.stderr, file).toMatch(/^tightlip: internal error: /);
      expect(result.stderr, file).toContain(
        `this install of tightlip is incomplete (dist/${file}: ENOENT): reinstall it`,
      );
    }
  });
});
