// Aho–Corasick: every occurrence of any of many patterns in one linear pass, whatever
// the number of patterns. One automaton serves the rules' keyword prefilter (`find`: which
// keywords occur in a text) and substring terms (`step` and `outputs`: the caller feeds
// it one folded unit at a time).
//
// Characters that occur in no pattern share one class, so the full transition table
// holds states × (distinct pattern characters + 1) entries: one array read per character.
// A table that could outgrow TABLE_LIMIT (a long list of terms in many scripts) is not
// built; transitions then follow failure links through a trie, linear all the same.

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
  /** Calls `visit(pattern, end)` for every occurrence, in order of `end` (just after its last unit). */
  each(text: string, visit: (pattern: number, end: number) => void): void;
}

export interface AhoCorasickOptions {
  /**
   * Also match each pattern character's upper-case form (one code unit): lower-case
   * patterns then match text in any case, with no lower-cased copy of the text.
   */
  foldCase?: boolean;
}

/** The transitions and outputs of an automaton, however its transitions are stored. */
interface Machine {
  step: (state: number, unit: number) => number;
  /** The full table, when there is one: state × class -> state. */
  table?: Int32Array;
  /** By state: the patterns that end there, its own first, then its failure state's. */
  outputs: (readonly number[])[];
  /** With a table: every state but the start, breadth-first. */
  order?: readonly number[];
}

/** Character classes: 0 for any character in no pattern, 1..n for the others (see `AhoCorasickOptions.foldCase`). */
function classesOf(
  patterns: readonly string[],
  foldCase = false,
): {
  classOf: Uint16Array;
  classes: number;
  units: number;
} {
  const classOf = new Uint16Array(65536);
  /** The patterns' distinct units, in order of first appearance (classes 1, 2, …). */
  const seen: number[] = [];
  let units = 0;
  for (const pattern of patterns) {
    units += pattern.length;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      if (classOf[unit] === 0) {
        seen.push(unit);
        classOf[unit] = seen.length;
      }
    }
  }
  if (foldCase) {
    // In the order of the units, as a walk of all 65,536 of them would meet them (a few
    // dozen units to look at, not 65,536: a hook builds the keywords' automaton each run).
    for (const unit of [...seen].sort((a, b) => a - b)) {
      const upper = String.fromCharCode(unit).toUpperCase();
      if (upper.length === 1 && classOf[upper.charCodeAt(0)] === 0)
        classOf[upper.charCodeAt(0)] = classOf[unit]!;
    }
  }
  const classes = seen.length + 1;
  return { classOf, classes, units };
}

/** An automaton for `patterns`; an empty pattern matches nothing. */
export function createAhoCorasick(
  patterns: readonly string[],
  options: AhoCorasickOptions = {},
): AhoCorasick {
  const { classOf, classes, units } = classesOf(patterns, options.foldCase);
  // A trie has at most one state per unit of its patterns, and the start state.
  const machine =
    (units + 1) * classes <= TABLE_LIMIT
      ? tableMachine(patterns, classOf, classes, units + 1)
      : trieMachine(patterns, classOf);
  return automaton(machine, classOf, classes, patterns.length, longestOf(patterns));
}

/** Length of the longest of `patterns` (at least 1). */
function longestOf(patterns: readonly string[]): number {
  return patterns.reduce((longest, pattern) => Math.max(longest, pattern.length), 1);
}

/** By state: 1 where a pattern ends. */
function acceptingOf(outputs: readonly (readonly number[])[]): Uint8Array {
  return Uint8Array.from(outputs, (out) => (out.length > 0 ? 1 : 0));
}

/** Each unit that has a class, and its class, in pairs. */
function classPairs(classOf: Uint16Array): number[] {
  const pairs: number[] = [];
  classOf.forEach((c, unit) => {
    if (c !== 0) pairs.push(unit, c);
  });
  return pairs;
}

