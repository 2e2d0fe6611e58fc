import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('loads the built-ins most runs never use through builtins.ts, when first used', () => {
    // A static import of these makes every hook compile their internal modules at start.
    const lazy = /from 'node:(?:crypto|zlib|worker_threads)'/;
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const files = ['cli', 'git', 'hooks', 'extract'].flatMap((name) =>
      readdirSync(join(root, name, 'src'), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
        .map((file) => join(name, 'src', file)),
    );
    expect(files).toContain(join('cli', 'src', 'time-budget.ts'));
    const importing = files.filter((file) => lazy.test(readFileSync(join(root, file), 'utf8')));
    // The scan worker's own entry runs only in a worker thread.
    expect(importing).toEqual([join('cli', 'src', 'scan', 'worker.ts')]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const cyclic = new Map(graph);
    cyclic.set('config/types.ts', [...(graph.get('config/types.ts') ?? []), 'config/presets.ts']);
    expect(findCycles(cyclic)).not.toEqual([]);
  });
});
