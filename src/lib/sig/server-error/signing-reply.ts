/**
 * The replies of issue 11's signatures, read into one vocabulary: what a SignatureDoesNotMatch's StringToSign is
 * a string to sign of (a request's, SigV4A's, a chunk's, the trailer's, a POST policy), a refusal of the SigV4A
 * region set or of unsigned headers, and a refusal of a POST upload by its policy. Reads every reply in a paste,
 * inside any prefix or log line the common reader finds it in; never throws.
 */

import { expectedStringKind, type ExpectedStringKind } from './expected-kind';
import { parseServerErrors } from './parse';
import { readPolicyDenial, type PolicyDenial } from './policy-denial';
import { readRegionSetReply, type RegionSetReply } from './region-set-reply';
import type { ServerError } from './types';

export type { DeniedCondition, PolicyDenial } from './policy-denial';
export { isRegionSetReply, type RegionSetReply } from './region-set-reply';
export type { ExpectedStringKind } from './expected-kind';
export type { Member } from './members';

/** One reply read by what it is about. */
export type SigningReply =
  | { kind: 'string-to-sign'; expected: ExpectedStringKind; signatureProvided?: string }
  | RegionSetReply
  | PolicyDenial;

/** A reply and what it is about. */
export interface ReadSigningReply {
  server: ServerError;
  reply: SigningReply;
}

/** What one reply is about; `undefined` when it is none of these (clock, scope, plain SigV4 replies). */
export function readSigningReply(server: ServerError, paste: string): SigningReply | undefined {
  const span = server.span;
  const region = readRegionSetReply(server, paste, span);
  if (region) return region;
  const policy = readPolicyDenial(server, paste, span);
  if (policy) return policy;
  const sts = server.stringToSign;
  if (!sts) return undefined;
  const expected = expectedStringKind(sts.text);
  if (expected.kind === 'other' || (expected.kind === 'request' && expected.algorithm === 'sigv4')) {
    return undefined;
  }
  return {
    kind: 'string-to-sign',
    expected,
    ...(server.signatureProvided ? { signatureProvided: server.signatureProvided } : {}),
  };
}

/** Reads each reply of `servers` (as read from `paste`) that is about one of these signatures. */
export function readSigningReplies(servers: readonly ServerError[], paste: string): ReadSigningReply[] {
  return servers.flatMap((server) => {
    const reply = readSigningReply(server, paste);
    return reply ? [{ server, reply }] : [];
  });
}

/** Reads every reply in a paste and keeps those about one of these signatures. */
export function parseSigningReplies(paste: string): ReadSigningReply[] {
  const read = parseServerErrors(paste);
  return read.ok ? readSigningReplies(read.value, paste) : [];
}
