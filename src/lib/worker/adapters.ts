/**
 * The engine readers the worker calls beside `signText` / `verifyText`: pasted-request reading, server-error and
 * client-log parsing, and the diagnosis. All of them are reached through this one module.
 */

import { explain as explainPaste } from '../diagnose/explain';
import type { Explanation, ExplainInput } from '../diagnose/types';
import { parseClientLog } from '../sig/client-log/parse';
import type { ClientLog } from '../sig/client-log/types';
import type { PastedRequest } from '../sig/request/pasted';
import { readPastedRequest } from '../sig/request/read';
import { parseServerErrors } from '../sig/server-error/parse';
import type { ServerError } from '../sig/server-error/types';
import type { Problem, Result } from '../sig/types';

/** A reader's answer: a value (or none) and the problems met. */
export interface Read<T> {
  value?: T;
  problems: Problem[];
}

function unwrap<T>(result: Result<T>): Read<T> {
  return result.ok ? { value: result.value, problems: result.problems } : { problems: result.problems };
}

/** Reads a paste (raw HTTP, curl, HAR, URL) into raw HTTP; on success the problems are the reader's notes. */
export function readRequest(text: string): Read<PastedRequest> {
  return unwrap(readPastedRequest(text));
}

/** Reads every server error reply in a paste. */
export function readServerErrors(text: string): Read<ServerError[]> {
  return unwrap(parseServerErrors(text));
}

/** Reads a client's signing log. */
export function readClientLog(text: string): Read<ClientLog> {
  return unwrap(parseClientLog(text));
}

/** Runs the diagnosis. */
export function explain(input: ExplainInput): Promise<Explanation> {
  return explainPaste(input);
}
