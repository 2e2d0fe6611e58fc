import { describe, expect } from 'vitest';
import { fakeGithubToken } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { runMain } from './helpers.js';

// Configurations as the hostile review fed them (in a process of its own, with the stack a
// user's process has).
describe('configuration input from the hostile review', () => {
  it('reads allow lists of 150,000 values and stopwords (D25)', async ({ temp }) => {
    const values = Array.from({ length: 150_000 }, (_, i) => `value-${i}`);
    temp.write('tightlip.config.json', JSON.stringify({ allow: { values, stopwords: values } }));
    temp.write('a.txt', `t = "${fakeGithubToken(110)}"\n`);
    const result = await runMain(temp, ['scan', 'a.txt']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
  });
});

describe('term lists from the hostile review', () => {
  it('refuses a term whose owner mentions a listed term, printing neither (D6)', async ({
    temp,
  }) => {
    temp.write(
      'l.json',
      JSON.stringify({
        version: 1,
        terms: [{ id: 'CN-1', term: 'Halcyon', owner: 'halcyon-team@example.invalid' }],
      }),
    );
    temp.write('b.txt', 'we ship Halcyon soon\n');
    const result = await runMain(temp, ['scan', 'b.txt', '--terms', 'l.json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("a term's owner mentions a listed term");
    expect(result.stdout + result.stderr).not.toMatch(/halcyon/i);
  });

  it('refuses a term that folds to one letter, such as C++ (D33)', async ({ temp }) => {
    temp.write('l.txt', 'Mythos\nC++\n');
    temp.write('b.txt', 'a c b\n');
    const result = await runMain(temp, ['scan', 'b.txt', '--terms', 'l.txt']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('l.txt:2: entry is a single letter or digit once folded');
  });
});

describe('user patterns run in linear time (D12, D13)', () => {
  it.for([
    '(a|aa)+$',
    'acme_(?:\\w|\\d)+!$',
    'acme_.*a.*a.*a.*a.*=',
    'acme_\\w+(?:_)?\\w+=',
    'acme_\\w+-*\\w+=',
  ])(
    'a custom rule %s finishes on the review input',
    { timeout: 20_000 },
    async (pattern, { temp }) => {
      temp.write(
        'tightlip.config.json',
        JSON.stringify({
          customRules: [{ id: 'acme-key', title: 'A', keywords: ['acme_'], pattern }],
        }),
      );
      temp.write('a.txt', `acme_${'a'.repeat(30_000)}!\nacme_${'1'.repeat(30_000)}!\n`);
      const result = await runMain(temp, ['scan', 'a.txt']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    },
  );

  it('with the u flag', { timeout: 20_000 }, async ({ temp }) => {
    temp.write(
      'tightlip.config.json',
      JSON.stringify({
        customRules: [{ id: 'letters', title: 'L', pattern: '\\p{L}+\\p{L}+=', flags: 'u' }],
      }),
    );
    temp.write('a.txt', `${'é'.repeat(30_000)}\n`);
    expect((await runMain(temp, ['scan', 'a.txt'])).status).toBe(0);
  });

  it(
    'an allow pattern finishes on every token it is tested against',
    { timeout: 20_000 },
    async ({ temp }) => {
      temp.write('tightlip.config.json', JSON.stringify({ allow: { patterns: ['^(\\w+)+-$'] } }));
      temp.write('b.txt', `t = "${fakeGithubToken(111)}"\n`);
      const result = await runMain(temp, ['scan', 'b.txt']);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('github-pat');
    },
  );
});
