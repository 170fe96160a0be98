/**
 * The region and service a SigV4-family signature is scoped to, when the caller gives neither: read off the host
 * (`service.region.amazonaws.com`, S3's bucket forms), with a note saying so, or a problem on the request line.
 */

import { inferEndpoint } from '../endpoint';
import { requestHost, type HttpRequest } from '../request/model';
import { fail, ok, problem, type Result } from '../types';

/** The region and service to sign for. */
export interface InferredScope {
  region: string;
  service: string;
}

/** The given region and service, the missing ones read off the request's host. */
export function scopeOrFail(
  request: HttpRequest,
  region: string | undefined,
  service: string | undefined,
): Result<InferredScope> {
  if (region !== undefined && service !== undefined) return ok({ region, service });
  const host = requestHost(request);
  const endpoint = host ? inferEndpoint(host) : undefined;
  if (!endpoint)
    return fail([
      problem(
        'scope',
        'Give the region and service: they cannot be read off this host.',
        request.targetSpan,
        {
          hint: 'Services are named as in the endpoint: s3, iam, execute-api, es, dynamodb…',
        },
      ),
    ]);
  const scope = { region: region ?? endpoint.region, service: service ?? endpoint.service };
  const note = problem(
    'scope-inferred',
    `Signing for ${scope.region ? `region ${scope.region} and ` : ''}service ${scope.service}, read off the host.`,
    undefined,
    { severity: 'note' },
  );
  return ok(scope, [note]);
}
