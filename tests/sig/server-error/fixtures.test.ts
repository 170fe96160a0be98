/**
 * Every server-error fixture (F1–F14) read into the fields its README row documents. Expected values are taken from
 * the fixture's own text (its elements, its JSON message) and the string to sign's hash line is checked against a
 * real SHA-256 of the canonical request read, so a parser that drops or adds a byte fails.
 */

import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/lib/sig/crypto';
import { parseServerError, parseServerErrors } from '../../../src/lib/sig/server-error/parse';
import type { ServerError } from '../../../src/lib/sig/server-error/types';
import { clientCanonical, fixture, rawElement, SERVER_FIXTURES } from './fixture-files';

/** Reads a fixture that must hold exactly `count` replies and no error problems. */
function replies(name: string, count: number): ServerError[] {
  const result = parseServerErrors(fixture(name));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
  expect(result.problems.filter((p) => p.severity !== 'note')).toEqual([]);
  expect(result.value).toHaveLength(count);
  return result.value;
}

/** The string to sign's last line is the SHA-256 of the canonical request: both were read whole. */
async function expectHashLinks(reply: ServerError): Promise<void> {
  const hash = reply.stringToSign!.text.split('\n')[3];
  expect(hash).toBe(await sha256Hex(reply.canonicalRequest!.text));
}

/** The message of a JSON fixture body, decoded by the platform's JSON.parse (an independent reader). */
function jsonMessage(text: string): string {
  return (JSON.parse(text.slice(text.indexOf('{'))) as { message: string }).message;
}

/** The quoted values in an expected-strings message, cut with a plain regex. */
function quoted(message: string): { canonical: string; stringToSign: string } {
  const m = /should have been\n'([\s\S]*)'\n\nThe String-to-Sign should have been\n'([\s\S]*?)'/.exec(
    message,
  )!;
  return { canonical: m[1]!, stringToSign: m[2]! };
}

