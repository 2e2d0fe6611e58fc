// Aho–Corasick: every occurrence of any of many patterns in one linear pass, whatever
// the number of patterns. Used for terms that opt into substring matching; the caller
// feeds it one unit at a time (see matchSubstrings).

export interface AhoCorasick<T> {
  /** The state after reading `unit` in `state` (0 is the start). */
  step(state: number, unit: number): number;
  /** Length of the longest pattern. */
  readonly longest: number;
  /** The patterns that end in `state`. */
  outputs(state: number): readonly { length: number; value: T }[];
}

export function createAhoCorasick<T>(patterns: readonly { pattern: string; value: T }[]): AhoCorasick<T> {
  const next: Map<number, number>[] = [new Map()];
  const fail: number[] = [0];
  const outputs: { length: number; value: T }[][] = [[]];
  for (const { pattern, value } of patterns) {
    if (pattern === '') continue;
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let child = next[node]!.get(c);
      if (child === undefined) {
        child = next.length;
        next.push(new Map());
        fail.push(0);
        outputs.push([]);
        next[node]!.set(c, child);
      }
      node = child;
    }
    outputs[node]!.push({ length: pattern.length, value });
  }
  // Breadth-first: each node's failure link is the longest proper suffix that is also a prefix.
  const queue = [...next[0]!.values()];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q]!;
    for (const [c, child] of next[node]!) {
      let f = fail[node]!;
      while (f !== 0 && !next[f]!.has(c)) f = fail[f]!;
      const target = next[f]!.get(c);
      fail[child] = target !== undefined && target !== child ? target : 0;
      outputs[child]!.push(...outputs[fail[child]!]!);
      queue.push(child);
    }
  }
  // Most units start no pattern: a table answers for the start state and ASCII.
  const fromStart = new Int32Array(128).map((_, unit) => next[0]!.get(unit) ?? 0);
  const step = (state: number, unit: number): number => {
    if (state === 0 && unit < 128) return fromStart[unit]!;
    let node = state;
    while (node !== 0 && !next[node]!.has(unit)) node = fail[node]!;
    return next[node]!.get(unit) ?? 0;
  };
  return {
    longest: patterns.reduce((longest, { pattern }) => Math.max(longest, pattern.length), 1),
    step,
    outputs: (state) => outputs[state]!,
  };
}
