import { describe, expect, it } from 'vitest';
import { githubTokens } from '../../test/tokens.js';
import { createFake } from '../codec/fake.js';
import { keyBodyOf } from '../rules/private-keys.js';
import { createEngine } from './engine.js';
import { parseTermList } from '../terms/parse-term-list.js';

const fake = createFake(11);
const token = githubTokens(11);

describe('engine', () => {
  it('reports rule, path, line, column and end of a credential', () => {
    const secret = token();
    const text = `line one\n  const t = "${secret}";\n`;
    const [finding, ...rest] = createEngine().scan({ subject: 'content', path: 'src/a.ts', text });
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
    const findings = createEngine().scan({ subject: 'content', path: 'x', text: `${a} ${b}` });
    expect(findings).toHaveLength(2);
    const serialised = JSON.stringify(findings);
    expect(serialised).not.toContain(a.slice(6));
    expect(serialised).not.toContain(b.slice(6));
  });

  it('reveals the secret only when asked', () => {
    const secret = token();
    const [finding] = createEngine({ reveal: true }).scan({
      subject: 'content',
      path: 'x',
      text: secret,
    });
    expect(finding?.secret).toBe(secret);
  });

  it('counts lines from startLine and keeps only findings on counted lines', () => {
    const [a, b] = [token(), token()];
    const chunk = {
      path: 'x',
      text: `${a}\ncontext\n${b}\n`,
      startLine: 10,
      lines: [[12, 12]] as const,
    };
    const findings = createEngine().scan({ subject: 'content', ...chunk, lines: [[12, 12]] });
    expect(findings.map((f) => f.line)).toEqual([12]);
    expect(createEngine().scan({ subject: 'content', ...chunk, lines: [] })).toEqual([]);
    expect(
      createEngine()
        .scan({ subject: 'content', path: 'x', text: chunk.text, startLine: 10 })
        .map((f) => f.line),
    ).toEqual([10, 12]);
  });

  it('gives a fingerprint that survives line moves but not a different secret or path', () => {
    const secret = token();
    const engine = createEngine();
    const at = (text: string, path = 'p') =>
      engine.scan({ subject: 'content', path, text })[0]!.fingerprint;
    expect(at(secret)).toBe(at(`\n\n\n  ${secret}`));
    expect(at(secret)).not.toBe(at(secret, 'q'));
    expect(at(secret)).not.toBe(at(token()));
    expect(at(secret)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('places a multi-line private key on its first line and masks its body', () => {
    const body = keyBodyOf(fake, 'rsa', 228).join('\n');
    const dashes = '-'.repeat(5);
    const text = `x = 1\n${dashes}BEGIN RSA PRIVATE KEY${dashes}\n${body}\n${dashes}END RSA PRIVATE KEY${dashes}\n`;
    const [finding] = createEngine().scan({ subject: 'content', path: 'id_rsa', text });
    expect(finding).toMatchObject({ ruleId: 'private-key', line: 3, endLine: 7 });
    expect(JSON.stringify(finding)).not.toContain(body.slice(6, 30));
  });

  it('carries the commit from the chunk', () => {
    const [finding] = createEngine().scan({
      subject: 'content',
      path: 'x',
      text: token(),
      commit: 'abc123',
    });
    expect(finding).toMatchObject({ commit: 'abc123' });
  });

  it('returns nothing for clean text and for an empty text', () => {
    expect(
      createEngine().scan({ subject: 'content', path: 'x', text: 'nothing to see here\n' }),
    ).toEqual([]);
    expect(createEngine().scan({ subject: 'content', path: 'x', text: '' })).toEqual([]);
  });
});

describe('engine with terms', () => {
  const terms = parseTermList('# codenames\nMythos\n\nProject Halcyon\n', {
    source: 'codenames.txt',
  });
  const engine = createEngine({ terms, rules: [] });
  const ids = (text: string) =>
    engine.scan({ subject: 'content', path: 'notes.md', text }).map((f) => f.ruleId);

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
    const [finding] = engine.scan({
      subject: 'content',
      path: 'notes.md',
      text: 'We ship Mythos next week',
    });
    expect(finding).toMatchObject({
      kind: 'term',
      redacted: '[codenames.txt:2]',
      line: 1,
      column: 9,
    });
    expect(finding?.excerpt).toBe('We ship [codenames.txt:2] next week');
    expect(JSON.stringify(finding).toLowerCase()).not.toContain('mythos');
  });
});

describe('engine with term metadata', () => {
  const terms = parseTermList(
    JSON.stringify({
      version: 1,
      terms: [
        { id: 'CN-1', term: 'Mythos', owner: 'security@example.com' },
        { id: 'CN-2', term: 'Halcyon', lifts: '2026-07-01', graceDays: 14 },
        { id: 'CN-3', term: 'Kestrel', allowIn: ['internal/**', 'refs/heads/internal/**'] },
        { id: 'CN-4', term: 'Osprey', onlyIn: ['public/**'] },
      ],
    }),
    { source: 'codenames.json' },
  );
  const clock = (iso: string) => () => Date.parse(iso);
  const scan = (text: string, path = 'notes.md', now?: () => number) =>
    createEngine({ terms, rules: [], now }).scan({ subject: 'content', path, text });

  it('stops blocking at the lift date of the injected clock, warning during the grace period', () => {
    expect(
      scan('Halcyon', 'a', clock('2026-06-30T12:00:00Z')).map((f) => [f.ruleId, f.severity]),
    ).toEqual([['term:CN-2', 'high']]);
    const [grace] = scan('Halcyon', 'a', clock('2026-07-02T00:00:00Z'));
    expect(grace).toMatchObject({ ruleId: 'term:CN-2', severity: 'info' });
    expect(grace?.title).toBe(
      'Embargoed term CN-2: embargo lifted 2026-07-01, warning until 2026-07-15',
    );
    expect(scan('Halcyon', 'a', clock('2026-07-15T00:00:00Z'))).toEqual([]);
  });

  it('keeps blocking without a clock', () => {
    expect(scan('Halcyon', 'a')).toHaveLength(1);
  });

  it('honours path scopes: allowed in, and blocked only in', () => {
    expect(scan('Kestrel', 'internal/plan.md')).toEqual([]);
    expect(scan('Kestrel', 'docs/plan.md')).toHaveLength(1);
    expect(scan('Osprey', 'public/blog.md')).toHaveLength(1);
    expect(scan('Osprey', 'internal/notes.md')).toEqual([]);
  });

  it('matches scopes against the mapped path when given one', () => {
    const engine = createEngine({ terms, rules: [], scopePath: (path) => `internal/${path}` });
    expect(engine.scan({ subject: 'content', path: 'plan.md', text: 'Kestrel' })).toEqual([]);
  });

  it('names the owner in the title, never the term', () => {
    const [finding] = scan('Mythos');
    expect(finding?.title).toBe('Embargoed term CN-1 (ask security@example.com)');
  });

  it('finds terms in names: file paths, branch and tag names, commit messages', () => {
    const engine = createEngine({ terms, rules: [] });
    const name = (
      path: string,
      subject: 'file-name' | 'ref' | 'message' = 'file-name',
      text = path,
    ) => engine.scan({ subject, path, text }).map((f) => [f.ruleId, f.line, f.column]);
    expect(name('docs/mythos/plan.md')).toEqual([['term:CN-1', 1, 6]]);
    expect(name('src/MythosClient.ts')).toEqual([['term:CN-1', 1, 5]]);
    expect(name('refs/heads/feature/mythos-eval', 'ref')).toEqual([['term:CN-1', 1, 20]]);
    expect(name('refs/tags/v1-mythos', 'ref')).toEqual([['term:CN-1', 1, 14]]);
    expect(name('refs/heads/internal/kestrel', 'ref')).toEqual([]);
    expect(name('COMMIT_EDITMSG', 'message', 'Add eval\n\nPrepares the Mythos launch\n')).toEqual([
      ['term:CN-1', 3, 14],
    ]);
  });

  it('gives name and message findings a fingerprint apart from content findings in the same file', () => {
    const engine = createEngine({ terms, rules: [] });
    const content = engine.scan({ subject: 'content', path: 'mythos.md', text: 'mythos' })[0]!
      .fingerprint;
    const name = engine.scan({ subject: 'file-name', path: 'mythos.md', text: 'mythos.md' })[0]!
      .fingerprint;
    const message = engine.scan({ subject: 'message', path: 'mythos.md', text: 'mythos' })[0]!
      .fingerprint;
    expect(new Set([content, name, message]).size).toBe(3);
    expect(
      engine.scan({ subject: 'ref', path: 'mythos.md', text: 'mythos.md' })[0]!.fingerprint,
    ).toBe(name);
  });

  it('fingerprints do not depend on the term text', () => {
    const other = parseTermList(
      JSON.stringify({ version: 1, terms: [{ id: 'CN-1', term: 'Zephyr' }] }),
      { source: 'x.json' },
    );
    const a = createEngine({ terms, rules: [] }).scan({
      subject: 'content',
      path: 'p',
      text: 'Mythos',
    })[0]!.fingerprint;
    const b = createEngine({ terms: other, rules: [] }).scan({
      subject: 'content',
      path: 'p',
      text: 'Zephyr',
    })[0]!.fingerprint;
    expect(a).toBe(b);
  });
});

describe('fingerprints', () => {
  it('come only from what reports show: not from a term, nor from a secret beyond its prefix', () => {
    const a = createEngine({ terms: parseTermList('Mythos\n', { source: 'list' }), rules: [] });
    const b = createEngine({ terms: parseTermList('Halcyon\n', { source: 'list' }), rules: [] });
    const fp = (engine: typeof a, word: string) =>
      engine
        .scan({ subject: 'content', path: `docs/${word}-plan.md`, text: `the ${word} plan` })
        .map((f) => f.fingerprint);
    expect(fp(a, 'mythos')).toEqual(fp(b, 'halcyon'));
    const secretFp = (secret: string) =>
      createEngine().scan({ subject: 'content', path: 'f', text: `k = "${secret}"` })[0]
        ?.fingerprint;
    // Two valid tokens that share the 6 characters a report shows, and differ after them.
    const [one, two] = [token('ab'), token('ab')];
    expect(one).not.toBe(two);
    expect(secretFp(one)).toMatch(/^[0-9a-f]{32}$/);
    expect(secretFp(one)).toBe(secretFp(two));
    expect(secretFp(one)).not.toBe(secretFp(token())); // a different visible prefix
  });
});

describe('secretHash', () => {
  const terms = parseTermList('Mythos\n', { source: 'names.txt' });
  const engine = createEngine({ terms });
  const salted = createEngine({ terms, secretHashSalt: 'salt-1' });
  const hashOf = (text: string, e = salted) =>
    e.scan({ subject: 'content', path: 'f', text })[0]?.secretHash;

  it('depends on rule and secret, not on line or position', () => {
    const t = token();
    expect(hashOf(t)).toMatch(/^[0-9a-f]{32}$/);
    expect(hashOf(`\n\n   x = ${t}`)).toBe(hashOf(t));
    expect(hashOf(token())).not.toBe(hashOf(t));
    expect(hashOf(t, createEngine({ secretHashSalt: 'salt-2' }))).not.toBe(hashOf(t));
  });

  it('keys a term by its masked line, so the hash is not derived from the term text alone', () => {
    expect(hashOf('launch Mythos today')).toBe(hashOf('\n\nlaunch Mythos today'));
    expect(hashOf('launch Mythos today')).not.toBe(hashOf('launch Mythos tomorrow'));
  });

  it('is absent without a salt', () => {
    expect(hashOf(token(), engine)).toBeUndefined();
  });

  it('is the same for a term whether or not the report reveals it', () => {
    const hash = (reveal: boolean) =>
      createEngine({ terms, reveal, secretHashSalt: 's' }).scan({
        subject: 'content',
        path: 'f',
        text: 'we ship mythos',
      })[0]?.secretHash;
    expect(hash(true)).toBe(hash(false));
  });
});

describe('reveal', () => {
  it('leaves the excerpt unmasked only when revealing', () => {
    const t = token();
    expect(
      createEngine({ reveal: true }).scan({ subject: 'content', path: 'f', text: `k = "${t}"` })[0]
        ?.excerpt,
    ).toBe(`k = "${t}"`);
    expect(
      createEngine().scan({ subject: 'content', path: 'f', text: `k = "${t}"` })[0]?.excerpt,
    ).toBe(`k = "${t.slice(0, 6)}…"`);
  });
});

describe('engine, for extracted text', () => {
  const span = {
    line: 7,
    column: 5,
    endLine: 7,
    endColumn: 61,
    lineText: 'k = "R0hQX…"',
    lineBefore: 'x = 1',
  };

  it('reports decoded text at its encoded span, judging counted lines by the span’s line', () => {
    const secret = token();
    const chunk = { subject: 'content' as const, path: 'a.env', text: `key ${secret}\n`, span };
    const [finding] = createEngine().scan(chunk);
    expect(finding).toMatchObject({ line: 7, column: 5, endLine: 7, endColumn: 61 });
    expect(finding!.excerpt).toContain('key ');
    expect(createEngine().scan({ ...chunk, lines: [[1, 6]] })).toEqual([]);
    expect(createEngine().scan({ ...chunk, lines: [[7, 7]] })).toHaveLength(1);
  });

  it('honours a tightlip:allow on the span’s line, or alone on the line before it', () => {
    const text = `key ${token()}\n`;
    const scan = (lineText: string, lineBefore: string) =>
      createEngine().scan({
        subject: 'content',
        path: 'a.env',
        text,
        span: { ...span, lineText, lineBefore },
      });
    expect(scan('k = "…" # tightlip:allow github-pat', 'x')).toEqual([]);
    expect(scan('k = "…"', '# tightlip:allow')).toEqual([]);
    expect(scan('k = "…"', 'x = 1 # tightlip:allow')).toHaveLength(1);
  });

  it('carries the container file and where (per line, when a list), and tells parts apart in fingerprints', () => {
    const secret = token();
    const engine = createEngine();
    const base = { subject: 'content' as const, path: 'a.zip!/deck.pptx', file: 'a.zip' };
    const [one] = engine.scan({ ...base, text: `k ${secret}`, where: 'slide 1' });
    const [two] = engine.scan({ ...base, text: `k ${secret}`, where: 'slide 2 notes' });
    const [cell] = engine.scan({
      ...base,
      text: `a\nk ${secret}`,
      where: ['sheet "A" A1', 'sheet "A" B2'],
    });
    expect([one!.file, one!.where, two!.where, cell!.where]).toEqual([
      'a.zip',
      'slide 1',
      'slide 2 notes',
      'sheet "A" B2',
    ]);
    expect(one!.fingerprint).not.toBe(two!.fingerprint);
  });
});
