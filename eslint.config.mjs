// ESLint for the whole tree: typescript-eslint's type-aware recommended rules where they catch real
// bugs (floating promises, misused promises), formatting left to Prettier.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.tools/**',
      '.data/**',
      'coverage/**',
      'test-artifacts/**',
      'apps/console/src/generated/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../../shared/*'], message: 'the repository stands on its own' }] },
      ],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node, Nest, TypeORM, BullMQ or I/O.
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/**/*.spec.ts', 'workflows/src/**/activities.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'net', 'child_process'],
              message: 'workflow code is deterministic: no Node APIs',
            },
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'bullmq',
                'ioredis',
                'pg',
                '@app/persistence*',
                '@app/notifications*',
                '@temporalio/client',
                '@temporalio/worker',
                '@temporalio/activity',
              ],
              message: 'workflow code is deterministic: no I/O libraries',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read loosely typed HTTP bodies and walk through steps whose intermediate answers they may skip.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'apps/api/src/seed/demo-driver.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-useless-assignment': 'off' },
  },
  prettier,
);
