/**
 * Every vector file of tests/vectors/sigv2 and every SigV2 file of tests/vectors/s3 is run by a named test, and
 * the one that is not says why: nothing is left out silently.
 */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { VECTORS } from '../v4/vectors';

const RUN_BY: Record<string, string> = {
  'sigv2/query-api-sigv2.json': 'tests/sig/v2/vectors.test.ts, tests/cli/legacy-schemes.test.ts',
  'sigv2/sigv1-collision.json': 'tests/sig/v1/v1.test.ts',
  's3/sigv2-rest-examples.json': 'tests/sig/s3v2/vectors.test.ts, tests/cli/legacy-schemes.test.ts',
  's3/botocore-s3-sigv2.json': 'tests/sig/s3v2/botocore.test.ts',
  's3/sigv2-post-policy-examples.json': 'tests/sig/s3v2/post-policy.test.ts',
};
const NOT_RUN: Record<string, string> = {
  'sigv2/sigv3-https.json':
    'Signature Version 3 (AWS3-HTTPS, X-Amzn-Authorization: HMAC of the Date header) is not one of the schemes of issue 9.',
};

it('runs every legacy vector file or says why not', () => {
  const files = [
    ...readdirSync(join(VECTORS, 'sigv2')).map((f) => `sigv2/${f}`),
    ...readdirSync(join(VECTORS, 's3'))
      .filter((f) => f.startsWith('sigv2-') || f.includes('s3-sigv2'))
      .map((f) => `s3/${f}`),
  ].filter((f) => f.endsWith('.json'));
  expect(files.sort()).toEqual([...Object.keys(RUN_BY), ...Object.keys(NOT_RUN)].sort());
});
