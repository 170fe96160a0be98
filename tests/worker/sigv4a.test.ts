/**
 * SigV4A through the worker's recompute, on the aws-c-auth v4a suite (tests/vectors/sigv4a, Apache-2.0): a pasted
 * signed request (header or presigned) is read under SigV4A and its stages come through the generic trace view,
 * canonical request and string to sign exactly the suite's; the suite's signatures verify with the key derived
 * from the secret or with the suite's public-key.json; an unsigned request signed as SigV4A gives the suite's
 * stages and a signature that the suite's public key verifies. ECDSA is randomized: signatures are verified, never
 * compared.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../../src/lib/sig/crypto';
import { ecdsaVerifyDigest, v4aDigest } from '../../src/lib/sig/v4a/index';
import { EMPTY_SNAPSHOT } from '../../src/lib/state/snapshot';
import type { RunInput, RunOutput, SettingValues } from '../../src/lib/worker/protocol';
import { runStages } from '../../src/lib/worker/run';
import {
  awsCAuthSettings,
  caseFolders,
  readVector,
  readVectorJson,
  VECTORS,
  type AwsCAuthContext,
} from '../sig/v4/vectors';

const SUITE = ['sigv4a', 'aws-c-auth-v4a'];
const cases = caseFolders(...SUITE).filter((c) =>
  existsSync(join(VECTORS, ...SUITE, c, 'header-canonical-request.txt')),
);

function run(over: Partial<RunInput>): Promise<RunOutput> {
  const blank = { ...EMPTY_SNAPSHOT, settings: {}, secretAccessKey: '', sessionToken: '' };
  return runStages({ ...blank, now: '2015-08-30T12:40:00Z', explain: false, ...over });
}

const stageText = (out: RunOutput, id: string) => out.trace?.stages.find((s) => s.id === id)?.text;

describe.each(cases)('aws-c-auth v4a %s on the page', (name) => {
  const context = readVectorJson<AwsCAuthContext>(...SUITE, name, 'context.json');
  const secret = context.credentials.secret_access_key;
  const key = readVectorJson<{ X: string; Y: string }>(...SUITE, name, 'public-key.json');
  const settings = awsCAuthSettings(context) as SettingValues;

  describe.each(['header', 'query'] as const)('%s mode', (mode) => {
    const expected = (stage: string) => readVector(...SUITE, name, `${mode}-${stage}.txt`);

    it('reads the signed request as SigV4A and verifies it with the key derived from the secret', async () => {
      const out = await run({ request: expected('signed-request'), secretAccessKey: secret, settings });
      expect(out.stages, 'not through SigV4’s own view').toBeUndefined();
      expect(out.seen.scheme).toBe('sigv4a');
      expect(out.trace?.checkedBy).toBe('public-key');
      expect(stageText(out, 'canonical-request'), expected('signed-request')).toBe(
        expected('canonical-request'),
      );
      expect(stageText(out, 'string-to-sign')).toBe(expected('string-to-sign'));
      expect(out.trace?.valid).toBe(true);
      expect(out.verdict.verdict).toBe('match');
      // The key stage shows the derivation's counter and the public key, the suite's.
      const keyLines = out.trace?.stages.find((s) => s.id === 'signing-key')?.lines.map((l) => l.text);
      expect(keyLines?.some((l) => /^counter \d+: fixed input [0-9a-f]+ → .*kept/.test(l))).toBe(true);
      expect(keyLines).toContain(`X = ${key.X.toLowerCase()}`);
      expect(keyLines).toContain(`Y = ${key.Y.toLowerCase()}`);
    });

    it("verifies it with the suite's public key pasted instead of the secret", async () => {
      const out = await run({
        request: expected('signed-request'),
        publicKey: readVector(...SUITE, name, 'public-key.json'),
        settings,
      });
      expect(out.trace?.valid).toBe(true);
      expect(out.trace?.stages.find((s) => s.id === 'signing-key')?.title).toBe('Public key (pasted)');
    });
  });
});

describe('SigV4A on the page, get-vanilla', () => {
  const dir = [...SUITE, 'get-vanilla'];
  const context = readVectorJson<AwsCAuthContext>(...dir, 'context.json');
  const secret = context.credentials.secret_access_key;
  const key = readVectorJson<{ X: string; Y: string }>(...dir, 'public-key.json');
  const signed = readVector(...dir, 'header-signed-request.txt');

  it('shows the signature’s r and s', async () => {
    const out = await run({ request: signed, secretAccessKey: secret });
    const lines = out.trace?.stages.find((s) => s.id === 'signature')?.lines.map((l) => l.label);
    expect(lines).toEqual(['der', 'r', 's']);
  });

  it('says a signature checked with another secret does not verify', async () => {
    const out = await run({ request: signed, secretAccessKey: 'another secret' });
    expect(out.trace?.valid).toBe(false);
    expect(out.verdict.verdict).toBe('mismatch');
  });

  it('without a key, shows the request stages and asks for the secret or the public key', async () => {
    const out = await run({ request: signed });
    expect(stageText(out, 'string-to-sign')).toBe(readVector(...dir, 'header-string-to-sign.txt'));
    expect(out.trace?.valid).toBeUndefined();
    expect(out.trace?.stages.some((s) => s.id === 'signing-key')).toBe(false);
    expect(out.verdict.verdict).toBe('unknown');
    expect(out.problems.map((p) => p.problem.kind)).toContain('no-key');
  });

  it('a public key that cannot be read is a problem under the box, and the stages still show', async () => {
    const out = await run({ request: signed, publicKey: 'not a key' });
    expect(stageText(out, 'string-to-sign')).toBe(readVector(...dir, 'header-string-to-sign.txt'));
    expect(out.trace?.valid).toBeUndefined();
    expect(out.problems.some((p) => p.input === 'settings' && p.problem.severity === 'error')).toBe(true);
  });

  it.each(['header', 'query'] as const)(
    'signs the unsigned request as SigV4A in %s mode: the suite’s stages, a signature its key verifies',
    async (mode) => {
      const out = await run({
        request: readVector(...dir, 'request.txt'),
        scheme: 'sigv4a',
        action: 'sign',
        location: mode,
        accessKeyId: context.credentials.access_key_id,
        secretAccessKey: secret,
        regionSet: context.region,
        service: context.service,
        time: context.timestamp,
        expires: context.expiration_in_seconds,
      });
      expect(out.trace?.action).toBe('sign');
      expect(out.seen.regionSet?.value).toBe('us-east-1');
      expect(stageText(out, 'canonical-request')).toBe(readVector(...dir, `${mode}-canonical-request.txt`));
      const sts = readVector(...dir, `${mode}-string-to-sign.txt`);
      expect(stageText(out, 'string-to-sign')).toBe(sts);
      const der = fromHex(out.trace!.signature!)!;
      const publicKey = { x: key.X.toLowerCase(), y: key.Y.toLowerCase() };
      expect(ecdsaVerifyDigest(der, v4aDigest(sts), publicKey)).toBe(true);
      if (mode === 'header') expect(out.trace?.authorization).toMatch(/^AWS4-ECDSA-P256-SHA256 Credential=/);
      else expect(out.trace?.url).toContain('X-Amz-Region-Set=us-east-1');
    },
  );

  it('the scheme picker’s SigV4A with no region set given signs for the host’s region, and says so', async () => {
    const out = await run({
      request: 'GET / HTTP/1.1\nHost: s3.us-west-2.amazonaws.com\nX-Amz-Date: 20150830T123600Z\n\n',
      scheme: 'sigv4a',
      action: 'sign',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: secret,
    });
    expect(out.seen.regionSet).toEqual({ value: 'us-west-2', from: 'the host' });
    expect(stageText(out, 'canonical-request')).toContain('x-amz-region-set:us-west-2');
  });
});
