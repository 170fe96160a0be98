import { describe, expect, it } from 'vitest';
import { verifyText } from '../../../src/lib/sig/index';
import { readCurlVerbose } from '../../../src/lib/sig/request/curl-verbose';
import { pasteSpanOf } from '../../../src/lib/sig/request/http-text';
import {
  CURL_VERBOSE_AWS_SIGV4,
  CURL_VERBOSE_H2_POST,
  CURL_VERBOSE_S3,
  S3_GET_AUTHORIZATION,
  S3_SECRET,
  SUITE_SECRET,
} from './pastes';
import { expectWellFormed, mustRead } from './well-formed';

describe('readCurlVerbose', () => {
  it('takes the "> " lines of curl -v output and skips TLS chatter, the response and its body', () => {
    const pasted = mustRead(readCurlVerbose(CURL_VERBOSE_S3));
    expect(pasted.form).toBe('curl-verbose');
    expect(pasted.http.split('\n')).toEqual([
      'GET /test.txt HTTP/1.1',
      'Host: examplebucket.s3.amazonaws.com',
      'User-Agent: curl/8.4.0',
      'Accept: */*',
      'Range: bytes=0-9',
      'x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'x-amz-date: 20130524T000000Z',
      `Authorization: ${S3_GET_AUTHORIZATION}`,
      '',
      '',
    ]);
    expectWellFormed(CURL_VERBOSE_S3, readCurlVerbose(CURL_VERBOSE_S3));
  });

  it('maps each line to the paste without its "> " prefix', () => {
    const pasted = mustRead(readCurlVerbose(CURL_VERBOSE_S3));
    const lines = pasted.http.split('\n');
    lines.slice(0, 8).forEach((line, i) => {
      const source = pasted.lineSources[i]!;
      expect(CURL_VERBOSE_S3.slice(source.start, source.end)).toBe(line);
    });
    // A span inside the HTTP text (the Range value) lands on the same characters of the paste.
    const at = pasted.http.indexOf('bytes=0-9');
    const span = pasteSpanOf(pasted, { start: at, end: at + 9 });
    expect(CURL_VERBOSE_S3.slice(span.start, span.end)).toBe('bytes=0-9');
  });

  it('reads hints off the Authorization header it printed', () => {
    expect(mustRead(readCurlVerbose(CURL_VERBOSE_S3)).hints).toEqual({
      mode: 'header',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      region: 'us-east-1',
      service: 's3',
      scheme: 'sigv4-s3',
    });
  });

  it('verifies the S3 documentation example read from curl -v output', async () => {
    const pasted = mustRead(readCurlVerbose(CURL_VERBOSE_S3));
    const result = await verifyText({ scheme: 'sigv4-s3', request: pasted.http, secretAccessKey: S3_SECRET });
    expect(result.ok && result.value.match).toBe(true);
  });

  it('reads HTTP/2 output with CRLF line ends and warns that the body is not shown', () => {
    const pasted = mustRead(readCurlVerbose(CURL_VERBOSE_H2_POST));
    expect(pasted.http.split('\n')[0]).toBe('POST / HTTP/2');
    expect(pasted.http).not.toContain('\r');
    expect(pasted.http.endsWith('Content-Type: application/x-www-form-urlencoded\n\n')).toBe(true);
    const warning = pasted.notes.find((n) => n.kind === 'body-not-shown')!;
    expect(warning.severity).toBe('warning');
    expect(CURL_VERBOSE_H2_POST.slice(warning.span!.start, warning.span!.end)).toBe('} [13 bytes data]');
  });

  it('still verifies a POST whose body is not shown when x-amz-content-sha256 carries its hash', async () => {
    const pasted = mustRead(readCurlVerbose(CURL_VERBOSE_H2_POST));
    const result = await verifyText({ scheme: 'sigv4', request: pasted.http, secretAccessKey: SUITE_SECRET });
    expect(result.ok && result.value.match).toBe(true);
  });

  it('takes a body pasted right after the empty "> " line', () => {
    const text = CURL_VERBOSE_H2_POST.replace(
      '> \r\n} [13 bytes data]\r\n',
      '> \r\nParam1=value1\r\n} [13 bytes data]\r\n',
    );
    const pasted = mustRead(readCurlVerbose(text));
    expect(pasted.http.endsWith('\n\nParam1=value1')).toBe(true);
    expect(pasted.notes.map((n) => n.kind)).not.toContain('body-not-shown');
    const last = pasted.lineSources.at(-1)!;
    expect(text.slice(last.start, last.end)).toBe('Param1=value1');
  });

  it('ignores curl --aws-sigv4 signing traces, multi-line ones included', () => {
    const pasted = mustRead(readCurlVerbose(CURL_VERBOSE_AWS_SIGV4));
    expect(pasted.http.split('\n')[0]).toBe('GET /?Action=ListUsers&Version=2010-05-08 HTTP/1.1');
    expect(pasted.http.split('\n')).toHaveLength(8);
    expect(pasted.hints).toMatchObject({ service: 'iam', region: 'us-east-1', scheme: 'sigv4' });
  });

  it('reads the first of several requests and says so', () => {
    const redirect =
      CURL_VERBOSE_S3 + '\n* Issue another request to this URL\n> GET /other HTTP/1.1\n> Host: x\n> \n';
    const pasted = mustRead(readCurlVerbose(redirect));
    expect(pasted.http.startsWith('GET /test.txt ')).toBe(true);
    expect(pasted.notes.find((n) => n.kind === 'several-requests')?.message).toMatch(/2 requests/);
  });

  it('accepts output whose trailing spaces were trimmed and whose head was cut short', () => {
    const pasted = mustRead(readCurlVerbose('> PUT /k HTTP/1.1\n> Host: b.s3.amazonaws.com\n>\n'));
    expect(pasted.http).toBe('PUT /k HTTP/1.1\nHost: b.s3.amazonaws.com\n\n');
    const cut = mustRead(readCurlVerbose('* Connected\n> GET / HTTP/1.1\n> Host: h'));
    expect(cut.http).toBe('GET / HTTP/1.1\nHost: h\n\n');
  });

  it('fails with a span when there are no "> " lines', () => {
    const text = '* Trying 1.2.3.4:443...\n< HTTP/1.1 200 OK\n';
    const result = readCurlVerbose(text);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: 'curl-verbose', span: { start: 0, end: text.length } });
  });

  it('points a bad header line back at the paste', () => {
    const text = '* Connected\n> GET / HTTP/1.1\n> no colon here\n> \n';
    const result = readCurlVerbose(text);
    expect(result.ok).toBe(false);
    const error = result.problems.find((p) => p.severity === 'error')!;
    expect(text.slice(error.span!.start, error.span!.end)).toBe('no colon here');
  });
});
