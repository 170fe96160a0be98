/**
 * Signing logs as people really paste them, written by hand after the kinds in issue 7: Python logging in its
 * other formats, s3cmd --debug, Java logs behind MDC / log4j prefixes, Ruby's `Signed string:` with literal \n,
 * curl -v without --aws-sigv4, bare SigV2 strings to sign, per-line prefixes, and logs cut off in a value.
 */

import { describe, expect, it } from 'vitest';
import { parseClientLog } from '../../../src/lib/sig/client-log/parse';
import type { ClientLog } from '../../../src/lib/sig/client-log/types';
import type { Problem } from '../../../src/lib/sig/types';

const CR = [
  'GET',
  '/reports/2024/03/summary.csv',
  'versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY',
  'host:finance-exports.s3.eu-west-3.amazonaws.com',
  'x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'x-amz-date:20240305T101500Z',
  '',
  'host;x-amz-content-sha256;x-amz-date',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
].join('\n');
const STS = [
  'AWS4-HMAC-SHA256',
  '20240305T101500Z',
  '20240305/eu-west-3/s3/aws4_request',
  '6d7b2e3c1f0a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d',
].join('\n');
const SIG = '0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c';

/** Reads a log with no error problem and every span inside it. */
function read(text: string): { log: ClientLog; problems: Problem[] } {
  const result = parseClientLog(text);
  for (const p of result.problems) {
    expect(p.severity, `${p.kind}: ${p.message}`).not.toBe('error');
    if (p.span) expect(p.span.end).toBeLessThanOrEqual(text.length);
  }
  expect(result.ok).toBe(true);
  if (!result.ok) throw new Error('unreadable');
  return { log: result.value, problems: result.problems };
}

describe('Python logging in any format', () => {
  const record = (prefix: string) =>
    [
      `${prefix}CanonicalRequest:`,
      CR,
      `${prefix}StringToSign:`,
      STS,
      `${prefix}Signature:`,
      SIG,
      `${prefix.replace('botocore.auth', 'botocore.endpoint')}Sending http request`,
    ].join('\n');

  it("reads boto3.set_stream_logger's format", () => {
    const { log } = read(record('2024-03-05 10:15:00,123 botocore.auth [DEBUG] '));
    expect(log).toMatchObject({ source: 'botocore' });
    expect(log.canonicalRequest!.text).toBe(CR);
    expect(log.stringToSign!.text).toBe(STS);
    expect(log.signature!.text).toBe(SIG);
  });

  it("reads logging.basicConfig's default format", () => {
    const { log } = read(record('DEBUG:botocore.auth:'));
    expect(log.canonicalRequest!.text).toBe(CR);
    expect(log.signature!.text).toBe(SIG);
  });

  it('reads a format with a thread and a bracketed time', () => {
    const { log } = read(record('[2024-03-05 10:15:00,123] {Thread-7} DEBUG botocore.auth: '));
    expect(log.canonicalRequest!.text).toBe(CR);
    expect(log.stringToSign!.text).toBe(STS);
  });

  it('reads a log that docker compose prefixed line by line', () => {
    const text = record('2024-03-05 10:15:00,123 - MainThread - botocore.auth - DEBUG - ')
      .split('\n')
      .map((l) => `uploader-1  | ${l}`)
      .join('\n');
    const { log } = read(text);
    expect(log.canonicalRequest!.text).toBe(CR);
    expect(log.normalized?.some((n) => /docker compose/.test(n))).toBe(true);
  });
});

describe('s3cmd --debug', () => {
  it('reads its SigV4 canonical request and the signature in its headers dict', () => {
    const text = [
      `DEBUG: canonical_headers = host:finance-exports.s3.eu-west-3.amazonaws.com`,
      'DEBUG: Canonical Request:',
      CR,
      '----------------------',
      `DEBUG: signature-v4 headers: {'x-amz-date': '20240305T101500Z', 'Authorization': 'AWS4-HMAC-SHA256 Credential=AKIAQ3EXAMPLE7Z/20240305/eu-west-3/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=${SIG}', 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'}`,
    ].join('\n');
    const { log } = read(text);
    expect(log.canonicalRequest!.text).toBe(CR);
    expect(log.signature!.text).toBe(SIG);
  });

  it('reads its SigV2 SignHeaders repr', () => {
    const sts = 'GET\n\n\nTue, 05 Mar 2024 10:15:00 +0000\n/finance-exports/';
    const text = [
      `DEBUG: SignHeaders: '${sts.replace(/\n/g, '\\n')}'`,
      'DEBUG: Processing request, please wait...',
      `DEBUG: headers: {'x-amz-date': 'Tue, 05 Mar 2024 10:15:00 +0000', 'Authorization': 'AWS AKIAQ3EXAMPLE7ZABCDE:bWq2s1WEIj+Ydj0vQ697zp+IXMU='}`,
    ].join('\n');
    const { log } = read(text);
    expect(log.scheme).toBe('sigv2');
    expect(log.stringToSign!.text).toBe(sts);
    expect(log.signature!.text).toBe('bWq2s1WEIj+Ydj0vQ697zp+IXMU=');
  });
});

