// One lint config for the whole workspace. Type-aware so that no-floating-promises works.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// A package is imported by its name or an entry of its "exports" map, never by a path into its
// files (docs/architecture.md; scripts/check-architecture.mjs checks the same and the graph).
const deepImports = {
  group: ['@phq-tokens/*/src', '@phq-tokens/*/src/**', '@phq-tokens/*/test/**', '@phq-tokens/*/test-support/**'],
  message: 'Import the package by name or by an entry of its "exports" map (docs/architecture.md).',
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'bundled/**', // generated (scripts/package-bundles.mjs), checked against the sources by a test
      '**/node_modules/**',
      '.tools/**',
      '**/.turbo/**',
      'bench/.data/**',
      '**/*.d.ts',
      'extensions/vscode/sample-workspace/**',
      'e2e/sample-workspace/**',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.ts', '**/*.mjs'],
    rules: { 'no-restricted-imports': ['error', { patterns: [deepImports] }] },
  },
  {
    // Only the extension may talk to VS Code (docs/conventions.md, "Packages and boundaries").
    files: ['packages/**', 'bench/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'vscode may only be imported in extensions/vscode.' }],
          patterns: [deepImports],
        },
      ],
    },
  },
  {
    // stdout is the protocol in the language server.
    files: ['packages/server/src/**'],
    rules: { 'no-console': 'error' },
  },
);
