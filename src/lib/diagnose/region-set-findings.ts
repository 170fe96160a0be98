/**
 * Findings about a SigV4A region set and unsigned headers: what S3's reply states outright (the header missing,
 * a region set that leaves out the region that served the request, headers sent but not signed, a SigV4 scope
 * where SigV4A wants one without a region) and what the request itself shows (no X-Amz-Region-Set, or one left
 * out of SignedHeaders). Each names the fix.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#create-canonical-request-sigv4a
 */

import type { RegionSetReply } from '../sig/server-error/signing-reply';
import type { Problem } from '../sig/types';
import type { Finding } from './types';

const SIGN_REGION_SET =
  'Sign with SigV4A and send X-Amz-Region-Set with the regions the signature may be used in (* for a Multi-Region Access Point), listed in SignedHeaders (as the X-Amz-Region-Set parameter for a presigned URL).';

/** X-Amz-Region-Set missing from the request, by the server's words or the request's. */
function missing(location: 'header' | 'query', note: string, said: string): Finding {
  return {
    kind: 'client',
    basis: 'shown',
    component: location === 'query' ? 'query' : 'headers',
    name: 'x-amz-region-set',
    cause: 'region-set-missing',
    message: `The request carries no X-Amz-Region-Set ${location === 'query' ? 'parameter' : 'header'}, which a SigV4A signature needs: it says in which regions the signature is valid.`,
    fix: SIGN_REGION_SET,
    evidence: { ...(said ? { server: said } : {}), note },
  };
}

function unsigned(name: string, note: string, said?: string): Finding {
  const regionSet = name === 'x-amz-region-set';
  return {
    kind: 'client',
    basis: 'shown',
    component: 'signed-headers',
    name,
    cause: regionSet ? 'region-set-unsigned' : 'header-sent-not-signed',
    message: regionSet
      ? 'X-Amz-Region-Set is sent but not signed: SigV4A signs the region set, and S3 refuses a request whose x-amz-* headers are not all signed.'
      : `The ${name} header is sent but not signed; S3 refuses a request with an x-amz-* header (or Host, Content-MD5) left out of SignedHeaders.`,
    fix: `Add ${name} to the request before signing so that it is in SignedHeaders, or do not send it.`,
    evidence: { ...(said ? { server: said } : {}), note },
  };
}

/** What a region-set or unsigned-header reply states. */
export function regionSetReplyFindings(reply: RegionSetReply, said: string): Finding[] {
  const note = "The server's reply states it.";
  switch (reply.kind) {
    case 'region-set-missing':
      return [missing(reply.location, note, said)];
    case 'headers-not-signed':
      if (reply.headers.length === 0) {
        // An SDK's one-line error keeps the message and drops the HeadersNotSigned member.
        return [
          {
            kind: 'client',
            basis: 'shown',
            component: 'signed-headers',
            cause: 'header-sent-not-signed',
            message:
              'S3 says the request carries headers that are not signed; the paste leaves out which (S3 names them in HeadersNotSigned).',
            fix: 'Sign every x-amz-* header the request sends (and Host, Content-MD5), or do not send them.',
            evidence: { server: said, note },
          },
        ];
      }
      return reply.headers.map((h) => unsigned(h, note, said));
    case 'v4a-credential':
      return [
        {
          kind: 'scope',
          basis: 'shown',
          component: 'scope',
          name: 'region',
          cause: 'v4a-scope-region',
          message:
            'The credential names a region, but a SigV4A credential scope has none (AKID/YYYYMMDD/SERVICE/aws4_request): the request was signed with a SigV4 scope.',
          fix: 'Sign with SigV4A: leave the region out of the credential scope and list the regions in X-Amz-Region-Set.',
          // S3's own words hold "<YOUR-AKID>", which reads as a placeholder someone left: they are not evidence.
          evidence: {
            note: `${note} It expects a credential of the access key, date, service and aws4_request.`,
          },
        },
      ];
    case 'region-set-mismatch': {
      const set = reply.regionSet?.value;
      const region = reply.requestedRegion?.value;
      return [
        {
          kind: 'scope',
          basis: 'shown',
          component: 'scope',
          name: 'region-set',
          cause: 'region-set-mismatch',
          message: `The signature's region set${set ? ` (${set})` : ''} does not include the region that received the request${region ? ` (${region})` : ''}.`,
          fix: `Sign with a region set that includes ${region ?? 'the region of the endpoint'} (or * for a Multi-Region Access Point).`,
          evidence: {
            server: [said, set && `RegionSet ${set}`, region && `RequestedRegion ${region}`]
              .filter(Boolean)
              .join('; '),
            note,
          },
        },
      ];
    }
  }
}

/** What the request shows about its region set: the notes of the SigV4A reader, as findings. */
export function regionSetNoteFindings(notes: readonly Problem[], mode: string): Finding[] {
  return notes.flatMap((n) => {
    const note = 'The request as pasted shows it.';
    if (n.kind === 'no-region-set') return [missing(mode === 'query' ? 'query' : 'header', note, '')];
    if (n.kind === 'region-set-unsigned') return [unsigned('x-amz-region-set', note)];
    return [];
  });
}
