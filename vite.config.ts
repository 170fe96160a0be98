import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  // The engine worker is an ES module worker, in one file: the service worker precaches the build's files but not
  // a worker's own chunks (SvelteKit's list leaves them out), so a chunk split off the worker would be missing
  // offline. The engine's lazy imports (SigV4A, the modes, hash-wasm) are inlined into it.
  worker: { format: 'es', rollupOptions: { output: { codeSplitting: false } } },
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
  },
});
