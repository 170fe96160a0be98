/**
 * sigscope's SigV4A and `@smithy/signature-v4a` (the AWS SDK for JavaScript v3's signer) verify each other's
 * signatures on random requests. ECDSA is randomized, so nothing is compared byte for byte:
 * - smithy signs; sigscope verifies the signed request with the key it derives itself from the secret;
 * - sigscope signs; the signature is verified (by node:crypto, OpenSSL) with the public key of the private key
 *   *smithy* derived, over the string to sign smithy built for the same request, and smithy's canonical request
 *   must equal ours.
 * Header mode only: @smithy/signature-v4a has no presigner. The request generator and its limits are those of the
 * SigV4 oracle (tests/property/sigv4-oracle.test.ts), in its generic header variant (smithy always adds
 * x-amz-content-sha256). Random headers never use the names a signer owns, X-Amz-Region-Set included.
 */

import { createECDH, createPublicKey, verify } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4a } from '@smithy/signature-v4a';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpRequest } from '../../src/lib/sig/request/http';
import { signV4a, verifyV4a } from '../../src/lib/sig/v4a/index';
import { renderRawRequest, requestModel, toSmithyRequest, type RequestModel } from './request-model';

/** Runs per direction; raise with SIGV4A_ORACLE_RUNS for a longer local soak. */
const RUNS = Number(process.env['SIGV4A_ORACLE_RUNS'] ?? 300);

/** smithy's SigV4A signer, keeping the canonical request, string to sign and private key it used. */
class RecordingSignatureV4a extends SignatureV4a {
  canonicalRequest = '';
  stringToSign = '';
  privateKey: Uint8Array = new Uint8Array();

  constructor(options: ConstructorParameters<typeof SignatureV4a>[0]) {
    super(options);
    // getSignature is private in smithy's types; wrapping it on the instance records its arguments unchanged.
    const hooks = this as unknown as { getSignature(key: Uint8Array, sts: string): Promise<string> };
    const original = hooks.getSignature.bind(this);
    hooks.getSignature = (key, sts) => {
      this.privateKey = key;
      this.stringToSign = sts;
      return original(key, sts);
    };
  }

  protected override createCanonicalRequest(
    ...args: Parameters<SignatureV4a['createCanonicalRequest']>
  ): string {
    this.canonicalRequest = super.createCanonicalRequest(...args);
    return this.canonicalRequest;
  }
}

const SIGNING = fc.record({
  accessKeyId: fc.string({
    unit: fc.constantFrom(...'AKIA0123456789XYZ'.split('')),
    minLength: 4,
    maxLength: 20,
  }),
  // smithy copies the secret into its HMAC key one UTF-16 unit per byte: only ASCII means the same to both.
  secretAccessKey: fc.string({
    unit: fc.constantFrom(...'abcXYZ019+/='.split('')),
    minLength: 1,
    maxLength: 40,
  }),
  sessionToken: fc.option(
    fc.string({ unit: fc.constantFrom(...'AQoDYXdzEJr/+=ab09'.split('')), minLength: 1, maxLength: 60 }),
    {
      nil: undefined,
    },
  ),
  regionSet: fc.constantFrom('us-east-1', '*', 'us-east-1,us-west-2', 'eu-*'),
  service: fc.constantFrom('s3', 'execute-api', 'iam', 'sts'),
  time: fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
});

type Signing = typeof SIGNING extends fc.Arbitrary<infer T> ? T : never;

const OWNED = /^(x-amz-region-set|x-amz-date|x-amz-security-token|x-amz-content-sha256|authorization|date)$/i;
const MODELS = requestModel('generic', 'any').filter((m) => !m.headers.some((h) => OWNED.test(h.name)));

function credentialsOf(s: Signing) {
  return {
    accessKeyId: s.accessKeyId,
    secretAccessKey: s.secretAccessKey,
    ...(s.sessionToken !== undefined ? { sessionToken: s.sessionToken } : {}),
  };
}

async function signWithSmithy(model: RequestModel, s: Signing) {
  const signer = new RecordingSignatureV4a({
    credentials: credentialsOf(s),
    region: s.regionSet,
    service: s.service,
    sha256: Sha256,
  });
  const signed = await signer.sign(toSmithyRequest(model, { hoistRepeatedAmzHeaders: false }), {
    signingDate: s.time,
  });
  return { signer, signed };
}

/** The public key (as a node KeyObject) of a P-256 private scalar, computed by OpenSSL. */
function openSslPublicKey(privateKey: Uint8Array) {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(privateKey);
  const point = ecdh.getPublicKey();
  const b64url = (b: Buffer) => b.toString('base64url');
  return createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)) },
    format: 'jwk',
  });
}

describe('SigV4A interoperates with @smithy/signature-v4a', () => {
  it('verifies what smithy signs, with the key it derives itself', async () => {
    await fc.assert(
      fc.asyncProperty(MODELS, SIGNING, async (model, s) => {
        const { signed } = await signWithSmithy(model, s);
        const added = [
          'x-amz-date',
          'x-amz-region-set',
          'x-amz-security-token',
          'x-amz-content-sha256',
          'authorization',
        ]
          .filter((name) => signed.headers[name] !== undefined)
          .map((name) => ({ name, pieces: [' ', String(signed.headers[name])] }));
        const raw = renderRawRequest({ ...model, headers: [...model.headers, ...added] });
        const context = `raw request: ${JSON.stringify(raw)}`;
        const request = parseHttpRequest(raw);
        if (!request.ok)
          return expect.fail(`does not parse: ${JSON.stringify(request.problems)}\n${context}`);
        const result = await verifyV4a({
          request: request.value,
          secretAccessKey: s.secretAccessKey,
          settings: { contentSha256Header: true },
        });
        if (!result.ok) return expect.fail(`refused: ${JSON.stringify(result.problems)}\n${context}`);
        expect(result.value.match, context).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it("signs what smithy's key verifies, over smithy's own string to sign", async () => {
    await fc.assert(
      fc.asyncProperty(MODELS, SIGNING, async (model, s) => {
        const raw = renderRawRequest(model);
        const context = `raw request: ${JSON.stringify(raw)}`;
        const request = parseHttpRequest(raw);
        if (!request.ok)
          return expect.fail(`does not parse: ${JSON.stringify(request.problems)}\n${context}`);
        const ours = await signV4a({
          request: request.value,
          credentials: credentialsOf(s),
          regionSet: s.regionSet,
          service: s.service,
          mode: 'header',
          time: s.time,
          settings: { contentSha256Header: true, nonce: 'random' },
        });
        if (!ours.ok) return expect.fail(`refused: ${JSON.stringify(ours.problems)}\n${context}`);
        const { signer } = await signWithSmithy(model, s);
        expect(ours.value.details!.stages.canonicalRequestText, context).toBe(signer.canonicalRequest);
        expect(ours.value.details!.stages.stringToSignText, context).toBe(signer.stringToSign);
        const valid = verify(
          'sha256',
          Buffer.from(signer.stringToSign, 'utf8'),
          { key: openSslPublicKey(signer.privateKey), dsaEncoding: 'der' },
          Buffer.from(ours.value.signature, 'hex'),
        );
        expect(valid, context).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
