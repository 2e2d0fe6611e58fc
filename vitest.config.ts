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
    // vitest's default is one worker fewer than the cores: one on a 2-core machine.
    // Test files share their worker's loaded modules instead of importing yargs, the core
    // and the rules again for each file (about 1 s a file here). Tests keep no state in
    // modules; one that sets process.env restores it.
    isolate: false,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        // Threads start faster than processes; these tests start no processes of their own.
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'fixtures/src/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          pool: 'threads',
        },
      },
      {
        extends: true,
        // Processes: these tests start git hundreds of times, and a small worker process
        // forks faster than one holding every thread's heap.
        test: {
          name: 'integration',
          include: ['packages/*/test/**/*.test.ts'],
          exclude: ['**/*.e2e.test.ts', '**/node_modules/**'],
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['packages/*/test/**/*.e2e.test.ts'], pool: 'forks' },
      },
    ],
  },
});
