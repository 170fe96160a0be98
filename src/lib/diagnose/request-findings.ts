/**
 * Faults visible in the signed request itself, before any recomputation: a header signed but not sent, an
 * `x-amz-*` header sent but not signed (S3 rejects those), a session token missing, unsigned or different.
 */

import { percentDecodeText } from '../sig/encoding';
import { regionInHost } from '../sig/endpoint';
import { findHeader, requestHost, type HttpRequest } from '../sig/request/model';
import type { SigV4Settings } from '../sig/registry-settings';
import { renderScope, parseAmzDate } from '../sig/registry-sigv4';
import type { ProvidedSignature } from '../sig/registry-sigv4';
import type { Finding } from './types';

/** Findings about what the request carries and what its SignedHeaders says. */
export function requestFindings(
  request: HttpRequest,
  provided: ProvidedSignature,
  amzDate: string,
  settings: SigV4Settings,
  sessionToken?: string,
): Finding[] {
  const out: Finding[] = [...scopeFindings(request, provided, amzDate)];
  const present = new Set(request.headers.map((h) => h.name.toLowerCase()));
  if (request.authority) present.add('host');
  for (const name of provided.signedHeaders) {
    if (present.has(name)) continue;
    out.push({
      kind: 'client',
      basis: 'shown',
      component: 'signed-headers',
      name,
      cause: 'signed-header-not-sent',
      message: `SignedHeaders names ${name}, but the request does not carry it.`,
      fix: `Send the ${name} header you signed, or leave it out of SignedHeaders.`,
      evidence: { ours: provided.signedHeaders.join(';'), note: `${name} is signed but absent.` },
    });
  }
  const signed = new Set(provided.signedHeaders);
  for (const name of present) {
    if (signed.has(name) || !name.startsWith('x-amz-') || provided.mode === 'query') continue;
    if (name === 'x-amz-security-token' && settings.signSessionToken) {
      out.push({
        kind: 'client',
        basis: 'shown',
        component: 'signed-headers',
        name,
        cause: 'token-not-signed',
        message:
          'The session token is sent but not signed; most services require X-Amz-Security-Token in SignedHeaders.',
        fix: 'Add the X-Amz-Security-Token header before signing, so that it is signed.',
        evidence: {
          ours: provided.signedHeaders.join(';'),
          note: 'x-amz-security-token is sent but not in SignedHeaders.',
        },
      });
    } else if (settings.contentSha256Header) {
      out.push({
        kind: 'client',
        basis: 'shown',
        component: 'signed-headers',
        name,
        cause: 'header-sent-not-signed',
        message: `The ${name} header is sent but not signed; S3 requires every x-amz-* header to be signed.`,
        fix: `Add ${name} to the request before signing it, or do not send it.`,
        evidence: {
          ours: provided.signedHeaders.join(';'),
          note: `${name} is present but not in SignedHeaders.`,
        },
      });
    }
  }
  const token = findHeader(request, 'x-amz-security-token')?.value ?? tokenParam(request);
  if (sessionToken && token === undefined) {
    out.push({
      kind: 'credentials',
      basis: 'shown',
      component: provided.mode === 'query' ? 'query' : 'headers',
      name: 'x-amz-security-token',
      cause: 'token-missing',
      message:
        'You gave a session token, but the request carries none: temporary credentials (ASIA…) need X-Amz-Security-Token.',
      fix: 'Send the session token as X-Amz-Security-Token (header or query) and sign it.',
      evidence: { note: 'No X-Amz-Security-Token on the request.' },
    });
  } else if (sessionToken && token !== sessionToken) {
    out.push({
      kind: 'credentials',
      basis: 'shown',
      component: provided.mode === 'query' ? 'query' : 'headers',
      name: 'x-amz-security-token',
      cause: 'token-different',
      message: 'The request carries a different session token from the one you gave.',
      fix: 'Use the session token issued together with this access key and secret.',
      evidence: { note: 'X-Amz-Security-Token differs from the token given.' },
    });
  }
  return out;
}