describe('Java logs behind log4j and MDC prefixes', () => {
  it('reads SDK v1 lines behind a log4j pattern with MDC values', () => {
    const text = [
      `2024-03-05 10:15:00,483 DEBUG [main] [reqId=77a1 tenant=acme] com.amazonaws.auth.AWS4Signer - AWS4 Canonical Request: '"${CR}"`,
      `2024-03-05 10:15:00,484 DEBUG [main] [reqId=77a1 tenant=acme] com.amazonaws.auth.AWS4Signer - AWS4 String to Sign: '"${STS}"`,
    ].join('\n');
    const { log } = read(text);
    expect(log.canonicalRequest!.text).toBe(CR);
    expect(log.stringToSign!.text).toBe(STS);
  });

  it('keeps a canonical request the paste cuts off, and says where it ends', () => {
    const text = `[2024-03-05 10:15:00.483] DEBUG [-,5f1c,5f1c,false] [main] [com.amazonaws.auth.AWS4Signer] m_ [AWS4 Canonical Request: '"${CR.slice(0, 60)}`;
    const { log, problems } = read(text);
    expect(log.canonicalRequest!.text).toBe(CR.slice(0, 60));
    expect(log.truncated!.span.end).toBe(text.length);
    expect(problems.find((p) => p.kind === 'truncated')?.severity).toBe('warning');
  });
});

describe('SigV2 strings to sign', () => {
  const sts1 =
    'PUT\n4gJE4saaMU4BqNR0kLY+lw==\nimage/png\nTue, 05 Mar 2024 10:15:00 GMT\nx-amz-acl:public-read\n/media/logo.png';
  const sts2 =
    'PUT\n4gJE4saaMU4BqNR0kLY+lw==\nimage/png\nTue, 05 Mar 2024 10:15:01 GMT\nx-amz-acl:public-read\n/media/logo.png';

  it("keeps every Ruby Logger 'Signed string:' with the signature after it, in order", () => {
    const line = (t: string) => `I, [2024-03-05T10:15:00.412833 #4242]  INFO -- : ${t}`;
    const text = [
      line(`Signed string: ${sts1.replace(/\n/g, '\\n')}`),
      line('Signature: mD2kN1kOBMmYgGYq67fRedQmlBo='),
      line('Retrying after a 500'),
      line(`Signed string: ${sts2.replace(/\n/g, '\\n')}`),
      line('Signature: GNh+r0tmIlYHi8Mt3r5R2+IGntw='),
    ].join('\n');
    const { log } = read(text);
    expect(log.signings!.map((s) => [s.stringToSign.text, s.signature?.text])).toEqual([
      [sts1, 'mD2kN1kOBMmYgGYq67fRedQmlBo='],
      [sts2, 'GNh+r0tmIlYHi8Mt3r5R2+IGntw='],
    ]);
    expect(log.stringToSign!.text).toBe(sts2);
  });

  it('reads a bare SigV2 string to sign, as lines or on one line with literal \\n', () => {
    for (const text of [sts1, sts1.replace(/\n/g, '\\n'), `${sts1}\n`]) {
      const { log } = read(text);
      expect(log).toMatchObject({ scheme: 'sigv2' });
      expect(log.stringToSign!.text).toBe(sts1);
    }
  });

  it("reads a Query API's SigV2 string to sign", () => {
    const sts =
      'GET\nec2.amazonaws.com\n/\nAWSAccessKeyId=AKIAQ3EXAMPLE7ZABCDE&Action=DescribeInstances&SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2024-03-05T10%3A15%3A00Z&Version=2016-11-15';
    expect(read(sts).log.stringToSign!.text).toBe(sts);
  });
});

describe('curl -v without --aws-sigv4', () => {
  it('reads the request curl shows it sent and the signature in its Authorization', () => {
    const auth = `AWS4-HMAC-SHA256 Credential=AKIAQ3EXAMPLE7Z/20240305/eu-west-3/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${SIG}`;
    const text = [
      '*   Trying 52.95.155.84:443...',
      '* Connected to finance-exports.s3.eu-west-3.amazonaws.com (52.95.155.84) port 443 (#0)',
      '> GET /reports/2024/03/summary.csv HTTP/1.1',
      '> Host: finance-exports.s3.eu-west-3.amazonaws.com',
      '> User-Agent: curl/8.5.0',
      `> Authorization: ${auth}`,
      '> x-amz-date: 20240305T101500Z',
      '>',
      '< HTTP/1.1 403 Forbidden',
    ].join('\n');
    const { log } = read(text);
    expect(log.request!.text).toBe(
      [
        'GET /reports/2024/03/summary.csv HTTP/1.1',
        'Host: finance-exports.s3.eu-west-3.amazonaws.com',
        'User-Agent: curl/8.5.0',
        `Authorization: ${auth}`,
        'x-amz-date: 20240305T101500Z',
        '',
        '',
      ].join('\n'),
    );
    expect(log.signature!.text).toBe(SIG);
    expect(log.canonicalRequest).toBeUndefined();
  });
});

describe('logs cut off in a value', () => {
  it('marks a botocore canonical request the paste cuts off', () => {
    const text = `2024-03-05 10:15:00,123 - MainThread - botocore.auth - DEBUG - CanonicalRequest:\n${CR.slice(0, 90)}`;
    const { log } = read(text);
    expect(log.canonicalRequest!.text).toBe(CR.slice(0, 90));
    expect(log.truncated!.span.end).toBe(text.length);
  });

  it('keeps what curl printed of a value it never closed', () => {
    const text = `* aws_sigv4: Canonical request (enclosed in []) - [${CR.slice(0, 70)}`;
    const { log, problems } = read(text);
    expect(log.canonicalRequest!.text).toBe(CR.slice(0, 70));
    expect(log.truncated).toBeDefined();
    expect(problems.find((p) => p.kind === 'curl-value')?.severity).toBe('warning');
  });
});
