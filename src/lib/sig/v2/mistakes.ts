/**
 * SigV2 client mistakes, each a named variant of the settings and one sentence, and the search for the one that
 * reproduces the signature a request carries. Query API replies (SQS ErrorResponse, EC2 Response/Errors) name no
 * expected string, so with the secret this is the only evidence: a mistake is named only when its signature is
 * exactly the one sent.
 * https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html
 */

import type { HttpRequest } from '../request/model';
import type { MistakeCatalogue, SchemeMistake } from '../scheme';
import { fail, ok, type Result } from '../types';
import { readSentSignature } from './query-request';
import type { V2Settings } from './settings';
import { v2Signature } from './sign';
import { v2StringToSign } from './string-to-sign';

/** One client mistake: a variant of the settings (or the other HMAC) and what it means. */
export interface V2Mistake extends Omit<SchemeMistake, 'fix'> {
  settings: Partial<V2Settings>;
  /** Sign with the HMAC the request does not name in SignatureMethod. */
  otherHmac?: boolean;
}

/** What to do instead of any SigV2 mistake. */
export const V2_FIX =
  'Build the string to sign as SigV2 defines it: byte-order sort, RFC 3986 encoding (%20, never +), the lower-case host without its default port, the request path.';

/** The catalogue, most common first. */
export const V2_MISTAKES: readonly V2Mistake[] = [
  {
    id: 'case-insensitive-sort',
    component: 'query',
    settings: { sort: 'case-insensitive' },
    sentence:
      'The client sorted the parameters ignoring case (the SigV1 habit); SigV2 sorts by byte, upper case first.',
  },
  {
    id: 'plus-for-space',
    component: 'query',
    settings: { encoding: 'plus-for-space' },
    sentence: 'The client encoded spaces as "+" in the string to sign; SigV2 signs %20.',
  },
  {
    id: 'encode-uri-component',
    component: 'query',
    settings: { encoding: 'encode-uri-component' },
    sentence:
      "The client encoded with encodeURIComponent, which leaves ! ' ( ) * as they are; SigV2 signs %21 %27 %28 %29 %2A.",
  },
  {
    id: 'host-default-port',
    component: 'headers',
    name: 'host',
    settings: { hostPort: 'always' },
    sentence:
      'The client signed the host with its default port (:443 or :80); the service signs the host without it.',
  },
  {
    id: 'host-without-port',
    component: 'headers',
    name: 'host',
    settings: { hostPort: 'never' },
    sentence:
      'The client signed the host without its port; a non-default port is part of the host SigV2 signs.',
  },
  {
    id: 'host-case',
    component: 'headers',
    name: 'host',
    settings: { hostCase: 'as-sent' },
    sentence: 'The client signed the host in the case it was written; SigV2 signs it lower-cased.',
  },
  {
    id: 'root-path',
    component: 'path',
    settings: { path: 'root' },
    sentence:
      'The client signed "/" as the path; SigV2 signs the request path, such as an SQS queue URL\'s /account/queue.',
  },
  {
    id: 'signature-signed',
    component: 'query',
    name: 'signature',
    settings: { includeSignature: true },
    sentence: 'The client left an old Signature parameter in what it signed; Signature is never signed.',
  },
  {
    id: 'other-hmac',
    component: 'algorithm',
    settings: {},
    otherHmac: true,
    sentence:
      'The client signed with the other HMAC than SignatureMethod names (HmacSHA1 for HmacSHA256 or back).',
  },
];

/** What the search found: the signature is right, one or more mistakes reproduce it, or none does. */
export interface V2MistakeSearch {
  verdict: 'match' | 'mistake' | 'none';
  /** The mistakes whose signature is exactly the one sent. */
  matches: V2Mistake[];
  /** How many variants were tried (those that change nothing for this request are skipped). */
  tried: number;
}

/** Searches the catalogue for the mistake that reproduces the request's Signature. */
export function searchV2Mistakes(request: HttpRequest, secretAccessKey: string): Result<V2MistakeSearch> {
  const sent = readSentSignature(request);
  if (!sent.ok) return fail(sent.problems);
  const location = sent.value.location;
  const correct = v2StringToSign(request, { location });
  if (!correct.ok) return fail(correct.problems);
  const target = sent.value.signature.value;
  const method = correct.value.signatureMethod;
  if (v2Signature(secretAccessKey, correct.value.text, method) === target)
    return ok({ verdict: 'match', matches: [], tried: 0 });
  const matches: V2Mistake[] = [];
  let tried = 0;
  for (const mistake of V2_MISTAKES) {
    const sts = v2StringToSign(request, { location, settings: mistake.settings });
    if (!sts.ok) continue;
    if (!mistake.otherHmac && sts.value.text === correct.value.text) continue;
    tried++;
    const hmac = mistake.otherHmac ? (method === 'HmacSHA256' ? 'HmacSHA1' : 'HmacSHA256') : method;
    if (v2Signature(secretAccessKey, sts.value.text, hmac) === target) matches.push(mistake);
  }
  return ok({ verdict: matches.length > 0 ? 'mistake' : 'none', matches, tried });
}

/** The SigV2 catalogue as the registry's schemes give theirs. */
export const V2_CATALOGUE: MistakeCatalogue = {
  search(request, secretAccessKey) {
    const found = searchV2Mistakes(request, secretAccessKey);
    if (!found.ok) return found;
    const matches = found.value.matches.map(({ id, component, name, sentence }) => ({
      id,
      component,
      sentence,
      fix: V2_FIX,
      ...(name ? { name } : {}),
    }));
    return ok({ ...found.value, matches }, found.problems);
  },
};
