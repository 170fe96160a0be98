/**
 * The seed of an upload, verified: the request's own SigV4 or SigV4A signature, and the key that judges the
 * chain after it.
 */

import type { LinkKey, VerifyChunkedInput } from './chunked-types';
import { hmacWithKey, toHex } from '../crypto';
import { fail, ok, problem } from '../types';
import { renderScope, deriveSigningKey } from '../v4/signing-key';
import { S3_SETTINGS } from '../v4/settings';
import { verifyV4 } from '../v4/verify';
import { V4A_S3_SETTINGS } from '../v4a/settings';
import { verifyV4a } from '../v4a/verify';
import { trimV4aSignature } from './payload-mode';

/** Reads the seed's verdict and the key that signs the chain. */
export async function verifySeed(input: VerifyChunkedInput, v4a: boolean) {
  if (v4a) {
    const r = await verifyV4a({
      request: input.request,
      ...(input.secretAccessKey !== undefined ? { secretAccessKey: input.secretAccessKey } : {}),
      ...(input.accessKeyId ? { accessKeyId: input.accessKeyId } : {}),
      ...(input.publicKey !== undefined ? { publicKey: input.publicKey } : {}),
      settings: { ...V4A_S3_SETTINGS, ...input.settings },
    });
    if (!r.ok) return fail<never>(r.problems);
    const d = r.value.trace.details!;
    const scope = d.stages.stringToSign.credentialScope;
    return ok({
      match: r.value.match,
      provided: trimV4aSignature(r.value.provided),
      span: r.value.providedSpan,
      amzDate: d.stages.stringToSign.requestDateTime,
      scope,
      key: { algorithm: 'sigv4a', publicKey: d.publicKey } as LinkKey,
      notes: r.value.notes,
    });
  }
  if (input.secretAccessKey === undefined) {
    return fail<never>([problem('no-key', 'Give the secret access key to check a SigV4 upload with.')]);
  }
  const secret = input.secretAccessKey;
  const r = await verifyV4({
    request: input.request,
    secretAccessKey: secret,
    ...(input.accessKeyId ? { accessKeyId: input.accessKeyId } : {}),
    settings: { ...S3_SETTINGS, ...input.settings },
  });
  if (!r.ok) return fail<never>(r.problems);
  const scope = r.value.provided.credential.scope;
  const signingKey = deriveSigningKey(secret, scope).key;
  return ok({
    match: r.value.match,
    provided: r.value.provided.signature.toLowerCase(),
    span: r.value.provided.signatureSpan,
    amzDate: r.value.amzDate,
    scope: renderScope(scope),
    key: { algorithm: 'sigv4', sign: (sts: string) => toHex(hmacWithKey(signingKey, sts)) } as LinkKey,
    notes: r.value.notes,
  });
}
