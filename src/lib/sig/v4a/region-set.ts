/**
 * The region set of a SigV4A signature: the regions (or `*`, any region) a signature is valid in, signed as one
 * comma-separated value of `X-Amz-Region-Set`. S3 Multi-Region Access Points sign `*`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#create-canonical-request-sigv4a
 */

import { fail, ok, problem, type Problem, type Result } from '../types';

/** A region name or a wildcard pattern such as `us-*` or `*`. */
const REGION = /^[a-z0-9*][a-z0-9*-]*$/;

/**
 * Reads a region set given as a list or as comma-separated text into the value that is signed: entries trimmed
 * and joined with `,`, in the order given (servers read the set, the signature covers the text as sent).
 */
export function renderRegionSet(regions: string | readonly string[]): Result<string> {
  const list = typeof regions === 'string' ? regions.split(',') : [...regions];
  const trimmed = list.map((r) => r.trim());
  const problems: Problem[] = [];
  if (trimmed.length === 0 || trimmed.every((r) => r === '')) {
    return fail([
      problem(
        'region-set',
        'A SigV4A signature needs at least one region, or * for every region.',
        undefined,
        {
          hint: 'Give the regions as "us-east-1,us-west-2" or "*".',
        },
      ),
    ]);
  }
  for (const region of trimmed) {
    if (!REGION.test(region)) {
      problems.push(
        problem('region-set', `"${region}" is not a region name such as us-east-1 (or a pattern such as *).`),
      );
    }
  }
  if (typeof regions === 'string' && regions !== trimmed.join(',')) {
    problems.push(
      problem(
        'region-set-spacing',
        `The region set is signed as "${trimmed.join(',')}", without spaces.`,
        undefined,
        {
          severity: 'note',
        },
      ),
    );
  }
  return problems.some((p) => p.severity === 'error') ? fail(problems) : ok(trimmed.join(','), problems);
}
