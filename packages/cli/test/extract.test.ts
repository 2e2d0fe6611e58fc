import { describe, expect } from 'vitest';
import { docx, fakeGithubToken, pptx, word, zipBomb, zipFiles } from '@tightlip/fixtures';
import { it } from '@tightlip/fixtures/vitest';
import { runMain } from './helpers.js';

const token = fakeGithubToken(7);

describe('extraction through the CLI', () => {
  it('names members and document parts in text, JSON and SARIF (the container is the artifact)', async ({
    temp,
  }) => {
    temp.write('codenames.txt', 'Halcyon\n');
    temp.write('dist/bundle.zip', zipFiles({ 'config/.env': `TOKEN=${token}\n` }));
    temp.write(
      'docs/deck.pptx',
      zipFiles(pptx([{ text: ['Hi'] }, { text: ['Plan'], notes: ['Halcyon ships'] }])),
    );
    const text = await runMain(temp, ['scan', '.', '--terms', 'codenames.txt']);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('dist/bundle.zip!/config/.env\n  1:7  high  github-pat');
    expect(text.stdout).toContain('docs/deck.pptx\n  1:1  high  term:codenames.txt:1');
    expect(text.stdout).toContain('(slide 2 notes)');
    expect(text.stdout).not.toContain('Halcyon ships');

    const json = JSON.parse(
      (await runMain(temp, ['scan', '.', '--terms', 'codenames.txt', '--format', 'json'])).stdout,
    );
    expect(
      json.findings.map((f: { path: string; file?: string; where?: string }) => [
        f.path,
        f.file,
        f.where,
      ]),
    ).toEqual([
      ['dist/bundle.zip!/config/.env', 'dist/bundle.zip', undefined],
      ['docs/deck.pptx', undefined, 'slide 2 notes'],
    ]);

    const sarif = JSON.parse(
      (await runMain(temp, ['scan', '.', '--terms', 'codenames.txt', '--format', 'sarif'])).stdout,
    );
    const [member, part] = sarif.runs[0].results;
    expect(member.locations[0].physicalLocation.artifactLocation.uri).toBe('dist/bundle.zip');
    expect(member.locations[0].logicalLocations).toEqual([
      { fullyQualifiedName: 'dist/bundle.zip!/config/.env', kind: 'member' },
    ]);
    expect(member.message.text).toContain('in dist/bundle.zip!/config/.env');
    expect(part.locations[0].physicalLocation.artifactLocation.uri).toBe('docs/deck.pptx');
    expect(part.message.text).toContain('(slide 2 notes)');
  });

  it('masks a codename in a member name, a container name and a comment author everywhere', async ({
    temp,
  }) => {
    temp.write('codenames.txt', 'Halcyon\n');
    temp.write('halcyon-kit.zip', zipFiles({ 'halcyon/readme.txt': `k=${token}\n` }));
    temp.write(
      'notes.docx',
      zipFiles(
        docx({ body: [word.p(word.r('x'))], comments: [{ author: 'Halcyon Team', text: token }] }),
      ),
    );
    const result = await runMain(temp, [
      'scan',
      '.',
      '--terms',
      'codenames.txt',
      '--format',
      'json',
    ]);
    expect(result.status).toBe(1);
    expect(result.stdout.toLowerCase()).not.toContain('halcyon');
  });

  it('fails closed (exit 2) on a zip bomb and on a truncated document, naming them', async ({
    temp,
  }) => {
    temp.write('bomb.zip', zipBomb(200 * 1024 * 1024));
    const whole = zipFiles(docx({ body: [word.p(word.r('y'.repeat(20_000)))] }));
    temp.write('cut.docx', whole.subarray(0, whole.length - 100));
    const started = performance.now();
    const result = await runMain(temp, ['scan', '.']);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'could not scan bomb.zip!/zeros.bin: limit (compression ratio above 100',
    );
    expect(result.stderr).toContain(
      'could not scan cut.docx: unreadable (no end of central directory',
    );
    expect(result.stderr).toContain('or the "extract" limits for archives and documents');
  });

  it('blocks a commit of a document holding a codename, and finds it again in history', async ({
    repo,
  }) => {
    repo.write('codenames.txt', 'Halcyon\n');
    repo.write('tightlip.config.json', '{"terms": ["codenames.txt"]}\n');
    repo.commit('init', {});
    repo.write(
      'plan.docx',
      zipFiles(docx({ body: [word.p(word.r('Project Hal'), word.r('cyon'))] })),
    );
    repo.git('add', 'plan.docx');
    const staged = await runMain(repo, ['staged']);
    expect(staged.status).toBe(1);
    expect(staged.stdout).toContain('plan.docx');
    expect(staged.stdout).toContain('(body)');
    repo.git('commit', '-qm', 'plan', '--no-verify');
    const history = await runMain(repo, ['history', '--format', 'json']);
    expect(
      JSON.parse(history.stdout).findings.map((f: { path: string; where: string }) => [
        f.path,
        f.where,
      ]),
    ).toEqual([['plan.docx', 'body']]);
  });
});
