/**
 * `sigscope explain --json --error reply.xml request.txt` on the replies of issue 11: a chunk S3 hashed otherwise
 * than it was sent (the S3 streaming example, tests/vectors/s3), a SigV4A request without its region set (the
 * aws-c-auth v4a get-vanilla case, tests/vectors/sigv4a) refused as S3 refuses it, and a POST form (the S3 SigV4
 * POST example) refused by its policy. The reply shapes and their sources are those of
 * tests/sig/server-error/signing-reply.test.ts.
 */

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readVector, readVectorJson } from '../sig/v4/vectors';
import { sigscopeIn, tempFiles } from './run-cli';

const { write } = tempFiles('sigscope-signing-replies-');

interface Finding {
  kind: string;
  basis: string;
  component: string;
  name?: string;
  cause: string;
}
const report = (stdout: string) => JSON.parse(stdout) as { verdict: string; findings: Finding[] };

describe('sigscope explain on chunked, SigV4A and POST replies', () => {
  it('names the chunk S3 hashed otherwise than it was sent (exit 1), with the secret from the environment', async () => {
    const file = readVectorJson<{
      credentials: { secret_access_key: string };
      examples: {
        request: { path: string; headers: [string, string][] };
        seed_authorization_aws_c_auth: string;
        chunks: { size_hex: string; signature: string }[];
      }[];
    }>('s3', 'sigv4-chunked-upload-examples.json');
    const plain = file.examples[0]!;
    const data = ['a'.repeat(65536), 'a'.repeat(1024), ''];
    const body =
      plain.chunks
        .map((c, i) => `${c.size_hex};chunk-signature=${c.signature}\r\n${data[i]}${data[i] ? '\r\n' : ''}`)
        .join('') + '\r\n';
    const headers = plain.request.headers.map(
      ([n, v]) => `${n}: ${n === 'Authorization' ? plain.seed_authorization_aws_c_auth : v}`,
    );
    const request = write(
      'chunked.txt',
      `PUT ${plain.request.path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${body}`,
    );
    const changed = createHash('sha256')
      .update('a'.repeat(1023) + 'b')
      .digest('hex');
    const sts = [
      'AWS4-HMAC-SHA256-PAYLOAD',
      '20130524T000000Z',
      '20130524/us-east-1/s3/aws4_request',
      plain.chunks[0]!.signature,
      createHash('sha256').update('').digest('hex'),
      changed,
    ].join('\n');
    const reply = write(
      'chunk-reply.xml',
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><StringToSign>${sts}</StringToSign><SignatureProvided>${plain.chunks[1]!.signature}</SignatureProvided></Error>`,
    );
    const out = await sigscopeIn(
      { AWS_SECRET_ACCESS_KEY: file.credentials.secret_access_key },
      'explain',
      '--json',
      '--error',
      reply,
      request,
    );
    expect(out.code, out.stderr).toBe(1);
    const r = report(out.stdout);
    expect(r.verdict).toBe('mismatch');
    expect(r.findings[0]).toMatchObject({
      kind: 'transit',
      basis: 'shown',
      cause: 'chunk-changed-in-transit',
    });
    expect(out.stdout + out.stderr).not.toContain(file.credentials.secret_access_key);
  });

  it('names a missing X-Amz-Region-Set on a SigV4A request (exit 1)', async () => {
    const signed = readVector('sigv4a', 'aws-c-auth-v4a', 'get-vanilla', 'header-signed-request.txt');
    const request = write('v4a.txt', signed.replace('X-Amz-Region-Set:us-east-1\n', ''));
    const reply = write(
      'region-set.xml',
      '<Error><Code>InvalidRequest</Code><Message>Missing required header for this request: x-amz-region-set</Message><RequestId>1</RequestId></Error>',
    );
    const out = await sigscopeIn({}, 'explain', '--json', '--error', reply, request);
    expect(out.code, out.stderr).toBe(1);
    expect(report(out.stdout).findings[0]).toMatchObject({
      basis: 'shown',
      name: 'x-amz-region-set',
      cause: 'region-set-missing',
    });
  });

  it('maps a POST policy denial to the field that fails it (exit 1), and says cannot tell (exit 3) when the form meets it', async () => {
    const doc = readVectorJson<{
      cases: { policy_base64: string; signature: string; form_fields: [string, string][] }[];
    }>('s3', 'sigv4-post-policy-examples.json').cases[0]!;
    const form = (acl: string) =>
      'POST / HTTP/1.1\r\nHost: sigv4examplebucket.s3.amazonaws.com\r\nContent-Type: multipart/form-data; boundary=9431149156168\r\n\r\n' +
      doc.form_fields
        .map(([n, v]) => {
          const value =
            v === '<policy_base64>'
              ? doc.policy_base64
              : v === '<signature>'
                ? doc.signature
                : n === 'acl'
                  ? acl
                  : v;
          return `--9431149156168\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${value}\r\n`;
        })
        .join('') +
      '--9431149156168--\r\n';
    const reply = write(
      'policy.xml',
      '<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy Condition failed: ["eq", "$acl", "public-read"]</Message><RequestId>997GMEFQX05D6ZJ5</RequestId></Error>',
    );
    const failing = await sigscopeIn(
      {},
      'explain',
      '--json',
      '--error',
      reply,
      write('post.txt', form('private')),
    );
    expect(failing.code, failing.stderr).toBe(1);
    expect(report(failing.stdout).findings[0]).toMatchObject({
      basis: 'shown',
      name: 'acl',
      cause: 'policy-condition-failed',
    });
    const meeting = await sigscopeIn(
      {},
      'explain',
      '--json',
      '--error',
      reply,
      write('post-ok.txt', form('public-read')),
    );
    expect(meeting.code, meeting.stderr).toBe(3);
    expect(report(meeting.stdout).findings[0]).toMatchObject({ basis: 'suspected', name: 'acl' });
  });

  it('reads a POST form pasted as HTML (no HTTP request) in the request file', async () => {
    const doc = readVectorJson<{
      cases: { policy_base64: string; signature: string; form_fields: [string, string][] }[];
    }>('s3', 'sigv4-post-policy-examples.json').cases[0]!;
    const inputs = doc.form_fields.map(([n, v]) => {
      const value = v === '<policy_base64>' ? doc.policy_base64 : v === '<signature>' ? doc.signature : v;
      return `  <input type="hidden" name="${n}" value="${value}" />`;
    });
    const html = write(
      'form.html',
      `<form action="https://sigv4examplebucket.s3.amazonaws.com/" method="post" enctype="multipart/form-data">\n${inputs.join('\n')}\n  <input type="hidden" name="x-requested-with" value="XMLHttpRequest" />\n</form>\n`,
    );
    const reply = write(
      'extra.xml',
      '<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Extra input fields: x-requested-with</Message><RequestId>8FFF313E47C10DEF</RequestId></Error>',
    );
    const out = await sigscopeIn({}, 'explain', '--json', '--error', reply, html);
    expect(out.code, out.stderr).toBe(1);
    expect(report(out.stdout).findings[0]).toMatchObject({
      basis: 'shown',
      name: 'x-requested-with',
      cause: 'policy-field-not-covered',
    });
  });
});
