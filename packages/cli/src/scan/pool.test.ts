import { describe, expect, it } from 'vitest';
import type { SourceItem } from '@tightlip/core';
import { postable } from './pool.js';

const bytesItem = (bytes: Uint8Array): SourceItem => ({
  type: 'bytes',
  content: { path: 'a.txt', bytes, commit: 'c' },
});

describe('postable', () => {
  it('cuts a view of a larger buffer to its own bytes, a copy to transfer', () => {
    const output = Buffer.alloc(64 * 1024, 0x61);
    const view = output.subarray(100, 110);
    const { item, transfer } = postable(bytesItem(view));
    const bytes = item.type === 'bytes' ? item.content.bytes : undefined;
    expect(bytes?.buffer.byteLength).toBe(10);
    expect(transfer).toBe(bytes?.buffer);
    expect(Buffer.from(bytes!).toString()).toBe('a'.repeat(10));
    // A copy: the source's bytes are left as they are.
    bytes![0] = 0x62;
    expect(output[100]).toBe(0x61);
  });

  it('posts bytes that fill their buffer, and any other item, as they are, never transferred', () => {
    const own = bytesItem(new Uint8Array([1, 2, 3]));
    expect(postable(own)).toEqual({ item: own });
    const chunk: SourceItem = {
      type: 'chunk',
      chunk: { subject: 'content', path: 'a', text: 'x' },
    };
    expect(postable(chunk)).toEqual({ item: chunk });
  });
});
