import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.output-*/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'data/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The backend shares only the contract and the pure rules both sides must apply alike; the rest of lib/ is
    // the extension's (browser APIs, storage, UI).
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?:(?:\\.\\./)+|@/)lib(?:/|$)(?!(?:contract(?:/[\\w-]+)?|policy|links/utm|captions/x-length)$)',
              message:
                'server/ may import from lib/ only lib/contract, lib/policy, lib/links/utm and lib/captions/x-length.',
            },
          ],
        },
      ],
    },
  },
);
