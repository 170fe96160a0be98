/**
 * The /policy view-model against the S3 documentation's SigV4 POST example
 * (tests/vectors/s3/sigv4-post-policy-examples.json) and the S3 guide's SigV2 upload
 * (tests/vectors/s3/sigv2-post-policy-examples.json); see tests/vectors/s3/SOURCES.md. Expected signatures are the
 * vectors'; where a vector has none (the SigV2 upload, the key chain) node:crypto computes it, not the engine.
 */

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_FORM,
  EXAMPLE_POLICY,
  EXAMPLE_SECRET,
  EXAMPLE_SIGNATURE,
  EXAMPLE_TIME,
  EXAMPLE_V2,
  EXAMPLE_V2_FORM,
} from '../../src/lib/tools/policy-example';
import { policyView, type PolicyViewInput } from '../../src/lib/tools/policy-view';
import { readVectorJson } from '../sig/v4/vectors';

interface V4Case {
  id: string;
  credentials: { access_key_id: string; secret_access_key: string };
  date: string;
  region: string;
  x_amz_date: string;
  policy_json_crlf: string;
  policy_base64: string;
  signature: string;
  form_fields: [string, string][];
}
const doc = readVectorJson<{ cases: V4Case[] }>('s3', 'sigv4-post-policy-examples.json').cases.find(
  (c) => c.id === 'aws-doc-sigv4-post-example',
)!;
const v2 = readVectorJson<{
  credentials: { secret_access_key: string };
  cases: { id: string; policy_base64: string; doc_signature: string; form_fields?: [string, string][] }[];
}>('s3', 'sigv2-post-policy-examples.json');

/** The vector's form as name=value lines, its placeholders filled from the vector. */
function fieldLines(fields: [string, string][], fill: Record<string, string>, drop: string[] = []): string {
  return fields
    .filter(([n]) => !drop.includes(n))
    .map(([n, v]) => `${n}=${fill[v] ?? v}`)
    .join('\n');
}
const docForm = (drop: string[] = []) =>
  fieldLines(doc.form_fields, { '<policy_base64>': doc.policy_base64, '<signature>': doc.signature }, drop);

const input = (over: Partial<PolicyViewInput> = {}): PolicyViewInput => ({
  policy: '',
  form: docForm(),
  secretAccessKey: doc.credentials.secret_access_key,
  time: doc.x_amz_date,
  lineEndings: 'lf',
  bucket: 'sigv4examplebucket',
  fileSize: '',
  ...over,
});

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

