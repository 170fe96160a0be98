/**
 * Verifying a SigV4A signature. ECDSA is randomized, so a signature is never recomputed and compared: the
 * canonical request and string to sign are rebuilt from the request, and the pasted signature is checked with
 * the public key, derived from the secret (and the access key id of the credential) or pasted.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#create-sigv4a-request
 */

import { V4A_GENERIC_SETTINGS, type SigV4aSettings } from './settings';
import { fromHex } from '../crypto';
import type { HttpRequest } from '../request/model';
import type { SchemeTrace, SchemeVerification, TraceStage } from '../trace';
import { fail, ok, problem, type Problem, type Result } from '../types';
import { computeStages, type SignatureStages } from '../v4/compute';
import { planVerification } from '../v4/verify';
import { deriveV4aKey } from './key-derivation';
import {
  ecdsaVerifyDigest,
  parseDerSignature,
  uncompressedHex,
  type EcdsaParts,
  type P256PublicKey,
} from './p256';
import { parsePublicKey } from './public-key';
import { v4aDigest, v4aVariant } from './sign';
import { keyChainOf, keyStage, pastedKeyStage, requestStages, signatureStage } from './stages';
import { V4A_DOC } from './string-to-sign';
import { regionSetOf } from './region-set-check';

/** What verifying needs besides the signed request: a secret, or a public key. */
export interface SigV4aVerifyInput {
  request: HttpRequest;
  /** Derives the public key, with the access key id of the request's credential unless `accessKeyId` is given. */
  secretAccessKey?: string;
  accessKeyId?: string;
  /** A pasted public key (SEC1 hex, "X,Y" or {"X","Y"}); wins over the secret. Spans of its problems point into it. */
  publicKey?: string;
  settings?: Partial<SigV4aSettings>;
}

/** What the SigV4A verification carries besides the common shape. */
export interface SigV4aVerifyDetails {
  stages: SignatureStages;
  /** The `X-Amz-Region-Set` the request signed, when it signed one. */
  regionSet?: string;
  publicKey: P256PublicKey;
  keySource: 'derived' | 'pasted';
  signatureParts?: EcdsaParts;
}

/** Checks a SigV4A signature and returns the rebuilt stages with the verdict. */
export async function verifyV4a(
  input: SigV4aVerifyInput,
): Promise<Result<SchemeVerification<SigV4aVerifyDetails>>> {
  const settings: SigV4aSettings = { ...V4A_GENERIC_SETTINGS, ...input.settings };
  const variant = v4aVariant('', () => '');
  const planned = await planVerification({ request: input.request, secretAccessKey: '', settings, variant });
  if (!planned.ok) return fail(planned.problems);
  const { plan, provided } = planned.value;
  const notes: Problem[] = [...planned.value.notes];
  const stages = computeStages(plan, variant);

  let publicKey: P256PublicKey;
  let keyStageOf: TraceStage;
  let keyChain;
  if (input.publicKey !== undefined && input.publicKey.trim() !== '') {
    const pasted = parsePublicKey(input.publicKey);
    if (!pasted.ok) return fail(pasted.problems);
    publicKey = pasted.value;
    keyStageOf = pastedKeyStage(publicKey);
  } else if (input.secretAccessKey !== undefined) {
    const accessKeyId = input.accessKeyId ?? provided.credential.accessKeyId;
    if (input.accessKeyId && input.accessKeyId !== provided.credential.accessKeyId) {
      notes.push(
        problem(
          'access-key',
          `The request was signed for access key ${provided.credential.accessKeyId}, not ${input.accessKeyId}; the key is derived from ${input.accessKeyId}.`,
          provided.credentialSpan,
          {
            severity: 'warning',
            hint: 'SigV4A derives the key from the access key id too: a different id is a different key.',
          },
        ),
      );
    }
    const key = deriveV4aKey(accessKeyId, input.secretAccessKey);
    if (!key) return fail([problem('v4a-key', 'No SigV4A key can be derived from this secret.')]);
    publicKey = key.publicKey;
    keyStageOf = keyStage(key);
    keyChain = keyChainOf(key);
  } else {
    return fail([
      problem('no-key', 'Give the secret access key or the public key to check a SigV4A signature with.'),
    ]);
  }

  const der = fromHex(provided.signature);
  const parts = der ? parseDerSignature(der) : undefined;
  if (!der) {
    notes.push(
      problem(
        'signature-hex',
        'A SigV4A signature is hex (the DER encoding of r and s).',
        provided.signatureSpan,
      ),
    );
  } else if (!parts) {
    notes.push(
      problem(
        'signature-der',
        'The signature is hex but not a DER ECDSA signature (30 len 02 len r 02 len s).',
        provided.signatureSpan,
        {
          hint: 'A SigV4 HMAC signature (64 hex digits) here means the client signed with SigV4, not SigV4A.',
        },
      ),
    );
  }
  const match = !!der && !!parts && ecdsaVerifyDigest(der, v4aDigest(stages.stringToSignText), publicKey);
  const region = regionSetOf(input.request, provided.mode, provided.signedHeaders);
  notes.push(...region.notes);
  const verdict: TraceStage = {
    id: 'verification',
    title: 'Verification',
    rule: 'ECDSA verification of the signature against SHA-256 of the rebuilt string to sign with the public key.',
    docUrl: V4A_DOC,
    text: match ? 'valid' : 'invalid',
    lines: [{ label: 'verdict', text: match ? 'valid' : 'invalid', sources: [provided.signatureSpan] }],
  };
  const trace: SchemeTrace<SigV4aVerifyDetails> = {
    scheme: 'sigv4a',
    mode: provided.mode,
    stages: [...requestStages(stages), keyStageOf, signatureStage(provided.signature, parts), verdict],
    ...(keyChain ? { keyChain } : {}),
    signature: provided.signature,
    signatureEncoding: 'hex',
    added: { headers: [], query: [] },
    signedRequest: input.request.source,
    publicKey: uncompressedHex(publicKey),
    notes,
    details: {
      stages,
      ...(region.value !== undefined ? { regionSet: region.value } : {}),
      publicKey,
      keySource: input.publicKey?.trim() ? 'pasted' : 'derived',
      ...(parts ? { signatureParts: parts } : {}),
    },
  };
  return ok(
    {
      match,
      provided: provided.signature,
      providedSpan: provided.signatureSpan,
      accessKeyId: provided.credential.accessKeyId,
      trace,
      notes,
    },
    notes,
  );
}
