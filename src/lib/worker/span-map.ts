/**
 * Moving spans from the raw HTTP the engine read back into the text the user pasted, when the paste was another
 * form (curl, HAR, a URL): the reader gives, per line of the HTTP, the span of the paste it came from.
 */

import type { Problem, Span } from '../sig/types';
import type { InputProblem } from './protocol';

/** Maps spans in `http` to spans in the paste. */
export type SpanMapper = (spans: readonly Span[]) => Span[];

/** The identity, for a paste that was raw HTTP already. */
export const identityMapper: SpanMapper = (spans) => spans.filter((s) => s.end > s.start);

/** A mapper through the reader's per-line sources; lines the reader wrote itself map to nothing. */
export function lineMapper(http: string, lineSources: readonly Span[]): SpanMapper {
  const starts: number[] = [0];
  for (let i = 0; i < http.length; i++) if (http.charCodeAt(i) === 10) starts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lineEnd = (line: number) => (line + 1 < starts.length ? starts[line + 1]! - 1 : http.length);
  return (spans) => {
    const out: Span[] = [];
    for (const span of spans) {
      if (span.end <= span.start) continue;
      const firstLine = lineOf(span.start);
      const lastLine = lineOf(Math.max(span.start, span.end - 1));
      for (let line = firstLine; line <= lastLine; line++) {
        const src = lineSources[line];
        if (!src || src.end <= src.start) continue;
        const ls = starts[line]!;
        const len = lineEnd(line) - ls;
        const from = Math.max(span.start, ls) - ls;
        const to = Math.min(span.end, ls + len) - ls;
        // Same length: the line was copied as it is, so columns carry over; else point at the whole source.
        if (src.end - src.start === len)
          out.push({ start: src.start + from, end: src.start + Math.max(from, to) });
        else out.push({ start: src.start, end: src.end });
      }
    }
    return out;
  };
}

/** A problem with the pasted request, its span moved into the paste. */
export const requestProblem =
  (map: SpanMapper) =>
  (p: Problem): InputProblem => {
    if (!p.span) return { input: 'request', problem: p };
    const [span] = map([p.span]);
    const { span: _dropped, ...rest } = p;
    void _dropped;
    return { input: 'request', problem: span ? { ...rest, span } : rest };
  };