describe('the S3 documentation POST example', () => {
  const view = policyView(input());

  it('is accepted: the signature is the documentation’s and every condition passes', () => {
    expect(view.verdict).toBe('accepted');
    expect(view.signature?.version).toBe('sigv4');
    expect(view.signature?.expected).toBe(doc.signature);
    expect(view.signature?.valid).toBe(true);
    expect(view.checks.filter((c) => c.status !== 'pass')).toEqual([]);
  });

  it('signs the Base64 policy as the form carries it, under the credential’s scope', () => {
    expect(view.stringToSign).toBe(doc.policy_base64);
    expect(view.signature?.scope).toBe(`${doc.date}/${doc.region}/s3/aws4_request`);
    expect(view.signature?.accessKeyId).toBe(doc.credentials.access_key_id);
  });

  it('shows the key chain kDate → kSigning as node:crypto derives it', () => {
    const kDate = hmac(`AWS4${doc.credentials.secret_access_key}`, doc.date);
    const kRegion = hmac(kDate, doc.region);
    const kService = hmac(kRegion, 's3');
    const kSigning = hmac(kService, 'aws4_request');
    const chain = Object.fromEntries(view.signature!.keyChain.map((k) => [k.name, k.hex]));
    expect(chain).toMatchObject({
      kDate: kDate.toString('hex'),
      kRegion: kRegion.toString('hex'),
      kService: kService.toString('hex'),
      kSigning: kSigning.toString('hex'),
    });
  });

  it('points each condition at its place in the decoded policy as shown', () => {
    const json = view.policy!.json;
    const at = (field: string) => view.checks.find((c) => c.field === field)!.policySpan!;
    expect(json.slice(at('acl').start, at('acl').end)).toBe('{"acl": "public-read"}');
    expect(json.slice(at('x-amz-date').start, at('x-amz-date').end)).toBe(
      '{"x-amz-date": "20151229T000000Z" }',
    );
  });

  it('decodes the policy and says it was encoded with CRLF line endings', () => {
    expect(view.policy?.json).toBe(doc.policy_json_crlf.replace(/\r\n/g, '\n'));
    expect(view.policy?.lineEndings).toBe('CRLF');
    expect(view.policy?.expiration).toBe('2015-12-30T12:00:00.000Z');
  });

  it('the page’s preloaded example is the documentation’s form, policy and signature, and is accepted', () => {
    expect(EXAMPLE_POLICY).toBe(doc.policy_base64);
    expect(EXAMPLE_SIGNATURE).toBe(doc.signature);
    expect(EXAMPLE_SECRET).toBe(doc.credentials.secret_access_key);
    const page = policyView({
      ...input(),
      policy: EXAMPLE_POLICY,
      form: EXAMPLE_FORM,
      time: EXAMPLE_TIME,
      bucket: '',
    });
    expect(page.verdict).toBe('accepted');
    expect(page.form.shape).toBe('an HTML form');
    const fill = (v: string) =>
      v === '<policy_base64>' ? doc.policy_base64 : v === '<signature>' ? doc.signature : v;
    const byName = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!);
    expect(page.form.fields.map((f) => [f.name, f.value]).sort(byName)).toEqual(
      doc.form_fields.map(([n, v]) => [n, fill(v)]).sort(byName),
    );
    // The doc form's submit button comes after the file: S3 ignores it, and the page says so.
    expect(page.problems.map((p) => p.kind)).toEqual(['form-after-file']);
  });
});

describe('the same form pasted as a multipart/form-data request', () => {
  const part = (name: string, value: string, extra = '') =>
    `--BOUND\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}\r\n`;
  const fill = (v: string) =>
    v === '<policy_base64>' ? doc.policy_base64 : v === '<signature>' ? doc.signature : v;
  const body =
    'POST / HTTP/1.1\r\nHost: sigv4examplebucket.s3.amazonaws.com\r\n' +
    'Content-Type: multipart/form-data; boundary=BOUND\r\n\r\n' +
    doc.form_fields.map(([n, v]) => part(n, fill(v))).join('') +
    part('file', 'hello', '; filename="photo.jpg"') +
    '--BOUND--\r\n';

  it('is accepted, the bucket read from its Host and the file from its part', () => {
    const view = policyView(input({ form: body, bucket: '' }));
    expect(view.form).toMatchObject({ shape: 'a multipart/form-data body', file: 'photo.jpg' });
    expect(view.verdict).toBe('accepted');
    expect(view.checks.find((c) => c.field === 'key')?.reason).toMatch(/read as "user\/user1\/photo.jpg"/);
  });
});