/** Lists as one array: list i is `flat[starts[i] .. starts[i + 1]]`. */
function flattened(lists: readonly (readonly number[])[]): {
  starts: Int32Array;
  flat: Int32Array;
} {
  const starts = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (starts[i + 1] = starts[i]! + list.length));
  return { starts, flat: Int32Array.from(lists.flat()) };
}

function automaton(
  { step, table, outputs: outputsByState, order }: Machine,
  classOf: Uint16Array,
  classes: number,
  count: number,
  longest: number,
): AhoCorasick {
  const accepting = acceptingOf(outputsByState);
  const outputs = (state: number): readonly number[] => outputsByState[state]!;
  let walk: ((text: string, visit: (pattern: number, end: number) => void) => void) | undefined;
  const each = (text: string, visit: (pattern: number, end: number) => void): void => {
    // A table comes with its breadth-first order (tableMachine).
    if (table && order) {
      walk ??= walkEach(walkOf(table, outputsByState, accepting, order, classes), classOf, classes);
      walk(text, visit);
      return;
    }
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = step(state, text.charCodeAt(i));
      if (accepting[state] === 1) for (const k of outputs(state)) visit(k, i + 1);
    }
  };
  return withEach(step, outputs, longest, count, each);
}

/** The automaton's interface around its `each`. */
function withEach(
  step: AhoCorasick['step'],
  outputs: AhoCorasick['outputs'],
  longest: number,
  count: number,
  each: AhoCorasick['each'],
): AhoCorasick {
  return {
    step,
    outputs,
    longest,
    find(text) {
      const found = new Uint8Array(count);
      each(text, (k) => (found[k] = 1));
      return found;
    },
    each,
  };
}

/** `each` over a walk table: the row offset of the state, not its number: one read per unit, no multiplication. */
function walkEach(
  { rows, rowOutputs }: Walk,
  classOf: Uint16Array,
  classes: number,
): AhoCorasick['each'] {
  return (text, visit) => {
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const entry = rows[row + classOf[text.charCodeAt(i)]!]!;
      row = entry >> 1;
      if ((entry & 1) === 1) for (const k of rowOutputs[row / classes]!) visit(k, i + 1);
    }
  };
}

/** The transition table as `each` reads it (see `walkOf`). */
interface Walk {
  rows: Int32Array;
  /** By row (state number in `rows`): the patterns that end there. */
  rowOutputs: (readonly number[])[];
}

/**
 * The transition table as `each` reads it, built on the first `each` (an automaton that
 * only `step`s, as substring terms do, never pays for it):
 * - each entry is the next state's row offset (row × classes), doubled, plus 1 when a
 *   pattern ends there: one table read per unit, with no multiplication and no second
 *   array for acceptance (~1.7× the speed of the plain table where several automata share
 *   the code, as the engine's prefilter and term lists do). Entries stay below
 *   2 × TABLE_LIMIT.
 * - the rows are numbered breadth-first (`order`). Insertion numbers scatter the shallow
 *   states, which a text visits at almost every unit, over the whole table; breadth-first
 *   they share its first rows, which stay in the processor's cache while the engine reads
 *   a text between its other work. The table itself keeps insertion order, which a stored
 *   automaton (`ahoCorasickTables`) needs: there a term's states lie together, and a
 *   text's path reads few of its blocks.
 */
function walkOf(
  table: Int32Array,
  outputs: readonly (readonly number[])[],
  accepting: Uint8Array,
  order: readonly number[],
  classes: number,
): Walk {
  const count = outputs.length;
  const stateOf = new Int32Array(count);
  for (let i = 1; i < count; i++) stateOf[i] = order[i - 1]!;
  const offsetOf = new Int32Array(count);
  for (let i = 0; i < count; i++) offsetOf[stateOf[i]!] = i * classes * 2;
  const rows = new Int32Array(table.length);
  const rowOutputs = new Array<readonly number[]>(count);
  for (let i = 0; i < count; i++) {
    const state = stateOf[i]!;
    rowOutputs[i] = outputs[state]!;
    const from = state * classes;
    const to = i * classes;
    for (let c = 0; c < classes; c++) {
      const next = table[from + c]!;
      rows[to + c] = offsetOf[next]! | accepting[next]!;
    }
  }
  return { rows, rowOutputs };
}

