import { defineConfig } from 'vitest/config';

// One run over the whole workspace. Workspace packages resolve to their TypeScript
// sources (the `tightlip-source` export condition), so unit tests need no build; tests
// that spawn the real `tightlip` bin run after `tsc -b` (npm test builds first).
export default defineConfig({
  resolve: { conditions: ['tightlip-source'] },
  ssr: { resolve: { conditions: ['tightlip-source'], externalConditions: [] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'fixtures/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
