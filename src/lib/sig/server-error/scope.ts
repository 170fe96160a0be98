/**
 * Scope errors: the region or service in the credential scope is not the one the endpoint wants. S3 says
 * "the region 'us-east-1' is wrong; expecting 'eu-central-1'" (`AuthorizationHeaderMalformed`,
 * `AuthorizationQueryParametersError`) with a `Region` element and "incorrect service 's4'. This endpoint belongs to
 * 's3'."; other services say "Credential should be scoped to a valid region, not 'eu-west-1'." and "Credential
 * should be scoped to correct service: 'dynamodb'."
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html
 */

import type { Field } from './body';
import type { ServerError } from './types';

/** The scope fields of a reply. */
export type ScopeFields = Pick<
  ServerError,
  'expectedRegion' | 'givenRegion' | 'expectedService' | 'givenService'
>;

const WRONG_REGION = /the region '([^'\s]*)' is wrong; expecting '([^'\s]*)'/;
const NOT_REGION = /Credential should be scoped to a valid region, not '([^'\s]*)'/;
const SERVICE = /Credential should be scoped to correct service: '([^'\s]*)'/;
const INCORRECT_SERVICE =
  /incorrect service ["']([^"'\s]*)["']\. This endpoint belongs to ["']([^"'\s]*)["']/;

/** Codes whose `Region` element is the region the server expected (elsewhere it is only the bucket's region). */
const REGION_CODES = new Set(['AuthorizationHeaderMalformed', 'AuthorizationQueryParametersError']);

/** Reads the expected and given region and service from a reply's code, fields and message. */
export function readScope(
  code: string | undefined,
  fields: Map<string, Field>,
  message: string | undefined,
): ScopeFields {
  const out: ScopeFields = {};
  const m = message ?? '';
  const wrong = WRONG_REGION.exec(m);
  if (wrong) {
    out.givenRegion = wrong[1]!;
    out.expectedRegion = wrong[2]!;
  }
  const notRegion = NOT_REGION.exec(m);
  if (notRegion) out.givenRegion ??= notRegion[1]!;
  const service = SERVICE.exec(m);
  if (service) out.expectedService = service[1]!;
  const incorrect = INCORRECT_SERVICE.exec(m);
  if (incorrect) {
    out.givenService = incorrect[1]!;
    out.expectedService ??= incorrect[2]!;
  }
  const region = fields.get('Region')?.value.text.trim();
  if (region && (wrong || (code !== undefined && REGION_CODES.has(code)))) out.expectedRegion ??= region;
  return out;
}
