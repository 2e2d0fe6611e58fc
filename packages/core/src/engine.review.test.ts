import { describe, expect, it } from 'vitest';
import { withBase62Crc32 } from './codec/crc32.js';
import { createFake } from './codec/fake.js';
import { createEngine } from './engine/engine.js';
import { parseAllowDirective } from './allow/inline-allow.js';
import { formatText } from './report/text.js';
import { builtinRules } from './rules/index.js';
import { parseTermList } from './terms/parse-term-list.js';

// Cases found in review: each leaked a secret or a term, or judged wrongly, before its fix.

const fake = createFake(77);
const token = () => withBase62Crc32('ghp_', fake.base62(30));
const names = (text: string) => parseTermList(text, { source: 'names.txt' });

describe('masking', () => {
  it('masks every occurrence on a line of a secret found anywhere in the chunk', () => {
    const t = token();
    const findings = createEngine().scan({ path: 'f', text: `KEY=${t}\n# fallback copy: ${t.slice(4)} and ${t}\n` });
    for (const finding of findings) expect(finding.excerpt).not.toContain(t.slice(6));
    expect(findings.map((f) => f.line)).toEqual([1, 2]);
  });

  it('shows no prefix of a credential that begins with a term', () => {
    const t = withBase62Crc32('ghp_', `Orion${fake.base62(25)}`);
    const engine = createEngine({ terms: names('ghp\n') });
    const credential = engine.scan({ path: 'f', text: `k = ${t}` }).find((f) => f.kind === 'credential');
    expect(credential?.redacted).toBe('…');
    expect(JSON.stringify(engine.scan({ path: 'f', text: `k = ${t}` })).toLowerCase()).not.toContain('ghp');
  });

  it('reports overlapping terms each; allowing one does not wave the other through', () => {
    const engine = createEngine({ terms: names('Blue Falcon\nFalcon Heavy Lift\n'), rules: [] });
    const text = 'launch Blue Falcon Heavy Lift soon';
    expect(engine.scan({ path: 'f', text }).map((f) => f.ruleId)).toEqual(['term:names.txt:1', 'term:names.txt:2']);
    const allowed = engine.scan({ path: 'f', text: `${text} // tightlip:allow term:names.txt:1` });
    expect(allowed.map((f) => f.ruleId)).toEqual(['term:names.txt:2']);
    expect(allowed[0]?.excerpt.toLowerCase()).not.toMatch(/falcon|heavy|lift/);
    expect(engine.redactName('docs/blue-falcon-heavy-lift.md').toLowerCase()).not.toMatch(/falcon|heavy|lift/);
  });
});

describe('fingerprints', () => {
  it('come only from what reports show: not from a term, nor from a secret beyond its prefix', () => {
    const a = createEngine({ terms: parseTermList('Mythos\n', { source: 'list' }), rules: [] });
    const b = createEngine({ terms: parseTermList('Halcyon\n', { source: 'list' }), rules: [] });
    const fp = (engine: typeof a, word: string) => engine.scan({ path: `docs/${word}-plan.md`, text: `the ${word} plan` }).map((f) => f.fingerprint);
    expect(fp(a, 'mythos')).toEqual(fp(b, 'halcyon'));
    const secretFp = (secret: string) => createEngine().scan({ path: 'f', text: `k = "${secret}"` })[0]?.fingerprint;
    // Two valid tokens that share the 6 characters a report shows, and differ after them.
    const [one, two] = [withBase62Crc32('ghp_', `ab${fake.base62(28)}`), withBase62Crc32('ghp_', `ab${fake.base62(28)}`)];
    expect(one).not.toBe(two);
    expect(secretFp(one)).toMatch(/^[0-9a-f]{32}$/);
    expect(secretFp(one)).toBe(secretFp(two));
    expect(secretFp(one)).not.toBe(secretFp(token())); // a different visible prefix
  });
});

describe('baselines and --no-mask', () => {
  it('hash a term the same whether or not the report reveals it', () => {
    const terms = names('Mythos\n');
    const hash = (reveal: boolean) => createEngine({ terms, reveal, secretHashSalt: 's' }).scan({ path: 'f', text: 'we ship mythos' })[0]?.secretHash;
    expect(hash(true)).toBe(hash(false));
  });
});

describe('inline allows', () => {
  it('a directive whose ids cannot be read allows nothing', () => {
    const aws = builtinRules.find((rule) => rule.id === 'aws-access-key-id')!.samples(createFake(3)).match[0]!;
    for (const directive of ['tightlip:allow(github-pat)', 'tightlip:allow "github-pat"', 'tightlip:allow:github-pat', 'tightlip:allow github_pat!']) {
      expect(createEngine().scan({ path: 'f', text: `${token()} ${aws} // ${directive}` }), directive).toHaveLength(2);
    }
    expect(parseAllowDirective('"tightlip:allow",')).toBeUndefined();
    expect(parseAllowDirective('  "tightlip:allow github-pat",')?.standalone).toBe(false);
  });

  it('a directive above a private key covers it (the match starts on the BEGIN line)', () => {
    const key = builtinRules.find((rule) => rule.id === 'private-key')!.samples(createFake(4)).match[0]!;
    expect(createEngine().scan({ path: 'f', text: `# tightlip:allow private-key -- test key\n${key}\n` })).toEqual([]);
    expect(createEngine().scan({ path: 'f', text: `# unrelated comment\n${key}\n` })).toHaveLength(1);
  });
});

describe('line-scoped rules', () => {
  it('still see their keyword after characters whose lower case is longer (İ)', () => {
    const line = `DATADOG_API_KEY=${fake.hex(32)}`;
    const plain = createEngine().scan({ path: 'f', text: `${line}\n` }).map((f) => f.ruleId);
    expect(plain.length).toBeGreaterThan(0);
    expect(createEngine().scan({ path: 'f', text: `# ${'İ'.repeat(20)}\n${line}\n` }).map((f) => f.ruleId)).toEqual(plain);
  });
});

describe('text report', () => {
  it('underlines each finding where it is, not the first look-alike on the line', () => {
    const terms = names('Mythos\n');
    const findings = createEngine({ terms, rules: [] }).scan({ path: 'f', text: 'mythos and mythos' });
    const text = formatText({ tool: { name: 't', version: '0' }, findings, rules: [], skipped: [], stats: { files: 1, bytes: 1, durationMs: 1 } });
    expect(text).toContain('    1 | [names.txt:1] and [names.txt:1]\n      | ^^^^^^^^^^^^^\n');
    expect(text).toContain('    1 | [names.txt:1] and [names.txt:1]\n      |                   ^^^^^^^^^^^^^\n');
  });
});
