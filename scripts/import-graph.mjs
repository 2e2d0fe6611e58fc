// The import graph of a package's sources, and two checks on it: imports that break a
// layer order, and import cycles (between files, or between folders). Tests call these;
// packages/core/src/layers.test.ts holds core's layer order.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** @typedef {Map<string, string[]>} ImportGraph  file -> the files it imports, paths relative to the root, '/'-separated. */

/** An import or re-export statement (its clause holds only names, braces, commas, `*`), and its specifier. */
const IMPORT = /^\s*(?:import|export)\s(?:[\w\s{},*$]*?\sfrom\s*)?'([^']+)'/gm;

/**
 * The relative imports (type-only ones and re-exports too) of every `.ts` file under
 * `root`, except tests (`*.test.ts`) and declarations (`*.d.ts`).
 * @param {string} root
 * @returns {ImportGraph}
 */
export function readImportGraph(root) {
  /** @type {ImportGraph} */
  const graph = new Map();
  const visit = (/** @type {string} */ dir) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const file = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) visit(file);
      else if (file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
        graph.set(file, importsOf(file, readFileSync(join(root, file), 'utf8')));
    }
  };
  visit('');
  return graph;
}

/**
 * The files that `source`, the text of `file`, imports by relative path.
 * @param {string} file
 * @param {string} source
 */
export function importsOf(file, source) {
  /** @type {string[]} */
  const imports = [];
  for (const [, specifier] of source.matchAll(IMPORT)) {
    if (!specifier?.startsWith('.')) continue;
    imports.push(
      posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.js$/, '.ts'),
    );
  }
  return [...new Set(imports)];
}

/**
 * Imports that break `layers`: a list of layers, lowest first, each a list of units. A unit
 * is a folder (`codec/`), a file (`types.ts`), or `*`: every file that no other unit names,
 * each a unit of its own. A file may import its own unit and the units of lower layers;
 * the units of one layer are siblings and must not import each other.
 * @param {ImportGraph} graph
 * @param {readonly (readonly string[])[]} layers
 * @returns {string[]} one message per offending import; files in no unit are reported too
 */
export function layerViolations(graph, layers) {
  const unitOf = (/** @type {string} */ file) => {
    let best;
    for (const [layer, units] of layers.entries()) {
      for (const unit of units) {
        const matches = unit.endsWith('/') ? file.startsWith(unit) : unit === file;
        if (matches && (best === undefined || unit.length > best.unit.length))
          best = { layer, unit };
      }
    }
    if (best) return best;
    const star = layers.findIndex((units) => units.includes('*'));
    return star === -1 ? undefined : { layer: star, unit: file };
  };
  /** @type {string[]} */
  const problems = [];
  for (const [file, imports] of graph) {
    const from = unitOf(file);
    if (!from) {
      problems.push(`${file} is in no layer`);
      continue;
    }
    for (const target of imports) {
      const to = unitOf(target);
      if (!to || to.unit === from.unit || to.layer < from.layer) continue;
      problems.push(
        to.layer > from.layer
          ? `${file} imports ${target}: ${from.unit} may not import ${to.unit}, a higher layer`
          : `${file} imports ${target}: ${from.unit} and ${to.unit} are siblings`,
      );
    }
  }
  return problems;
}

/**
 * The import cycles of `graph` once each file is replaced by its group (`groupOf`: the
 * file itself by default, or e.g. its folder): each cycle as its sorted groups, in order.
 * Imports within one group are no cycle.
 * @param {ImportGraph} graph
 * @param {(file: string) => string} [groupOf]
 * @returns {string[][]}
 */
export function findCycles(graph, groupOf = (file) => file) {
  /** @type {Map<string, Set<string>>} */
  const edges = new Map();
  for (const [file, imports] of graph) {
    const from = groupOf(file);
    if (!edges.has(from)) edges.set(from, new Set());
    for (const target of imports)
      if (groupOf(target) !== from) edges.get(from)?.add(groupOf(target));
  }
  // Tarjan's strongly connected components: a component of two or more groups is a cycle.
  /** @type {Map<string, number>} */
  const index = new Map();
  /** @type {Map<string, number>} */
  const low = new Map();
  /** @type {string[]} */
  const stack = [];
  const onStack = new Set();
  /** @type {string[][]} */
  const cycles = [];
  const connect = (/** @type {string} */ node) => {
    const at = index.size;
    index.set(node, at);
    low.set(node, at);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node) ?? at, low.get(next) ?? at));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? at, index.get(next) ?? at));
      }
    }
    if (low.get(node) !== at) return;
    /** @type {string[]} */
    const component = [];
    let member;
    do {
      member = /** @type {string} */ (stack.pop());
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) connect(node);
  return cycles.sort(([a = ''], [b = '']) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The folder of `file` directly under the root (`codec/`), or the file itself when it is
 * at the root: the groups of `findCycles` for cycles between folders.
 * @param {string} file
 */
export function topFolderOf(file) {
  const slash = file.indexOf('/');
  return slash === -1 ? file : file.slice(0, slash + 1);
}
