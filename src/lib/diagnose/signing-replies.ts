/**
 * The replies of SigV4A, chunked and POST uploads, read for a diagnosis: which reply is about which signature,
 * what S3 states outright about the region set and unsigned headers, and which way the request is explained.
 */

import type { ServerError } from '../sig/server-error/types';
import {
  isRegionSetReply,
  readSigningReplies,
  type ExpectedStringKind,
  type ReadSigningReply,
} from '../sig/server-error/signing-reply';
import { regionSetReplyFindings } from './region-set-findings';
import type { Finding } from './types';

type ChunkString = Extract<ExpectedStringKind, { kind: 'chunk' | 'trailer' }>;

/** The replies read by what they are about. */
export interface SigningReplies {
  all: ReadSigningReply[];
  /** Chunk and trailer strings to sign the server says it computed. */
  chunks: ChunkString[];
  /** Refusals of a POST upload (and POST signature mismatches). */
  policy: ReadSigningReply[];
  /** What the replies state outright about the region set and unsigned headers. */
  findings: Finding[];
}

const POLICY_KINDS = new Set([
  'policy-condition',
  'policy-expired',
  'policy-extra-fields',
  'policy-invalid',
  'entity-size',
]);

/** Reads the replies of `servers` (read from `paste`) that are about these signatures. Never throws. */
export function signingReplies(servers: readonly ServerError[], paste: string): SigningReplies {
  const all = readSigningReplies(servers, paste);
  const out: SigningReplies = { all, chunks: [], policy: [], findings: [] };
  for (const r of all) {
    const { reply } = r;
    if (reply.kind === 'string-to-sign') {
      if (reply.expected.kind === 'chunk' || reply.expected.kind === 'trailer')
        out.chunks.push(reply.expected);
      if (reply.expected.kind === 'post-policy') out.policy.push(r);
    } else if (POLICY_KINDS.has(reply.kind)) out.policy.push(r);
    else if (isRegionSetReply(reply)) {
      const said = [r.server.code, r.server.message].filter(Boolean).join(': ');
      out.findings.push(...regionSetReplyFindings(reply, said));
    }
  }
  return out;
}

/** Whether the refusals are about a POST upload rather than a request's size (EntityTooLarge on a PUT too). */
export function aboutPost(replies: SigningReplies): boolean {
  return replies.policy.some((r) => r.reply.kind !== 'entity-size');
}
