/**
 * SigV1 and SigV0 client mistakes, each one sentence and a way to build the string to sign the client built, and
 * the search for the one that reproduces the signature a request carries. Their Query API replies name no expected
 * string, so with the secret this is the only evidence: a mistake is named only when its signature is exactly the
 * one sent.
 * http://docs.amazonwebservices.com/AmazonSimpleDB/2007-11-07/DeveloperGuide/REST_RESTAuth.html
 */

import { hmacBase64 } from '../crypto';
import { uriEncode } from '../encoding';
import type { HttpRequest } from '../request/model';
import type { MistakeSearch, SchemeMistake } from '../scheme';
import { fail, ok, type Result } from '../types';
import type { QueryApiParam } from '../v2/params';
import { readSentSignature } from '../v2/query-request';
import { sha1Signature } from './sha1-query';

/** A mistake and the string to sign it makes from the request's parameters (Signature left out). */
export interface SignedMistake extends SchemeMistake {
  stringToSign(params: readonly QueryApiParam[], request: HttpRequest): string | undefined;
  /** Signs with HMAC-SHA256 instead of SigV1's HMAC-SHA1. */
  sha256?: boolean;
}

const byteOrder = (a: QueryApiParam, b: QueryApiParam) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const caseless = (a: QueryApiParam, b: QueryApiParam) => {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};
const joined = (params: readonly QueryApiParam[], sort: typeof byteOrder, encode = (v: string) => v) =>
  [...params]
    .sort(sort)
    .map((p) => encode(p.name) + encode(p.value))
    .join('');

const V1_FIX =
  'Build the SigV1 string to sign from every parameter but Signature, sorted by name ignoring case, names and decoded values joined with nothing between, and sign it with HMAC-SHA1.';

/** The SigV1 catalogue, most common first. */
export const V1_MISTAKES: readonly SignedMistake[] = [
  {
    id: 'byte-order-sort',
    component: 'query',
    sentence:
      'The client sorted the parameters by byte (the SigV2 rule, upper case first); SigV1 sorts ignoring case.',
    fix: V1_FIX,
    stringToSign: (params) => joined(params, byteOrder),
  },
  {
    id: 'encoded-values',
    component: 'query',
    sentence: 'The client signed the names and values percent-encoded; SigV1 signs them decoded.',
    fix: V1_FIX,
    stringToSign: (params) => joined(params, caseless, uriEncode),
  },
  {
    id: 'signature-signed',
    component: 'query',
    name: 'signature',
    sentence: 'The client left an old Signature parameter in what it signed; Signature is never signed.',
    fix: V1_FIX,
    stringToSign: (params, request) => {
      const sent = readSentSignature(request);
      return sent.ok ? joined([...params, sent.value.signature], caseless) : undefined;
    },
  },
  {
    id: 'hmac-sha256',
    component: 'algorithm',
    sentence: 'The client signed with HMAC-SHA256; SigV1 is always HMAC-SHA1.',
    fix: V1_FIX,
    stringToSign: (params) => joined(params, caseless),
    sha256: true,
  },
];

const V0_FIX =
  'Sign the Action value followed by the Timestamp value, exactly as sent (decoded), with HMAC-SHA1.';
const value = (params: readonly QueryApiParam[], name: string) => params.find((p) => p.name === name)?.value;

/** The SigV0 catalogue. */
export const V0_MISTAKES: readonly SignedMistake[] = [
  {
    id: 'timestamp-first',
    component: 'query',
    sentence: 'The client signed the Timestamp before the Action; SigV0 signs Action, then Timestamp.',
    fix: V0_FIX,
    stringToSign: (p) => (value(p, 'Timestamp') ?? '') + (value(p, 'Action') ?? ''),
  },
  {
    id: 'encoded-timestamp',
    component: 'timestamp',
    name: 'timestamp',
    sentence: 'The client signed the Timestamp percent-encoded (%3A for ":"); SigV0 signs it decoded.',
    fix: V0_FIX,
    stringToSign: (p) => (value(p, 'Action') ?? '') + uriEncode(value(p, 'Timestamp') ?? ''),
  },
  {
    id: 'hmac-sha256',
    component: 'algorithm',
    sentence: 'The client signed with HMAC-SHA256; SigV0 is always HMAC-SHA1.',
    fix: V0_FIX,
    stringToSign: (p) => (value(p, 'Action') ?? '') + (value(p, 'Timestamp') ?? ''),
    sha256: true,
  },
];

/** Searches a catalogue for the mistakes whose signature is exactly the request's; `correct` is the right string. */
export function searchSha1Mistakes(
  request: HttpRequest,
  secretAccessKey: string,
  catalogue: readonly SignedMistake[],
  params: readonly QueryApiParam[],
  correct: string,
): Result<MistakeSearch> {
  const sent = readSentSignature(request);
  if (!sent.ok) return fail(sent.problems);
  const target = sent.value.signature.value;
  if (sha1Signature(secretAccessKey, correct) === target)
    return ok({ verdict: 'match', matches: [], tried: 0 });
  const unsigned = params.filter((p) => p.name !== 'Signature');
  const matches: SchemeMistake[] = [];
  let tried = 0;
  for (const mistake of catalogue) {
    const sts = mistake.stringToSign(unsigned, request);
    if (sts === undefined || (sts === correct && !mistake.sha256)) continue;
    tried++;
    const signature = mistake.sha256
      ? hmacBase64(secretAccessKey, sts, 'SHA-256')
      : sha1Signature(secretAccessKey, sts);
    if (signature === target) {
      const { id, component, sentence, fix } = mistake;
      matches.push({ id, component, sentence, fix, ...(mistake.name ? { name: mistake.name } : {}) });
    }
  }
  return ok({ verdict: matches.length > 0 ? 'mistake' : 'none', matches, tried });
}
