/**
 * What the CLI needs from the outside world, passed in so that tests run it in-process.
 */

import type { Result } from '../lib/sig/types';

/** Where output goes and how files are read; `readFile` returns a problem rather than throwing. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<Result<string>>;
  /** The environment, for credentials (AWS_*) and NO_COLOR; none when left out. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal (colours are for terminals only). */
  stdoutIsTty?: boolean;
  /** The terminal's width in columns, when standard output is one (explain lays diffs side by side if wide). */
  stdoutColumns?: number;
}

/** The CLI's exit codes: 0 done (or signature matches), 1 signature mismatch, 2 bad input or usage, 3 cannot tell. */
export const EXIT = { ok: 0, mismatch: 1, badInput: 2, unknown: 3 } as const;

/** One of the CLI's exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
