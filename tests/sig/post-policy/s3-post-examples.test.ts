/**
 * The S3 documentation's SigV4 POST example and aws-sdk-php's PostObjectV4 case (tests/vectors/s3/
 * sigv4-post-policy-examples.json, see tests/vectors/s3/SOURCES.md): the policy's Base64 and signature; then the
 * example's form, pasted as fields, as HTML and as a multipart body, meets every condition and verifies; and each
 * way a form breaks its policy (expired, starts-with, an exact value, a field not covered, the size) is named.
 */

import { describe, expect, it } from 'vitest';
import { signPostPolicy, verifyPostPolicy } from '../../../src/lib/sig/post-policy/index';
import { readVectorJson } from '../v4/vectors';

interface DocCase {
  credentials: { access_key_id: string; secret_access_key: string };
  region: string;
  x_amz_date: string;
  policy_json_crlf: string;
  policy_base64: string;
  signature: string;
  form_fields: [string, string][];
}
interface PhpCase {
  credentials: { access_key_id: string; secret_access_key: string };
  region: string;
  date: string;
  string_to_sign: string;
  signature: string;
}
const { cases } = readVectorJson<{ cases: [DocCase, PhpCase] }>('s3', 'sigv4-post-policy-examples.json');
const [doc, php] = cases;
const credentials = {
  accessKeyId: doc.credentials.access_key_id,
  secretAccessKey: doc.credentials.secret_access_key,
};
const signingTime = new Date('2015-12-29T00:00:00Z');
const BUCKET_URL = 'https://sigv4examplebucket.s3.amazonaws.com/';

/** The example's fields with the Policy and X-Amz-Signature placeholders filled from the example itself. */
const fields = (edit: (f: [string, string][]) => [string, string][] = (f) => f): [string, string][] =>
  edit(
    doc.form_fields.map(([n, v]): [string, string] => [
      n,
      v === '<policy_base64>' ? doc.policy_base64 : v === '<signature>' ? doc.signature : v,
    ]),
  );

const asLines = (f: [string, string][]) => f.map(([n, v]) => `${n}=${v}`).join('\n');
const asHtml = (f: [string, string][]) =>
  `<form action="${BUCKET_URL}" method="post" enctype="multipart/form-data">\n` +
  f
    .map(
      ([n, v]) =>
        `  <input type="hidden" name="${n}" value="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" />`,
    )
    .join('\n') +
  '\n  <input type="file" name="file" />\n</form>';
const asMultipart = (f: [string, string][], file = 'JPEGDATA') =>
  `POST / HTTP/1.1\r\nHost: sigv4examplebucket.s3.amazonaws.com\r\nContent-Type: multipart/form-data; boundary=9431149156168\r\n\r\n` +
  f
    .map(([n, v]) => `--9431149156168\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`)
    .join('') +
  `--9431149156168\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n${file}\r\n--9431149156168--\r\n`;

