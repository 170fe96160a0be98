import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { defineConfig } from 'eslint/config';
import svelteConfig from './svelte.config.js';

const NO_DOM = 'the engine has no DOM: it runs in Node, a Worker and the browser alike';

export default defineConfig(
  {
    ignores: ['build/', 'dist/', '.svelte-kit/', 'node_modules/', 'tests/vectors/', 'test-results/'],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // typescript-eslint recommends turning this off for TS: the compiler already checks it.
      'no-undef': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    // The signing engine and the diagnosis layer must stay framework- and DOM-free.
    files: ['src/lib/sig/**', 'src/lib/diagnose/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'svelte', message: NO_DOM },
            { name: 'codemirror', message: NO_DOM },
            { name: 'diff', message: NO_DOM },
          ],
          patterns: [
            { group: ['svelte/*'], message: NO_DOM },
            { group: ['$app/*'], message: NO_DOM },
            { group: ['@codemirror/*'], message: NO_DOM },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: NO_DOM },
        { name: 'document', message: NO_DOM },
        { name: 'localStorage', message: NO_DOM },
        { name: 'navigator', message: NO_DOM },
      ],
    },
  },
  prettier,
  ...svelte.configs.prettier,
);
