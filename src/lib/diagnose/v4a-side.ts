/**
 * Our side of a SigV4A request: its canonical request and string to sign rebuilt from the request, its ECDSA
 * signature verified with the public key derived from the secret (ECDSA is randomized, so a signature is never
 * recomputed), the region set checked, and each part compared with what the server says it computed.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#create-sigv4a-request
 */

import { inferEndpoint } from '../sig/endpoint';
import { findHeader, requestHost, sameName, type HttpRequest } from '../sig/request/model';
import { expectedStringKind } from '../sig/server-error/expected-kind';
import type { Problem } from '../sig/types';
import {
  parseCanonicalRequest,
  renderCanonicalRequest,
  computeStages,
  type SignatureStages,
  planVerification,
  ALGORITHM_V4A,
} from '../sig/registry-sigv4';
import {
  V4A_GENERIC_SETTINGS,
  V4A_S3_SETTINGS,
  verifyV4a,
  regionSetOf,
  v4aVariant,
} from '../sig/registry-sigv4-modes';
import { compareCanonicalRequests } from './compare';
import { regionSetNoteFindings } from './region-set-findings';
import type { Setting } from './setting';
import { wrongSecret } from './stock-findings';
import { transitFindings } from './transit';
import type { Finding } from './types';
import { v4aStringToSignFindings } from './v4a-sts-findings';

/** Whether a request carries a SigV4A signature (header or presigned URL). */
export function isV4aRequest(request: HttpRequest): boolean {
  const auth = findHeader(request, 'authorization')?.value.trim() ?? '';
  if (auth.startsWith(ALGORITHM_V4A)) return true;
  const algorithm = request.params.find((p) => sameName(p.name, 'X-Amz-Algorithm'));
  return algorithm?.value === ALGORITHM_V4A;
}

function isS3(request: HttpRequest, scope: string | undefined): boolean {
  const host = requestHost(request) ?? '';
  return inferEndpoint(host)?.service === 's3' || /\.mrap\.accesspoint\./.test(host) || scope === 's3';
}

/** The signature that is not ECDSA (a SigV4 HMAC in a SigV4A request), named. */
function encodingFindings(notes: readonly Problem[]): Finding[] {
  return notes
    .filter((n) => n.kind === 'signature-der' || n.kind === 'signature-hex')
    .map((n) => ({
      kind: 'client' as const,
      basis: 'shown' as const,
      component: 'algorithm' as const,
      cause: 'v4a-signature-encoding',
      message: `${n.message} ${n.hint ?? ''}`.trim(),
      fix: 'Sign with SigV4A (ECDSA P-256 under the key derived from the secret) and send the DER signature as hex.',
      evidence: { note: 'The signature sent is read as SigV4A requires.' },
    }));
}

/** Computes our SigV4A side into the explanation and its findings; returns whether it could read the request. */
export async function v4aSide(
  c: Setting,
  request: HttpRequest,
  secret: string | undefined,
): Promise<boolean> {
  const { out, input } = c;
  const service = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(
    findHeader(request, 'authorization')?.value ?? decodeURIComponentSafe(request.query ?? ''),
  )?.[1];
  const settings = {
    ...(isS3(request, service) ? V4A_S3_SETTINGS : V4A_GENERIC_SETTINGS),
    ...input.settings,
  };
  let stages: SignatureStages;
  let notes: Problem[];
  if (secret !== undefined) {
    const verified = await verifyV4a({
      request,
      secretAccessKey: secret,
      ...(input.accessKeyId ? { accessKeyId: input.accessKeyId } : {}),
      settings,
    });
    if (!verified.ok) {
      out.problems.push(...verified.problems.map((problem) => ({ input: 'request' as const, problem })));
      return false;
    }
    stages = verified.value.trace.details!.stages;
    notes = verified.value.notes;
    if (out.verdict !== 'mismatch') out.verdict = verified.value.match ? 'match' : 'mismatch';
    out.sides.ours = { signature: verified.value.provided };
    if (!verified.value.match) out.findings.push(...encodingFindings(notes));
  } else {
    const variant = v4aVariant('', () => '');
    const planned = await planVerification({ request, secretAccessKey: '', settings, variant });
    if (!planned.ok) {
      out.problems.push(...planned.problems.map((problem) => ({ input: 'request' as const, problem })));
      return false;
    }
    stages = computeStages(planned.value.plan, variant);
    const { mode, signedHeaders } = planned.value.provided;
    notes = regionSetOf(request, mode, signedHeaders).notes;
    out.sides.ours = {};
  }
  out.sides.ours.canonicalRequest = stages.canonicalRequestText;
  out.sides.ours.stringToSign = stages.stringToSignText;
  const mode = request.params.some((p) => sameName(p.name, 'X-Amz-Signature')) ? 'query' : 'header';
  out.findings.push(...regionSetNoteFindings(notes, mode));
  compareWithServer(c, stages, out.verdict === 'mismatch' && secret !== undefined);
  return true;
}

/** Against the server's canonical request and string to sign: what changed on the way, or the key. */
function compareWithServer(c: Setting, stages: SignatureStages, failed: boolean): void {
  const { out } = c;
  const sts = out.server?.stringToSign;
  // A chunk's or the trailer's string to sign is compared with that chunk's (chunked-side.ts), not the seed's.
  if (sts && !sts.truncated && expectedStringKind(sts.text).kind === 'request') {
    out.findings.push(...v4aStringToSignFindings(stages.stringToSignText, sts.text));
  }
  if (!c.serverCr) return;
  if (renderCanonicalRequest(c.serverCr) === stages.canonicalRequestText) {
    // The same canonical request on both sides and a signature the derived key rejects: the key differs.
    if (failed && !out.findings.some((f) => f.basis === 'shown')) {
      out.findings.push(wrongSecret(stages.canonicalRequestText, 'suspected'));
    }
    return;
  }
  const ours = parseCanonicalRequest(stages.canonicalRequestText);
  if (ours.ok)
    out.findings.push(...transitFindings(compareCanonicalRequests(ours.value, c.serverCr), 'ours'));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
