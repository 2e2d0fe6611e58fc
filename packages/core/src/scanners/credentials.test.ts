import { describe, expect, it } from 'vitest';
import { githubTokens } from '../../test/tokens.js';
import { createFake } from '../codec/fake.js';
import { createEngine } from '../engine/engine.js';
import { defineRule } from '../rules/define-rule.js';
import { builtinRules } from '../rules/index.js';
import { createPrefilter, weakPrefilter } from './prefilter.js';

const fake = createFake(21);
const token = githubTokens(21);

describe('credential scanning', () => {
  it('reports a provider token once, by its provider rule, when a generic detector sees it too', () => {
    const findings = createEngine().scan({
      subject: 'content',
      path: '.env',
      text: `GITHUB_TOKEN=${token()}\n`,
    });
    expect(findings.map((f) => [f.ruleId, f.confidence])).toEqual([['github-pat', 'validated']]);
  });

  it('reports a token whose checksum fails under no rule, not even a generic one', () => {
    const t = token();
    const broken = `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`;
    expect(
      createEngine().scan({ subject: 'content', path: '.env', text: `GITHUB_TOKEN=${broken}\n` }),
    ).toEqual([]);
  });

  it('reports a random value of a secret key with entropy confidence', () => {
    const [finding, ...rest] = createEngine().scan({
      subject: 'content',
      path: '.env',
      text: `SERVICE_API_KEY=${fake.base62(40)}\n`,
    });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'generic-api-key', confidence: 'entropy' });
  });

  it('carries pattern confidence for rules without a verifying check', () => {
    const [finding] = createEngine().scan({
      subject: 'content',
      path: 'x',
      text: `key: sk_live_${fake.base62(24)}`,
    });
    expect(finding).toMatchObject({ ruleId: 'stripe-secret-key', confidence: 'pattern' });
  });
});

describe('keyword prefilter', () => {
  it('selects exactly the rules whose keywords occur, in catalog order', () => {
    const prefilter = createPrefilter(builtinRules);
    const selected = prefilter
      .select('const t = "GHP_"; // xoxb- and Hooks.Slack.com')
      .map((rule) => rule.id);
    expect(selected).toEqual(
      expect.arrayContaining(['github-pat', 'slack-bot-token', 'slack-webhook-url']),
    );
    expect(selected).not.toContain('aws-access-key-id');
    // Rules without keywords (found by structure alone) are always selected.
    const expected = builtinRules.filter(
      (rule) =>
        rule.keywords.length === 0 ||
        rule.keywords.some((k) =>
          'const t = "ghp_"; // xoxb- and hooks.slack.com'.toLowerCase().includes(k),
        ),
    );
    expect(selected).toEqual(expected.map((rule) => rule.id));
  });

  it('selects the same rules with one regular expression (small scans) as with the automaton (large ones)', () => {
    const keywords = [...new Set(builtinRules.flatMap((rule) => rule.keywords))];
    const fake = createFake(7);
    // Texts of keywords in mixed case, cut keywords and noise: each text is a fresh start
    // for one prefilter and the thousandth text for another.
    const texts = Array.from({ length: 300 }, () =>
      Array.from({ length: 6 }, () => {
        const keyword = fake.pick(keywords);
        const cased = [...keyword]
          .map((c) => (fake.pick([true, false]) ? c.toUpperCase() : c))
          .join('');
        return fake.pick([cased, cased.slice(1), fake.string('abcXYZ_-. 019', 8)]);
      }).join(fake.pick([' ', '', '\n', '"'])),
    );
    const byExpression = createPrefilter(builtinRules, { automatonAfter: Infinity });
    const byAutomaton = createPrefilter(builtinRules, { automatonAfter: 0 });
    const ids = (rules: readonly { id: string }[]) => rules.map((rule) => rule.id);
    for (const text of texts)
      expect(ids(byExpression.select(text))).toEqual(ids(byAutomaton.select(text)));
    // Past the limit the prefilter builds its automaton, same answers.
    const switching = createPrefilter(builtinRules, { automatonAfter: 2_000 });
    for (const text of texts)
      expect(ids(switching.select(text))).toEqual(ids(byAutomaton.select(text)));
  });

  it('records where every keyword starts, as a search of the lower-cased text finds them, either way', () => {
    const keywords = [...new Set(builtinRules.flatMap((rule) => rule.keywords))];
    const fake = createFake(8);
    // Keywords in mixed case, overlapping and nested, cut, and with the Kelvin sign (whose
    // lower case is "k") standing for a "k".
    const texts = Array.from({ length: 200 }, () =>
      Array.from({ length: 8 }, () => {
        const keyword = fake.pick(keywords);
        const cased = [...keyword]
          .map((c) => (c === 'k' && fake.pick([true, false, false]) ? '\u212a' : c))
          .map((c) => (fake.pick([true, false]) ? c.toUpperCase() : c))
          .join('');
        return fake.pick([cased, cased.slice(1), `${cased}${fake.pick(keywords)}`]);
      }).join(fake.pick([' ', '', '\n', '"'])),
    );
    /** Every start of every keyword in the text lower-cased, by keyword. */
    const expected = (text: string) => {
      const lower = text.toLowerCase();
      const starts = new Map<string, number[]>();
      for (const keyword of keywords)
        for (let at = lower.indexOf(keyword); at !== -1; at = lower.indexOf(keyword, at + 1))
          starts.set(keyword, [...(starts.get(keyword) ?? []), at]);
      return starts;
    };
    const sorted = (starts: Map<string, number[]>) => new Map([...starts].sort());
    for (const automatonAfter of [Infinity, 0]) {
      const prefilter = createPrefilter(builtinRules, { automatonAfter });
      for (const text of texts) {
        const starts = new Map<string, number[]>();
        prefilter.select(text, undefined, starts);
        expect(sorted(starts)).toEqual(sorted(expected(text)));
      }
    }
    expect(texts.some((text) => text.includes('\u212a'))).toBe(true);
  });

  it('selects the rules without keywords, and only those, when no rule has one', () => {
    const bare = builtinRules.filter((rule) => rule.keywords.length === 0);
    expect(bare.length).toBeGreaterThan(0);
    const prefilter = createPrefilter(bare);
    expect(prefilter.select('ghp_ xoxb- AKIA '.repeat(1000))).toEqual(bare);
  });

  it('finds overlapping and nested keywords in one pass', () => {
    const prefilter = createPrefilter(builtinRules);
    const text = 'xoxe.xoxp-1-';
    const expected = builtinRules
      .filter((rule) => rule.keywords.length === 0 || rule.keywords.some((k) => text.includes(k)))
      .map((rule) => rule.id);
    expect(prefilter.select(text).map((rule) => rule.id)).toEqual(expected);
    expect(expected).toContain('slack-config-token');
  });
});