/**
 * An automaton as plain arrays, to be stored and loaded again without being built (a
 * compiled term set holds its substring terms' automaton).
 */
export interface AhoCorasickTables {
  /** Each unit of the patterns and its class, in pairs. */
  units: Uint16Array;
  classes: number;
  /** The full transition table: state × class -> state. */
  table: Int32Array;
  /** The outputs of state s: `outputs[outputStarts[s] .. outputStarts[s + 1]]`. */
  outputStarts: Int32Array;
  outputs: Int32Array;
  count: number;
  longest: number;
}

/** The tables of the automaton for `patterns`; undefined when it is too large for a full table. */
export function ahoCorasickTables(patterns: readonly string[]): AhoCorasickTables | undefined {
  const { classOf, classes, units } = classesOf(patterns);
  if ((units + 1) * classes > TABLE_LIMIT) return undefined;
  const { table, outputs } = tableMachine(patterns, classOf, classes, units + 1);
  const { starts, flat } = flattened(outputs);
  return {
    units: Uint16Array.from(classPairs(classOf)),
    classes,
    table,
    outputStarts: starts,
    outputs: flat,
    count: patterns.length,
    longest: longestOf(patterns),
  };
}

function withInherited(own: readonly number[], inherited: readonly number[]): readonly number[] {
  return own.length === 0 ? inherited : [...own, ...inherited];
}

/**
 * The automaton as a full transition table. The trie is built in the table itself (0: no
 * child, as the start state is no one's child); then, breadth-first, each state's failure
 * state is found in its parent's failure row, and each gap of its row is filled from its
 * own failure row, complete by then.
 */
function tableMachine(
  patterns: readonly string[],
  classOf: Uint16Array,
  classes: number,
  maxStates: number,
): Machine & { table: Int32Array; order: readonly number[] } {
  const trie = new Int32Array(maxStates * classes);
  const own: number[][] = [[]];
  for (const [k, pattern] of patterns.entries()) {
    if (pattern === '') continue;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const at = state * classes + classOf[pattern.charCodeAt(i)]!;
      if (trie[at] === 0) {
        trie[at] = own.length;
        own.push([]);
      }
      state = trie[at]!;
    }
    own[state]!.push(k);
  }
  const states = own.length;
  const table = states < maxStates ? trie.slice(0, states * classes) : trie;
  const fail = new Int32Array(states);
  const outputs = new Array<readonly number[]>(states);
  outputs[0] = NO_OUTPUTS;
  const order: number[] = [];
  for (let c = 0; c < classes; c++) if (table[c] !== 0) order.push(table[c]!);
  for (let head = 0; head < order.length; head++) {
    const state = order[head]!;
    outputs[state] = withInherited(own[state]!, outputs[fail[state]!]!);
    const row = state * classes;
    const failRow = fail[state]! * classes;
    for (let c = 0; c < classes; c++) {
      const child = table[row + c]!;
      if (child === 0) {
        table[row + c] = table[failRow + c]!;
      } else {
        fail[child] = table[failRow + c]!;
        order.push(child);
      }
    }
  }
  return { table, outputs, order, step: (state, unit) => table[state * classes + classOf[unit]!]! };
}

/** The automaton as a trie of maps with failure links, for pattern sets too large for a table. */
function trieMachine(patterns: readonly string[], classOf: Uint16Array): Machine {
  const children = [new Map<number, number>()];
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
  const fail = new Int32Array(children.length);
  const outputs = new Array<readonly number[]>(children.length);
  outputs[0] = NO_OUTPUTS;
  const order = [...children[0]!.values()];
  for (let head = 0; head < order.length; head++) {
    const state = order[head]!;
    outputs[state] = withInherited(own[state]!, outputs[fail[state]!]!);
    for (const [c, next] of children[state]!) {
      let f = fail[state]!;
      while (f !== 0 && !children[f]!.has(c)) f = fail[f]!;
      fail[next] = children[f]!.get(c) ?? 0;
      order.push(next);
    }
  }
  const step = (state: number, unit: number): number => {
    const c = classOf[unit]!;
    if (c === 0) return 0;
    for (let node = state; ; node = fail[node]!) {
      const next = children[node]!.get(c);
      if (next !== undefined) return next;
      if (node === 0) return 0;
    }
  };
  return { outputs, step };
}

