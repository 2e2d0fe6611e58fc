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
