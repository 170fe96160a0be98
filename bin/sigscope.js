#!/usr/bin/env node
// Launcher for the sigscope CLI. An installed package runs the bundle that `npm pack` builds into dist/cli: plain
// JavaScript, nothing compiled at start. In a clone, where the TypeScript sources sit beside it, it runs them
// through tsx (a development dependency), so that a change to src/ never meets a stale bundle.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/entry.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli/sigscope.js', import.meta.url).href);
}
