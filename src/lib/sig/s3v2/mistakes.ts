/**
 * S3 SigV2 client mistakes: each a named way of building the string to sign wrong, with one sentence and the
 * part it is about, and the search for the one that reproduces the signature a request carries. With the server's
 * StringToSign a line diff says more; without it (a client that only logs its signature), this is the evidence.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html
 */

import { findHeader, type HttpRequest } from '../request/model';
import type { MistakeCatalogue } from '../scheme';
import { renderQueryString } from '../request/query';
import { fail, ok, type Result } from '../types';
import { amzHeaderEntries, renderAmzHeader } from './amz-headers';
import { renderSubResources } from './canonical-resource';
import type { S3V2Settings } from './settings';
import { s3V2Signature } from './sign';
import {
  renderS3V2StringToSign,
  s3V2StringToSign,
  type S3V2StringToSign,
  type S3V2StringToSignParts,
} from './string-to-sign';
import { readS3V2Signature } from './verify';

/** One client mistake and what it is about, in the vocabulary of the SigV4 findings. */
export interface S3V2Mistake {
  id: string;
  component: 'path' | 'query' | 'headers' | 'timestamp';
  /** The header the mistake is about, when it is about one. */
  name?: string;
  sentence: string;
}

/** The mistakes, each with the string to sign it makes from the correct one (or nothing when it changes nothing). */
const CATALOGUE: readonly (S3V2Mistake & {
  make(request: HttpRequest, sts: S3V2StringToSign): Partial<S3V2StringToSignParts> | undefined;
})[] = [
  {
    id: 'bucket-left-out',
    component: 'path',
    sentence:
      'The client left the bucket out of the resource; for a virtual-hosted or CNAME request S3 signs /bucket first.',
    make: (_, s) =>
      s.resource.bucket === undefined
        ? undefined
        : { resource: s.resource.path + renderSubResources(s.resource.subResources) },
  },
  {
    id: 'sub-resource-left-out',
    component: 'query',
    sentence:
      'The client left the sub-resources (?acl, ?versionId=…, ?uploadId=…) out of the resource; S3 signs them.',
    make: (_, s) =>
      s.resource.subResources.length === 0
        ? undefined
        : { resource: s.resource.text.slice(0, s.resource.text.indexOf('?')) },
  },
  {
    id: 'plain-parameter-signed',
    component: 'query',
    sentence:
      'The client put every query parameter in the resource; S3 signs only the sub-resources, not prefix, max-keys and the like.',
    make: (r, s) => {
      if (r.params.length === s.resource.subResources.length) return undefined;
      return { resource: s.resource.text.replace(/\?.*$/, '') + '?' + renderQueryString(r.params) };
    },
  },
  {
    id: 'content-type-empty',
    component: 'headers',
    name: 'content-type',
    sentence: 'The client signed an empty Content-Type line but sent a Content-Type; S3 signs the one sent.',
    make: (_, s) => (s.parts.contentType === '' ? undefined : { contentType: '' }),
  },
  {
    id: 'content-md5-empty',
    component: 'headers',
    name: 'content-md5',
    sentence: 'The client signed an empty Content-MD5 line but sent a Content-MD5; S3 signs the one sent.',
    make: (_, s) => (s.parts.contentMd5 === '' ? undefined : { contentMd5: '' }),
  },
  {
    id: 'amz-names-not-lower-cased',
    component: 'headers',
    sentence: 'The client signed the x-amz-* names as written; S3 lower-cases them.',
    make: (r, s) => {
      const spelled = new Map(amzHeaderEntries(r).map((e) => [e.name.toLowerCase(), e.name]));
      const lines = s.amzHeaders.map((h) =>
        renderAmzHeader({ name: spelled.get(h.name) ?? h.name, value: h.value }),
      );
      return lines.join('\n') === s.parts.amzHeaders.join('\n') ? undefined : { amzHeaders: lines };
    },
  },
  {
    id: 'amz-headers-not-sorted',
    component: 'headers',
    sentence: 'The client signed the x-amz-* headers in the order sent; S3 sorts them by name.',
    make: (r, s) => {
      const order = [...new Set(amzHeaderEntries(r).map((e) => e.name.toLowerCase()))];
      const lines = order.map((n) => renderAmzHeader(s.amzHeaders.find((h) => h.name === n)!));
      return lines.join('\n') === s.parts.amzHeaders.join('\n') ? undefined : { amzHeaders: lines };
    },
  },
  {
    id: 'date-with-amz-date',
    component: 'timestamp',
    name: 'date',
    sentence: 'The client signed the Date header while sending x-amz-date; S3 then signs an empty Date line.',
    make: (r, s) => {
      const date = findHeader(r, 'date');
      return date && findHeader(r, 'x-amz-date') && s.parts.date === '' ? { date: date.value } : undefined;
    },
  },
];

