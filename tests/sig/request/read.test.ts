import { describe, expect, it } from 'vitest';
import { verifyText } from '../../../src/lib/sig/index';
import { detectRequestForm } from '../../../src/lib/sig/request/detect';
import { readPastedRequest, readRawHttp } from '../../../src/lib/sig/request/read';
import {
  CHROME_CURL_BASH,
  CHROME_CURL_CMD,
  CHROME_HAR,
  CURL_FORM_POST,
  CURL_VERBOSE_AWS_SIGV4,
  CURL_VERBOSE_H2_POST,
  CURL_VERBOSE_S3,
  FIREFOX_CURL,
  RAW_FORM_POST,
  S3_PRESIGNED_URL,
  SUITE_SECRET,
} from './pastes';
import { expectWellFormed, mustRead } from './well-formed';

describe('detectRequestForm', () => {
  it.each([
    ['raw HTTP', RAW_FORM_POST, 'http'],
    ['curl -v output', CURL_VERBOSE_S3, 'curl-verbose'],
    ['curl -v HTTP/2 output', CURL_VERBOSE_H2_POST, 'curl-verbose'],
    ['curl -v --aws-sigv4 output', CURL_VERBOSE_AWS_SIGV4, 'curl-verbose'],
    [
      'curl -v output under the command that printed it',
      `$ curl -v https://h/\n${CURL_VERBOSE_S3}`,
      'curl-verbose',
    ],
    ['a curl command', CURL_FORM_POST, 'curl'],
    ['Chrome Copy as cURL (bash)', CHROME_CURL_BASH, 'curl'],
    ['Chrome Copy as cURL (cmd)', CHROME_CURL_CMD, 'curl'],
    ['Firefox Copy as cURL', FIREFOX_CURL, 'curl'],
    ['a HAR file', CHROME_HAR, 'har'],
    ['a bare HAR request', '{"method": "GET", "url": "https://h/"}', 'har'],
    ['a presigned URL', S3_PRESIGNED_URL, 'url'],
    ['a quoted URL', ` "${S3_PRESIGNED_URL}"\n`, 'url'],
  ])('tells %s', (_, text, form) => {
    expect(detectRequestForm(text)).toBe(form);
  });

  it.each([
    ['nothing', '  \n'],
    ['prose', 'Hello, why does my signature not match?'],
    ['JSON that is not HAR', '{"Code": "SignatureDoesNotMatch"}'],
    ['an XML error', '<?xml version="1.0"?><Error/>'],
  ])('gives up on %s', (_, text) => {
    expect(detectRequestForm(text)).toBeUndefined();
  });
});

describe('readRawHttp', () => {
  it('passes raw HTTP through, each line its own source', () => {
    const pasted = mustRead(readRawHttp(RAW_FORM_POST));
    expect(pasted.http).toBe(RAW_FORM_POST);
    let at = 0;
    for (const [i, line] of RAW_FORM_POST.split('\n').entries()) {
      expect(pasted.lineSources[i]).toEqual({ start: at, end: at + line.length });
      at += line.length + 1;
    }
    expect(pasted.hints).toEqual({
      mode: 'header',
      accessKeyId: 'AKIDEXAMPLE',
      region: 'us-east-1',
      service: 'service',
      scheme: 'sigv4',
    });
  });

  it('fails on what the HTTP parser rejects, keeping its spans', () => {
    const result = readRawHttp('GET / HTTP/1.1\nbad header\n');
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: 'header-line', span: { start: 15, end: 25 } });
  });
});

describe('readPastedRequest', () => {
  it.each([
    ['raw HTTP', RAW_FORM_POST, 'http'],
    ['curl -v output', CURL_VERBOSE_H2_POST, 'curl-verbose'],
    ['a curl command', CURL_FORM_POST, 'curl'],
  ])('reads %s of the same signed request, which verifies', async (_, text, form) => {
    const result = readPastedRequest(text);
    expectWellFormed(text, result);
    const pasted = mustRead(result);
    expect(pasted.form).toBe(form);
    const verified = await verifyText({
      scheme: 'sigv4',
      request: pasted.http,
      secretAccessKey: SUITE_SECRET,
    });
    expect(verified.ok && verified.value.match).toBe(true);
  });

  it('dispatches on the form it is given over the one it would guess', () => {
    const result = readPastedRequest(S3_PRESIGNED_URL, 'http');
    expect(result.ok).toBe(false);
  });

  it('says which forms it accepts when it recognises none', () => {
    const text = 'SignatureDoesNotMatch';
    const result = readPastedRequest(text);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: 'request-form', span: { start: 0, end: text.length } });
    expect(result.problems[0]!.hint).toMatch(/raw HTTP.*curl -v.*curl command.*HAR.*URL/);
  });

  it('returns its notes as the result problems', () => {
    const result = readPastedRequest(CURL_VERBOSE_H2_POST);
    expect(result.ok && result.problems).toEqual(mustRead(result).notes);
  });
});
