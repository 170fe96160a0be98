/**
 * Our side: the request as sent, read the way its own signature says it was signed. With the secret, its
 * signature is checked and, when it does not match, the catalogue searched for the mistake that reproduces it;
 * against the server's canonical request, what differs changed in transit.
 */

import { parseHttpRequest } from '../sig/request/http';
import type { HttpRequest } from '../sig/request/model';
import {
  parseCanonicalRequest,
  renderCanonicalRequest,
  computeStages,
  planVerification,
  type VerificationPlan,
} from '../sig/registry-sigv4';
import { curlSuspects, pasteShowsCurl } from './clients/curl-suspects';
import { compareCanonicalRequests } from './compare';
import { contextFromPlan } from './context';
import { mistakeFindings } from './mistake-findings';
import { requestFindings } from './request-findings';
import { searchMistakes } from './search';
import type { Setting } from './setting';
import { wrongSecret } from './stock-findings';
import { transitFindings } from './transit';

/** The request as sent, its verification plan and the canonical request sigscope computes for it. */
export interface OurSide {
  request: HttpRequest;
  planned: VerificationPlan;
  canonicalRequest: string;
}

function signed(request: HttpRequest): boolean {
  return (
    request.headers.some((h) => /^authorization$/i.test(h.name)) ||
    /x-amz-signature=/i.test(request.query ?? '')
  );
}

/** Computes our side into the explanation; `undefined` when no signed request was pasted. */
export async function ourSide(c: Setting, secret: string | undefined): Promise<OurSide | undefined> {
  const { input, out, settings } = c;
  const parsed = out.request ? parseHttpRequest(out.request.http) : undefined;
  if (!parsed?.ok) return undefined;
  if (!signed(parsed.value)) {
    // A curl command signs when it runs: what curl would sign is the only suspect it leaves.
    if (out.request?.form === 'curl' && out.request.hints.mode === 'header') {
      out.findings.push(...curlSuspects(parsed.value, settings));
    }
    return undefined;
  }
  const request = parsed.value;
  if (input.payloadHash !== undefined) request.bodySha256 = input.payloadHash;
  const planned = await planVerification({ request, secretAccessKey: secret ?? '', settings });
  if (!planned.ok) {
    out.problems.push(...planned.problems.map((problem) => ({ input: 'request' as const, problem })));
    return undefined;
  }
  const { plan, provided, amzDate } = planned.value;
  out.findings.push(...requestFindings(request, provided, amzDate, settings, input.sessionToken));
  const stages = computeStages(plan);
  const canonicalRequest = stages.canonicalRequestText;
  out.sides.ours = { canonicalRequest, stringToSign: stages.stringToSignText };
  // Sent by curl, with no secret to check: where curl's own canonicalization departs is what it leaves.
  if (secret === undefined && pasteShowsCurl(out.request?.form, request)) {
    out.findings.push(...curlSuspects(request, settings));
  }
  if (secret !== undefined) {
    out.sides.ours.signature = stages.signature;
    const sent = provided.signature.toLowerCase();
    // A signature that verifies here but that the server rejected changed on the way: the server's word wins.
    if (out.verdict !== 'mismatch') out.verdict = stages.signature === sent ? 'match' : 'mismatch';
    if (stages.signature !== sent) {
      const outcome = await searchMistakes(
        await contextFromPlan(request, planned.value),
        { signature: sent },
        c.s3,
        pasteShowsCurl(out.request?.form, request) ? ['curl'] : [],
      );
      out.searched += outcome.tried;
      if (outcome.found) out.findings.push(...mistakeFindings(outcome.found, canonicalRequest, 'signature'));
      else if (c.serverCr && renderCanonicalRequest(c.serverCr) === canonicalRequest) {
        out.findings.push(wrongSecret(canonicalRequest, 'suspected'));
      }
    }
  }
  if (c.serverCr && renderCanonicalRequest(c.serverCr) !== canonicalRequest) {
    const ours = parseCanonicalRequest(canonicalRequest);
    if (ours.ok)
      out.findings.push(...transitFindings(compareCanonicalRequests(ours.value, c.serverCr), 'ours'));
  }
  return { request, planned: planned.value, canonicalRequest };
}
