import { describe, expect, it } from 'vitest';
import { githubTokens } from '../../test/tokens.js';
import { createEngine } from '../engine/engine.js';

const token = githubTokens(6);

describe('allow list', () => {
  it('drops exact values, pattern matches and stopwords, and nothing else', () => {
    const [kept, byValue, byPattern, byStopword] = [token(), token(), token(), token()];
    const filtered = createEngine({
      allow: {
        values: [byValue],
        patterns: [new RegExp(byPattern.slice(4, 14))],
        stopwords: [byStopword.slice(10, 20).toUpperCase()],
      },
    });
    const text = [kept, byValue, byPattern, byStopword].join('\n');
    expect(filtered.scan({ subject: 'content', path: 'f', text }).map((f) => f.line)).toEqual([1]);
  });
});