describe('server-error fixtures', () => {
  it('F1: S3 SigV4 reads the canonical request from its bytes, equal to the XML text', async () => {
    const text = fixture('F1');
    const [r] = replies('F1', 1);
    expect(r).toMatchObject({
      format: 's3-xml',
      envelope: 'bare',
      code: 'SignatureDoesNotMatch',
      comparable: true,
    });
    expect(r!.canonicalRequest!.from).toBe('bytes');
    expect(r!.canonicalRequest!.text).toBe(rawElement(text, 'CanonicalRequest'));
    expect(r!.stringToSign).toMatchObject({ from: 'bytes', text: rawElement(text, 'StringToSign') });
    expect(r!.signatureProvided).toBe(rawElement(text, 'SignatureProvided'));
    expect(r!.accessKeyId).toBe('AKIDEXAMPLE');
    expect(r!.scheme).toBe('sigv4');
    const span = r!.canonicalRequest!.span;
    expect(text.slice(span.start, span.end)).toBe(rawElement(text, 'CanonicalRequestBytes'));
    await expectHashLinks(r!);
    // The fault: the client encoded the path twice.
    expect(clientCanonical('F1')).toContain('/photos/cat%2520%25281%2529.jpg');
    expect(r!.canonicalRequest!.text).toContain('/photos/cat%20%281%29.jpg');
  });

  it('F2: undoes &amp; in the canonical request, whose bytes hold a raw "&"', async () => {
    const text = fixture('F2');
    const result = parseServerErrors(text);
    const [r] = replies('F2', 1);
    expect(r!.canonicalRequest!.from).toBe('bytes');
    expect(r!.canonicalRequest!.text).toBe(rawElement(text, 'CanonicalRequest').replace(/&amp;/g, '&'));
    expect(r!.canonicalRequest!.text).not.toContain('&amp;');
    expect(rawElement(text, 'CanonicalRequestBytes')).toContain(' 26 58 2d 41 6d 7a');
    expect(result.problems.some((p) => p.kind === 'bytes-text-mismatch')).toBe(false);
    expect(r!.accessKeyId).toBe('ASIAEXAMPLE');
    await expectHashLinks(r!);
    expect(r!.canonicalRequest!.text).toContain('X-Amz-Security-Token=');
    expect(clientCanonical('F2')).not.toContain('X-Amz-Security-Token=');
  });

  it.each(['F3', 'F4'])('%s: S3 SigV2 has a string to sign and no canonical request', (name) => {
    const text = fixture(name);
    const [r] = replies(name, 1);
    expect(r!.scheme).toBe('sigv2');
    expect(r!.canonicalRequest).toBeUndefined();
    expect(r!.stringToSign).toMatchObject({ from: 'bytes', text: rawElement(text, 'StringToSign') });
    expect(r!.signatureProvided).toBe(rawElement(text, 'SignatureProvided'));
    expect(r!.comparable).toBe(true);
  });

  it('F3: the server signed /examplebucket/…, the client left the bucket out', () => {
    const [r] = replies('F3', 1);
    expect(r!.stringToSign!.text.split('\n').at(-1)).toBe('/examplebucket/photos/cat.jpg');
    expect(clientCanonical('F3').trimEnd().split('\n').at(-1)).toBe('/photos/cat.jpg');
  });

  it('F4: a presigned SigV2 string to sign carries the Expires epoch', () => {
    const [r] = replies('F4', 1);
    expect(r!.stringToSign!.text.split('\n')).toEqual([
      'PUT',
      '',
      'image/png',
      '1705320000',
      '/examplebucket/uploads/a.png',
    ]);
  });

  it('F5: API Gateway JSON quotes both strings in its message, with \\n escapes', async () => {
    const text = fixture('F5');
    const [r] = replies('F5', 1);
    const expected = quoted(jsonMessage(text));
    expect(r).toMatchObject({
      format: 'json',
      envelope: 'http',
      status: 403,
      code: 'InvalidSignatureException',
    });
    expect(r!.canonicalRequest).toMatchObject({ from: 'text', text: expected.canonical });
    expect(r!.stringToSign).toMatchObject({ from: 'text', text: expected.stringToSign });
    const span = r!.canonicalRequest!.span;
    expect(JSON.parse(`"${text.slice(span.start, span.end)}"`)).toBe(expected.canonical);
    await expectHashLinks(r!);
    expect(r!.canonicalRequest!.text.split('\n')[1]).toBe('/prod/%2540connections/R0oXAdfD0kwCH6w%253D');
    expect(clientCanonical('F5').split('\n')[1]).toBe('/prod/%40connections/R0oXAdfD0kwCH6w%3D');
  });

  it('F6: Query XML quotes both strings inside Message', async () => {
    const text = fixture('F6');
    const [r] = replies('F6', 1);
    const expected = quoted(rawElement(text, 'Message'));
    expect(r).toMatchObject({ format: 'query-xml', code: 'SignatureDoesNotMatch', comparable: true });
    expect(r!.canonicalRequest!.text).toBe(expected.canonical);
    expect(r!.stringToSign!.text).toBe(expected.stringToSign);
    const span = r!.canonicalRequest!.span;
    expect(text.slice(span.start, span.end)).toBe(expected.canonical);
    await expectHashLinks(r!);
    expect(clientCanonical('F6')).toContain(
      'content-type:application/x-www-form-urlencoded; charset=utf-8\n',
    );
  });

  it('F7: JSON 1.0 strips the __type namespace and reads the quoted strings', async () => {
    const text = fixture('F7');
    const [r] = replies('F7', 1);
    expect(r).toMatchObject({ format: 'json', status: 400, code: 'InvalidSignatureException' });
    expect(r!.canonicalRequest!.text).toBe(quoted(jsonMessage(text)).canonical);
    expect(r!.stringToSign!.text.split('\n')[2]).toBe('20240115/us-east-1/dynamodb/aws4_request');
    await expectHashLinks(r!);
  });

  it('F8: EC2 shows nothing to compare and says so', () => {
    const [r] = replies('F8', 1);
    expect(r).toMatchObject({ format: 'ec2-xml', code: 'SignatureDoesNotMatch', comparable: false });
    expect(r!.advice).toMatch(
      /^EC2 does not say what it expected: paste your client's signing log \(aws --debug/,
    );
    expect(r!.scheme).toBeUndefined();
  });

  it('F9: MinIO shows nothing to compare; its Region is not read as an expected region', () => {
    const [r] = replies('F9', 1);
    expect(r).toMatchObject({ format: 's3-xml', code: 'SignatureDoesNotMatch', comparable: false });
    expect(r!.advice).toMatch(/MinIO and most S3-compatible servers/);
    expect(r!.expectedRegion).toBeUndefined();
  });

  it('F10: RequestTimeTooSkewed gives the request time, server time and allowed skew', () => {
    const [r] = replies('F10', 1);
    expect(r).toMatchObject({
      code: 'RequestTimeTooSkewed',
      requestTime: '20240115T120000Z',
      serverTime: '2024-01-15T12:20:07Z',
      maxAllowedSkewMs: 900000,
      comparable: false,
    });
    expect(r!.advice).toBeUndefined();
  });

  it('F11: both presigned-URL clock replies', () => {
    const [expired, early] = replies('F11', 2);
    expect(expired).toMatchObject({
      code: 'AccessDenied',
      message: 'Request has expired',
      expiresInSeconds: 300,
      expires: '2024-01-15T12:05:00Z',
      serverTime: '2024-01-15T12:09:41Z',
    });
    expect(early).toMatchObject({
      code: 'AccessDenied',
      message: 'Request is not yet valid',
      requestTime: '20240115T130000Z',
      expires: '2024-01-15T14:00:00Z',
      serverTime: '2024-01-15T12:00:03Z',
    });
  });

  it('F12: "Signature expired" and "not yet current" in JSON and SDK lines', () => {
    const [json, cli, early] = replies('F12', 3);
    expect(json).toMatchObject({ format: 'json', envelope: 'bare', requestTime: '20240115T120000Z' });
    expect(json).toMatchObject({ serverTime: '20240115T121512Z', maxAllowedSkewMs: 5 * 60_000 });
    expect(cli).toMatchObject({
      envelope: 'sdk-line',
      code: 'SignatureDoesNotMatch',
      requestTime: '20240115T120000Z',
    });
    expect(cli).toMatchObject({ serverTime: '20240115T123512Z', maxAllowedSkewMs: 15 * 60_000 });
    expect(early).toMatchObject({ envelope: 'sdk-line', code: 'InvalidSignatureException' });
    expect(early).toMatchObject({ requestTime: '20240115T130000Z', serverTime: '20240115T120012Z' });
    expect(early!.maxAllowedSkewMs).toBe(5 * 60_000);
    for (const r of [json, cli, early]) expect(r!.advice).toBeUndefined();
  });

  it('F13: the expected and given region or service of every reply', () => {
    const [header, query, region, service] = replies('F13', 4);
    expect(header).toMatchObject({ code: 'AuthorizationHeaderMalformed', givenRegion: 'us-east-1' });
    expect(header!.expectedRegion).toBe('eu-central-1');
    expect(query).toMatchObject({ code: 'AuthorizationQueryParametersError', givenRegion: 'us-east-1' });
    expect(query!.expectedRegion).toBe('ap-south-1');
    expect(region).toMatchObject({ format: 'json', givenRegion: 'eu-west-1' });
    expect(region!.expectedRegion).toBeUndefined();
    expect(service).toMatchObject({ code: 'InvalidSignatureException', expectedService: 'dynamodb' });
    expect(service!.advice).toBeUndefined();
  });

  it('F14: Google Cloud Storage gives both strings as text, region auto', async () => {
    const text = fixture('F14');
    const [r] = replies('F14', 1);
    expect(r!.canonicalRequest).toMatchObject({ from: 'text', text: rawElement(text, 'CanonicalRequest') });
    expect(r!.stringToSign!.text.split('\n')[2]).toBe('20240115/auto/s3/aws4_request');
    expect(r!.scheme).toBe('sigv4');
    await expectHashLinks(r!);
  });

  it.each(SERVER_FIXTURES)('%s: every reply span starts a reply and lies in the text', (name) => {
    const text = fixture(name);
    const result = parseServerErrors(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const r of result.value) {
      expect(r.span.start).toBeGreaterThanOrEqual(0);
      expect(r.span.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(r.span.start, r.span.end)).toMatch(/^(?:<\?xml|\{|HTTP\/1\.1|An error occurred)/);
    }
  });

  it('parseServerError returns the first reply', () => {
    const first = parseServerError(fixture('F11'));
    expect(first.ok && first.value.message).toBe('Request has expired');
  });
});
