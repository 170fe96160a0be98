/**
 * Signing a request with SigV4. Signing signs what is there and adds only what is missing (X-Amz-Date, the session
 * token, x-amz-content-sha256); it never changes the caller's request but returns a trace and the signed text.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 */

import { findHeader } from '../request/model';
import { lineEndingOf, renderRequest } from '../request/render';
import { fail, ok, problem, type Problem, type Result } from '../types';
import { renderAuthorization } from './authorization';
import { computeStages, type SignatureStages } from './compute';
import { selectSignedHeaders, spansOf, type WorkingHeader } from './header-selection';
import { choosePayloadHash } from './payload-hash';
import { resolveRequestTime } from './request-time';
import { signQuery } from './sign-query';
import { scopeOf } from './signing-key';
import { isoToAmzDate } from './time';
import type { SigV4Input, SigV4Trace } from './types';
import { SIGV4_VARIANT } from './variant';

/** Signs a request in header or query mode and returns every stage. */
export function signV4(input: SigV4Input): Promise<Result<SigV4Trace>> {
  return input.mode === 'query' ? signQuery(input) : signHeader(input);
}

/** Sets a header's value, adding it when missing; notes when an existing value changes. */
function upsert(fields: WorkingHeader[], name: string, value: string, notes: Problem[], why: string): void {
  const lower = name.toLowerCase();
  const existing: WorkingHeader[] = [];
  for (const f of fields) if (f.name.toLowerCase() === lower) existing.push(f);
  if (existing.length === 0) {
    fields.push({ name, value, added: true });
    return;
  }
  if (existing.length > 1 || existing[0]!.value !== value) {
    notes.push(
      problem('replaced-header', `${existing[0]!.name} was replaced: ${why}.`, existing[0]!.span, {
        severity: 'warning',
      }),
    );
    fields.splice(fields.indexOf(existing[0]!), 1, { ...existing[0]!, value, added: true });
    for (const extra of existing.slice(1)) fields.splice(fields.indexOf(extra), 1);
  }
}

async function signHeader(input: SigV4Input): Promise<Result<SigV4Trace>> {
  const { request, credentials, settings } = input;
  const variant = input.variant ?? SIGV4_VARIANT;
  const notes: Problem[] = [];
  const time = resolveRequestTime(request, input.time);
  if (!time.ok) return fail(time.problems);
  const iso = time.value.time.toISOString();
  const amzDate = isoToAmzDate(iso);
  const fields: WorkingHeader[] = request.headers.map((h) => ({
    name: h.name,
    value: h.value,
    span: h.span,
  }));

  if (!findHeader(request, 'host')) {
    if (request.authority) fields.push({ name: 'Host', value: request.authority, added: true });
    else
      notes.push(
        problem(
          'no-host',
          'The request has no Host header; almost every service requires it signed.',
          request.targetSpan,
          { severity: 'warning' },
        ),
      );
  }
  upsert(fields, 'X-Amz-Date', amzDate, notes, `it must equal the signing time ${amzDate}`);
  for (const [name, value] of variant.authParams) {
    upsert(fields, name, value, notes, `${variant.algorithm} signs it as "${value}"`);
  }
  if (credentials.sessionToken) {
    upsert(
      fields,
      'X-Amz-Security-Token',
      credentials.sessionToken,
      notes,
      'it must carry the session token given',
    );
    if (!settings.signSessionToken) {
      const token = fields.find((f) => f.name.toLowerCase() === 'x-amz-security-token')!;
      token.unsignedReason = 'signSessionToken is off: the token is added after signing';
    }
  }

  const sentHash = fields.find((f) => f.name.toLowerCase() === 'x-amz-content-sha256');
  const payload = await choosePayloadHash(settings, request, sentHash?.value, false);
  const payloadHash = payload.hash;
  const payloadSources =
    payload.source === 'body' ? [request.bodySpan] : spansOf(fields, 'x-amz-content-sha256');
  if (sentHash && sentHash.value !== payloadHash) {
    upsert(
      fields,
      'x-amz-content-sha256',
      payloadHash,
      notes,
      'it must equal the payload hash that is signed',
    );
  } else if (!sentHash && settings.contentSha256Header) {
    fields.push({ name: 'x-amz-content-sha256', value: payloadHash, added: true });
  }
  const oldAuth = fields.findIndex((f) => f.name.toLowerCase() === 'authorization');
  if (oldAuth >= 0) {
    notes.push(
      problem(
        'replaced-header',
        'The Authorization header already on the request was replaced.',
        fields[oldAuth]!.span,
        { severity: 'note' },
      ),
    );
    fields.splice(oldAuth, 1);
  }

  const { signed, unsigned } = selectSignedHeaders(fields, settings);
  const scope = scopeOf(amzDate, input.region, input.service);
  const stages = computeStages(
    {
      method: request.method,
      methodSources: [request.methodSpan],
      wirePath: request.path,
      pathSources: [request.pathSpan],
      query: request.params,
      headers: signed,
      payloadHash,
      payloadSources,
      amzDate,
      scope,
      secretAccessKey: credentials.secretAccessKey,
      settings,
    },
    variant,
  );
  const credential = `${credentials.accessKeyId}/${stages.stringToSign.credentialScope}`;
  const authorization = renderAuthorization(
    variant.algorithm,
    credential,
    stages.canonicalRequest.signedHeaders,
    stages.signature,
  );
  const sent: [string, string][] = fields.map((f) => [f.name, f.value]);
  sent.push(['Authorization', authorization]);
  const added: [string, string][] = fields.filter((f) => f.added).map((f) => [f.name, f.value]);
  added.push(['Authorization', authorization]);
  // The trace is the stages plus what signing adds; assigned onto the fresh stages object, not spread (spreading
  // a dozen properties showed as a third of a signature's time in the profile).
  const trace: SigV4Trace = Object.assign(stages, {
    mode: 'header',
    settings,
    time: iso,
    amzDate,
    scope,
    credential,
    signedHeaders: stages.canonicalRequest.signedHeaders,
    unsignedHeaders: unsigned,
    added: { headers: added, query: [] },
    authorization,
    signedRequest: renderRequest(
      {
        method: request.method,
        target: request.target,
        httpVersion: request.httpVersion,
        headers: sent,
        body: request.body,
      },
      lineEndingOf(request.source),
    ),
    notes,
  } satisfies Omit<SigV4Trace, keyof SignatureStages>);
  return ok(trace, notes);
}
