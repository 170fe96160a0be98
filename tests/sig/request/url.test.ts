import { describe, expect, it } from 'vitest';
import { verifyText } from '../../../src/lib/sig/index';
import { hostHeaderOf, readUrl, splitUrl } from '../../../src/lib/sig/request/url';
import { S3_PRESIGNED_URL, S3_SECRET } from './pastes';
import { expectWellFormed, mustRead } from './well-formed';

describe('readUrl', () => {
  it('reads the S3 presigned URL example as a GET with its Host, path and query as written', () => {
    const pasted = mustRead(readUrl(S3_PRESIGNED_URL));
    const query = S3_PRESIGNED_URL.slice(S3_PRESIGNED_URL.indexOf('?'));
    expect(pasted.http).toBe(`GET /test.txt${query} HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\n\n`);
    expect(pasted.form).toBe('url');
    expectWellFormed(S3_PRESIGNED_URL, readUrl(S3_PRESIGNED_URL));
  });

  it('reads the signing hints off X-Amz-Credential', () => {
    expect(mustRead(readUrl(S3_PRESIGNED_URL)).hints).toEqual({
      mode: 'query',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      region: 'us-east-1',
      service: 's3',
      scheme: 'sigv4-s3',
    });
  });

  it('verifies the S3 presigned URL example end to end', async () => {
    const pasted = mustRead(readUrl(S3_PRESIGNED_URL));
    const result = await verifyText({ scheme: 'sigv4-s3', request: pasted.http, secretAccessKey: S3_SECRET });
    expect(result.ok && result.value.match).toBe(true);
  });

  it('finds the URL inside whitespace, quotes or angle brackets', () => {
    for (const wrapped of [
      `  ${S3_PRESIGNED_URL}\n`,
      `"${S3_PRESIGNED_URL}"`,
      `'${S3_PRESIGNED_URL}'`,
      `<${S3_PRESIGNED_URL}>`,
    ]) {
      const pasted = mustRead(readUrl(wrapped));
      const source = pasted.lineSources[0]!;
      expect(wrapped.slice(source.start, source.end)).toBe(S3_PRESIGNED_URL);
    }
  });

  it('does not re-encode what new URL() would', () => {
    const url = "https://b.s3.amazonaws.com/a%2fb/c d?x=1+2&y=%7e&z='q'";
    expect(readUrl(url).ok).toBe(false);
    const pasted = mustRead(readUrl("https://b.s3.amazonaws.com/a%2fb/~c?x=1+2&y=%7e&z='q'&flag"));
    expect(pasted.http.split('\n')[0]).toBe("GET /a%2fb/~c?x=1+2&y=%7e&z='q'&flag HTTP/1.1");
  });

  it('signs other hosts as generic SigV4 and reads their credential', () => {
    const pasted = mustRead(
      readUrl(
        'https://execute-api.example.com/prod?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20240301%2Feu-west-1%2Fexecute-api%2Faws4_request&X-Amz-Signature=00',
      ),
    );
    expect(pasted.hints).toEqual({
      mode: 'query',
      accessKeyId: 'AKID',
      region: 'eu-west-1',
      service: 'execute-api',
      scheme: 'sigv4',
    });
    expect(mustRead(readUrl('http://localhost:9000/bucket/key')).hints).toEqual({ scheme: 'sigv4' });
  });

  it('takes S3 from the credential when the host does not say so (MinIO and friends)', () => {
    const url =
      'http://minio.local:9000/b/k?X-Amz-Credential=K%2F20240301%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=00';
    expect(mustRead(readUrl(url)).hints.scheme).toBe('sigv4-s3');
    expect(mustRead(readUrl(url)).http).toContain('\nHost: minio.local:9000\n');
  });

  it('recognises Signature Version 2 URLs and chooses no scheme for them', () => {
    const s3v2 = mustRead(
      readUrl(
        'https://b.s3.amazonaws.com/k?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1141889120&Signature=vjbyPxybdZaNmGa%2ByT272YEAiv4%3D',
      ),
    );
    expect(s3v2.hints).toEqual({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE' });
    expect(s3v2.notes[0]).toMatchObject({ kind: 'sigv2-url', severity: 'warning' });
    const query = mustRead(
      readUrl(
        'https://sdb.amazonaws.com/?Action=ListDomains&AWSAccessKeyId=AKID&SignatureVersion=2&SignatureMethod=HmacSHA256&Timestamp=2010-01-25T15%3A03%3A07-07%3A00&Signature=abc',
      ),
    );
    expect(query.notes[0]!.message).toMatch(/query API/);
  });

  it('leaves out the fragment, user info and a default port', () => {
    const pasted = mustRead(readUrl('https://user:pw@h.example.com:443/p?q#frag'));
    expect(pasted.http).toBe('GET /p?q HTTP/1.1\nHost: h.example.com\n\n');
    expect(pasted.notes.map((n) => n.kind)).toEqual(['fragment', 'url-userinfo']);
  });

  it('fails, with a span, on what is not an http(s) URL', () => {
    for (const text of ['ftp://h/x', 'https:///x', 'https://h/a\nb', '']) {
      const result = readUrl(text);
      expect(result.ok, text).toBe(false);
      expectWellFormed(text, result);
    }
  });
});

describe('splitUrl and hostHeaderOf', () => {
  it('split by hand, keeping every character', () => {
    expect(splitUrl('HTTPS://u@h:8443?x=%2F#f')).toEqual({
      scheme: 'https',
      userinfo: 'u',
      host: 'h:8443',
      hostSpan: { start: 10, end: 16 },
      target: '/?x=%2F',
      targetSpan: { start: 16, end: 22 },
      fragmentSpan: { start: 22, end: 24 },
    });
  });

  it('drop only the default port', () => {
    expect(hostHeaderOf('h:443', 'https')).toBe('h');
    expect(hostHeaderOf('h:80', 'https')).toBe('h:80');
    expect(hostHeaderOf('[::1]', 'http')).toBe('[::1]');
    expect(hostHeaderOf('[::1]:80', 'http')).toBe('[::1]');
  });
});
