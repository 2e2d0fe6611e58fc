import { describe, expect, it } from 'vitest';
import { crc32, crc32Bytes } from './crc32.js';

describe('CRC-32', () => {
  it("gives the standard check value, and continues as zlib's crc32(bytes, value)", () => {
    const bytes = new TextEncoder().encode('123456789');
    expect(crc32Bytes(bytes)).toBe(0xcbf43926);
    expect(crc32Bytes(bytes.subarray(4), crc32Bytes(bytes.subarray(0, 4)))).toBe(0xcbf43926);
    expect(crc32Bytes(new Uint8Array(0))).toBe(0);
    expect(crc32('123456789')).toBe(0xcbf43926);
  });
});
