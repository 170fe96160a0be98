/**
 * The official SigV4 suite in botocore's layout (`aws4_testsuite`): .req → .creq, .sts, .authz, .sreq, each on its
 * own. The requests carry their own X-Amz-Date, so the signing time is read from the request.
 */

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signText, verifyText } from '../../../src/lib/sig/index';
import { findHeader } from '../../../src/lib/sig/request/model';
import { headerLines, mustParse, readVector, VECTORS } from './vectors';

const SUITE = join(VECTORS, 'sigv4', 'aws4_testsuite');
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

/** Every folder holding a `<name>.req`, relative to the suite (cases nest under normalize-path/ and post-sts-token/). */
function cases(dir = SUITE, prefix = ''): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (!statSync(full).isDirectory()) return [];
    const here = readdirSync(full).some((f) => f === `${entry}.req`) ? [prefix + entry] : [];
    return [...here, ...cases(full, `${prefix}${entry}/`)];
  });
}

const file = (id: string, ext: string) =>
  readVector('sigv4', 'aws4_testsuite', id, `${id.split('/').pop()}.${ext}`);

describe.each(cases().sort())('aws4_testsuite %s', (id) => {
  const request = file(id, 'req');
  const signedRequest = mustParse(file(id, 'sreq'));
  // A token the .req lacks comes with the credentials, as in the suite; post-sts-header-after adds it unsigned.
  const token = findHeader(mustParse(request), 'x-amz-security-token')
    ? undefined
    : findHeader(signedRequest, 'x-amz-security-token');
  const tokenSigned = file(id, 'authz').includes('x-amz-security-token');
  const sign = () =>
    signText({
      scheme: 'sigv4',
      mode: 'header',
      request,
      credentials: token ? { ...CREDENTIALS, sessionToken: token.value } : CREDENTIALS,
      region: 'us-east-1',
      service: 'service',
      settings: { signSessionToken: tokenSigned || !token },
    });

  it('builds the canonical request', async () => {
    const result = await sign();
    expect(result.ok, JSON.stringify(result.problems)).toBe(true);
    if (result.ok) expect(result.value.canonicalRequestText, request).toBe(file(id, 'creq'));
  });

  it('builds the string to sign', async () => {
    const result = await sign();
    expect(result.ok && result.value.stringToSignText).toBe(file(id, 'sts'));
  });

  it('writes the Authorization header', async () => {
    const result = await sign();
    expect(result.ok && result.value.authorization).toBe(file(id, 'authz'));
  });

  it('produces the signed request', async () => {
    const result = await sign();
    expect(result.ok).toBe(true);
    if (result.ok) {
      const without = (lines: string[]) => lines.filter((l) => !l.startsWith('authorization:'));
      expect(without(headerLines(mustParse(result.value.signedRequest)))).toEqual(
        without(headerLines(signedRequest)),
      );
    }
  });

  // The suite's get-vanilla-with-session-token.sreq carries get-vanilla's signature, not its own .authz; so the
  // signed request is verified with the .authz Authorization, which is the suite's expected value in every case.
  it('verifies the signed request carrying the expected Authorization', async () => {
    const sreq = file(id, 'sreq').replace(/^Authorization:.*$/m, `Authorization: ${file(id, 'authz')}`);
    const result = await verifyText({
      scheme: 'sigv4',
      request: sreq,
      secretAccessKey: CREDENTIALS.secretAccessKey,
      settings: { signSessionToken: tokenSigned || !token },
    });
    expect(result.ok && result.value.match).toBe(true);
  });
});
