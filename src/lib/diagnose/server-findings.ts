/**
 * Findings a server's reply states outright: clock skew, expired or not-yet-valid URLs and signatures, and a
 * credential scope for the wrong region or service.
 */

import type { ServerError } from '../sig/server-error/types';
import { parseHttpDate } from '../sig/registry-sigv4';
import type { Finding } from './types';

function duration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  const parts = [
    Math.floor(s / 3600) && `${Math.floor(s / 3600)}h`,
    Math.floor((s % 3600) / 60) && `${Math.floor((s % 3600) / 60)}m`,
    `${s % 60}s`,
  ];
  return parts.filter(Boolean).join(' ');
}

function apart(a?: string, b?: string): number | undefined {
  const ta = a ? parseHttpDate(a) : undefined;
  const tb = b ? parseHttpDate(b) : undefined;
  return ta && tb ? tb.getTime() - ta.getTime() : undefined;
}

function clockFinding(server: ServerError): Finding | undefined {
  const text = `${server.code ?? ''} ${server.message ?? ''}`;
  const note = server.message ?? server.code ?? '';
  if (/expired/i.test(text) && server.expires) {
    const late = apart(server.expires, server.serverTime);
    return {
      kind: 'clock',
      basis: 'shown',
      component: 'timestamp',
      cause: 'url-expired',
      message: `The presigned URL expired at ${server.expires}${late !== undefined ? `; the server received it ${duration(late)} later` : ''}.`,
      fix: "Make a new presigned URL, with a longer X-Amz-Expires if it must live longer (7 days at most), and check the signer's clock.",
      evidence: { server: `Expires ${server.expires}, ServerTime ${server.serverTime ?? '?'}`, note },
    };
  }
  if (/not yet (valid|current)|still later/i.test(text)) {
    const early = apart(server.serverTime, server.requestTime);
    return {
      kind: 'clock',
      basis: 'shown',
      component: 'timestamp',
      cause: 'not-yet-valid',
      message: `The request is dated in the future${early !== undefined ? ` (${duration(early)} ahead of the server)` : ''}: the signer's clock runs fast.`,
      fix: "Sync the signing machine's clock (NTP) and sign again.",
      evidence: {
        server: `RequestTime ${server.requestTime ?? '?'}, ServerTime ${server.serverTime ?? '?'}`,
        note,
      },
    };
  }
  if (/RequestTimeTooSkewed|Signature expired|is now earlier than/i.test(text)) {
    const skew = apart(server.requestTime, server.serverTime);
    const allowed =
      server.maxAllowedSkewMs !== undefined
        ? `, more than the ${duration(server.maxAllowedSkewMs)} allowed`
        : '';
    return {
      kind: 'clock',
      basis: 'shown',
      component: 'timestamp',
      cause: 'clock-skew',
      message: `The request was signed at ${server.requestTime ?? 'a time'} but the server's clock read ${server.serverTime ?? 'much later'}${skew !== undefined ? ` (${duration(skew)} apart${allowed})` : ''}.`,
      fix: "Sync the signing machine's clock (NTP), sign right before sending, and do not reuse or queue signed requests.",
      evidence: {
        server: `RequestTime ${server.requestTime ?? '?'}, ServerTime ${server.serverTime ?? '?'}`,
        note,
      },
    };
  }
  return undefined;
}

function scopeFinding(server: ServerError): Finding | undefined {
  const note = server.message ?? server.code ?? '';
  if (server.expectedRegion || (server.givenRegion && /region/i.test(note))) {
    return {
      kind: 'scope',
      basis: 'shown',
      component: 'scope',
      name: 'region',
      cause: 'wrong-region',
      message: server.expectedRegion
        ? `The request was signed for region ${server.givenRegion ?? '(another)'}, but this endpoint expects ${server.expectedRegion}.`
        : `The region ${server.givenRegion} in the credential scope is not valid for this endpoint.`,
      fix: server.expectedRegion
        ? `Sign with region "${server.expectedRegion}" (for S3, the bucket's region), or call that region's endpoint.`
        : 'Sign with the region in the endpoint host name.',
      evidence: { server: note, note: 'The server names the region it expected.' },
    };
  }
  if (server.expectedService) {
    return {
      kind: 'scope',
      basis: 'shown',
      component: 'scope',
      name: 'service',
      cause: 'wrong-service',
      message: `The credential scope names the wrong service: this endpoint expects "${server.expectedService}".`,
      fix: `Sign with service "${server.expectedService}" (the signing name, which is not always the endpoint prefix).`,
      evidence: { server: note, note: 'The server names the service it expected.' },
    };
  }
  return undefined;
}

/** Clock and scope findings stated by a server reply. */
export function serverFindings(server: ServerError): Finding[] {
  return [clockFinding(server), scopeFinding(server)].filter((f): f is Finding => f !== undefined);
}
