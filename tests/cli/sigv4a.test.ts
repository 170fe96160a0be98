/**
 * `sigscope sign` and `verify` with `scheme: "sigv4a"` case files, over the aws-c-auth SigV4A suite
 * (tests/vectors/sigv4a, Apache-2.0; see SOURCES.md). The canonical request and string to sign printed must be the
 * suite's; signatures are checked with the suite's public-key.json through @noble/curves, not with our verifier.
 */

import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseFolders, readVector, readVectorJson, VECTORS, type AwsCAuthContext } from '../sig/v4/vectors';
import { sigscope, tempFiles } from './run-cli';
import { caseFromContext } from './vector-case';

const SUITE = ['sigv4a', 'aws-c-auth-v4a'];
const cases = caseFolders(...SUITE).filter((c) =>
  existsSync(join(VECTORS, ...SUITE, c, 'header-canonical-request.txt')),
);
const { write } = tempFiles('sigscope-v4a-');

/** Whether a DER hex signature verifies over `stringToSign` with the suite's public key. */
function suiteKeyVerifies(name: string, stringToSign: string, derHex: string): boolean {
  const key = readVectorJson<{ X: string; Y: string }>(...SUITE, name, 'public-key.json');
  const point = `04${key.X.padStart(64, '0')}${key.Y.padStart(64, '0')}`;
  const digest = sha256(new TextEncoder().encode(stringToSign));
  return p256.verify(Buffer.from(derHex, 'hex'), digest, Buffer.from(point, 'hex'), {
    prehash: false,
    format: 'der',
    lowS: false,
  });
}

/** The aws-c-auth case as a sigv4a case file: SigV4's fields, the region as the region set. */
function caseOf(name: string, mode: 'header' | 'query', request: string) {
  const context = readVectorJson<AwsCAuthContext>(...SUITE, name, 'context.json');
  const { region, ...rest } = caseFromContext(context, mode, request);
  return { ...rest, scheme: 'sigv4a', regionSet: region };
}

describe.each(cases)('sigscope with the aws-c-auth v4a case %s', (name) => {
  it.each(['header', 'query'] as const)('signs in %s mode as the suite expects', async (mode) => {
    const expected = (stage: string) => readVector(...SUITE, name, `${mode}-${stage}.txt`);
    const file = write(`${name}-${mode}.json`, caseOf(name, mode, readVector(...SUITE, name, 'request.txt')));
    const r = await sigscope('sign', '--json', file);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const view = JSON.parse(r.stdout);
    expect(view.scheme).toBe('sigv4a');
    expect(view.canonicalRequest).toBe(expected('canonical-request'));
    expect(view.stringToSign).toBe(expected('string-to-sign'));
    expect(suiteKeyVerifies(name, view.stringToSign, view.signature)).toBe(true);
    if (mode === 'header') expect(view.authorization).toMatch(/^AWS4-ECDSA-P256-SHA256 Credential=/);
    else expect(view.url).toContain('X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256');
  });

  it("verifies the suite's signed requests (exit 0) with the secret, and a changed one fails (exit 1)", async () => {
    for (const mode of ['header', 'query'] as const) {
      const signed = readVector(...SUITE, name, `${mode}-signed-request.txt`);
      const good = await sigscope(
        'verify',
        '--json',
        write(`${name}-${mode}-v.json`, caseOf(name, mode, signed)),
      );
      expect(good.code, good.stderr + good.stdout).toBe(0);
      expect(JSON.parse(good.stdout).canonicalRequest).toBe(
        readVector(...SUITE, name, `${mode}-canonical-request.txt`),
      );
      // Another method is another canonical request: the suite's signature no longer verifies.
      const changed = signed.replace(/^(GET|POST)/, (m) => (m === 'GET' ? 'POST' : 'GET'));
      const bad = await sigscope(
        'verify',
        '--json',
        write(`${name}-${mode}-x.json`, caseOf(name, mode, changed)),
      );
      expect(bad.code, bad.stderr + bad.stdout).toBe(1);
    }
  });
});

describe('sigscope sigv4a case files', () => {
  const name = 'get-vanilla';
  const signed = () => readVector(...SUITE, name, 'header-signed-request.txt');

  it('verifies with the public key alone, no secret', async () => {
    const c = caseOf(name, 'header', signed());
    const file = write('pub.json', {
      ...c,
      credentials: { accessKeyId: c.credentials.accessKeyId, secretAccessKey: 'not-the-secret' },
      publicKey: readVector(...SUITE, name, 'public-key.json'),
    });
    const r = await sigscope('verify', '--json', file);
    expect(r.code, r.stderr + r.stdout).toBe(0);
  });

  it('detects SigV4A from the request when the case names no scheme', async () => {
    const { scheme: _scheme, ...c } = caseOf(name, 'header', signed());
    void _scheme;
    const r = await sigscope('verify', '--json', write('noscheme.json', c));
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(JSON.parse(r.stdout).scheme).toBe('sigv4a');
  });

  it('asks for the region set, pointing at the case, when signing without one', async () => {
    const { regionSet: _set, ...c } = caseOf(name, 'header', readVector(...SUITE, name, 'request.txt'));
    void _set;
    const r = await sigscope('sign', '--json', write('noset.json', { ...c, region: 'us-east-1' }));
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('regionSet');
  });
});
