/**
 * Explaining a failed signature: read whatever was pasted (the request as sent, the server's reply, the client's
 * log, the secret), compute our side, compare up to three sides part by part, search the catalogue for the client
 * mistake that reproduces what the client signed, and list findings most likely first.
 */

import {
  detectScheme,
  findLegacyScheme,
  findScheme,
  type LegacySchemeId,
  type SchemeId,
} from '../sig/registry';
import { parseHttpRequest } from '../sig/request/http';
import { findHeader, type HttpRequest } from '../sig/request/model';
import { expectedStringKind } from '../sig/server-error/expected-kind';
import type { ExpectedText, ServerError } from '../sig/server-error/types';
import { isPostForm, parseCanonicalRequest, parseStringToSign } from '../sig/registry-sigv4';
import { resolveSettings } from '../sig/registry-settings';
import { clientSide, s3V2Side } from './client-side';
import { compareStringsToSign } from './compare';
import { readInputs } from './inputs';
import { ourSide } from './our-side';
import { queryRequestSide } from './legacy-side';
import { partialSide } from './partial-side';
import { s3V2RequestSide } from './s3v2-side';
import { validityFindings } from './request-findings';
import { serverFindings } from './server-findings';
import type { Setting } from './setting';
import { hasEdit } from './edits';
import { hintFindings } from './hints';
import { judge } from './judge';
import { editProblems, replyContradiction } from './self-check';
import { dedupe, needsSecret } from './stock-findings';
import { stringToSignFindings } from './sts-findings';
import type { Ask, Explanation, ExplainInput, Side } from './types';
import { chunkedSide, isChunkedUpload } from './chunked-side';
import { policySide } from './policy-side';
import { aboutPost, signingReplies, type SigningReplies } from './signing-replies';
import { isV4aRequest, v4aSide } from './v4a-side';
import { mrapHint } from './mrap-hint';

const SIGNATURE_CODES = /SignatureDoesNotMatch|InvalidSignature|IncompleteSignature|signature we calculated/i;

/** The SigV4 scheme to read the request with (a legacy one is picked apart, by legacyScheme). */
function pickScheme(input: ExplainInput, hinted: SchemeId | undefined, server?: ServerError): SchemeId {
  if (input.scheme && findScheme(input.scheme)) return input.scheme as SchemeId;
  if (hinted) return hinted;
  const scope = server?.stringToSign?.text.split('\n')[2] ?? '';
  return scope.split('/')[2] === 's3' ? 'sigv4-s3' : 'sigv4';
}

function sideOf(canonicalRequest?: string, stringToSign?: string, signature?: string): Side {
  const side: Side = {};
  if (canonicalRequest !== undefined) side.canonicalRequest = canonicalRequest;
  if (stringToSign !== undefined) side.stringToSign = stringToSign;
  if (signature !== undefined) side.signature = signature;
  return side;
}

/** The server's side: what its replies state outright, and what it says it expected. */
function serverSide(c: Setting, servers: readonly ServerError[]): void {
  const { out } = c;
  for (const server of servers) out.findings.push(...serverFindings(server));
  // The server refused the request's authentication outright (clock, expiry, scope): the signature did not pass.
  if (
    out.findings.length > 0 ||
    (out.server && SIGNATURE_CODES.test(`${out.server.code} ${out.server.message}`))
  ) {
    out.verdict = 'mismatch';
  }
  if (out.server?.comparable) {
    const { canonicalRequest, stringToSign, signatureProvided } = out.server;
    out.sides.server = sideOf(canonicalRequest?.text, stringToSign?.text, signatureProvided);
  }
  if (out.client) {
    const { canonicalRequest, stringToSign, signature } = out.client;
    out.sides.client = sideOf(canonicalRequest?.text, stringToSign?.text, signature?.text);
  }
}

/**
 * Marks each box's redactions and placeholders; returns whether the server's reply can be trusted: it agrees with
 * itself, or the edits it shows explain why not (the findings then leave the edited parts alone).
 */
