/**
 * Running the CLI in-process for tests, with its output captured, and writing case files to a temp folder.
 */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { readInput } from '../../src/cli/node-io';

/** Runs `sigscope` with these arguments; resolves to its exit code and what it printed. */
export function sigscope(...argv: string[]) {
  return sigscopeIn({}, ...argv);
}

/** Runs `sigscope` in this environment (HOME, AWS_*, NO_COLOR), with nothing else of the process's. */
export function sigscopeIn(env: Record<string, string>, ...argv: string[]) {
  return sigscopeWith({ env }, ...argv);
}

/** Runs `sigscope` in this environment, its standard output a terminal (`columns` wide) when `tty`. */
export async function sigscopeWith(
  world: { env?: Record<string, string>; tty?: boolean; columns?: number },
  ...argv: string[]
) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: readInput,
    env: world.env ?? {},
    stdoutIsTty: world.tty ?? false,
    ...(world.columns ? { stdoutColumns: world.columns } : {}),
  });
  return { code, stdout, stderr };
}

/** A fresh temp folder and a writer of files into it (objects as JSON, text as is) that returns their paths. */
export function tempFiles(prefix: string): {
  dir: string;
  write: (name: string, content: unknown) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const write = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };
  return { dir, write };
}
