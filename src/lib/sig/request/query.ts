/**
 * Splitting a raw query string into pairs, keeping each pair's span.
 */

import type { Span } from '../types';
import type { QueryParam } from './model';

/**
 * Splits `a=1&b&c=` into pairs at `&`, each at its first `=`; empty pieces (`a=1&&b`) are dropped.
 * `offset` is where the query starts in the source, so that spans point into it.
 */
export function parseQueryString(query: string, offset = 0): QueryParam[] {
  const params: QueryParam[] = [];
  let start = 0;
  while (start <= query.length) {
    let end = query.indexOf('&', start);
    if (end < 0) end = query.length;
    if (end > start) {
      const piece = query.slice(start, end);
      const eq = piece.indexOf('=');
      const span: Span = { start: offset + start, end: offset + end };
      params.push(
        eq < 0
          ? { name: piece, value: null, span }
          : { name: piece.slice(0, eq), value: piece.slice(eq + 1), span },
      );
    }
    start = end + 1;
  }
  return params;
}

/** Renders pairs back to a query string; a `null` value renders as a bare name. */
export function renderQueryString(params: readonly Pick<QueryParam, 'name' | 'value'>[]): string {
  return params.map((p) => (p.value === null ? p.name : `${p.name}=${p.value}`)).join('&');
}
