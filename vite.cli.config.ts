import { defineConfig } from 'vite';

// The sigscope CLI as plain JavaScript for Node (npm pack ships it; no TypeScript at run time):
// src/cli/entry.ts with every module it imports bundled in, and Node's own modules left to Node.
//
// A start costs what it compiles and how many modules it loads (Node's ESM loader spends a millisecond or more on
// each). So the code every command runs is one chunk, `core`, and what only some runs need is loaded when they
// need it: the diagnosis (`explain`), and the engines of the modes and of SigV4A (each a dynamic import in its
// scheme folder). LAZY names those; a module it misses or names wrongly only lands in the other chunk (slower, not
// wrong). The entry and main.ts stay out of `core`: main awaits explain's import, which must not be the chunk
// still evaluating the entry.
const LAZY = new RegExp(
  [
    'src/cli/(entry|main)\\.ts',
    'src/cli/explain',
    'src/lib/diagnose/',
    'registry-sigv4-modes',
    'sig/v4a/(?!scheme|settings|string-to-sign)',
    'sig/streaming/(?!payload-mode|scheme-mode)',
    'sig/event-stream/(?!scheme-mode)',
    'sig/post-policy/(?!form|policy\\.ts|scheme-mode)',
    '@noble/curves',
  ].join('|'),
);

export default defineConfig({
  build: {
    ssr: 'src/cli/entry.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    sourcemap: false,
    rollupOptions: {
      output: {
        entryFileNames: 'sigscope.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        format: 'es',
        codeSplitting: {
          groups: [{ name: 'core', test: (id: string) => !LAZY.test(id) && !id.includes('\0') }],
        },
      },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