function tokenParam(request: HttpRequest): string | undefined {
  const m = /(?:^|&)X-Amz-Security-Token=([^&]*)/i.exec(request.query ?? '');
  return m ? percentDecodeText(m[1]!) : undefined;
}

/** The credential scope against the request's own time and host. */
function scopeFindings(request: HttpRequest, provided: ProvidedSignature, amzDate: string): Finding[] {
  const out: Finding[] = [];
  const scope = provided.credential.scope;
  if (scope.date !== amzDate.slice(0, 8)) {
    out.push({
      kind: 'scope',
      basis: 'shown',
      component: 'scope',
      name: 'date',
      cause: 'scope-date-other-day',
      message: `The credential scope is dated ${scope.date}, but the request is dated ${amzDate}: the scope must be the same UTC day.`,
      fix: 'Take the scope date from the same UTC timestamp as X-Amz-Date (not local time, not a cached date).',
      evidence: {
        ours: `${scope.date} vs ${amzDate}`,
        note: 'The Credential scope date and X-Amz-Date disagree.',
      },
    });
  }
  // Only a region the host spells out: global endpoints (s3.amazonaws.com) serve buckets of every region, and
  // services' signing names often differ from their host names (email → ses), so neither is guessed.
  const host = requestHost(request);
  const region = host ? regionInHost(host) : undefined;
  if (region && region !== scope.region) {
    out.push({
      kind: 'scope',
      basis: 'shown',
      component: 'scope',
      name: 'region',
      cause: 'region-of-another-endpoint',
      message: `The request goes to ${host}, in region ${region}, but it was signed for region ${scope.region}.`,
      fix: `Sign with region "${region}", or send the request to the endpoint of ${scope.region}.`,
      evidence: { ours: renderScope(scope), note: `The host names region ${region}.` },
    });
  }
  return out;
}

/** S3 and most services accept a request time up to 15 minutes ahead of their clock. */
const ALLOWED_SKEW_MS = 15 * 60 * 1000;

/**
 * A presigned URL past its expiry, or any request dated ahead of `now`, judged without a server reply. These
 * come last: a reply pasted long after the request says what happened then, and expiry is judged now.
 */
export function validityFindings(provided: ProvidedSignature, amzDate: string, now: Date): Finding[] {
  const signedAt = parseAmzDate(amzDate);
  if (!signedAt) return [];
  if (provided.mode === 'query' && provided.expires !== undefined && Number.isFinite(provided.expires)) {
    const expiresAt = new Date(signedAt.getTime() + provided.expires * 1000);
    if (now > expiresAt) {
      return [
        {
          kind: 'clock',
          basis: 'shown',
          component: 'timestamp',
          name: 'x-amz-expires',
          cause: 'url-expired',
          message: `The presigned URL expired at ${expiresAt.toISOString()} (signed at ${signedAt.toISOString()}, valid for ${provided.expires} s); a server refuses it now.`,
          fix: 'Make a new presigned URL, with a longer X-Amz-Expires if it must live longer (7 days at most).',
          evidence: {
            ours: `X-Amz-Date ${amzDate}, X-Amz-Expires ${provided.expires}`,
            note: `Judged at ${now.toISOString()}.`,
          },
        },
      ];
    }
  }
  if (signedAt.getTime() - now.getTime() > ALLOWED_SKEW_MS) {
    return [
      {
        kind: 'clock',
        basis: 'shown',
        component: 'timestamp',
        cause: 'not-yet-valid',
        message: `The request is dated ${signedAt.toISOString()}, more than 15 minutes after now (${now.toISOString()}): the signer's clock runs fast.`,
        fix: "Sync the signing machine's clock (NTP) and sign again.",
        evidence: { ours: amzDate, note: `Judged at ${now.toISOString()}.` },
      },
    ];
  }
  return [];
}
