import { describe, expect, it } from 'vitest';
import type { Term } from '../types.js';
import { createTermMatcher, prefilterSource, withPrefilter } from './match.js';
import { foldedWords } from './tokenize.js';

const term = (id: string, text: string, extra: Partial<Term> = {}): Term => ({
  id,
  words: foldedWords(text),
  severity: 'high',
  source: `test#${id}`,
  ...extra,
});

const matcher = createTermMatcher([
  term('CN-1', 'Mythos'),
  term('CN-2', 'Project Halcyon'),
  term('CN-3', 'Halcyon Two'),
  term('CN-4', 'GPT-5o'),
  term('CN-5', 'Kestrel', { leet: true }),
  term('CN-6', 'zephyr', { substring: true }),
  term('CN-7', 'Aurora', { aliases: [foldedWords('Dawn Model')] }),
  term('CN-8', '天河'),
]);

/** `[id, matched text]` of every match in `text`. */
const found = (text: string) =>
  matcher.match(text).map((m) => [m.term.id, text.slice(m.start, m.end)]);
const ids = (text: string) => matcher.match(text).map((m) => m.term.id);

describe('term matching', () => {
  it.each([
    ['The MYTHOS launch', 'MYTHOS'],
    ['const mythosModel = 1', 'mythos'],
    ['MythosModel', 'Mythos'],
    ['MYTHOS_ENABLED=1', 'MYTHOS'],
    ['mythos-serving', 'mythos'],
    ['docs/mythos/plan.md', 'mythos'],
    ['pkg.mythos.client', 'mythos'],
    ['refs/heads/feature/mythos-eval', 'mythos'],
    ['useMythos2()', 'Mythos'],
    ['HTTPMythosServer', 'Mythos'],
    ["Mythos's release", 'Mythos'],
    ['Mythos’ release', 'Mythos'],
    ['all the Mythoses', 'Mythoses'],
  ])('matches Mythos in %j', (text, matched) => {
    expect(found(text)).toEqual([['CN-1', matched]]);
  });

  it('reports each occurrence', () => {
    expect(found('mythos, Mythos.')).toEqual([
      ['CN-1', 'mythos'],
      ['CN-1', 'Mythos'],
    ]);
  });

  it.each(['mythology', 'mythosphere', 'Mythological', 'my thos', 'demythosize', 'mytho'])(
    'does not match Mythos in %j',
    (text) => {
      expect(ids(text)).toEqual([]);
    },
  );

  it.each([
    ['Project Halcyon', 'Project Halcyon'],
    ['project-halcyon', 'project-halcyon'],
    ['ProjectHalcyon', 'ProjectHalcyon'],
    ['projecthalcyon', 'projecthalcyon'],
    ['PROJECT_HALCYON', 'PROJECT_HALCYON'],
    ['the project\n   halcyon plan', 'project\n   halcyon'],
    ['projectHalcyons', 'projectHalcyons'],
  ])('matches a multi-word term across separators and joined: %j', (text, matched) => {
    expect(found(text)).toEqual([['CN-2', matched]]);
  });

  it('does not match a multi-word term with words in between or in another order', () => {
    expect(ids('project other halcyon')).toEqual([]);
    expect(ids('halcyon project')).toEqual([]);
    expect(ids('projecthal cyon')).toEqual([]);
  });

  it('reports overlapping terms each, so neither can be waved through by allowing the other', () => {
    expect(found('Project Halcyon Two')).toEqual([
      ['CN-2', 'Project Halcyon'],
      ['CN-3', 'Halcyon Two'],
    ]);
    expect(found('the halcyon two')).toEqual([['CN-3', 'halcyon two']]);
  });

  it('splits letters from digits in terms and text alike', () => {
    expect(found('deploy gpt5o now')).toEqual([['CN-4', 'gpt5o']]);
    expect(found('GPT-5o')).toEqual([['CN-4', 'GPT-5o']]);
    expect(found('gpt_5_o')).toEqual([['CN-4', 'gpt_5_o']]);
    expect(ids('gpt-4o')).toEqual([]);
  });

  it('folds NFKC: full-width and mathematical letters, ligatures', () => {
    expect(ids('Ｍｙｔｈｏｓ')).toEqual(['CN-1']);
    expect(ids('𝐌𝐲𝐭𝐡𝐨𝐬')).toEqual(['CN-1']);
    expect(ids('ℳythos')).toEqual(['CN-1']);
    expect(ids('zephyr')).toEqual(['CN-6']);
    expect(ids('ﬁle mythos')).toEqual(['CN-1']);
  });

  it('folds Cyrillic and Greek look-alikes', () => {
    expect(ids('Муthоs')).toEqual(['CN-1']); // Cyrillic М у о
    expect(ids('ΜΥΤΗΟS')).toEqual(['CN-1']); // Greek capitals
    expect(ids('mуthοs')).toEqual(['CN-1']); // Cyrillic у, Greek ο
  });

  it('removes zero-width and bidi control characters, and diacritics', () => {
    expect(found('My\u200bthos')).toEqual([['CN-1', 'My\u200bthos']]);
    expect(ids('my\u200dth\u2060os')).toEqual(['CN-1']);
    expect(ids('\u202emythos\u202c')).toEqual(['CN-1']);
    expect(ids('myth\u00ados')).toEqual(['CN-1']);
    expect(ids('Mýthös')).toEqual(['CN-1']);
    expect(ids('Myth\u0301os')).toEqual(['CN-1']);
    expect(ids('mythos\u{e0041}')).toEqual(['CN-1']);
  });

  it('matches leetspeak only for terms that opt in', () => {
    expect(found('k3str3l')).toEqual([['CN-5', 'k3str3l']]);
    expect(found('K3STR3L_ENABLED')).toEqual([['CN-5', 'K3STR3L']]);
    expect(ids('kestre1')).toEqual(['CN-5']);
    expect(ids('user@kestrel.example')).toEqual(['CN-5']);
    expect(ids('myth0s')).toEqual([]);
  });

  it('reads a leet character by the case of the letter after it (H4lcyon is one word)', () => {
    expect(found('K3strel')).toEqual([['CN-5', 'K3strel']]);
    expect(found('new K3str3lModel')).toEqual([['CN-5', 'K3str3l']]);
  });

  it('matches a substring term inside longer words, other terms only as words', () => {
    expect(found('ZephyrusModel')).toEqual([['CN-6', 'Zephyr']]);
    expect(found('x_zephyr_y')).toEqual([['CN-6', 'zephyr']]);
    expect(found('a prezephyred b')).toEqual([['CN-6', 'zephyr']]);
  });

  it('finds every substring term in one pass, across partial matches', () => {
    const many = createTermMatcher([
      term('S1', 'aab', { substring: true }),
      term('S2', 'nixon', { substring: true }),
      term('S3', 'xonic', { substring: true }),
    ]);
    const spans = (text: string) =>
      many.match(text).map((m) => [m.term.id, text.slice(m.start, m.end)]);
    expect(spans('xaaab')).toEqual([['S1', 'aab']]);
    expect(spans('phoenixonic')).toEqual([
      ['S2', 'nixon'],
      ['S3', 'xonic'],
    ]);
    expect(spans('Phoe-xonic')).toEqual([['S3', 'xonic']]);
    expect(spans('ni-xon')).toEqual([]);
  });

  it('matches aliases as the term', () => {
    expect(found('Aurora and the dawn-model')).toEqual([
      ['CN-7', 'Aurora'],
      ['CN-7', 'dawn-model'],
    ]);
  });

  it('treats each character of scripts without spaces as a word', () => {
    expect(found('我们的天河计划')).toEqual([['CN-8', '天河']]);
    expect(found('Mythos发布')).toEqual([['CN-1', 'Mythos']]);
  });

  it('lets the caller drop terms (lifted, out of scope)', () => {
    expect(
      matcher.match('Mythos and Project Halcyon', (t) => t.id !== 'CN-1').map((m) => m.term.id),
    ).toEqual(['CN-2']);
    // A dropped longer term leaves the shorter one it overlaps.
    expect(
      matcher.match('Project Halcyon Two', (t) => t.id !== 'CN-2').map((m) => m.term.id),
    ).toEqual(['CN-3']);
  });

  it('says how each match came about', () => {
    const via = (text: string) => matcher.match(text).map((m) => m.via);
    expect(via('Mythos projecthalcyon Mythoses dawn model zephyrus')).toEqual([
      'exact',
      'joined',
      'plural',
      'alias',
      'substring',
    ]);
    expect(matcher.match('k3strel')[0]?.leet).toBe(true);
  });
});