describe('a pasted JSON policy', () => {
  const typed = doc.policy_json_crlf.replace(/\r\n/g, '\n'); // what a text box holds

  it('encoded with CRLF is the documentation’s Base64, and signs with its signature', () => {
    const view = policyView(input({ policy: typed, lineEndings: 'crlf', form: docForm(['Policy']) }));
    expect(view.stringToSign).toBe(doc.policy_base64);
    expect(view.signature?.valid).toBe(true);
  });

  it('encoded with LF differs from the form’s Policy, and the hint says to choose CRLF', () => {
    const view = policyView(input({ policy: typed }));
    const differs = view.problems.find((p) => p.kind === 'policy-differs');
    expect(differs?.hint).toMatch(/CRLF/);
    expect(differs?.where).toBe('Form');
    // The signature covers the form's own Policy, which still verifies.
    expect(view.signature?.valid).toBe(true);
  });

  it('with a syntax error points at its line and column in the box', () => {
    const broken = typed.replace('"acl": "public-read"}', '"acl": "public-read"');
    const view = policyView(input({ policy: broken }));
    expect(view.verdict).toBe('unreadable');
    const p = view.problems.find((x) => x.where === 'Policy')!;
    // The object goes on after the comma where a key should be: the parser stops at the next line's "{".
    expect(p.excerpt?.line).toBe(6);
    expect(broken.split('\n')[5]!.slice(p.excerpt!.column - 1)).toMatch(/^\{"success_action_redirect"/);
  });

  it('read with CRLF still points at the spot in the box as typed', () => {
    const broken = typed.replace('"acl": "public-read"}', '"acl": "public-read"');
    const view = policyView(input({ policy: broken, lineEndings: 'crlf' }));
    const p = view.problems.find((x) => x.where === 'Policy')!;
    // The object goes on after the comma where a key should be: the parser stops at the next line's "{".
    expect(p.excerpt?.line).toBe(6);
    expect(broken.split('\n')[5]!.slice(p.excerpt!.column - 1)).toMatch(/^\{"success_action_redirect"/);
  });
});

describe('a failing condition is named, first in policy order', () => {
  const firstOf = (over: Partial<PolicyViewInput>) => {
    const view = policyView(input(over));
    return { view, first: view.checks.find((c) => c.first) };
  };

  it('eq: acl', () => {
    const { view, first } = firstOf({ form: docForm().replace('acl=public-read', 'acl=private') });
    expect(view.verdict).toBe('rejected');
    expect(first).toMatchObject({ status: 'fail', label: 'eq', field: 'acl', value: 'private' });
    expect(view.summary).toMatch(/acl/);
    expect(view.replies).toEqual([
      'AccessDenied: Invalid according to Policy: Policy Condition failed: ["eq", "$acl", "public-read"]',
    ]);
  });

  it('starts-with: Content-Type', () => {
    const { view, first } = firstOf({
      form: docForm().replace('Content-Type=image/jpeg', 'Content-Type=text/plain'),
    });
    expect(first).toMatchObject({ label: 'starts-with', field: 'content-type', value: 'text/plain' });
    expect(view.replies).toEqual([
      'AccessDenied: Invalid according to Policy: Policy Condition failed: ["starts-with", "$Content-Type", "image/"]',
    ]);
  });

  it('expired: an upload after the expiration', () => {
    const { view, first } = firstOf({ time: '2015-12-31T00:00:00Z' });
    expect(first).toMatchObject({ label: 'expiration', status: 'fail' });
    expect(view.summary).toMatch(/expired/);
    expect(view.replies).toEqual(['AccessDenied: Invalid according to Policy: Policy expired.']);
  });

  it('a field no condition names', () => {
    const { view, first } = firstOf({ form: `${docForm()}\nx-amz-meta-extra=1` });
    expect(first).toMatchObject({ label: 'not covered', field: 'x-amz-meta-extra' });
    expect(view.replies).toEqual([
      'AccessDenied: Invalid according to Policy: Extra input fields: x-amz-meta-extra',
    ]);
  });

  it('content-length-range: a file too large', () => {
    const policy = JSON.stringify({
      expiration: '2015-12-30T12:00:00.000Z',
      conditions: [{ bucket: 'sigv4examplebucket' }, ['content-length-range', 1, 10]],
    });
    const { first } = firstOf({ policy, form: 'X-Amz-Signature=00', fileSize: '20' });
    expect(first).toMatchObject({ label: 'content-length-range', status: 'fail' });
    expect(first?.reason).toMatch(/too large/);
    expect(policyView(input({ policy, form: 'X-Amz-Signature=00', fileSize: '20' })).replies).toEqual([
      'EntityTooLarge: Your proposed upload exceeds the maximum allowed size',
    ]);
    const unknown = policyView(input({ policy, form: 'X-Amz-Signature=00' }));
    expect(unknown.checks.find((c) => c.label === 'content-length-range')?.status).toBe('unknown');
  });

  it('a changed signature: refused, the signature named', () => {
    const view = policyView(input({ form: docForm().replace(doc.signature, '0'.repeat(64)) }));
    expect(view.verdict).toBe('rejected');
    expect(view.signature?.valid).toBe(false);
    expect(view.summary).toMatch(/signature does not match/);
    expect(view.replies[0]).toMatch(/^SignatureDoesNotMatch/);
  });
});

describe('bad input never blanks the view', () => {
  it('a policy that is not Base64 or JSON is a problem at the policy box, listed before notes', () => {
    const view = policyView(input({ policy: 'not*base64', form: EXAMPLE_FORM }));
    expect(view.problems.map((p) => p.severity)).toEqual(['error', 'note']);
    expect(view.verdict).toBe('unreadable');
    expect(view.problems.find((p) => p.kind === 'policy-encoding')).toMatchObject({ where: 'Policy' });
    expect(view.form.fields.length).toBe(doc.form_fields.length);
  });

  it('a time that is not a time: a problem, and the expiration "cannot tell"', () => {
    const view = policyView(input({ time: 'yesterday' }));
    expect(view.problems.map((p) => p.where)).toContain('Time');
    expect(view.checks[0]).toMatchObject({ label: 'expiration', status: 'unknown' });
    expect(view.verdict).toBe('unknown');
  });

  it('without the secret the signature is not checked and no key chain is shown', () => {
    const view = policyView(input({ secretAccessKey: '' }));
    expect(view.verdict).toBe('unknown');
    expect(view.signature?.valid).toBeUndefined();
    expect(view.signature?.keyChain).toEqual([]);
  });

  it('an empty page says what to paste', () => {
    const view = policyView(input({ form: '', time: '' }));
    expect(view.verdict).toBe('unreadable');
    expect(view.problems.map((p) => p.kind)).toContain('no-policy');
  });
});

describe('the S3 guide’s SigV2 upload', () => {
  const upload = v2.cases.find((c) => c.id === 'file-upload')!;
  const secret = v2.credentials.secret_access_key;
  const sha1 = createHmac('sha1', secret).update(upload.policy_base64).digest('base64');
  const form = (signature: string) =>
    fieldLines(upload.form_fields!, { POLICY: upload.policy_base64, SIGNATURE: signature });
  const view = (signature: string) =>
    policyView(
      input({
        form: form(signature),
        secretAccessKey: secret,
        time: '2007-11-30T00:00:00Z',
        bucket: 'johnsmith',
      }),
    );

  it('is read as SigV2 and verifies the HMAC-SHA1 node:crypto computes', () => {
    const v = view(sha1);
    expect(v.signature).toMatchObject({
      version: 'sigv2',
      expected: sha1,
      valid: true,
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    });
    expect(v.verdict).toBe('accepted');
  });

  it('refuses the guide’s printed signature, which the vector file records does not reproduce', () => {
    expect(view(upload.doc_signature).signature?.valid).toBe(false);
  });

  it('is the page’s SigV2 example: the guide’s policy, fields and printed signature', () => {
    expect(EXAMPLE_V2.policy).toBe(upload.policy_base64);
    expect(EXAMPLE_V2_FORM).toBe(form(upload.doc_signature));
    const page = policyView(
      input({
        form: EXAMPLE_V2_FORM,
        time: EXAMPLE_V2.time,
        bucket: EXAMPLE_V2.bucket,
        secretAccessKey: secret,
      }),
    );
    expect(page).toMatchObject({ verdict: 'rejected', signature: { version: 'sigv2', valid: false } });
    expect(page.checks.filter((c) => c.status !== 'pass')).toEqual([]);
  });
});
