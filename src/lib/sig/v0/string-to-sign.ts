/**
 * SigV0's string to sign: the `Action` value followed by the `Timestamp` value, nothing else. Every other
 * parameter is unsigned, which is why SigV1 followed.
 * http://docs.amazonwebservices.com/AmazonSimpleDB/2007-11-07/DeveloperGuide/REST_RESTAuth.html
 */

import type { HttpRequest } from '../request/model';
import { fail, ok, problem, type Result } from '../types';
import type { TraceLine } from '../trace';
import { paramLocation, requestParams, type ParamLocation } from '../v2/params';
import { AUTH_PARAMS } from '../v2/query-request';

/** The SigV0 string to sign: Action and Timestamp, each with where it came from. */
export interface V0StringToSign {
  text: string;
  /** `action`, `timestamp`. */
  lines: TraceLine[];
  location: ParamLocation;
}

/** Builds the SigV0 string to sign; a request without Action or Timestamp cannot be signed. */
export function v0StringToSign(
  request: HttpRequest,
  added: readonly [string, string][] = [],
): Result<V0StringToSign> {
  const location = paramLocation(request);
  const params = requestParams(request, location).concat(added.map(([name, value]) => ({ name, value })));
  const action = params.find((p) => p.name === 'Action');
  const timestamp = params.find((p) => p.name === AUTH_PARAMS.timestamp);
  if (!action || !timestamp)
    return fail([
      problem(
        'v0-params',
        `SigV0 signs Action followed by Timestamp; this request has no ${!action ? 'Action' : 'Timestamp'}.`,
        request.targetSpan,
      ),
    ]);
  const lines: TraceLine[] = [
    { label: 'action', name: 'Action', text: action.value, sources: action.span ? [action.span] : [] },
    {
      label: 'timestamp',
      name: 'Timestamp',
      text: timestamp.value,
      sources: timestamp.span ? [timestamp.span] : [],
    },
  ];
  return ok({ text: action.value + timestamp.value, lines, location });
}
