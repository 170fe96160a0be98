/**
 * The V1-vs-V2 lab: a request signed with SigV1, the forgery `collide` makes of it (same SigV1 string, so the captured
 * signature stays valid), and the same two under SigV2, where the captured signature no longer fits the forgery.
 * Every verdict is the engine's verify. No DOM here.
 */

import { collideText, signLegacyText, verifyLegacyText } from '$lib/sig/scheme-text';
import { parseHttpRequest } from '$lib/sig/request/http';
import { findStage, type SchemeCredentials } from '$lib/sig/trace';
import { fail, ok, type Result } from '$lib/sig/types';
import type { Collision } from '$lib/sig/registry-legacy';
import { placeSignature } from '$lib/sig/registry-legacy';

/** What the lab shows: four requests as sent, and what the engine says of each. */
export interface LabResult {
  collision: Collision;
  v1: { original: string; forged: string; originalOk: boolean; forgedOk: boolean };
  v2: {
    original: string;
    forged: string;
    stringToSign: { original: string; forged: string };
    originalOk: boolean;
    forgedOk: boolean;
  };
}

const AUTH = new Set(['SignatureVersion', 'SignatureMethod', 'Signature']);

/** The forged parameters carrying SigV2's own auth parameters and a captured SigV2 signature. */
function underV2(forgedV1: string, v2Signed: string): Result<string> {
  const forged = parseHttpRequest(forgedV1);
  const signed = parseHttpRequest(v2Signed);
  if (!forged.ok) return fail(forged.problems);
  if (!signed.ok) return fail(signed.problems);
  const get = (name: string) => signed.value.params.find((p) => p.name === name)?.value ?? '';
  const rest = { ...forged.value, params: forged.value.params.filter((p) => !AUTH.has(p.name)) };
  const method = decodeURIComponent(get('SignatureMethod'));
  const signature = decodeURIComponent(get('Signature'));
  const auth: [string, string][] = [
    ['SignatureVersion', '2'],
    ['SignatureMethod', method],
  ];
  return ok(placeSignature(rest, 'query', auth, signature).signedRequest);
}

const matches = (scheme: 'sigv1' | 'sigv2', request: string, secretAccessKey: string) => {
  const v = verifyLegacyText({ scheme, request, secretAccessKey });
  return v.ok && v.value.match;
};

/** The SigV2 string to sign the engine rebuilds from a request as sent. */
const v2StringOf = (request: string, secretAccessKey: string) => {
  const v = verifyLegacyText({ scheme: 'sigv2', request, secretAccessKey });
  return v.ok ? (findStage(v.value.trace, 'string-to-sign')?.text ?? '') : '';
};

/** Runs the lab on a SigV1 request (its SignatureVersion=1 becomes 2 for the SigV2 half). */
export function runLab(request: string, credentials: SchemeCredentials): Result<LabResult> {
  const collision = collideText({ request, credentials });
  if (!collision.ok) return fail(collision.problems);
  const v1 = signLegacyText({ scheme: 'sigv1', request, credentials });
  if (!v1.ok) return fail(v1.problems);
  const v2Request = request.replace(/([?&]SignatureVersion=)1(?=&|\s)/, '$12');
  const v2 = signLegacyText({ scheme: 'sigv2', request: v2Request, credentials });
  if (!v2.ok) return fail(v2.problems);
  const forgedV2 = underV2(collision.value.forged.request, v2.value.signedRequest);
  if (!forgedV2.ok) return fail(forgedV2.problems);
  const secret = credentials.secretAccessKey;
  const c = collision.value;
  return ok({
    collision: c,
    v1: {
      original: v1.value.signedRequest,
      forged: c.forged.request,
      originalOk: matches('sigv1', v1.value.signedRequest, secret),
      forgedOk: matches('sigv1', c.forged.request, secret),
    },
    v2: {
      original: v2.value.signedRequest,
      forged: forgedV2.value,
      stringToSign: {
        original: v2StringOf(v2.value.signedRequest, secret),
        forged: v2StringOf(forgedV2.value, secret),
      },
      originalOk: matches('sigv2', v2.value.signedRequest, secret),
      forgedOk: matches('sigv2', forgedV2.value, secret),
    },
  });
}
