import { defineConfig } from 'vitest/config';

// Three projects, a pyramid (`npm run test:<project>` runs one; `npm test` all three):
// - unit: beside the code, no git and no build; the loop to run while working (< 15 s).
// - integration: `packages/*/test/`, in process against real temporary git repositories
//   (git sources called directly, `main(argv, io)` with a captured Io).
// - e2e: `*.e2e.test.ts`, real `git commit` / `git push` through installed hooks that run
//   the real `tightlip` bin, so they need `tsc -b` first (npm test builds).
// Workspace packages resolve to their TypeScript sources (the `tightlip-source` export
// condition); `extends: true` gives every project that and the settings below.
export default defineConfig({
  resolve: { conditions: ['tightlip-source'] },
  ssr: { resolve: { conditions: ['tightlip-source'], externalConditions: [] } },
  test: {
    // vitest's default is one worker fewer than the cores: one on a 2-core machine. Threads
    // start faster than forks; each worker thread has its own copy of process.env.
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        // Pure tests: files share a worker's loaded modules (no re-import per file), which
        // more than halves this project's time.
        test: { name: 'unit', include: ['packages/*/src/**/*.test.ts', 'fixtures/src/**/*.test.ts', 'scripts/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['packages/*/test/**/*.test.ts'], exclude: ['**/*.e2e.test.ts', '**/node_modules/**'] },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['packages/*/test/**/*.e2e.test.ts'] },
      },
    ],
  },
});
