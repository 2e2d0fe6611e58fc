// Aho–Corasick: every occurrence of any of many patterns in one linear pass, whatever
// the number of patterns. One automaton serves the rules' keyword prefilter (`find`: which
// keywords occur in a text) and substring terms (`step` and `outputs`: the caller feeds
// it one folded unit at a time).
//
// Characters that occur in no pattern share one class, so the full transition table
// holds states × (distinct pattern characters + 1) entries: one array read per character.
// A table that would outgrow TABLE_LIMIT (a long list of terms in many scripts) is not
// built; transitions then follow failure links through the trie, linear all the same.

/** Most entries (4 bytes each) of a transition table: 16 MiB. */
const TABLE_LIMIT = 4 * 1024 * 1024;

const NO_OUTPUTS: readonly number[] = [];

export interface AhoCorasick {
  /** The state after reading `unit` (a UTF-16 code unit) in `state`; 0 is the start. */
  step(state: number, unit: number): number;
  /** Indices of the patterns that end in `state`, longest first. */
  outputs(state: number): readonly number[];
  /** Length of the longest pattern (at least 1). */
  readonly longest: number;
  /** found[i] is 1 when pattern i occurs in `text`. */
  find(text: string): Uint8Array;
}

/** An automaton for `patterns`; an empty pattern matches nothing. */
export function createAhoCorasick(patterns: readonly string[]): AhoCorasick {
  // Character classes: 0 for any character in no pattern, 1..n for the others.
  const classOf = new Uint16Array(65536);
  let classes = 1;
  for (const pattern of patterns) {
    for (let i = 0; i < pattern.length; i++) if (classOf[pattern.charCodeAt(i)] === 0) classOf[pattern.charCodeAt(i)] = classes++;
  }

  // The trie over classes.
  const children: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  for (const [k, pattern] of patterns.entries()) {
    if (pattern === '') continue;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = classOf[pattern.charCodeAt(i)]!;
      let next = children[state]!.get(c);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        own.push([]);
        children[state]!.set(c, next);
      }
      state = next;
    }
    own[state]!.push(k);
  }
  const states = children.length;

  // Failure links breadth-first (each state's is the longest proper suffix that is also a
  // prefix), and each state's outputs: its own, then its failure state's.
  const fail = new Int32Array(states);
  const outputs: (readonly number[])[] = new Array(states);
  outputs[0] = NO_OUTPUTS;
  const order = [...children[0]!.values()];
  for (let head = 0; head < order.length; head++) {
    const state = order[head]!;
    const inherited = outputs[fail[state]!]!;
    outputs[state] = own[state]!.length === 0 ? inherited : [...own[state]!, ...inherited];
    for (const [c, next] of children[state]!) {
      let f = fail[state]!;
      while (f !== 0 && !children[f]!.has(c)) f = fail[f]!;
      fail[next] = children[f]!.get(c) ?? 0;
      order.push(next);
    }
  }
  const accepting = new Uint8Array(states);
  for (let state = 0; state < states; state++) accepting[state] = outputs[state]!.length > 0 ? 1 : 0;

  const table = states * classes <= TABLE_LIMIT ? transitionTable(children, fail, order, classes) : undefined;

  // Only what the chosen transitions need is kept: the trie goes once the table exists.
  const step = table ? tableStep(table, classes, classOf) : trieStep(children, fail, classOf);
  const count = patterns.length;
  return {
    step,
    outputs: (state) => outputs[state]!,
    longest: patterns.reduce((longest, pattern) => Math.max(longest, pattern.length), 1),
    find(text) {
      const found = new Uint8Array(count);
      let state = 0;
      if (table) {
        for (let i = 0; i < text.length; i++) {
          state = table[state * classes + classOf[text.charCodeAt(i)]!]!;
          if (accepting[state] === 1) for (const k of outputs[state]!) found[k] = 1;
        }
      } else {
        for (let i = 0; i < text.length; i++) {
          state = step(state, text.charCodeAt(i));
          if (accepting[state] === 1) for (const k of outputs[state]!) found[k] = 1;
        }
      }
      return found;
    },
  };
}

/** The full transition table, filled breadth-first (`order`) so that a failure state's row is ready. */
function transitionTable(children: readonly Map<number, number>[], fail: Int32Array, order: readonly number[], classes: number): Int32Array {
  const table = new Int32Array(children.length * classes);
  for (const [c, next] of children[0]!) table[c] = next;
  for (const state of order) {
    const row = state * classes;
    table.copyWithin(row, fail[state]! * classes, fail[state]! * classes + classes);
    for (const [c, next] of children[state]!) table[row + c] = next;
  }
  return table;
}

function tableStep(table: Int32Array, classes: number, classOf: Uint16Array): (state: number, unit: number) => number {
  return (state, unit) => table[state * classes + classOf[unit]!]!;
}

function trieStep(children: readonly Map<number, number>[], fail: Int32Array, classOf: Uint16Array): (state: number, unit: number) => number {
  return (state, unit) => {
    const c = classOf[unit]!;
    if (c === 0) return 0;
    for (let node = state; ; node = fail[node]!) {
      const next = children[node]!.get(c);
      if (next !== undefined) return next;
      if (node === 0) return 0;
    }
  };
}
