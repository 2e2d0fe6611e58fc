import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.js';
import { createFake } from './fake.js';
import { withBase62Crc32 } from './rules/checksums.js';
import { parseTermList } from './terms/parse-term-list.js';

const fake = createFake(11);
const token = () => withBase62Crc32('ghp_', fake.base62(30));

describe('engine', () => {
  it('reports rule, path, line, column and end of a credential', () => {
    const secret = token();
    const text = `line one\n  const t = "${secret}";\n`;
    const [finding, ...rest] = createEngine().scan({ path: 'src/a.ts', text });
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({
      ruleId: 'github-pat',
      kind: 'credential',
      path: 'src/a.ts',
      line: 2,
      column: 14,
      endLine: 2,
      endColumn: 14 + secret.length,
      severity: 'high',
      confidence: 'validated',
    });
    expect(finding?.redacted).toBe(`${secret.slice(0, 6)}…`);
    expect(finding?.excerpt).toBe(`const t = "${secret.slice(0, 6)}…";`);
    expect(finding?.secret).toBeUndefined();
  });

  it('never shows a secret in any field, even another secret on the same line', () => {
    const [a, b] = [token(), token()];
    const findings = createEngine().scan({ path: 'x', text: `${a} ${b}` });
    expect(findings).toHaveLength(2);
    const serialised = JSON.stringify(findings);
    expect(serialised).not.toContain(a.slice(6));
    expect(serialised).not.toContain(b.slice(6));
  });

  it('reveals the secret only when asked', () => {
    const secret = token();
    const [finding] = createEngine({ reveal: true }).scan({ path: 'x', text: secret });
    expect(finding?.secret).toBe(secret);
  });

  it('counts lines from startLine and keeps only findings on counted lines', () => {
    const [a, b] = [token(), token()];
    const chunk = { path: 'x', text: `${a}\ncontext\n${b}\n`, startLine: 10, lines: [[12, 12]] as const };
    const findings = createEngine().scan({ ...chunk, lines: [[12, 12]] });
    expect(findings.map((f) => f.line)).toEqual([12]);
    expect(createEngine().scan({ ...chunk, lines: [] })).toEqual([]);
    expect(createEngine().scan({ path: 'x', text: chunk.text, startLine: 10 }).map((f) => f.line)).toEqual([10, 12]);
  });

  it('gives a fingerprint that survives line moves but not a different secret or path', () => {
    const secret = token();
    const engine = createEngine();
    const at = (text: string, path = 'p') => engine.scan({ path, text })[0]!.fingerprint;
    expect(at(secret)).toBe(at(`\n\n\n  ${secret}`));
    expect(at(secret)).not.toBe(at(secret, 'q'));
    expect(at(secret)).not.toBe(at(token()));
    expect(at(secret)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('places a multi-line private key on its first line and masks its body', () => {
    const body = Array.from({ length: 5 }, () => fake.base64(64)).join('\n');
    const dashes = '-'.repeat(5);
    const text = `x = 1\n${dashes}BEGIN RSA PRIVATE KEY${dashes}\n${body}\n${dashes}END RSA PRIVATE KEY${dashes}\n`;
    const [finding] = createEngine().scan({ path: 'id_rsa', text });
    expect(finding).toMatchObject({ ruleId: 'private-key', line: 3, endLine: 7 });
    expect(JSON.stringify(finding)).not.toContain(body.slice(6, 30));
  });

  it('carries commit and origin from the chunk', () => {
    const [finding] = createEngine().scan({ path: 'x', text: token(), commit: 'abc123', origin: 'commit' });
    expect(finding).toMatchObject({ commit: 'abc123', origin: 'commit' });
  });

  it('returns nothing for clean text and for an empty text', () => {
    expect(createEngine().scan({ path: 'x', text: 'nothing to see here\n' })).toEqual([]);
    expect(createEngine().scan({ path: 'x', text: '' })).toEqual([]);
  });
});

describe('engine with terms', () => {
  const terms = parseTermList('# codenames\nMythos\n\nProject Halcyon\n', { source: 'codenames.txt' });
  const engine = createEngine({ terms, rules: [] });
  const ids = (text: string) => engine.scan({ path: 'notes.md', text }).map((f) => f.ruleId);

  it('matches whole words, case-insensitively', () => {
    expect(ids('The MYTHOS launch')).toEqual(['term:codenames.txt:2']);
    expect(ids('mythos, mythos.')).toEqual(['term:codenames.txt:2', 'term:codenames.txt:2']);
    expect(ids('mythology and mythosphere')).toEqual([]);
  });

  it('treats underscores, dashes, dots and slashes as separators', () => {
    expect(ids('MYTHOS_ENABLED=1')).toHaveLength(1);
    expect(ids('docs/mythos/plan.md')).toHaveLength(1);
    expect(ids('mythos-serving')).toHaveLength(1);
  });

  it('matches multi-word terms across separators and line breaks', () => {
    expect(ids('Project Halcyon')).toEqual(['term:codenames.txt:4']);
    expect(ids('project-halcyon')).toEqual(['term:codenames.txt:4']);
    expect(ids('the project\n  halcyon plan')).toEqual(['term:codenames.txt:4']);
    expect(ids('project other halcyon')).toEqual([]);
  });

  it('shows the term id, never the term, in every field', () => {
    const [finding] = engine.scan({ path: 'notes.md', text: 'We ship Mythos next week' });
    expect(finding).toMatchObject({ kind: 'term', redacted: '[codenames.txt:2]', line: 1, column: 9 });
    expect(finding?.excerpt).toBe('We ship [codenames.txt:2] next week');
    expect(JSON.stringify(finding).toLowerCase()).not.toContain('mythos');
  });
});
