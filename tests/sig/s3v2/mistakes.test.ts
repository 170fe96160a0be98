/**
 * The S3 SigV2 mistake search on the S3 guide's requests (tests/vectors/s3) signed the wrong way by hand: each
 * wrong string to sign is the vector's own string edited as the mistake describes, signed with node:crypto.
 */

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { searchS3V2Mistakes } from '../../../src/lib/sig/s3v2/mistakes';
import { readVectorJson } from '../v4/vectors';
import { fromDocTable, http } from './doc-requests';

const rest = readVectorJson<{
  credentials: { secret_access_key: string };
  johnsmith_2017: { id: string; request: string; string_to_sign: string }[];
}>('s3', 'sigv2-rest-examples.json');
const secret = rest.credentials.secret_access_key;
const doc = (id: string) => rest.johnsmith_2017.find((c) => c.id === id)!;
const sign = (text: string) => createHmac('sha1', secret).update(text).digest('base64');

/** The doc's request with its Authorization replaced by a signature of `text`. */
function signedWith(id: string, text: string) {
  const raw = fromDocTable(doc(id).request).replace(
    /Authorization: AWS ([^:]+):\S+/,
    `Authorization: AWS $1:${sign(text)}`,
  );
  return http(raw);
}

describe('searchS3V2Mistakes', () => {
  it("the guide's own signature is a match", () => {
    const c = doc('upload-cname-meta');
    const r = searchS3V2Mistakes(http(fromDocTable(c.request)), secret);
    expect(r.ok && r.value.verdict).toBe('match');
  });

  const cases: [string, string, (s: string) => string][] = [
    ['object-get', 'bucket-left-out', (s) => s.replace('/johnsmith/photos', '/photos')],
    ['fetch-acl', 'sub-resource-left-out', (s) => s.replace('/?acl', '/')],
    [
      'list',
      'plain-parameter-signed',
      (s) => s.replace('/johnsmith/', '/johnsmith/?prefix=photos&max-keys=50&marker=puppy'),
    ],
    ['object-put', 'content-type-empty', (s) => s.replace('image/jpeg', '')],
    ['upload-cname-meta', 'content-md5-empty', (s) => s.replace('4gJE4saaMU4BqNR0kLY+lw==', '')],
    [
      'upload-cname-meta',
      'amz-names-not-lower-cased',
      (s) =>
        s
          .replace('x-amz-meta-checksumalgorithm', 'X-Amz-Meta-ChecksumAlgorithm')
          .replace('x-amz-meta-filechecksum', 'X-Amz-Meta-FileChecksum')
          .replace('x-amz-meta-reviewedby', 'X-Amz-Meta-ReviewedBy'),
    ],
    [
      'upload-cname-meta',
      'amz-headers-not-sorted',
      (s) =>
        s.replace(
          'x-amz-meta-checksumalgorithm:crc32\nx-amz-meta-filechecksum:0x02661779\nx-amz-meta-reviewedby:joe@johnsmith.net,jane@johnsmith.net',
          'x-amz-meta-reviewedby:joe@johnsmith.net,jane@johnsmith.net\nx-amz-meta-filechecksum:0x02661779\nx-amz-meta-checksumalgorithm:crc32',
        ),
    ],
  ];
  cases.push([
    'delete-x-amz-date',
    'date-with-amz-date',
    () =>
      'DELETE\n\n\nTue, 27 Mar 2007 21:20:27 +0000\nx-amz-date:Tue, 27 Mar 2007 21:20:26 +0000\n/johnsmith/photos/puppy.jpg',
  ]);
  for (const [id, mistake, edit] of cases) {
    it(`finds ${mistake} on the ${id} example`, () => {
      const r = searchS3V2Mistakes(signedWith(id, edit(doc(id).string_to_sign)), secret);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      expect(r.value.verdict).toBe('mistake');
      expect(r.value.matches.map((m) => m.id)).toEqual([mistake]);
    });
  }

  it('says plainly when no mistake reproduces the signature', () => {
    const r = searchS3V2Mistakes(signedWith('object-put', 'something else'), secret);
    expect(r.ok && r.value.verdict).toBe('none');
  });
});