describe('line-scoped rules', () => {
  it('still see their keyword after characters whose lower case is longer (İ)', () => {
    const line = `DATADOG_API_KEY=${fake.hex(32)}`;
    const plain = createEngine()
      .scan({ subject: 'content', path: 'f', text: `${line}\n` })
      .map((f) => f.ruleId);
    expect(plain.length).toBeGreaterThan(0);
    expect(
      createEngine()
        .scan({ subject: 'content', path: 'f', text: `# ${'İ'.repeat(20)}\n${line}\n` })
        .map((f) => f.ruleId),
    ).toEqual(plain);
  });
});

describe('rules whose keywords are names', () => {
  const rule = defineRule({
    id: 'acme-uuid-key',
    title: 'Acme key',
    keywords: ['acm'],
    wordKeywords: true,
    pattern: /\bK-[0-9]{6}\b/,
  });
  const found = (text: string) =>
    createEngine({ rules: [rule] })
      .scan({ subject: 'content', path: 'f', text })
      .map((f) => f.ruleId);

  it('run where the name starts a word (after a non-alphanumeric, or lower-to-upper case)', () => {
    for (const text of ['acm key K-493817', 'x=ACM_KEY\nv: K-493817', 'myAcmKey: K-493817'])
      expect(found(text), text).toEqual(['acme-uuid-key']);
  });

  it('are not a weak prefilter, however short', () => {
    expect(weakPrefilter(rule)).toBeUndefined();
    expect(weakPrefilter({ ...rule, wordKeywords: false })).toMatch(/short keyword "acm"/);
  });

  it('do not run where the name occurs inside a word (random base64, other words)', () => {
    for (const text of ['q7zacmWx K-493817', 'XACMQ K-493817'])
      expect(found(text), text).toEqual([]);
  });
});

describe('rules paired with another', () => {
  it('see the candidates of the rule they pair with, judged once', () => {
    let judged = 0;
    const id = defineRule({
      id: 'acme-key-id',
      title: 'Acme key id',
      keywords: ['acmeid'],
      pattern: /\bACMEID[0-9]{6}\b/,
      check: () => (judged++, true),
    });
    const secret = defineRule({
      id: 'acme-key-secret',
      title: 'Acme key secret',
      keywords: ['secret'],
      pattern: /\bS-[0-9]{8}\b/,
      check: { near: { rule: 'acme-key-id', withinLines: 1 } },
    });
    const findings = createEngine({ rules: [id, secret] }).scan({
      subject: 'content',
      path: 'f',
      text: 'id: ACMEID493817\nsecret: S-73920561\n',
    });
    expect(findings.map((f) => f.ruleId)).toEqual(['acme-key-id', 'acme-key-secret']);
    expect(judged).toBe(1);
  });
});