/** The catalogue, without its builders. */
export const S3V2_MISTAKES: readonly S3V2Mistake[] = CATALOGUE.map((m) => ({
  id: m.id,
  component: m.component,
  ...(m.name ? { name: m.name } : {}),
  sentence: m.sentence,
}));

/** Each mistake that changes something for this request, with the string to sign it makes. */
export function s3V2MistakeStrings(
  request: HttpRequest,
  sts: S3V2StringToSign,
): { mistake: S3V2Mistake; text: string }[] {
  const out: { mistake: S3V2Mistake; text: string }[] = [];
  CATALOGUE.forEach((entry, i) => {
    const change = entry.make(request, sts);
    if (change)
      out.push({ mistake: S3V2_MISTAKES[i]!, text: renderS3V2StringToSign({ ...sts.parts, ...change }) });
  });
  return out;
}

/** What the search found: the signature is right, one or more mistakes reproduce it, or none does. */
export interface S3V2MistakeSearch {
  verdict: 'match' | 'mistake' | 'none';
  matches: S3V2Mistake[];
  tried: number;
}

/** Searches the catalogue for the mistake that reproduces the signature the request carries. */
export function searchS3V2Mistakes(
  request: HttpRequest,
  secretAccessKey: string,
  settings?: Partial<S3V2Settings>,
): Result<S3V2MistakeSearch> {
  const sent = readS3V2Signature(request);
  if (!sent.ok) return fail(sent.problems);
  // A presigned URL's own parameters are not part of what the client signed.
  const signed =
    sent.value.mode === 'query'
      ? {
          ...request,
          params: request.params.filter((p) => !['Signature', 'AWSAccessKeyId'].includes(p.name)),
        }
      : request;
  const sts = s3V2StringToSign(signed, { mode: sent.value.mode, ...(settings ? { settings } : {}) });
  if (!sts.ok) return fail(sts.problems);
  const target = sent.value.signature;
  if (s3V2Signature(secretAccessKey, sts.value.text) === target)
    return ok({ verdict: 'match', matches: [], tried: 0 });
  const variants = s3V2MistakeStrings(signed, sts.value);
  const matches = variants
    .filter((v) => s3V2Signature(secretAccessKey, v.text) === target)
    .map((v) => v.mistake);
  return ok({ verdict: matches.length > 0 ? 'mistake' : 'none', matches, tried: variants.length });
}

/** What to do instead of any S3 SigV2 mistake. */
export const S3V2_FIX =
  'Build the string to sign as S3 does from the request sent: its Content-MD5 and Content-Type, Date (empty beside x-amz-date), the lower-cased and sorted x-amz-* headers, and /bucket/key with the sub-resources.';

/** The S3 SigV2 catalogue as the registry's schemes give theirs. */
export const S3V2_CATALOGUE: MistakeCatalogue = {
  search(request, secretAccessKey, settings) {
    const found = searchS3V2Mistakes(request, secretAccessKey, settings as Partial<S3V2Settings> | undefined);
    if (!found.ok) return found;
    const matches = found.value.matches.map((m) => ({ ...m, fix: S3V2_FIX }));
    return ok({ ...found.value, matches }, found.problems);
  },
};
