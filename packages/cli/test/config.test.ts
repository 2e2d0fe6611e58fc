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
