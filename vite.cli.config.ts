import { defineConfig } from 'vite';

// The sigscope CLI as plain JavaScript for Node (npm pack ships it; no TypeScript at run time):
// src/cli/entry.ts with every module it imports bundled in, and Node's own modules left to Node.
export default defineConfig({
  build: {
    ssr: 'src/cli/entry.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    sourcemap: false,
    // Split along the CLI's dynamic imports (one per command, main.ts): a start compiles only what it runs.
    rollupOptions: {
      output: { entryFileNames: 'sigscope.js', chunkFileNames: 'chunks/[name]-[hash].js', format: 'es' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
