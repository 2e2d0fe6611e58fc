import { describe, expect, it } from 'vitest';
import { parsePushUpdates } from './push.js';
import { parseReceiveUpdates } from './receive.js';

const A = 'a'.repeat(40);
const Z = '0'.repeat(40);

describe('hook input', () => {
  it('reads pre-push and pre-receive lines, ignoring blank lines and CRs', () => {
    expect(parsePushUpdates(`refs/heads/x ${A} refs/heads/y ${Z}\r\n\n`)).toEqual([
      { localRef: 'refs/heads/x', localId: A, remoteRef: 'refs/heads/y', remoteId: Z },
    ]);
    expect(parseReceiveUpdates(`${Z} ${A} refs/tags/v1\n`)).toEqual([
      { oldId: Z, newId: A, ref: 'refs/tags/v1' },
    ]);
  });

  it('rejects malformed input instead of scanning nothing', () => {
    expect(() => parsePushUpdates('refs/heads/x HEAD refs/heads/y 0\n')).toThrow(
      /pre-push input line 1/,
    );
    expect(() => parseReceiveUpdates(`${A} ${A}\n`)).toThrow(/pre-receive input line 1/);
  });
});
