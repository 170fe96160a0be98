/**
 * `sigscope explain --json --error reply.xml request.txt` on the replies of issue 11: a chunk S3 hashed otherwise
 * than it was sent (the S3 streaming example, tests/vectors/s3), a SigV4A request without its region set (the
 * aws-c-auth v4a get-vanilla case, tests/vectors/sigv4a) refused as S3 refuses it, and a POST form (the S3 SigV4
 * POST example) refused by its policy, as a multipart request and as HTML. The reply shapes and their sources
 * are those of tests/sig/server-error/signing-reply.test.ts; the cases are tests/diagnose/upload-cases.ts.
 */

import { describe, expect, it } from 'vitest';
import {
  accessDenied,
  chunkedBody,
  chunkedUpload,
  chunkStringToSign,
  htmlForm,
  multipartForm,
  POST_FIELDS,
  postFields,
  sha256,
  signatureMismatch,
  STREAMING,
} from '../diagnose/upload-cases';
import { readVector } from '../sig/v4/vectors';
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

let files = 0;

/** Runs explain --json on a reply and a request file; the exit code and the report. */
async function explainFiles(reply: string, request: string, env: Record<string, string> = {}) {
  const out = await sigscopeIn(
    env,
    'explain',
    '--json',
    '--error',
    write(`reply-${++files}.xml`, reply),
    write(`request-${files}.txt`, request),
  );
  return { ...out, report: out.code === 2 ? undefined : report(out.stdout) };
}

describe('sigscope explain on chunked, SigV4A and POST replies', () => {
  it('names the chunk S3 hashed otherwise than it was sent (exit 1), with the secret from the environment', async () => {
    const secret = STREAMING.credentials.secret_access_key;
    const sigs = STREAMING.examples[0].chunks.map((c) => c.signature);
    const sts = chunkStringToSign(sigs[0]!, sha256('a'.repeat(1023) + 'b'));
    const out = await explainFiles(signatureMismatch(sts, sigs[1]!), chunkedUpload(chunkedBody(sigs)), {
      AWS_SECRET_ACCESS_KEY: secret,
    });
    expect(out.code, out.stderr).toBe(1);
    expect(out.report!.verdict).toBe('mismatch');
    expect(out.report!.findings[0]).toMatchObject({
      kind: 'transit',
      basis: 'shown',
      cause: 'chunk-changed-in-transit',
    });
    expect(out.stdout + out.stderr).not.toContain(secret);
  });

  it('names a missing X-Amz-Region-Set on a SigV4A request (exit 1)', async () => {
    const signed = readVector('sigv4a', 'aws-c-auth-v4a', 'get-vanilla', 'header-signed-request.txt');
    const out = await explainFiles(
      '<Error><Code>InvalidRequest</Code><Message>Missing required header for this request: x-amz-region-set</Message><RequestId>1</RequestId></Error>',
      signed.replace('X-Amz-Region-Set:us-east-1\n', ''),
    );
    expect(out.code, out.stderr).toBe(1);
    expect(out.report!.findings[0]).toMatchObject({
      basis: 'shown',
      name: 'x-amz-region-set',
      cause: 'region-set-missing',
    });
  });

  it('maps a POST policy denial to the field that fails it (exit 1), and says cannot tell (exit 3) when the form meets it', async () => {
    const reply = accessDenied(
      'Invalid according to Policy: Policy Condition failed: ["eq", "$acl", "public-read"]',
    );
    const failing = await explainFiles(reply, multipartForm(postFields('acl', 'private')));
    expect(failing.code, failing.stderr).toBe(1);
    expect(failing.report!.findings[0]).toMatchObject({
      basis: 'shown',
      name: 'acl',
      cause: 'policy-condition-failed',
    });
    const meeting = await explainFiles(reply, multipartForm(POST_FIELDS));
    expect(meeting.code, meeting.stderr).toBe(3);
    expect(meeting.report!.findings[0]).toMatchObject({ basis: 'suspected', name: 'acl' });
  });

  it('reads a POST form pasted as HTML (no HTTP request) in the request file', async () => {
    const out = await explainFiles(
      accessDenied('Invalid according to Policy: Extra input fields: x-requested-with'),
      htmlForm([...POST_FIELDS, ['x-requested-with', 'XMLHttpRequest']]),
    );
    expect(out.code, out.stderr).toBe(1);
    expect(out.report!.findings[0]).toMatchObject({
      basis: 'shown',
      name: 'x-requested-with',
      cause: 'policy-field-not-covered',
    });
  });
});
