import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  findCycles,
  layerViolations,
  readImportGraph,
  topFolderOf,
} from '../../../scripts/import-graph.mjs';

/**
 * The layers of core, lowest first (see DESIGN.md). A module imports only from its own
 * unit (folder or file) and from lower layers; the units of one layer are siblings that
 * must not import each other.
 */
const CORE_LAYERS = [
  ['types.ts', 'errors.ts'],
  // Encodings, checksums, hashes, value judgements, text positions, one Aho–Corasick; and
  // the formatters, which know findings and nothing else.
  ['codec/', 'report/'],
  // The context model: file types, commentary, block keys of a text.
  ['context/'],
  // Term matching, policy and list tools; the rule catalog.
  ['terms/', 'rules/'],
  // False-positive heuristics; user allow lists and inline directives; the baseline format.
  ['filters/', 'allow/', 'baseline.ts'],
  ['scanners/'],
  ['engine/'],
  ['index.ts'],
];

/**
 * Inside rules/: what checks judge by (keys, literals, key bodies), the judgements of
 * generic detectors, the check registry, the definer, the shapes families share, `keyedRule`
 * (built on the definer and the shapes), then the families (none imports another), then the
 * catalog.
 */
const RULES_LAYERS = [
  ['linear-pattern.ts', 'context.ts'],
  ['keys.ts', 'literals.ts', 'key-material.ts'],
  ['judge.ts'],
  ['checks.ts'],
  ['define-rule.ts'],
  ['shapes.ts'],
  ['keyed.ts'],
  ['*'],
  ['index.ts'],
  // The engine's default catalog: index.ts here, the catalog as data in the bundle.
  ['builtin.ts'],
];

const graph = readImportGraph(fileURLToPath(new URL('.', import.meta.url)));

/** The part of `graph` under `folder`, with paths relative to it. */
function subgraph(folder: string): Map<string, string[]> {
  const inside = (file: string) => file.startsWith(folder);
  return new Map(
    [...graph]
      .filter(([file]) => inside(file))
      .map(([file, imports]) => [
        file.slice(folder.length),
        imports.filter(inside).map((target) => target.slice(folder.length)),
      ]),
  );
}

describe('core layers', () => {
  it('reads the imports of every module', () => {
    expect(graph.get('engine/engine.ts')).toEqual(
      expect.arrayContaining(['scanners/credentials.ts', 'engine/mask.ts', 'types.ts']),
    );
    expect(graph.get('index.ts')).toContain('report/text.ts');
    expect([...graph.keys()].some((file) => file.endsWith('.test.ts'))).toBe(false);
  });

  it('point every import down', () => {
    expect(layerViolations(graph, CORE_LAYERS)).toEqual([]);
  });

  it('keep rule families apart from each other', () => {
    expect(layerViolations(subgraph('rules/'), RULES_LAYERS)).toEqual([]);
  });

  it('have no cycle between folders, nor between files', () => {
    expect(findCycles(graph, topFolderOf)).toEqual([]);
    expect(findCycles(graph)).toEqual([]);
  });

  it('would notice an import that points up, between siblings, or round in a cycle', () => {
    const bad = new Map([
      ['codec/base64.ts', ['scanners/hit.ts']],
      ['terms/match.ts', ['rules/context.ts']],
      ['scanners/hit.ts', ['codec/base64.ts']],
      ['lost.ts', []],
    ]);
    expect(layerViolations(bad, CORE_LAYERS)).toEqual([
      'codec/base64.ts imports scanners/hit.ts: codec/ may not import scanners/, a higher layer',
      'terms/match.ts imports rules/context.ts: terms/ and rules/ are siblings',
      'lost.ts is in no layer',
    ]);
    expect(findCycles(bad, topFolderOf)).toEqual([['codec/', 'scanners/']]);
    expect(layerViolations(new Map([['aws.ts', ['github.ts']]]), RULES_LAYERS)).toEqual([
      'aws.ts imports github.ts: aws.ts and github.ts are siblings',
    ]);
  });
});
