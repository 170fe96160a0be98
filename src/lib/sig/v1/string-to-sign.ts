/**
 * SigV1's string to sign: every parameter but `Signature`, sorted by name ignoring case, names and values
 * (decoded) concatenated with no delimiter. That missing delimiter is SigV1's flaw: different parameter lists can
 * give the same string (see collide.ts).
 * http://docs.amazonwebservices.com/AmazonSimpleDB/2007-11-07/DeveloperGuide/REST_RESTAuth.html
 */

import type { HttpRequest } from '../request/model';
import { ok, type Result } from '../types';
import type { TraceLine } from '../trace';
import { paramLocation, requestParams, type ParamLocation, type QueryApiParam } from '../v2/params';
import { AUTH_PARAMS } from '../v2/query-request';

/** The SigV1 string to sign and the sorted parameters it joins. */
export interface V1StringToSign {
  text: string;
  /** One line per parameter, `name` + `value`; the text is these joined with nothing between. */
  lines: TraceLine[];
  /** The signed parameters in signing order. */
  params: QueryApiParam[];
  location: ParamLocation;
}

/** Case-insensitive order of names, as SigV1 sorts; ties keep the order sent. */
export function compareV1(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The string to sign of a parameter list (decoded names and values). */
export function v1StringToSignOf(
  params: readonly QueryApiParam[],
  location: ParamLocation = 'query',
): V1StringToSign {
  const sorted = params
    .filter((p) => p.name !== AUTH_PARAMS.signature)
    .sort((a, b) => compareV1(a.name, b.name));
  const lines: TraceLine[] = sorted.map((p) => ({
    label: 'param',
    name: p.name,
    text: p.name + p.value,
    sources: p.span ? [p.span] : [],
  }));
  return { text: lines.map((l) => l.text).join(''), lines, params: sorted, location };
}

/** The string to sign of a request (query of a GET, form body of a POST), with added parameters. */
export function v1StringToSign(
  request: HttpRequest,
  added: readonly [string, string][] = [],
): Result<V1StringToSign> {
  const location = paramLocation(request);
  const params = requestParams(request, location).concat(added.map(([name, value]) => ({ name, value })));
  return ok(v1StringToSignOf(params, location));
}
