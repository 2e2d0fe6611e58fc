import { describe as group, expect, it } from 'vitest';
import { fakeGithubToken, tarFiles, zipBomb, zipFiles } from '@tightlip/fixtures';
import { gzipSync } from 'node:zlib';
import { printableText, utf16Text } from '../src/printable.js';
import { CODENAME, describe, extract } from './helpers.js';

const token = fakeGithubToken();
const secretFile = `# deploy\ntoken = "${token}"\nproject = "${CODENAME}"\n`;

group('containers', () => {
  it('finds a token and a codename in each: zip (deflated and stored), jar, tar, tar.gz, gzip', async () => {
    const cases: [string, Uint8Array][] = [
      ['bundle.zip', zipFiles({ 'config/.env': secretFile, 'README.md': 'nothing\n' })],
      ['lib.jar', zipFiles({ 'META-INF/app.properties': secretFile })],
      ['backup.tar', tarFiles({ 'config/.env': secretFile })],
      ['release.tgz', tarFiles({ 'config/.env': secretFile }, { gzip: true })],
      ['notes.txt.gz', gzipSync(secretFile)],
    ];
    const found = await Promise.all(
      cases.map(async ([path, bytes]) => describe((await extract(path, bytes)).findings)),
    );
    expect(found).toEqual([
      ['bundle.zip!/config/.env:2:10 github-pat', 'bundle.zip!/config/.env:3:12 term'],
      [
        'lib.jar!/META-INF/app.properties:2:10 github-pat',
        'lib.jar!/META-INF/app.properties:3:12 term',
      ],
      ['backup.tar!/config/.env:2:10 github-pat', 'backup.tar!/config/.env:3:12 term'],
      ['release.tgz!/config/.env:2:10 github-pat', 'release.tgz!/config/.env:3:12 term'],
      ['notes.txt.gz!/notes.txt:2:10 github-pat', 'notes.txt.gz!/notes.txt:3:12 term'],
    ]);
  });

  it('finds a token two containers deep, and names every level; the file is the outer one', async () => {
    const inner = zipFiles({ 'deep/secret.env': secretFile });
    const outer = tarFiles({ 'dist/inner.zip': inner }, { gzip: true });
    const { findings, skipped } = await extract('artifacts/outer.tar.gz', outer);
    expect(skipped).toEqual([]);
    expect(describe(findings)).toEqual([
      'artifacts/outer.tar.gz!/dist/inner.zip!/deep/secret.env:2:10 github-pat',
      'artifacts/outer.tar.gz!/dist/inner.zip!/deep/secret.env:3:12 term',
    ]);
    expect(findings.every((f) => f.file === 'artifacts/outer.tar.gz')).toBe(true);
  });

  it('scans the names of members', async () => {
    const { findings } = await extract(
      'a.zip',
      zipFiles({ [`${CODENAME}/plan.txt`]: 'nothing\n' }),
    );
    expect(findings.map((f) => [f.path, f.kind])).toEqual([
      [`a.zip!/${CODENAME}/plan.txt`, 'term'],
    ]);
  });

  it('finds nothing in clean archives', async () => {
    const clean = { 'a.txt': 'hello\n', 'b/c.json': '{"ok": true}\n' };
    for (const [path, bytes] of [
      ['clean.zip', zipFiles(clean)],
      ['clean.tgz', tarFiles(clean, { gzip: true })],
    ] as const) {
      const { findings, skipped } = await extract(path, bytes);
      expect([findings, skipped]).toEqual([[], []]);
    }
  });

  it('scans the printable text of a binary file, so one NUL byte no longer hides a token (D3)', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0, 1, 2, 0xff]),
      Buffer.from(`\nt = "${token}"\n`),
      Buffer.from([0, 0]),
    ]);
    const { findings, skipped } = await extract('nul.env', bytes);
    expect(describe(findings)).toEqual(['nul.env:2:6 github-pat (printable text)']);
    expect(skipped).toEqual([]);
  });

  it('makes the printable text of bytes as strings does, every byte in its place', () => {
    const bytes = Buffer.concat([
      Buffer.from('ab'), // a run too short: blanked
      Buffer.from([0, 0xff]),
      Buffer.from('abcd\tef'), // kept, tab included
      Buffer.from([0x0d, 0x0a, 7]),
      Buffer.from('xyz'), // short, at the end
    ]);
    expect(printableText(bytes)).toBe('    abcd\tef\r\n    ');
    expect(printableText(bytes)).toHaveLength(bytes.length);
    // Every byte value, in runs long enough to keep: what is not printable ASCII is a space
    // (never a Latin-1 or replacement character), whatever its neighbours.
    const all = Uint8Array.from({ length: 256 * 4 }, (_, i) => i >> 2);
    const text = printableText(all);
    expect(text).toHaveLength(all.length);
    for (let i = 0; i < all.length; i++) {
      const byte = all[i]!;
      const kept = (byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d;
      expect(text.charCodeAt(i)).toBe(kept ? byte : 0x20);
    }
  });

  it('reads UTF-16 without a byte-order mark (either byte order) as text, not as printable runs', async () => {
    const text = `first line\nkey = "${token}"\n`;
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [path, bytes] of [
      ['le.txt', le],
      ['be.txt', be],
    ] as const)
      expect(describe((await extract(path, bytes)).findings)).toEqual([
        `${path}:2:8 github-pat (UTF-16 text)`,
      ]);
    // Control characters are spaces, tabs and line breaks kept, every character in its place.
    const controls = 'ab\u0000c\u0001\td\u001f\u007fe\r\n\u00e9\u4e2d'.repeat(8);
    expect(utf16Text(Buffer.from(controls, 'utf16le'))).toBe(
      'ab c \td  e\r\n\u00e9\u4e2d'.repeat(8),
    );
  });

  it('names archives it does not open (xz, 7z, …) as binary, which does not fail a scan', async () => {
    const xz = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 4, 0xe6, 0xd6]);
    expect((await extract('logs.xz', xz)).skipped).toEqual([
      { path: 'logs.xz', reason: 'binary', detail: 'xz archive, not opened' },
    ]);
  });
});

