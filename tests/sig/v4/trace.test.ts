/**
 * SigV4 as a SchemeTrace: the stages carry the aws4_testsuite's own canonical request, string to sign and signature
 * (tests/vectors/sigv4/aws4_testsuite, see its LICENSE and NOTICE), and the secret never appears in them.
 */

import { describe, expect, it } from 'vitest';
import { findStage } from '../../../src/lib/sig/trace';
import { GENERIC_SETTINGS } from '../../../src/lib/sig/v4/settings';
import { signV4 } from '../../../src/lib/sig/v4/sign';
import { v4SchemeTrace } from '../../../src/lib/sig/v4/trace';
import { mustParse, readVector } from './vectors';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const dir = ['sigv4', 'aws4_testsuite', 'get-vanilla'];
const file = (ext: string) => readVector(...dir, `get-vanilla.${ext}`).replace(/\r\n/g, '\n');

async function vanilla() {
  const signed = await signV4({
    request: mustParse(file('req')),
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET },
    region: 'us-east-1',
    service: 'service',
    mode: 'header',
    settings: GENERIC_SETTINGS,
  });
  if (!signed.ok) throw new Error(JSON.stringify(signed.problems));
  return v4SchemeTrace(signed.value);
}

describe('v4SchemeTrace on get-vanilla', () => {
  it('has the five SigV4 stages in order', async () => {
    const t = await vanilla();
    expect(t.stages.map((s) => s.id)).toEqual([
      'canonical-request',
      'canonical-request-hash',
      'string-to-sign',
      'signing-key',
      'signature',
    ]);
  });

  it("the canonical request, string to sign and signature are the suite's", async () => {
    const t = await vanilla();
    expect(findStage(t, 'canonical-request')!.text).toBe(file('creq').trimEnd());
    expect(findStage(t, 'string-to-sign')!.text).toBe(file('sts').trimEnd());
    const authz = file('authz').trim();
    expect(authz.endsWith(`Signature=${findStage(t, 'signature')!.text}`)).toBe(true);
    expect(t.authorization).toBe(authz);
  });

  it('the canonical lines point back at the request they came from', async () => {
    const t = await vanilla();
    const req = file('req');
    const host = findStage(t, 'canonical-request')!.lines.find((l) => l.name === 'host')!;
    expect(host.sources.map((s) => req.slice(s.start, s.end)).join('')).toContain('example.amazonaws.com');
  });

  it('never carries the secret, nor kSecret', async () => {
    const t = await vanilla();
    expect(JSON.stringify(t.stages)).not.toContain(SECRET);
    expect(t.keyChain!.map((k) => k.label)).toEqual(['kDate', 'kRegion', 'kService', 'kSigning']);
  });
});