/**
 * A keyword automaton as `each` walks it, in one Int32Array, to be stored and loaded again
 * without being built: the published bundle ships the catalog's (built in 50–75 ms of CPU
 * here, read in 6–12 ms, most of it the file's page faults). Layout: a magic number (which
 * also tells the byte order), classes, pattern count, longest pattern, then, each as its
 * length and its contents: the patterns' units (joined by NUL), the (unit, class) pairs,
 * the rows, the rows' output starts; then the outputs. Undefined when the patterns are too
 * many for a full table.
 */
export function storedAhoCorasick(
  patterns: readonly string[],
  options: AhoCorasickOptions = {},
): Int32Array | undefined {
  const { classOf, classes, units } = classesOf(patterns, options.foldCase);
  if ((units + 1) * classes > TABLE_LIMIT) return undefined;
  const { table, outputs, order } = tableMachine(patterns, classOf, classes, units + 1);
  const { rows, rowOutputs } = walkOf(table, outputs, acceptingOf(outputs), order, classes);
  const { starts, flat } = flattened(rowOutputs);
  const joined = patterns.join('\0');
  const sized = (list: ArrayLike<number>) => [list.length, ...Array.from(list)];
  return Int32Array.from([
    STORED_MAGIC,
    classes,
    patterns.length,
    longestOf(patterns),
    ...sized(Array.from({ length: joined.length }, (_, i) => joined.charCodeAt(i))),
    ...sized(classPairs(classOf)),
    ...sized(rows),
    ...sized(starts),
    ...flat,
  ]);
}

/** Marks a stored automaton (and its byte order: read with the other, it is another number). */
const STORED_MAGIC = 0x41430001;

/**
 * The automaton `storedAhoCorasick` stored of `patterns`; undefined when `stored` is not
 * one, or one of other patterns (a file of another build).
 */
export function loadAhoCorasick(
  stored: Int32Array,
  patterns: readonly string[],
): AhoCorasick | undefined {
  if (stored[0] !== STORED_MAGIC || stored[2] !== patterns.length) return undefined;
  const [, classes = 0, count = 0, longest = 1] = stored;
  let at = 4;
  const take = () => {
    const length = stored[at++]!;
    const part = stored.subarray(at, at + length);
    at += length;
    return part;
  };
  const joined = patterns.join('\0');
  const units = take();
  if (units.length !== joined.length) return undefined;
  for (let i = 0; i < units.length; i++) if (units[i] !== joined.charCodeAt(i)) return undefined;
  const pairs = take();
  const rows = take();
  const starts = take();
  const flat = stored.subarray(at);
  const classOf = new Uint16Array(65536);
  for (let i = 0; i + 1 < pairs.length; i += 2) classOf[pairs[i]!] = pairs[i + 1]!;
  // Most rows have no output: they share one empty list.
  const rowOutputs = new Array<readonly number[]>(starts.length - 1);
  for (let r = 0; r + 1 < starts.length; r++) {
    const out: number[] = [];
    for (let i = starts[r]!; i < starts[r + 1]!; i++) out.push(flat[i]!);
    rowOutputs[r] = out.length === 0 ? NO_OUTPUTS : out;
  }
  // A state is a row's number: `step` and `outputs` as a term's scanner asks them.
  const step = (state: number, unit: number): number =>
    (rows[state * classes + classOf[unit]!]! >> 1) / classes;
  const outputs = (state: number): readonly number[] => rowOutputs[state]!;
  const each = walkEach({ rows, rowOutputs }, classOf, classes);
  return withEach(step, outputs, longest, count, each);
}