group('hostile input', () => {
  it('stops a zip bomb (300 MB of zeros in a few hundred KB) at the ratio limit, fast and in bounded memory', async () => {
    const bomb = zipBomb(300 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(400_000);
    const heap = process.memoryUsage().rss;
    const started = performance.now();
    const { skipped } = await extract('bomb.zip', bomb);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - heap).toBeLessThan(200 * 1024 * 1024);
    expect(skipped).toEqual([
      {
        path: 'bomb.zip!/zeros.bin',
        reason: 'limit',
        detail: expect.stringMatching(/^compression ratio above 100/),
      },
    ]);
  });

  it('stops at the expanded-bytes limit, over all members', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`part${i}.txt`, 'x'.repeat(400_000)]),
    );
    const { skipped } = await extract('big.zip', zipFiles(files), { maxExpandedBytes: 1_000_000 });
    expect(skipped).toEqual([
      {
        path: expect.stringMatching(/^big\.zip!\/part\d\.txt$/),
        reason: 'limit',
        detail: 'expands to more than 1000000 bytes',
      },
    ]);
  });

  it('stops 40 nested archives at the depth limit, and says so', async () => {
    let bytes = zipFiles({ 'core.env': secretFile });
    for (let level = 1; level < 40; level++) bytes = zipFiles({ [`level${level}.zip`]: bytes });
    const started = performance.now();
    const { skipped, findings } = await extract('nested.zip', bytes);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(findings).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ reason: 'limit', detail: 'nested deeper than 8 levels' });
    expect(skipped[0]!.path.split('!/')).toHaveLength(10);
  });

  it('stops at the entry limit', async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, 'x\n']));
    const { skipped } = await extract('many.zip', zipFiles(files), { maxEntries: 10 });
    expect(skipped).toEqual([
      {
        path: expect.stringMatching(/^many\.zip!\/f\d+\.txt$/),
        reason: 'limit',
        detail: 'more than 10 entries',
      },
    ]);
  });

  it('reports a truncated or corrupt archive as unreadable, and still scans its printable text', async () => {
    const whole = zipFiles({ 'config/.env': secretFile, 'pad.bin': Buffer.alloc(20_000, 7) });
    const truncated = whole.subarray(0, whole.length - 200);
    const { skipped, findings } = await extract('cut.zip', truncated);
    expect(skipped).toEqual([
      { path: 'cut.zip', reason: 'unreadable', detail: 'no end of central directory (truncated?)' },
    ]);
    // zip stores this small file deflated, so its printable text holds no token; nothing crashed.
    expect(findings.every((f) => f.path === 'cut.zip')).toBe(true);
    const tgz = tarFiles({ 'a.env': secretFile }, { gzip: true });
    expect((await extract('cut.tgz', tgz.subarray(0, tgz.length - 30))).skipped).toEqual([
      {
        path: 'cut.tgz',
        reason: 'unreadable',
        detail: expect.stringMatching(/^cannot decompress/),
      },
    ]);
  });
});
