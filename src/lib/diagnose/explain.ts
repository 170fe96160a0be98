/**
 * Explaining a failed signature: read whatever was pasted (the request as sent, the server's reply, the client's
 * log, the secret), compute our side, compare up to three sides part by part, search the catalogue for the client
 * mistake that reproduces what the client signed, and list findings most likely first.
 */

import { parseClientLog } from '../sig/client-log/parse';
import { findScheme, type SchemeId } from '../sig/registry';
import { readPastedRequest } from '../sig/request/read';
import { parseHttpRequest } from '../sig/request/http';
import { parseServerErrors } from '../sig/server-error/parse';
import type { ServerError } from '../sig/server-error/types';
import { parseCanonicalRequest, renderCanonicalRequest } from '../sig/v4/canonical-request';
import { buildCanonicalRequest, computeStages } from '../sig/v4/compute';
import { resolveSettings } from '../sig/v4/settings';
import { renderScope } from '../sig/v4/signing-key';
import { parseStringToSign } from '../sig/v4/string-to-sign';
import { planVerification } from '../sig/v4/verify';
import { sha256Hex } from '../sig/crypto';
import { compareCanonicalRequests, compareStringsToSign } from './compare';
import { contextFromCanonical, contextFromPlan } from './context';
import { mistakeFindings } from './mistake-findings';
import { requestFindings, validityFindings } from './request-findings';
import { parseS3V2StringToSign, s3V2Findings } from './s3-sigv2';
import { searchMistakes } from './search';
import { serverFindings } from './server-findings';
import { stringToSignFindings } from './sts-findings';
import { transitFindings } from './transit';
import type { Explanation, ExplainInput, Finding, Side } from './types';

const SIGNATURE_CODES = /SignatureDoesNotMatch|InvalidSignature|IncompleteSignature|signature we calculated/i;

function pickScheme(input: ExplainInput, hinted: SchemeId | undefined, server?: ServerError): SchemeId {
  if (input.scheme) return input.scheme;
  if (hinted) return hinted;
  const scope = server?.stringToSign?.text.split('\n')[2] ?? '';
  return scope.split('/')[2] === 's3' ? 'sigv4-s3' : 'sigv4';
}

