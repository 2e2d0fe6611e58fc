import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...new TextEncoder().encode(part)] : part,
    ),
  );

describe('decodeText', () => {
  it('reads UTF-8, dropping a byte-order mark', () => {
    expect(decodeText(bytes('naïve ☃'))).toBe('naïve ☃');
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'key=1'))).toBe('key=1');
  });

  it('reads UTF-16 little- and big-endian with a byte-order mark', () => {
    expect(decodeText(bytes([0xff, 0xfe, 0x6b, 0, 0x3d, 0, 0x31, 0]))).toBe('k=1');
    expect(decodeText(bytes([0xfe, 0xff, 0, 0x6b, 0, 0x3d, 0, 0x31]))).toBe('k=1');
  });

  it('calls bytes with a NUL in the first 8000 binary, as git does', () => {
    expect(decodeText(bytes('abc', [0], 'def'))).toBeUndefined();
    expect(decodeText(bytes('a'.repeat(8000), [0]))).toBe(`${'a'.repeat(8000)}\u0000`);
  });
});

describe('decodeText, against a byte-order mark that lies (D22)', () => {
  const utf32 = (text: string, littleEndian: boolean) => {
    const out = new DataView(new ArrayBuffer(4 * (text.length + 1)));
    out.setUint32(0, 0xfeff, littleEndian);
    [...text].forEach((c, i) => out.setUint32(4 * (i + 1), c.codePointAt(0)!, littleEndian));
    return new Uint8Array(out.buffer);
  };

  it('reads ASCII behind a UTF-16 mark as ASCII too', () => {
    const text = decodeText(bytes([0xff, 0xfe], '\nt = "secret-value"\n'));
    expect(text).toContain('t = "secret-value"');
    expect(text?.split('\n')[1]).toBe('t = "secret-value"');
    expect(decodeText(bytes([0xfe, 0xff], 'key=value'))).toContain('key=value');
  });

  it('reads UTF-32 with its mark as UTF-32, either byte order', () => {
    expect(decodeText(utf32('key=välue ☃', true))).toBe('key=välue ☃');
    expect(decodeText(utf32('key=välue ☃', false))).toBe('key=välue ☃');
  });
});
