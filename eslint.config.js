import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { defineConfig } from 'eslint/config';
import svelteConfig from './svelte.config.js';

const NO_DOM = 'the engine has no DOM: it runs in Node, a Worker and the browser alike';
const SEAM =
  'a scheme is reached through the registry (src/lib/sig/registry.ts, and its typed surfaces registry-sigv4.ts, registry-sigv4-modes.ts and registry-legacy.ts), not by importing its folder';

/** The scheme folders (and the SigV4 family's modes): outside them only the registry imports them. */
const SCHEME_FOLDERS = ['v4', 'v4a', 'v2', 's3v2', 'v1', 'v0', 'streaming', 'event-stream', 'post-policy'];
const SCHEME_FOLDER_FILES = SCHEME_FOLDERS.map((f) => `src/lib/sig/${f}/**`);
const INTO_SCHEME_FOLDERS = {
  group: SCHEME_FOLDERS.flatMap((f) => [
    `**/sig/${f}`,
    `**/sig/${f}/**`,
    `./${f}`,
    `./${f}/**`,
    `../${f}`,
    `../${f}/**`,
  ]),
  message: SEAM,
};
const DOM_PATHS = [
  { name: 'svelte', message: NO_DOM },
  { name: 'codemirror', message: NO_DOM },
  { name: 'diff', message: NO_DOM },
];
const DOM_PATTERNS = [
  { group: ['svelte/*'], message: NO_DOM },
  { group: ['$app/*'], message: NO_DOM },
  { group: ['@codemirror/*'], message: NO_DOM },
];

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
    // The seam: outside the scheme folders and the registry, no code reaches into a scheme's folder.
    files: ['src/**'],
    ignores: [...SCHEME_FOLDER_FILES, 'src/lib/sig/registry*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [INTO_SCHEME_FOLDERS] }],
    },
  },
  {
    // The signing engine and the diagnosis layer must stay framework- and DOM-free (and keep the seam).
    files: ['src/lib/sig/**', 'src/lib/diagnose/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: DOM_PATHS, patterns: [...DOM_PATTERNS, INTO_SCHEME_FOLDERS] },
      ],
    },
  },
  {
    // Inside a scheme's folder (and in the registry) schemes may use each other; the engine still has no DOM.
    files: [...SCHEME_FOLDER_FILES, 'src/lib/sig/registry*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: DOM_PATHS, patterns: DOM_PATTERNS }],
    },
  },
  {
    files: ['src/lib/sig/**', 'src/lib/diagnose/**'],
    rules: {
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
