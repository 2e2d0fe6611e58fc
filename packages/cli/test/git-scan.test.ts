import { describe, expect } from 'vitest';
import { it } from '@tightlip/fixtures/vitest';
import { scanStaged } from '../src/actions/git-scan.js';
import { testIo } from './helpers.js';

describe('scanStaged and allowed paths', () => {
  it('applies allow.paths to a file in a directory named refs, like any other file', async ({
    repo,
  }) => {
    // A list committed with the code would publish its terms: it is kept out of the index.
    repo.write('names.txt', 'Mythos\n');
    repo.write('.git/info/exclude', 'names.txt\n');
    repo.write(
      'tightlip.config.json',
      JSON.stringify({ terms: ['names.txt'], allow: { paths: ['refs/**'] } }),
    );
    repo.write('refs/heads/mythos-notes.md', 'Mythos\n');
    repo.write('docs/mythos-plan.md', 'clean\n');
    repo.git('add', '.');
    const { report } = await scanStaged({
      io: testIo(repo.dir, repo.env),
      termFiles: [],
      reveal: false,
    });
    expect(report.findings.map((f) => f.path)).toEqual(['docs/[names.txt:1]-plan.md']);
  });
});
