/**
 * Reading what was pasted into the three boxes: the request as sent, the server's reply, the client's log. Each
 * reader's problems stay with the input they point into.
 */

import { parseClientLog } from '../sig/client-log/parse';
import { readPastedRequest } from '../sig/request/read';
import { parseServerErrors } from '../sig/server-error/parse';
import type { ServerError } from '../sig/server-error/types';
import type { Explanation, ExplainInput } from './types';

/** Reads the inputs into a fresh explanation; returns every server reply (the explanation keeps the first). */
export function readInputs(input: ExplainInput): { out: Explanation; servers: ServerError[] } {
  const out: Explanation = { verdict: 'unknown', findings: [], sides: {}, searched: 0, problems: [] };
  let servers: ServerError[] = [];
  if (input.request?.trim()) {
    const pasted = readPastedRequest(input.request);
    out.problems.push(...pasted.problems.map((problem) => ({ input: 'request' as const, problem })));
    if (pasted.ok) out.request = pasted.value;
  }
  if (input.serverError?.trim()) {
    const parsed = parseServerErrors(input.serverError);
    out.problems.push(...parsed.problems.map((problem) => ({ input: 'serverError' as const, problem })));
    if (parsed.ok) servers = parsed.value;
    if (servers[0]) out.server = servers[0];
  }
  if (input.clientLog?.trim()) {
    const log = parseClientLog(input.clientLog);
    out.problems.push(...log.problems.map((problem) => ({ input: 'clientLog' as const, problem })));
    if (log.ok) out.client = log.value;
  }
  return { out, servers };
}