const verify = (form: string, extra: Partial<Parameters<typeof verifyPostPolicy>[0]> = {}) => {
  const r = verifyPostPolicy({
    form,
    secretAccessKey: credentials.secretAccessKey,
    now: signingTime,
    bucket: 'sigv4examplebucket',
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

describe('the S3 SigV4 POST example', () => {
  it('encodes the CRLF policy to the published Base64 and signs it to the published signature', () => {
    const r = signPostPolicy({
      policy: doc.policy_json_crlf,
      credentials,
      region: doc.region,
      time: signingTime,
    });
    if (!r.ok) return expect.fail(JSON.stringify(r.problems));
    expect(r.value.details!.policy.base64).toBe(doc.policy_base64);
    expect(r.value.signature).toBe(doc.signature);
    expect(r.value.details!.amzDate).toBe(doc.x_amz_date);
    expect(r.value.notes.filter((n) => n.severity !== 'note')).toEqual([]);
  });

  it.each([
    ['fields', asLines(fields())],
    ['HTML', asHtml(fields())],
    ['a multipart request', asMultipart(fields())],
  ])('reads the form as %s: every condition passes and the signature verifies', (_, form) => {
    const v = verify(form);
    expect(v.match).toBe(true);
    const d = v.trace.details!;
    expect(d.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(d.checks).toHaveLength(1 + 11);
    expect(d.accepted).toBe(true);
  });

  it('reads the bucket off the HTML form action and the multipart Host without being told', () => {
    for (const form of [asHtml(fields()), asMultipart(fields())]) {
      const v = verifyPostPolicy({ form, now: signingTime });
      if (!v.ok) return expect.fail(JSON.stringify(v.problems));
      expect(v.value.trace.details!.checks.find((c) => c.field === 'bucket')!.status).toBe('pass');
    }
  });

  it('says an expired policy failed first, at its expiration', () => {
    const v = verify(asLines(fields()), { now: new Date('2015-12-31T00:00:00Z') });
    const d = v.trace.details!;
    expect(d.firstFailure!.kind).toBe('expiration');
    expect(d.firstFailure!.reason).toContain('expired at 2015-12-30T12:00:00.000Z');
    expect(v.match).toBe(true);
    expect(d.accepted).toBe(false);
  });

  it('names a starts-with a field breaks, pointing at the value in the form', () => {
    const form = asMultipart(
      fields((f) => f.map(([n, v]): [string, string] => [n, n === 'Content-Type' ? 'text/plain' : v])),
    );
    const fail = verify(form).trace.details!.firstFailure!;
    expect(fail).toMatchObject({ kind: 'starts-with', field: 'content-type', status: 'fail' });
    expect(fail.reason).toContain('must start with "image/"');
    expect(form.slice(fail.formSpan!.start, fail.formSpan!.end)).toBe('text/plain');
  });

  it('names an exact condition broken (case counts)', () => {
    const fail = verify(
      asLines(fields((f) => f.map(([n, v]): [string, string] => [n, n === 'acl' ? 'Public-Read' : v]))),
    ).trace.details!.firstFailure!;
    expect(fail).toMatchObject({ kind: 'eq', field: 'acl' });
  });

  it('names a field no condition covers', () => {
    const v = verify(asHtml(fields((f) => [...f, ['x-amz-meta-extra', 'yes']])));
    const fail = v.trace.details!.firstFailure!;
    expect(fail).toMatchObject({ kind: 'coverage', field: 'x-amz-meta-extra' });
  });

  it('names a field the policy wants but the form lacks', () => {
    const fail = verify(asLines(fields((f) => f.filter(([n]) => n !== 'x-amz-meta-uuid')))).trace.details!
      .firstFailure!;
    expect(fail.reason).toContain('has no x-amz-meta-uuid field');
  });

  it('says the signature does not verify when the form carries another policy', () => {
    const v = verify(
      asLines(
        fields((f) => f.map(([n, v]): [string, string] => [n, n === 'Policy' ? v.slice(0, -4) + 'fQ==' : v])),
      ),
    );
    expect(v.match).toBe(false);
  });

  it('checks content-length-range against the file in a multipart body, and says when it cannot tell', () => {
    const policy = doc.policy_json_crlf.replace(
      '"conditions": [',
      '"conditions": [\r\n    ["content-length-range", 1, 4],',
    );
    const big = verify(asMultipart(fields()), { policy, secretAccessKey: undefined }).trace.details!;
    expect(big.checks.find((c) => c.kind === 'content-length-range')).toMatchObject({ status: 'fail' });
    expect(big.checks.find((c) => c.kind === 'content-length-range')!.reason).toContain('8 bytes');
    const none = verify(asLines(fields()), { policy, secretAccessKey: undefined }).trace.details!;
    expect(none.checks.find((c) => c.kind === 'content-length-range')!.status).toBe('unknown');
  });
});

describe('aws-sdk-php PostObjectV4', () => {
  it('signs the compact Base64 policy to the published signature', () => {
    const r = signPostPolicy({
      policy: php.string_to_sign,
      credentials: {
        accessKeyId: php.credentials.access_key_id,
        secretAccessKey: php.credentials.secret_access_key,
      },
      region: php.region,
      time: new Date('2015-12-29T00:00:00Z'),
    });
    if (!r.ok) return expect.fail(JSON.stringify(r.problems));
    expect(r.value.details!.policy.base64).toBe(php.string_to_sign);
    expect(r.value.signature).toBe(php.signature);
  });
});
