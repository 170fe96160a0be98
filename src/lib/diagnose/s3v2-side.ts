/**
 * Our side of an S3 SigV2 request (`Authorization: AWS key:sig` or query-string auth): the string to sign S3
 * builds from the request as sent, checked against the signature with the secret, and compared line by line with
 * the string the client logged for the signature it sent.
 */

import type { ClientLog, Signing } from '../sig/client-log/types';
import { parseS3V2StringToSign, verifyS3V2 } from '../sig/registry-legacy';
import type { HttpRequest } from '../sig/request/model';
import { searchCatalogue } from './legacy-side';
import { s3V2Findings } from './s3-sigv2';
import type { Explanation } from './types';

/** Every string to sign a client log shows, each with its signature. */
function signingsOf(log: ClientLog): Signing[] {
  if (log.signings?.length) return log.signings;
  return log.stringToSign
    ? [{ stringToSign: log.stringToSign, ...(log.signature ? { signature: log.signature } : {}) }]
    : [];
}

/** The logged signing that produced the signature sent: the one with that signature, else the only one. */
function signingSent(log: ClientLog | undefined, sent: string): Signing | undefined {
  if (!log) return undefined;
  const all = signingsOf(log);
  return all.find((s) => s.signature?.text.trim() === sent) ?? (all.length === 1 ? all[0] : undefined);
}

/** Computes our side of an S3 SigV2 request into the explanation, and compares the client's logged string. */
export function s3V2RequestSide(out: Explanation, request: HttpRequest, secret: string | undefined): void {
  const verified = verifyS3V2({ request, secretAccessKey: secret ?? '' });
  if (!verified.ok) {
    out.problems.push(...verified.problems.map((problem) => ({ input: 'request' as const, problem })));
    return;
  }
  const { trace, provided } = verified.value;
  const ours = trace.details!.stringToSign;
  out.sides.ours = {
    stringToSign: ours.text,
    ...(secret !== undefined ? { signature: trace.signature } : {}),
  };
  if (secret !== undefined && out.verdict !== 'mismatch')
    out.verdict = verified.value.match ? 'match' : 'mismatch';
  if (secret !== undefined && !verified.value.match) searchCatalogue(out, 's3v2', request, secret);
  const logged = signingSent(out.client, provided);
  if (!logged) return;
  const client = parseS3V2StringToSign(logged.stringToSign.text);
  if (!client.ok || logged.stringToSign.text === ours.text) return;
  out.sides.client = {
    stringToSign: logged.stringToSign.text,
    ...(logged.signature ? { signature: logged.signature.text } : {}),
  };
  const sentIt = logged.signature?.text.trim() === provided;
  out.findings.push(
    ...s3V2Findings(ours.parts, client.value).map((f) => ({
      ...f,
      // The log ties the string to the signature sent only when it logged that very signature.
      basis: sentIt ? f.basis : ('suspected' as const),
      evidence: {
        ...(f.evidence.client !== undefined ? { client: f.evidence.client } : {}),
        ...(f.evidence.server !== undefined ? { ours: f.evidence.server } : {}),
        note: `${f.evidence.note} Your client logged this string to sign${sentIt ? ' for the signature the request carries' : ''}; S3 builds the other from the request as sent.`,
      },
    })),
  );
}
