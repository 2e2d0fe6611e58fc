import { describe as group, expect, it } from 'vitest';
import { createEngine, parseTermList } from '@tightlip/core';
import { fakeGithubToken } from '@tightlip/fixtures';
import { findEncodedSpans } from '../src/decode.js';
import { createExtractor } from '../src/index.js';
import { CODENAME, codecs, describe, extract } from './helpers.js';

const token = fakeGithubToken();
const secret = `token=${token} project ${CODENAME}`;
const base64 = Buffer.from(secret).toString('base64');
const base64url = Buffer.from(`${secret}??>>`).toString('base64url');
const hex = Buffer.from(secret).toString('hex');
const percent = [...Buffer.from(secret)]
  .map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
  .join('');
const unicode = [...secret]
  .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  .join('');
const hexEscapes = [...secret]
  .map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
  .join('');

group('encoded spans', () => {
  it('decodes base64 (standard, URL-safe, data URIs), hex, percent-encoding and \\u / \\x escapes, reported at the encoded span', async () => {
    const text = [
      `a = "${base64}"`,
      `b = "${base64url}"`,
      `img = "data:text/plain;base64,${base64}"`,
      `c = "${hex}"`,
      `url = "https://example.test/?q=${percent}"`,
      `d = "${unicode}"`,
      `e = '${hexEscapes}'`,
      '',
    ].join('\n');
    const { findings, skipped } = await extract('config.js', text);
    expect(skipped).toEqual([]);
    expect(describe(findings)).toEqual([
      'config.js:1:6 github-pat (base64)',
      'config.js:1:6 term (base64)',
      'config.js:2:6 github-pat (base64)',
      'config.js:2:6 term (base64)',
      'config.js:3:31 github-pat (base64)',
      'config.js:3:31 term (base64)',
      'config.js:4:6 github-pat (hex)',
      'config.js:4:6 term (hex)',
      'config.js:5:32 github-pat (percent-encoding)',
      'config.js:5:32 term (percent-encoding)',
      'config.js:6:6 github-pat (escapes)',
      'config.js:6:6 term (escapes)',
      'config.js:7:6 github-pat (escapes)',
      'config.js:7:6 term (escapes)',
    ]);
    // The span's place, whole: where a person finds the encoded text.
    expect(findings[0]).toMatchObject({
      line: 1,
      column: 6,
      endLine: 1,
      endColumn: 6 + base64.length,
    });
  });

  it('gives the spans of every encoding in the order of the text', () => {
    const text = [unicode, percent, base64, hexEscapes, hex].join(' | ');
    const spans = findEncodedSpans(text, 100);
    expect(spans.map((span) => span.encoding)).toEqual([
      'escapes',
      'percent-encoding',
      'base64',
      'escapes',
      'hex',
    ]);
    expect(spans.map((span) => span.start)).toEqual(
      [unicode, percent, base64, hexEscapes, hex].map((part) => text.indexOf(part)),
    );
    expect(findEncodedSpans(text, 2)).toHaveLength(2);
  });

  it('finds a base64 run of 16 characters or more wherever it starts, and none shorter', () => {
    const base64Of = (text: string, length: number) =>
      Buffer.from(text).toString('base64').slice(0, length);
    const second = base64Of('user=admin pw=hunter2', 16);
    // A run of 15 to 20 characters after 0 to 31 characters of punctuation, then, one
    // character after it, a run of 16, at the end of the text or not: every alignment a run
    // can have against the positions the search looks at first.
    for (let length = 15; length <= 20; length++) {
      const first = base64Of('pw=hunter2 admin user note', length);
      for (let offset = 0; offset < 32; offset++) {
        const text = `${'. '.repeat(16).slice(0, offset)}${first}.${second}${offset % 2 ? '' : ' !'}`;
        const found = findEncodedSpans(text, 100).map((span) => text.slice(span.start, span.end));
        expect(found, `${length} characters after ${offset}`).toEqual(
          length >= 16 ? [first, second] : [second],
        );
      }
    }
  });

  it('decodes a token escaped only in its first character, and nested encodings (base64 of hex)', async () => {
    const first = `\\u${token.charCodeAt(0).toString(16).padStart(4, '0')}${token.slice(1)}`;
    const nested = Buffer.from(Buffer.from(`k=${token}`).toString('hex')).toString('base64');
    const text = `{"k": "${first}", "n": "${nested}"}\n`;
    const { findings } = await extract('a.json', text);
    expect(describe(findings)).toEqual([
      'a.json:1:8 github-pat (escapes)',
      `a.json:1:${text.indexOf(nested) + 1} github-pat (base64, hex)`,
    ]);
  });

  it('finds nothing in hashes, identifiers and clean encoded text', async () => {
    const text = [
      'integrity: sha512-' + Buffer.alloc(64, 7).toString('base64'),
      'commit 3f786850e387550fdab836ed7e6dc881de23001b',
      'const createDirectorySourceForTests = makeSomethingQuiteLong();',
      `hello = "${Buffer.from('hello world, nothing to see here').toString('base64')}"`,
      // Escape-like runs with no complete escape decode to themselves (eslint's tests, fonts).
      String.raw`const pattern = /^[\ufe\60f]$/u; // "/YyyY\xx"`,
      // A corrupt gzip in base64 (a test of a server's error path).
      `body = "${Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xee, 0xdd, 0xcc, 1, 2, 3, 4]).toString('base64')}"`,
      '',
    ].join('\n');
    const { findings, skipped } = await extract('clean.txt', text);
    expect([findings, skipped]).toEqual([[], []]);
  });

  it('honours tightlip:allow on the encoded span’s line, and counts only spans on the lines a diff adds', async () => {
    const allowed = await extract(
      'allowed.env',
      `# tightlip:allow github-pat -- test key\nA="${base64}"\n`,
    );
    expect(describe(allowed.findings)).toEqual(['allowed.env:2:4 term (base64)']);
    const extractor = createExtractor({ codecs, now: () => performance.now() });
    const engine = createEngine({ terms: parseTermList(`${CODENAME}\n`, { source: 'c.txt' }) });
    const hunk = await extractor.chunk({
      subject: 'content',
      path: 'x.env',
      text: `OLD="${base64}"\nNEW="${hex}"\n`,
      startLine: 10,
      lines: [[11, 11]],
    });
    expect(describe(hunk.chunks.flatMap((chunk) => engine.scan(chunk)))).toEqual([
      'x.env:11:6 github-pat (hex)',
      'x.env:11:6 term (hex)',
    ]);
  });
});
