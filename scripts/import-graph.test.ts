import { describe, expect, it } from 'vitest';
import { findCycles, importsOf, topFolderOf } from './import-graph.mjs';

describe('import graph', () => {
  it('reads relative imports, type imports and re-exports, however written, and nothing else', () => {
    const source = [
      "import { a, type B } from './a.js';",
      "import type { C } from '../c.js';",
      'import {',
      '  d,',
      '  e,',
      "} from './d/e.js';",
      "import './side-effect.js';",
      "export { f } from './f.js';",
      "export * as g from './g.js';",
      "import { readFile } from 'node:fs/promises';",
      "// import { h } from './h.js' is not code",
      "export function i() { return load('./i.js'); }",
      "const j = `export { j } from './j.js'`;",
    ].join('\n');
    expect(importsOf('x/y.ts', source)).toEqual([
      'x/a.ts',
      'c.ts',
      'x/d/e.ts',
      'x/side-effect.ts',
      'x/f.ts',
      'x/g.ts',
    ]);
  });

  it('finds cycles between files, or between folders, each once', () => {
    const graph = new Map([
      ['config.ts', ['presets.ts', 'errors.ts']],
      ['presets.ts', ['config.ts']],
      ['errors.ts', []],
      ['a/one.ts', ['b/two.ts']],
      ['b/two.ts', ['a/three.ts']],
      ['a/three.ts', []],
    ]);
    expect(findCycles(graph)).toEqual([['config.ts', 'presets.ts']]);
    expect(findCycles(graph, topFolderOf)).toEqual([
      ['a/', 'b/'],
      ['config.ts', 'presets.ts'],
    ]);
  });
});
