/**
 * What every paste reader promises, whatever it is given: a failure says why with at least one error placed in
 * the paste; a success is HTTP the engine parses, with one paste span per line.
 */

import { expect } from 'vitest';
import { parseHttpRequest } from '../../../src/lib/sig/request/http';
import type { PastedRequest } from '../../../src/lib/sig/request/pasted';
import type { Result, Span } from '../../../src/lib/sig/types';

const inside = (span: Span | undefined, text: string) =>
  span !== undefined && 0 <= span.start && span.start <= span.end && span.end <= text.length;

/** Throws (with the paste in the message) when a reader's result breaks the contract. */
export function expectWellFormed(text: string, result: Result<PastedRequest>): void {
  const where = `\npaste: ${JSON.stringify(text)}\nresult: ${JSON.stringify(result)}`;
  if (!result.ok) {
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.length, `a failure carries an error${where}`).toBeGreaterThan(0);
    for (const e of errors) expect(inside(e.span, text), `error span inside the paste${where}`).toBe(true);
    return;
  }
  const { http, lineSources } = result.value;
  expect(parseHttpRequest(http).ok, `the HTTP text parses${where}`).toBe(true);
  expect(lineSources.length, `one source per line${where}`).toBe(http.split('\n').length);
  for (const s of lineSources) expect(inside(s, text), `line sources inside the paste${where}`).toBe(true);
}

/** The value of a result that must have succeeded, failing the test with its problems otherwise. */
export function mustRead(result: Result<PastedRequest>): PastedRequest {
  if (!result.ok) throw new Error(`expected the paste to read: ${JSON.stringify(result.problems, null, 2)}`);
  return result.value;
}
