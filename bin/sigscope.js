#!/usr/bin/env node
// Launcher for the sigscope CLI: registers tsx's ESM loader so the TypeScript sources
// under src/ run directly in Node (>= 20.19), with no build step. src/cli/entry.ts runs
// the command and sets the exit code.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/entry.ts');
