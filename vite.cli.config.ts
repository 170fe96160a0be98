import { defineConfig } from 'vite';

// The sigscope CLI as one plain JavaScript file for Node (npm pack ships it; no TypeScript at run time):
// src/cli/entry.ts with every module it imports bundled in, and Node's own modules left to Node.
export default defineConfig({
  build: {
    ssr: 'src/cli/entry.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'sigscope.js', format: 'es', inlineDynamicImports: true } },
  },
  ssr: { noExternal: true, target: 'node' },
});
