import { describe, expect } from 'vitest';
import { utf16, type TempDir } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { openRepository } from '../src/index.js';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createBlobReader, MISSING, streamObjects } from '../src/blobs.js';

const utf16le = (text: string) => utf16(text, 'le');
const utf16be = (text: string) => utf16(text, 'be');

/** Writes `content` as a blob of `repo` and returns its id. */
function blob(repo: TempDir, content: Uint8Array): string {
  repo.write('blob.tmp', content);
  return repo.git('hash-object', '-w', 'blob.tmp').trim();
}

describe('createBlobReader', () => {
  it('decodes UTF-8 and UTF-16 (either byte order), tells binary and too-large, answering in order', async ({
    repo,
  }) => {
    const big = 'x'.repeat(70_000);
    const ids = {
      utf8: blob(repo, Buffer.from('k=v\nnaïve\n')),
      le: blob(repo, utf16le('k=v\r\nnaïve\r\n')),
      be: blob(repo, utf16be('k=v\n')),
      binary: blob(repo, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])),
      empty: blob(repo, Buffer.alloc(0)),
      big: blob(repo, Buffer.from(big)),
      bigUtf16: blob(repo, utf16le(big)),
    };
    const reader = createBlobReader(await openRepository(repo.dir, { env: repo.env }), 100_000);
    try {
      // All asked at once: one process, answers matched to questions in order.
      const [utf8, le, be, binary, empty, big8, big16] = await Promise.all([
        reader.readText(ids.utf8),
        reader.readText(ids.le),
        reader.readText(ids.be),
        reader.readText(ids.binary),
        reader.readText(ids.empty),
        reader.readText(ids.big),
        reader.readText(ids.bigUtf16),
      ]);
      expect([utf8, le, be, binary, empty]).toEqual([
        { text: 'k=v\nnaïve\n' },
        { text: 'k=v\r\nnaïve\r\n' },
        { text: 'k=v\n' },
        { skipped: 'binary', size: 7 },
        { text: '' },
      ]);
      expect(big8).toEqual({ text: big });
      expect(big16).toEqual({ skipped: 'too-large', size: 140_002 });

      // utf16Only: anything without a byte-order mark is binary, however large.
      expect(await reader.readText(ids.big, { utf16Only: true })).toEqual({
        skipped: 'binary',
        size: 70_000,
      });
      expect(await reader.readText(ids.le, { utf16Only: true })).toEqual({
        text: 'k=v\r\nnaïve\r\n',
      });
      // Bytes, whatever they are (for extraction), between text answers; too large past the limit.
      const [bytes, text, bigBytes] = await Promise.all([
        reader.readBytes(ids.binary),
        reader.readText(ids.utf8),
        reader.readBytes(ids.bigUtf16),
      ]);
      expect(bytes).toEqual({ bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) });
      expect(text).toEqual({ text: 'k=v\nnaïve\n' });
      expect(bigBytes).toEqual({ skipped: 'too-large', size: 140_002 });
      await expect(reader.readText('0'.repeat(40))).rejects.toThrow(/missing/);
      expect(await reader.readText(ids.utf8)).toEqual({ text: 'k=v\nnaïve\n' });
    } finally {
      reader.close();
    }
  });
});

describe('streamObjects', () => {
  it('streams objects in the order asked, a missing one as MISSING; a failing git is named in the error', async ({
    repo,
  }) => {
    const a = blob(repo, Buffer.from('a\n'));
    const b = blob(repo, Buffer.from('b'.repeat(100_000)));
    const git = await openRepository(repo.dir, { env: repo.env });
    const objects = [];
    for await (const object of streamObjects(git, [b, '0'.repeat(40), a], 1_000_000))
      objects.push(object === MISSING ? 'missing' : object.bytes!.toString('utf8'));
    expect(objects).toEqual(['b'.repeat(100_000), 'missing', 'a\n']);
    // Its command line starts with config (-c ...): the error names the command all the same.
    rmSync(join(repo.dir, '.git'), { recursive: true, force: true });
    await expect(async () => {
      for await (const object of streamObjects(git, [a])) void object;
    }).rejects.toThrow(/^git cat-file failed: /);
  });
});
