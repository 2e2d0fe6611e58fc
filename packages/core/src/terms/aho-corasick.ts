// Aho–Corasick: every occurrence of any of many patterns in one linear pass, whatever
// the number of patterns. Used for terms that opt into substring matching.

export interface PatternMatch<T> {
  start: number;
  /** Offset just after the match. */
  end: number;
  value: T;
}

export interface AhoCorasick<T> {
  search(text: string): PatternMatch<T>[];
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
  return {
    search(text) {
      const found: PatternMatch<T>[] = [];
      let node = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        while (node !== 0 && !next[node]!.has(c)) node = fail[node]!;
        node = next[node]!.get(c) ?? 0;
        for (const out of outputs[node]!) found.push({ start: i + 1 - out.length, end: i + 1, value: out.value });
      }
      return found;
    },
  };
}
