import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCycles, readImportGraph } from '../../../scripts/import-graph.mjs';

describe('cli imports', () => {
  const graph = readImportGraph(fileURLToPath(new URL('.', import.meta.url)));

  it('reads the imports of every module', () => {
    expect(graph.get('main.ts')).toContain('io.ts');
    expect(graph.get('scan/scan.ts')).toContain('scan/run.ts');
  });

  it('has no cycle between files', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const cyclic = new Map(graph);
    cyclic.set('config/types.ts', [...(graph.get('config/types.ts') ?? []), 'config/presets.ts']);
    expect(findCycles(cyclic)).not.toEqual([]);
  });
});
