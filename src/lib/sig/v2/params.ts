/**
 * The parameters a Query API request carries: in the query string of a GET, in the
 * `application/x-www-form-urlencoded` body of a POST. Decoded the way the services read them (`+` is a space),
 * each with its span.
 * https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html
 */

import { percentDecodeText } from '../encoding';
import { findHeader, type HttpRequest, type QueryParam } from '../request/model';
import { parseQueryString } from '../request/query';
import type { Span } from '../types';

/** One parameter, decoded, with where it sits in the request. */
export interface QueryApiParam {
  name: string;
  value: string;
  span?: Span;
}

/** Where a request's parameters travel. */
export type ParamLocation = 'query' | 'body';

/** Decodes one wire name or value: `+` is a space, `%XX` a byte of UTF-8. */
export function formDecode(text: string): string {
  return percentDecodeText(text.replace(/\+/g, ' '));
}

function decoded(p: QueryParam): QueryApiParam {
  return { name: formDecode(p.name), value: formDecode(p.value ?? ''), span: p.span };
}

/** Whether a POST body holds form parameters (by its Content-Type, or by its shape when there is none). */
export function isFormBody(request: HttpRequest): boolean {
  if (request.method.toUpperCase() !== 'POST' || request.body.trim() === '') return false;
  const type = findHeader(request, 'content-type')?.value.toLowerCase();
  if (type !== undefined) return type.startsWith('application/x-www-form-urlencoded');
  return /^[^=&\s]+=[^\s]*$/.test(request.body.trim());
}

/** Where the request's parameters are: the form body of a POST, else the query string. */
export function paramLocation(request: HttpRequest): ParamLocation {
  return isFormBody(request) ? 'body' : 'query';
}

/** The request's parameters, decoded, in the order sent. */
export function requestParams(request: HttpRequest, location = paramLocation(request)): QueryApiParam[] {
  if (location === 'query') return request.params.map(decoded);
  const body = request.body.replace(/\r?\n$/, '');
  return parseQueryString(body, request.bodySpan.start).map(decoded);
}
