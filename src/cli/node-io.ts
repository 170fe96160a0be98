/**
 * The CLI's `CliIo` over Node: process streams and the file system. The one place a throwing file read is wrapped.
 */

import { readFile } from 'node:fs/promises';
import { fail, ok, problem } from '../lib/sig/types';
import type { CliIo } from './io';

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'There is no such file.',
  EISDIR: 'This is a directory, not a case file.',
  EACCES: 'This file cannot be read: permission denied.',
  EPERM: 'This file cannot be read: permission denied.',
};

/** Reads a UTF-8 file, turning the file system's errors into a problem. */
export async function readTextFile(path: string) {
  try {
    return ok(await readFile(path, 'utf8'));
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    return fail<string>([
      problem('read-file', (code && READ_ERRORS[code]) ?? `This file cannot be read: ${e.message}`),
    ]);
  }
}

/** Reads all of standard input as UTF-8 (for the file name `-`); a second read gets what is left: nothing. */
export async function readStdin(stdin: NodeJS.ReadableStream = process.stdin) {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return ok(Buffer.concat(chunks).toString('utf8'));
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    return fail<string>([problem('read-file', `Standard input cannot be read: ${e.message}`)]);
  }
}

/** Reads a file by name, or standard input for `-`. */
export function readInput(path: string) {
  return path === '-' ? readStdin() : readTextFile(path);
}

/** The CLI's input and output on a real process. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: readInput,
    env: process.env,
    stdoutIsTty: process.stdout.isTTY === true,
    ...(process.stdout.columns ? { stdoutColumns: process.stdout.columns } : {}),
  };
}
