import { describe, expect, it } from 'vitest';
import {
  ahoCorasickTables,
  createAhoCorasick,
  loadAhoCorasick,
  storedAhoCorasick,
  type AhoCorasick,
} from './aho-corasick.js';
import { createFake } from './fake.js';

/** Every [end offset, pattern index] reported by stepping through `text`. */
function occurrences(ac: AhoCorasick, text: string): [number, number][] {
  const found: [number, number][] = [];
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    state = ac.step(state, text.charCodeAt(i));
    for (const k of ac.outputs(state)) found.push([i + 1, k]);
  }
  return found;
}

/** The same, the slow way. */
function naive(patterns: readonly string[], text: string): [number, number][] {
  const found: [number, number][] = [];
  for (let end = 1; end <= text.length; end++) {
    const matching = patterns.flatMap((pattern, k) =>
      pattern !== '' && text.slice(0, end).endsWith(pattern) ? [k] : [],
    );
    matching.sort((a, b) => patterns[b]!.length - patterns[a]!.length);
    for (const k of matching) found.push([end, k]);
  }
  return found;
}

describe('Aho–Corasick', () => {
  const patterns = ['he', 'she', 'his', 'hers', '', 'xyz'];

  it('reports every occurrence of every pattern, overlapping ones too, longest first', () => {
    const ac = createAhoCorasick(patterns);
    expect(occurrences(ac, 'ushers said his hershey')).toEqual(
      naive(patterns, 'ushers said his hershey'),
    );
    expect(occurrences(ac, 'ushers')).toEqual([
      [4, 1],
      [4, 0],
      [6, 3],
    ]);
    expect(ac.longest).toBe(4);
  });

  it('tells in one pass which patterns occur', () => {
    const ac = createAhoCorasick(patterns);
    expect([...ac.find('ushers')]).toEqual([1, 1, 0, 1, 0, 0]);
    expect([...ac.find('')]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('answers the same without a full table, for patterns over a wide alphabet', () => {
    // 400 patterns of 12 characters drawn from 6,000: far more states × characters than a table may hold.
    const fake = createFake(8);
    const wide = Array.from({ length: 6000 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    const many = Array.from({ length: 400 }, () => fake.string(wide, 12));
    const text = [
      many[3]!,
      fake.string(wide, 50),
      many[7]!.slice(0, 6),
      many[7]!,
      many[3]!.slice(4),
    ].join(' ');
    const ac = createAhoCorasick(many);
    expect(occurrences(ac, text)).toEqual(naive(many, text));
    const found = ac.find(text);
    expect(many.filter((_, k) => found[k] === 1)).toEqual(
      many.filter((pattern) => text.includes(pattern)),
    );
    expect(found.reduce((sum, bit) => sum + bit, 0)).toBe(2);
  });
});

describe('stored tables', () => {
  it('are the automaton: stepping through them finds every occurrence', () => {
    const fake = createFake(77);
    const patterns = Array.from({ length: 60 }, () =>
      fake.string('abcé', 1 + (fake.digits(1).charCodeAt(0) % 5)),
    );
    const tables = ahoCorasickTables(patterns)!;
    const classOf = new Map<number, number>();
    for (let i = 0; i < tables.units.length; i += 2)
      classOf.set(tables.units[i]!, tables.units[i + 1]!);
    const built = createAhoCorasick(patterns);
    for (let i = 0; i < 50; i++) {
      const text = fake.string('abcéd', 40);
      const found: [number, number][] = [];
      let state = 0;
      for (let at = 0; at < text.length; at++) {
        state = tables.table[state * tables.classes + (classOf.get(text.charCodeAt(at)) ?? 0)]!;
        const outputs = tables.outputs.subarray(
          tables.outputStarts[state],
          tables.outputStarts[state + 1],
        );
        for (const k of outputs) found.push([at + 1, k]);
      }
      expect(found).toEqual(naive(patterns, text));
      expect(found).toEqual(occurrences(built, text));
    }
    expect(tables.longest).toBe(built.longest);
    expect(tables.count).toBe(patterns.length);
  });
});

describe('case folding and every occurrence', () => {
  it('matches lower-case patterns in any case, and reports each occurrence where it ends', () => {
    const ac = createAhoCorasick(['ghp_', 'key', 'ключ'], { foldCase: true });
    const seen: [number, number][] = [];
    ac.each('GHP_x Key КЛЮЧ key', (k, end) => seen.push([k, end]));
    expect(seen).toEqual([
      [0, 4],
      [1, 9],
      [2, 14],
      [1, 18],
    ]);
    expect([...createAhoCorasick(['key']).find('KEY')]).toEqual([0]);
  });
});

describe('a stored automaton', () => {
  it('is the automaton it stored: the same occurrences, folded or not, by each and by step', () => {
    const fake = createFake(31);
    for (const foldCase of [false, true]) {
      const patterns = [
        ...Array.from({ length: 80 }, () =>
          fake.string('abcé_-', 1 + (fake.digits(1).charCodeAt(0) % 6)),
        ),
        'ключ',
        '',
      ];
      const built = createAhoCorasick(patterns, { foldCase });
      const loaded = loadAhoCorasick(storedAhoCorasick(patterns, { foldCase })!, patterns)!;
      expect(loaded.longest).toBe(built.longest);
      for (let i = 0; i < 40; i++) {
        const text = `${fake.string('abcéABCÉ_-x ', 60)} КЛЮЧ ${fake.string('abcé', 10)}`;
        const each = (ac: AhoCorasick) => {
          const seen: [number, number][] = [];
          ac.each(text, (k, end) => seen.push([k, end]));
          return seen;
        };
        expect(each(loaded)).toEqual(each(built));
        expect([...loaded.find(text)]).toEqual([...built.find(text)]);
        expect(occurrences(loaded, text)).toEqual(occurrences(built, text));
        if (!foldCase) expect(occurrences(loaded, text)).toEqual(naive(patterns, text));
      }
    }
  });

  it('is refused when it is none, of other patterns, or written in the other byte order', () => {
    const patterns = ['key', 'token'];
    const stored = storedAhoCorasick(patterns)!;
    expect(loadAhoCorasick(stored, patterns)).toBeDefined();
    expect(loadAhoCorasick(new Int32Array([1, 2, 3]), patterns)).toBeUndefined();
    expect(loadAhoCorasick(stored, ['key', 'tokeN'])).toBeUndefined();
    expect(loadAhoCorasick(stored, ['key'])).toBeUndefined();
    expect(loadAhoCorasick(stored, ['key', 'token', 'secret'])).toBeUndefined();
    const swapped = new Int32Array(stored.length);
    const view = new DataView(swapped.buffer);
    stored.forEach((value, i) => view.setInt32(i * 4, value, !isLittleEndian()));
    expect(loadAhoCorasick(swapped, patterns)).toBeUndefined();
  });
});

function isLittleEndian(): boolean {
  return new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
}