function checkPastes(input: ExplainInput, out: Explanation): boolean {
  let replyEdited = false;
  for (const which of ['request', 'serverError', 'clientLog'] as const) {
    const text = input[which];
    if (!text?.trim()) continue;
    const known = out.problems.filter((p) => p.input === which).map((p) => p.problem);
    const edits = editProblems(text, known);
    if (which === 'serverError' && (edits.length > 0 || hasEdit(text))) replyEdited = true;
    out.problems.push(...edits.map((problem) => ({ input: which, problem })));
  }
  // Only a request's string to sign ends in its canonical request's hash; a chunk's ends in the chunk's.
  const sts = out.server?.stringToSign?.text;
  const ofRequest = sts === undefined || !['chunk', 'trailer'].includes(expectedStringKind(sts).kind);
  const contradiction = out.server && ofRequest && replyContradiction(out.server, replyEdited);
  if (contradiction) out.problems.push({ input: 'serverError', problem: contradiction });
  return !contradiction || replyEdited;
}

/**
 * The body is known when it was pasted, hashed elsewhere, or the request says it has none (Content-Length 0, or
 * neither Content-Length nor Transfer-Encoding). A Content-Length with no body after it means it was left out.
 */
function bodyKnown(request: HttpRequest | undefined, input: ExplainInput): boolean {
  if (!request) return false;
  if (request.body !== '' || input.payloadHash !== undefined) return true;
  const length = findHeader(request, 'content-length')?.value.trim();
  return length === '0' || (length === undefined && !findHeader(request, 'transfer-encoding'));
}

/** The pasted request as HTTP, whatever its signature. */
function pastedHttp(out: Explanation): HttpRequest | undefined {
  const parsed = out.request ? parseHttpRequest(out.request.http) : undefined;
  return parsed?.ok ? parsed.value : undefined;
}

/**
 * The legacy scheme a request is signed with: the one its signature shows (a SigV4 scheme cannot check an
 * `AWS key:sig` or SignatureVersion=2 signature, whatever was picked), else the case's.
 */
function legacyScheme(
  scheme: string | undefined,
  request: HttpRequest | undefined,
): LegacySchemeId | undefined {
  if (!request) return undefined;
  const detected = detectScheme(request)?.scheme;
  for (const id of [detected, scheme]) if (id && findLegacyScheme(id)) return id as LegacySchemeId;
  return undefined;
}

/** SigV2-family requests: our side where the scheme is built, hints, and the judgement. */
function explainLegacy(
  c: Setting,
  scheme: LegacySchemeId,
  request: HttpRequest,
  secret: string | undefined,
  serverTrusted: boolean,
): Explanation {
  const { out, input } = c;
  if (scheme === 's3v2') {
    s3V2RequestSide(out, request, secret);
    s3V2Side(c);
  } else queryRequestSide(out, scheme, request, secret);
  out.findings.push(...hintFindings({ request, s3: scheme === 's3v2' }));
  out.findings = dedupe(out.findings);
  judge(
    out,
    { serverTrusted, bodyKnown: bodyKnown(request, input), hasSecret: secret !== undefined },
    { request: true, clientLog: out.client !== undefined },
  );
  return out;
}

/** What to paste when a POST refusal cannot be told from the form pasted. */
const POST_ASK: Ask = {
  need: 'request',
  message:
    "Paste the form exactly as the browser sent it (the request's multipart body, from the browser's network panel): checked against its policy, it shows which condition S3 refused.",
};

/** The judgement of a request explained on its own side (SigV4A, a POST form), after its findings are in. */
function judgeAlone(c: Setting, serverTrusted: boolean, hasSecret: boolean, bodyKnown: boolean): Explanation {
  const { out, input } = c;
  out.findings = dedupe(out.findings);
  judge(
    out,
    { serverTrusted, bodyKnown, hasSecret },
    { request: Boolean(input.request?.trim()), clientLog: out.client !== undefined },
  );
  return out;
}

/** A SigV4A request: verified with the key derived from the secret, its region set and chunks checked. */
async function explainV4a(
  c: Setting,
  request: HttpRequest,
  secret: string | undefined,
  serverTrusted: boolean,
  replies: SigningReplies,
): Promise<Explanation> {
  await v4aSide(c, request, secret);
  if (isChunkedUpload(request)) await chunkedSide(c, request, secret, replies.chunks);
  c.out.findings.push(...replies.findings);
  return judgeAlone(c, serverTrusted, secret !== undefined, bodyKnown(request, c.input));
}

