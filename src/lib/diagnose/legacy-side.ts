/**
 * Our side of a SigV2-family request: recomputed with the secret, and, when it does not match, each scheme's own
 * catalogue of client mistakes searched for the one whose signature is exactly the one sent. Query API replies
 * name no expected string, so that search is the only thing that can show a fault; when it finds none, that is
 * said plainly and nothing is claimed.
 */

import { findLegacyScheme, type LegacySchemeId } from '../sig/registry';
import type { HttpRequest } from '../sig/request/model';
import { searchS3V2Mistakes, type S3V2Mistake } from '../sig/s3v2/mistakes';
import { searchV2Mistakes, type V2Mistake } from '../sig/v2/mistakes';
import { verifyV2 } from '../sig/v2/verify';
import type { Component, Explanation, Finding } from './types';

/** Where each SigV2 Query mistake sits, in the vocabulary of the SigV4 findings. */
const V2_PLACE: Record<string, { component: Component; name?: string }> = {
  'case-insensitive-sort': { component: 'query' },
  'plus-for-space': { component: 'query' },
  'encode-uri-component': { component: 'query' },
  'host-default-port': { component: 'headers', name: 'host' },
  'host-without-port': { component: 'headers', name: 'host' },
  'host-case': { component: 'headers', name: 'host' },
  'root-path': { component: 'path' },
  'signature-signed': { component: 'query', name: 'signature' },
  'other-hmac': { component: 'algorithm' },
};

function reproduced(
  id: string,
  place: { component: Component; name?: string },
  sentence: string,
  fix: string,
): Finding {
  return {
    kind: 'client',
    basis: 'shown',
    ...place,
    cause: id,
    message: sentence,
    fix,
    evidence: { note: 'The signature the request carries is exactly what this mistake produces.' },
  };
}

const v2Finding = (m: V2Mistake) =>
  reproduced(
    `sigv2-${m.id}`,
    V2_PLACE[m.id] ?? { component: 'query' },
    m.sentence,
    'Build the string to sign as SigV2 defines it: byte-order sort, RFC 3986 encoding (%20, never +), the lower-case host without its default port, the request path.',
  );

const s3V2Finding = (m: S3V2Mistake) =>
  reproduced(
    `s3v2-${m.id}`,
    { component: m.component, ...(m.name ? { name: m.name } : {}) },
    m.sentence,
    'Build the string to sign as S3 does from the request sent: its Content-MD5 and Content-Type, Date (empty beside x-amz-date), the lower-cased and sorted x-amz-* headers, and /bucket/key with the sub-resources.',
  );

/** No catalogued mistake gives the signature sent: the secret, or a mistake sigscope does not know. */
function noneReproduces(out: Explanation, tried: number): void {
  out.searched += tried;
  out.findings.push({
    kind: 'credentials',
    basis: 'suspected',
    component: 'secret',
    cause: 'no-mistake-reproduces',
    message: `None of the ${tried} client mistakes sigscope knows for this scheme reproduces the signature sent: the secret may not be the one the server holds, or the client built its string to sign another way.`,
    fix: "Check that the secret belongs to the access key in the request; paste the client's string to sign to tell the two apart.",
    evidence: { note: `Searched ${tried} variants of the string to sign; none gives the signature sent.` },
  });
}

/** The Query API schemes' side: SigV2 recomputed and searched; SigV1 and SigV0 verified. */
export function queryRequestSide(
  out: Explanation,
  scheme: LegacySchemeId,
  request: HttpRequest,
  secret: string | undefined,
): void {
  if (scheme === 'sigv2') {
    const verified = verifyV2({ request, secretAccessKey: secret ?? '' });
    if (!verified.ok) {
      out.problems.push(...verified.problems.map((problem) => ({ input: 'request' as const, problem })));
      return;
    }
    const sts = verified.value.trace.details!.stringToSign.text;
    out.sides.ours = {
      stringToSign: sts,
      ...(secret !== undefined ? { signature: verified.value.trace.signature } : {}),
    };
    if (secret === undefined) return;
    if (out.verdict !== 'mismatch') out.verdict = verified.value.match ? 'match' : 'mismatch';
    if (verified.value.match) return;
    const search = searchV2Mistakes(request, secret);
    if (!search.ok) return;
    if (search.value.matches.length > 0) {
      out.searched += search.value.tried;
      out.findings.push(...search.value.matches.map(v2Finding));
    } else noneReproduces(out, search.value.tried);
    return;
  }
  if (secret === undefined) return;
  const verified = findLegacyScheme(scheme)?.verify({ request, secretAccessKey: secret });
  if (!verified?.ok) return;
  if (out.verdict !== 'mismatch') out.verdict = verified.value.match ? 'match' : 'mismatch';
}

/** S3 SigV2 with the secret: when the signature differs, the catalogue mistake that reproduces it. */
export function s3V2Search(out: Explanation, request: HttpRequest, secret: string): void {
  const search = searchS3V2Mistakes(request, secret);
  if (!search.ok || search.value.verdict === 'match') return;
  if (search.value.matches.length > 0) {
    out.searched += search.value.tried;
    out.findings.push(...search.value.matches.map(s3V2Finding));
  } else noneReproduces(out, search.value.tried);
}
