// Lint rules, including the one that keeps imports pointing one way: renderer → preload contract ← main.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './renderer/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      // A switch over a union names every case (or has a default); use assertNever where it must not miss one.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches main only through window.desk.' },
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer has no Node: ask main through window.desk.',
            })),
          ],
          patterns: [
            {
              group: ['**/main/**', '**/main'],
              message: 'The renderer never imports main: use window.desk.',
            },
            {
              group: ['**/preload/index*', '**/preload/web-bridge*', '**/preload/channels*'],
              message: 'The renderer may import only the contract (preload/contract, preload/desk-api).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', '**/renderer'], message: 'main never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    // Handlers, transports and capabilities stay plain Node: only main/app/ may load Electron at run time.
    files: ['main/**/*.ts'],
    ignores: ['main/app/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowTypeImports: true,
              message: 'Only main/app/ may import electron; take what you need as a parameter.',
            },
            {
              name: 'electron-store',
              message: 'Only main/app/ may import electron-store (it loads Electron).',
            },
          ],
          patterns: [
            { group: ['**/renderer/**', '**/renderer'], message: 'main never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/main', '**/renderer/**'],
              message: 'preload depends on nothing but the contract.',
            },
          ],
        },
      ],
    },
  },
);
