import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FEATURES = [
  'catalog',
  'applications',
  'partners',
  'admin-auth',
  'admin-dashboard',
  'admin-applications',
  'admin-partners',
  'admin-schedule',
  'sms',
  'audit',
  'settings',
  'qr-code',
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'src/client', 'test-results', 'playwright-report'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Import boundaries (bulletproof-react): features never import each other; shared code never imports
      // features or the app; only src/app composes features.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...FEATURES.map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [`./${f}`],
              message: 'Features must not import other features; compose them in src/app.',
            })),
            {
              target: ['./src/components', './src/lib', './src/config', './src/hooks'],
              from: ['./src/features', './src/app'],
              message: 'Shared code must not depend on features or the app.',
            },
            { target: './src/features', from: './src/app', message: 'Features must not import the app layer.' },
          ],
        },
      ],
    },
    settings: {
      'import-x/resolver': { typescript: true, node: true },
    },
  },
  {
    // Tests may reach across layers for fixtures.
    files: ['**/*.test.{ts,tsx}', 'src/testing/**'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
);
