import { defineConfig, type Plugin } from 'vite';

// The sigscope CLI as plain JavaScript for Node (npm pack ships it; no TypeScript at run time):
// src/cli/entry.ts with every module it imports bundled in, and Node's own modules left to Node.
//
// A start costs what it compiles and how many modules it loads (Node's ESM loader spends a millisecond or more on
// each). So the code every command runs is one chunk, `core`: the modules the entry reaches through static imports
// alone, found in the module graph once it is built. What is reached only through a dynamic import (the diagnosis
// behind `explain`, the engines of the modes and of SigV4A) stays in chunks loaded when a run needs them. The entry
// and main.ts stay out of `core`: main awaits explain's import, which must not be the chunk still evaluating the
// entry.
const ENTRY = 'src/cli/entry.ts';
const OUTSIDE_CORE = /src\/cli\/(entry|main)\.ts$/;

/** The modules reached from the entry through static imports, made once the graph is built. */
const core = new Set<string>();

function staticReach(): Plugin {
  return {
    name: 'sigscope-static-reach',
    buildEnd() {
      core.clear();
      const entry = [...this.getModuleIds()].find((id) => id.endsWith(ENTRY));
      const stack = entry ? [entry] : [];
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (core.has(id)) continue;
        core.add(id);
        stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
}

export default defineConfig({
  plugins: [staticReach()],
  build: {
    ssr: ENTRY,
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
          groups: [
            {
              name: 'core',
              test: (id: string) => core.has(id) && !OUTSIDE_CORE.test(id) && !id.includes('\0'),
            },
          ],
        },
      },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