/** Explains what was pasted; never throws on bad input (problems are returned with the input they belong to). */
export async function explain(input: ExplainInput): Promise<Explanation> {
  const out: Explanation = { verdict: 'unknown', findings: [], sides: {}, searched: 0, problems: [] };
  const pasted = input.request?.trim() ? readPastedRequest(input.request) : undefined;
  if (pasted) {
    out.problems.push(...pasted.problems.map((problem) => ({ input: 'request' as const, problem })));
    if (pasted.ok) out.request = pasted.value;
  }
  const servers = input.serverError?.trim() ? parseServerErrors(input.serverError) : undefined;
  if (servers) {
    out.problems.push(...servers.problems.map((problem) => ({ input: 'serverError' as const, problem })));
    if (servers.ok && servers.value[0]) out.server = servers.value[0];
  }
  const log = input.clientLog?.trim() ? parseClientLog(input.clientLog) : undefined;
  if (log) {
    out.problems.push(...log.problems.map((problem) => ({ input: 'clientLog' as const, problem })));
    if (log.ok) out.client = log.value;
  }

  const schemeId = pickScheme(input, out.request?.hints.scheme, out.server);
  const settings = resolveSettings(findScheme(schemeId)!.defaults, input.settings);
  const s3 = schemeId === 'sigv4-s3';
  for (const server of servers?.ok ? servers.value : []) out.findings.push(...serverFindings(server));
  // The server refused the request's authentication outright (clock, expiry, scope): the signature did not pass.
  if (out.findings.length > 0) out.verdict = 'mismatch';

  const serverCr = out.server?.canonicalRequest
    ? parseCanonicalRequest(out.server.canonicalRequest.text)
    : undefined;
  const serverSts = out.server?.stringToSign ? parseStringToSign(out.server.stringToSign.text) : undefined;
  if (out.server?.comparable) {
    out.sides.server = sideOf(
      out.server.canonicalRequest?.text,
      out.server.stringToSign?.text,
      out.server.signatureProvided,
    );
  }
  if (out.client) {
    out.sides.client = sideOf(
      out.client.canonicalRequest?.text,
      out.client.stringToSign?.text,
      out.client.signature?.text,
    );
  }
  if (out.server && SIGNATURE_CODES.test(`${out.server.code} ${out.server.message}`))
    out.verdict = 'mismatch';

  // Our side: the request as sent, read the way its signature says it was signed.
  const http = out.request ? parseHttpRequest(out.request.http) : undefined;
  const secret = input.secretAccessKey ?? out.request?.hints.secretAccessKey;
  if (http?.ok && input.payloadHash !== undefined) http.value.bodySha256 = input.payloadHash;
  const planned =
    http?.ok &&
    (http.value.headers.some((h) => /^authorization$/i.test(h.name)) ||
      /x-amz-signature=/i.test(http.value.query ?? ''))
      ? await planVerification({ request: http.value, secretAccessKey: secret ?? '', settings })
      : undefined;
  if (planned && !planned.ok)
    out.problems.push(...planned.problems.map((problem) => ({ input: 'request' as const, problem })));
  let oursCr: string | undefined;
  if (planned?.ok && http?.ok) {
    const { plan, provided } = planned.value;
    out.findings.push(
      ...requestFindings(http.value, provided, planned.value.amzDate, settings, input.sessionToken),
    );
    oursCr = renderCanonicalRequest(buildCanonicalRequest(plan));
    const sts = ['AWS4-HMAC-SHA256', plan.amzDate, renderScope(plan.scope), await sha256Hex(oursCr)].join(
      '\n',
    );
    out.sides.ours = { canonicalRequest: oursCr, stringToSign: sts };
    if (secret !== undefined) {
      const stages = computeStages(plan);
      out.sides.ours.signature = stages.signature;
      const matched = stages.signature === provided.signature.toLowerCase();
      // A signature that verifies here but that the server rejected changed on the way: the server's word wins.
      if (out.verdict !== 'mismatch') out.verdict = matched ? 'match' : 'mismatch';
      if (!matched) {
        const ctx = await contextFromPlan(http.value, planned.value);
        const outcome = await searchMistakes(ctx, { signature: provided.signature.toLowerCase() }, s3);
        out.searched += outcome.tried;
        if (outcome.found) out.findings.push(...mistakeFindings(outcome.found, oursCr, 'signature'));
        else if (serverCr?.ok && renderCanonicalRequest(serverCr.value) === oursCr)
          out.findings.push(wrongSecret(oursCr));
      }
    }
    if (serverCr?.ok && renderCanonicalRequest(serverCr.value) !== oursCr) {
      const ours = parseCanonicalRequest(oursCr);
      if (ours.ok)
        out.findings.push(...transitFindings(compareCanonicalRequests(ours.value, serverCr.value), 'ours'));
    }
  }

  // The client's side, from its log: compare with the server and search for the mistake that explains it.
  const clientCr = out.client?.canonicalRequest?.text;
  // A client log and the request, but no server reply: the server would compute what we do from the request, so
  // a client log that differs names the client's mistake.
  if (
    clientCr !== undefined &&
    !serverCr?.ok &&
    oursCr !== undefined &&
    clientCr !== oursCr &&
    planned?.ok &&
    http?.ok
  ) {
    const ctx = await contextFromPlan(http.value, planned.value);
    const outcome = await searchMistakes(ctx, { canonicalRequest: clientCr }, s3);
    out.searched += outcome.tried;
    if (outcome.found) out.findings.push(...mistakeFindings(outcome.found, oursCr, 'log'));
    if (out.verdict === 'unknown') out.verdict = 'mismatch';
  }
  if (clientCr !== undefined && serverCr?.ok) {
    const serverText = renderCanonicalRequest(serverCr.value);
    if (clientCr === serverText) {
      if (out.sides.client?.signature && out.server?.signatureProvided && out.verdict === 'mismatch')
        out.findings.push(wrongSecret(clientCr));
    } else {
      const [date, region, service] = (serverSts?.ok ? serverSts.value.credentialScope : '//').split('/');
      const ctx = contextFromCanonical(
        serverCr.value,
        settings,
        serverSts?.ok ? serverSts.value.requestDateTime : '',
        {
          date: date ?? '',
          region: region ?? '',
          service: service ?? '',
          terminator: 'aws4_request',
        },
      );
      const outcome = await searchMistakes(ctx, { canonicalRequest: clientCr }, s3);
      out.searched += outcome.tried;
      const parsedClient = parseCanonicalRequest(clientCr);
      if (outcome.found) out.findings.push(...mistakeFindings(outcome.found, serverText, 'log'));
      else if (parsedClient.ok)
        out.findings.push(
          ...transitFindings(compareCanonicalRequests(parsedClient.value, serverCr.value), 'client'),
        );
    }
  }
  if (out.server?.scheme === 'sigv2' && out.server.stringToSign) {
    const server = parseS3V2StringToSign(out.server.stringToSign.text);
    const clientText = out.client?.stringToSign?.text ?? input.clientLog?.replace(/\n$/, '');
    const client = clientText !== undefined ? parseS3V2StringToSign(clientText) : undefined;
    if (client && clientText !== undefined) out.sides.client = { stringToSign: clientText };
    if (server) out.findings.push(...s3V2Findings(server, client));
  }
  const signedSts = out.sides.client?.stringToSign ?? out.sides.ours?.stringToSign;
  if (signedSts && serverSts?.ok) {
    const parsed = parseStringToSign(signedSts);
    if (parsed.ok)
      out.findings.push(...stringToSignFindings(compareStringsToSign(parsed.value, serverSts.value)));
  }
  if (
    out.findings.length === 0 &&
    oursCr !== undefined &&
    serverCr?.ok &&
    secret === undefined &&
    out.verdict === 'mismatch'
  ) {
    out.findings.push(needsSecret(oursCr));
  }
  if (planned?.ok && input.now) {
    out.findings.push(...validityFindings(planned.value.provided, planned.value.amzDate, input.now));
  }
  out.findings = dedupe(out.findings);
  return out;
}

