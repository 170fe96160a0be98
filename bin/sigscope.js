#!/usr/bin/env node
// Launcher for the sigscope CLI. An installed package runs the bundle that `npm pack` (and `npm install` in a
// clone) builds into dist/cli: plain JavaScript, nothing compiled at start. A clone without that bundle runs the
// TypeScript sources through tsx, a development dependency.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/sigscope.js', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/entry.ts');
}
