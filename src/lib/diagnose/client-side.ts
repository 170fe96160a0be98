/**
 * The client's side, from its signing log: against the server's canonical request (or, with no reply, ours),
 * search for the catalogue mistake that turns the right canonical request into the logged one; what no mistake
 * explains changed in transit. S3 SigV2 strings to sign are compared line by line.
 */

import { parseCanonicalRequest, renderCanonicalRequest } from '../sig/registry-sigv4';
import { compareCanonicalRequests } from './compare';
import { contextFromCanonical, contextFromPlan, learnFromLog } from './context';
import { mistakeFindings } from './mistake-findings';
import type { OurSide } from './our-side';
import { parseS3V2StringToSign, s3V2Findings } from './s3-sigv2';
import { searchMistakes } from './search';
import type { Setting } from './setting';
import { wrongSecret } from './stock-findings';
import { transitFindings } from './transit';

/** Compares the client's logged canonical request with the server's, or with ours when there is no reply. */
export async function clientSide(c: Setting, ours: OurSide | undefined): Promise<void> {
  const { out } = c;
  const logged = out.client?.canonicalRequest?.text;
  if (logged === undefined) return;
  if (!c.serverCr) {
    // No reply: the server would compute what we do from the request, so a log that differs names the mistake.
    if (!ours || logged === ours.canonicalRequest) return;
    const outcome = await searchMistakes(
      learnFromLog(await contextFromPlan(ours.request, ours.planned), logged),
      { canonicalRequest: logged },
      c.s3,
    );
    out.searched += outcome.tried;
    if (outcome.found) out.findings.push(...mistakeFindings(outcome.found, ours.canonicalRequest, 'log'));
    if (out.verdict === 'unknown') out.verdict = 'mismatch';
    return;
  }
  const expected = renderCanonicalRequest(c.serverCr);
  if (logged === expected) {
    if (out.sides.client?.signature && out.server?.signatureProvided && out.verdict === 'mismatch') {
      out.findings.push(wrongSecret(logged, 'shown'));
    }
    return;
  }
  const [date = '', region = '', service = ''] = (c.serverSts?.credentialScope ?? '').split('/');
  const fromServer = contextFromCanonical(c.serverCr, c.settings, c.serverSts?.requestDateTime ?? '', {
    date,
    region,
    service,
    terminator: 'aws4_request',
  });
  const ctx = learnFromLog(fromServer, logged);
  const outcome = await searchMistakes(ctx, { canonicalRequest: logged }, c.s3);
  out.searched += outcome.tried;
  const client = parseCanonicalRequest(logged);
  if (outcome.found) out.findings.push(...mistakeFindings(outcome.found, expected, 'log'));
  else if (client.ok)
    out.findings.push(...transitFindings(compareCanonicalRequests(client.value, c.serverCr), 'client'));
}

/** Compares S3 SigV2 strings to sign: the server's, and the client's from its log (or the log box itself). */
export function s3V2Side(c: Setting): void {
  const { out, input } = c;
  if (out.server?.scheme !== 'sigv2' || !out.server.stringToSign) return;
  const server = parseS3V2StringToSign(out.server.stringToSign.text);
  const clientText = out.client?.stringToSign?.text ?? input.clientLog?.replace(/\n$/, '');
  const client = clientText !== undefined ? parseS3V2StringToSign(clientText) : undefined;
  if (client && clientText !== undefined) out.sides.client = { stringToSign: clientText };
  if (server) out.findings.push(...s3V2Findings(server, client));
}
