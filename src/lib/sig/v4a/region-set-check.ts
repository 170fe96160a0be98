/**
 * The region set a SigV4A request carries, and what is wrong with it: missing, or on the request but unsigned.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#create-canonical-request-sigv4a
 */

import { percentDecodeText } from '../encoding';
import { findHeader, sameName, type HttpRequest } from '../request/model';
import { problem, type Problem } from '../types';
import { REGION_SET } from './string-to-sign';

/** The region set the request carries, and a note when it is missing or left unsigned. */
export function regionSetOf(
  request: HttpRequest,
  mode: string,
  signedHeaders: readonly string[],
): {
  value?: string;
  notes: Problem[];
} {
  if (mode === 'query') {
    const param = request.params.find((p) => sameName(p.name, REGION_SET));
    if (param) return { value: percentDecodeText(param.value ?? ''), notes: [] };
    return {
      notes: [
        problem(
          'no-region-set',
          `A SigV4A presigned URL carries ${REGION_SET}; this one has none.`,
          request.querySpan,
          {
            severity: 'warning',
            hint: 'Servers answer such a request with an error about the region set.',
          },
        ),
      ],
    };
  }
  const header = findHeader(request, REGION_SET);
  if (!header) {
    return {
      notes: [
        problem(
          'no-region-set',
          `A SigV4A request carries an ${REGION_SET} header; this one has none.`,
          undefined,
          {
            severity: 'warning',
          },
        ),
      ],
    };
  }
  const notes: Problem[] = [];
  if (!signedHeaders.includes('x-amz-region-set')) {
    notes.push(
      problem(
        'region-set-unsigned',
        `${REGION_SET} is on the request but not in SignedHeaders.`,
        header.span,
        {
          severity: 'warning',
          hint: 'SigV4A signs the region set: add x-amz-region-set to the signed headers.',
        },
      ),
    );
  }
  return { value: header.value, notes };
}