function sideOf(canonicalRequest?: string, stringToSign?: string, signature?: string): Side {
  const side: Side = {};
  if (canonicalRequest !== undefined) side.canonicalRequest = canonicalRequest;
  if (stringToSign !== undefined) side.stringToSign = stringToSign;
  if (signature !== undefined) side.signature = signature;
  return side;
}

function wrongSecret(canonicalRequest: string): Finding {
  return {
    kind: 'credentials',
    component: 'secret',
    cause: 'wrong-secret',
    message:
      'The client and the server built the same canonical request, yet the signatures differ: the secret key used to sign is not the one the server holds for this access key.',
    fix: 'Check that the secret belongs to the access key in the Credential, has no stray characters, and that temporary credentials come with their session token.',
    evidence: {
      note: `Same canonical request (${canonicalRequest.split('\n').length} lines), different signature.`,
    },
  };
}

function needsSecret(canonicalRequest: string): Finding {
  return {
    kind: 'client',
    component: 'secret',
    cause: 'client-or-secret',
    message:
      'sigscope computes the same canonical request as the server, so your client either canonicalized this request differently or signed with another secret.',
    fix: "Paste your secret key (it never leaves this page) or your client's signing log, and sigscope will find which.",
    evidence: {
      note: `The server's canonical request equals ours (${canonicalRequest.split('\n').length} lines).`,
    },
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}|${f.component}|${f.name ?? ''}|${f.cause}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