/** Explains what was pasted; never throws on bad input (problems are returned with the input they belong to). */
export async function explain(input: ExplainInput): Promise<Explanation> {
  const { out, servers } = readInputs(input);
  const serverTrusted = checkPastes(input, out);
  const scheme = pickScheme(input, out.request?.hints.scheme, out.server);
  const c: Setting = {
    input,
    out,
    settings: resolveSettings(findScheme(scheme)!.defaults, input.settings),
    s3: scheme === 'sigv4-s3',
  };
  // A value the paste cut off is compared only as far as it goes (partial-side.ts), never as a whole.
  const whole = (t: ExpectedText | undefined) => (t && !t.truncated ? t.text : undefined);
  const crText = whole(out.server?.canonicalRequest);
  const stsText = whole(out.server?.stringToSign);
  const serverCr = crText !== undefined && parseCanonicalRequest(crText);
  const serverSts = stsText !== undefined && parseStringToSign(stsText);
  if (serverCr && serverCr.ok) c.serverCr = serverCr.value;
  if (serverSts && serverSts.ok) c.serverSts = serverSts.value;

  serverSide(c, servers);
  // What the replies state about region sets and unsigned headers goes after what the request itself shows.
  const replies = signingReplies(servers, input.serverError ?? '');
  const secret = input.secretAccessKey ?? out.request?.hints.secretAccessKey;
  if (isPostForm(input.request) || (!input.request?.trim() && aboutPost(replies))) {
    policySide(c, replies.policy, secret);
    out.findings.push(...replies.findings);
    judgeAlone(c, serverTrusted, secret !== undefined, true);
    // A POST has no signing log to ask for: what decides is the form exactly as the browser sent it.
    if (out.ask?.need === 'client-log') out.ask = POST_ASK;
    return out;
  }
  const pasted = pastedHttp(out);
  const legacy = legacyScheme(input.scheme, pasted);
  if (legacy) {
    out.findings.push(...replies.findings);
    return explainLegacy(c, legacy, pasted!, secret, serverTrusted);
  }
  if (pasted && isV4aRequest(pasted)) return explainV4a(c, pasted, secret, serverTrusted, replies);
  const ours = await ourSide(c, secret);
  const uploaded = ours?.request ?? pasted;
  if (uploaded && isChunkedUpload(uploaded)) await chunkedSide(c, uploaded, secret, replies.chunks);
  await clientSide(c, ours);
  partialSide(c, ours);
  s3V2Side(c);
  const signedSts = out.sides.client?.stringToSign ?? out.sides.ours?.stringToSign;
  const parsedSts = signedSts !== undefined ? parseStringToSign(signedSts) : undefined;
  if (parsedSts?.ok && c.serverSts) {
    out.findings.push(...stringToSignFindings(compareStringsToSign(parsedSts.value, c.serverSts)));
  }
  const request = ours?.request ?? pasted;
  if (request) {
    out.findings.push(
      ...hintFindings({
        request,
        s3: c.s3,
        ...(c.serverCr ? { serverCr: c.serverCr } : {}),
        ...(ours
          ? {
              signedHeaders: ours.planned.provided.signedHeaders,
              region: ours.planned.provided.credential.scope.region,
            }
          : {}),
      }),
    );
  }
  out.findings.push(...replies.findings);
  if (request) out.findings.push(...mrapHint(request));
  const shown = out.findings.some((f) => f.basis === 'shown');
  if (!shown && ours && c.serverCr && secret === undefined && !out.client && out.verdict === 'mismatch') {
    out.findings.push(needsSecret(ours.canonicalRequest));
  }
  if (ours && input.now) {
    // Judged now: with a server reply, which says what happened when it was sent, it is only a suspect.
    const late = validityFindings(ours.planned.provided, ours.planned.amzDate, input.now);
    out.findings.push(...late.map((f) => (out.server ? { ...f, basis: 'suspected' as const } : f)));
  }
  out.findings = dedupe(out.findings);
  judge(
    out,
    { serverTrusted, bodyKnown: bodyKnown(request, input), hasSecret: secret !== undefined },
    {
      request: request !== undefined,
      clientLog: out.client !== undefined,
      signsWhenRun: out.problems.some((p) => p.problem.kind === 'curl-aws-sigv4'),
    },
  );
  return out;
}
