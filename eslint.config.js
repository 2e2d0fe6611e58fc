// ESLint with type-aware rules (typescript-eslint's recommendedTypeChecked) for every
// TypeScript file, including tests and scripts; formatting is Prettier's job.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // fixtures/corpus holds scanned material (files that look like code), not code of ours.
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'packages/cli/generated/**',
      // Built by scripts/build-package.mjs.
      'packages/tightlip/bin/**',
      'packages/tightlip/generated/**',
      'fixtures/corpus/**',
      'coverage/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // The packages' sources through their own tsconfigs, tests and scripts through tsconfig.check.json.
      parserOptions: {
        project: [
          './packages/*/tsconfig.json',
          './fixtures/tsconfig.json',
          './tsconfig.check.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Unused values are errors, except deliberate ones: `_`-prefixed, and rest siblings that drop a field.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests read JSON documents (reports, SARIF, schemas) whose shape is what they assert.
    files: ['**/*.test.ts', 'packages/*/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  prettier,
);
