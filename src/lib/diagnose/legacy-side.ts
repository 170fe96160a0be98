/**
 * Our side of a SigV2-family request: recomputed with the secret, and, when it does not match, each scheme's own
 * catalogue of client mistakes searched for the one whose signature is exactly the one sent. Query API replies
 * name no expected string, so that search is the only thing that can show a fault; when it finds none, that is
 * said plainly and nothing is claimed.
 */

import { findLegacyScheme, type LegacySchemeId, type SchemeMistake } from '../sig/registry';
import type { HttpRequest } from '../sig/request/model';
import { findStage } from '../sig/trace';
import type { Component, Explanation, Finding } from './types';

/** A catalogued mistake whose signature is exactly the one sent: a shown finding. */
function reproduced(scheme: LegacySchemeId, m: SchemeMistake): Finding {
  return {
    kind: 'client',
    basis: 'shown',
    component: m.component as Component,
    ...(m.name ? { name: m.name } : {}),
    cause: `${scheme}-${m.id}`,
    message: m.sentence,
    fix: m.fix,
    evidence: { note: 'The signature the request carries is exactly what this mistake produces.' },
  };
}

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

/** Runs a scheme's own catalogue with the secret: the mistakes that reproduce the signature, or that none does. */
export function searchCatalogue(
  out: Explanation,
  scheme: LegacySchemeId,
  request: HttpRequest,
  secret: string,
  settings?: Record<string, unknown>,
): void {
  const search = findLegacyScheme(scheme)?.mistakes?.search(request, secret, settings);
  if (!search?.ok || search.value.verdict === 'match') return;
  if (search.value.matches.length > 0) {
    out.searched += search.value.tried;
    out.findings.push(...search.value.matches.map((m) => reproduced(scheme, m)));
  } else noneReproduces(out, search.value.tried);
}

/** The Query API schemes' side (SigV2, SigV1, SigV0): recomputed with the secret and, on a mismatch, searched. */
export function queryRequestSide(
  out: Explanation,
  scheme: LegacySchemeId,
  request: HttpRequest,
  secret: string | undefined,
): void {
  const verified = findLegacyScheme(scheme)?.verify({ request, secretAccessKey: secret ?? '' });
  if (!verified) return;
  if (!verified.ok) {
    out.problems.push(...verified.problems.map((problem) => ({ input: 'request' as const, problem })));
    return;
  }
  const sts = findStage(verified.value.trace, 'string-to-sign')?.text;
  out.sides.ours = {
    ...(sts !== undefined ? { stringToSign: sts } : {}),
    ...(secret !== undefined ? { signature: verified.value.trace.signature } : {}),
  };
  if (secret === undefined) return;
  if (out.verdict !== 'mismatch') out.verdict = verified.value.match ? 'match' : 'mismatch';
  if (!verified.value.match) searchCatalogue(out, scheme, request, secret);
}