describe('the prefilter of short lists', () => {
  const regex = (normal: string[], leet: string[] = []) =>
    new RegExp(prefilterSource({ normal, leet })!);

  it('finds a needle in an ASCII text however it is spelled, in its view', () => {
    const normal = regex(['halcyon', 'gpt5o']);
    for (const text of ['HALCYON', 'xhalcyonx', 'ProjectHalcyon', 'GPT5o', 'gpt5O'])
      expect(normal.test(text)).toBe(true);
    for (const text of ['halcyo n', 'h4lcyon', 'gpt-5o', 'mythos'])
      expect(normal.test(text)).toBe(false);
    const leet = regex([], ['kestrei', 'haicyon']);
    for (const text of ['K3STR3L', 'k3$tre1', 'kestrel', 'H4LCY0N', 'h@|cy0n'])
      expect(leet.test(text)).toBe(true);
    expect(leet.test('halcyo')).toBe(false);
  });

  it('rules out what no ASCII text holds, and gives up on long lists', () => {
    expect(prefilterSource({ normal: ['天河', 'café'], leet: ['haicyon'.replace('c', 'ç')] })).toBe(
      '(?!)',
    );
    const many = Array.from({ length: 600 }, (_, i) => `word${i}`);
    expect(prefilterSource({ normal: many, leet: [] })).toBeUndefined();
  });

  it('leaves every match as it was: an ASCII text is matched as the same text with one more character', () => {
    let matched = 0;
    let empty = 0;
    const words = [
      'mythos',
      'Project',
      'HALCYON',
      'Two',
      'gpt-5o',
      'k3str3l',
      'xzephyrx',
      'Aurora',
    ];
    const more = ['Dawn', 'model', 'mythic', 'halcy', 'kestre1', 'zeph', 'the', 'a1', 'l33t'];
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let k = 0, n = 1 + (i % 7); k < n; k++) {
        const pool = (i * 7 + k * 13) % 5 === 0 ? words : more;
        text +=
          pool[(i * 31 + k * 17) % pool.length]! + [' ', '', '_', '-', '.', '\n'][(i + k) % 6]!;
      }
      // A non-ASCII separator at the end: the text is then matched without the prefilter.
      const expected = found(`${text}\n\u00a0`);
      expect(found(text)).toEqual(expected);
      if (expected.length > 0) matched++;
      else empty++;
    }
    expect(matched).toBeGreaterThan(300);
    expect(empty).toBeGreaterThan(300);
  });
});

describe('a matcher with a prefilter', () => {
  it('makes it once, also when a long list has none', () => {
    let made = 0;
    const match = withPrefilter(
      () => {
        made++;
        return undefined;
      },
      () => [],
    );
    for (const text of ['one', 'two', 'three']) match(text);
    expect(made).toBe(1);
  });
});
