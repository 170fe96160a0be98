/**
 * `sigscope sign`, `verify` and `collide` on case files with the legacy schemes, against the vectors: the S3
 * guide's johnsmith examples (tests/vectors/s3) and the General Reference's EMR example (tests/vectors/sigv2).
 */

import { describe, expect, it } from 'vitest';
import { readVectorJson } from '../sig/v4/vectors';
import { sigscope, tempFiles } from './run-cli';

const rest = readVectorJson<{
  credentials: { access_key_id: string; secret_access_key: string };
  johnsmith_2017: { id: string; string_to_sign: string; signature: string }[];
}>('s3', 'sigv2-rest-examples.json');
const johnsmith = (id: string) => rest.johnsmith_2017.find((c) => c.id === id)!;
const s3Credentials = {
  accessKeyId: rest.credentials.access_key_id,
  secretAccessKey: rest.credentials.secret_access_key,
};
const emr = readVectorJson<{
  cases: { id: string; string_to_sign: string; signature: string; signed_url: string }[];
}>('sigv2', 'query-api-sigv2.json').cases[0]!;

const { write } = tempFiles('sigscope-legacy-');

describe('sigscope sign with legacy schemes', () => {
  it('s3v2 header mode prints the string to sign, the Base64 signature and the Authorization header', async () => {
    const file = write('put.json', {
      scheme: 's3v2',
      request:
        'PUT /photos/puppy.jpg HTTP/1.1\nContent-Type: image/jpeg\nContent-Length: 94328\nHost: johnsmith.s3.amazonaws.com\nDate: Tue, 27 Mar 2007 21:15:45 +0000\n\n',
      credentials: s3Credentials,
    });
    const r = await sigscope('sign', '--json', file);
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout);
    expect(view.stringToSign).toBe(johnsmith('object-put').string_to_sign);
    expect(view.signature).toBe(johnsmith('object-put').signature);
    expect(view.authorization).toBe(`AWS ${s3Credentials.accessKeyId}:${johnsmith('object-put').signature}`);
    expect(view.signedRequest).toContain(`Authorization: AWS ${s3Credentials.accessKeyId}:`);
    const text = await sigscope('sign', file);
    expect(text.stdout).toContain('content-type');
    expect(text.stdout).toContain('image/jpeg');
  });

  it('s3v2 query mode takes expires as the Expires epoch value and prints the URL', async () => {
    const file = write('presign.json', {
      scheme: 's3v2',
      mode: 'query',
      request: 'GET /photos/puppy.jpg HTTP/1.1\nHost: johnsmith.s3.amazonaws.com\n\n',
      credentials: s3Credentials,
      expires: 1175139620,
    });
    const view = JSON.parse((await sigscope('sign', '--json', file)).stdout);
    expect(view.stringToSign).toBe(johnsmith('query-string-auth').string_to_sign);
    expect(view.signature).toBe(johnsmith('query-string-auth').signature);
    expect(view.url).toBe(
      'https://johnsmith.s3.amazonaws.com/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D',
    );
  });

  it('sigv2 signs the EMR example and prints its URL', async () => {
    const query = emr.signed_url.split('?')[1]!.replace(/&Signature=.*$/, '');
    const file = write('emr.json', {
      scheme: 'sigv2',
      request: `GET /?${query} HTTP/1.1\nHost: elasticmapreduce.amazonaws.com\n\n`,
      credentials: {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: rest.credentials.secret_access_key,
      },
    });
    const view = JSON.parse((await sigscope('sign', '--json', file)).stdout);
    expect(view.stringToSign).toBe(emr.string_to_sign);
    expect(view.signature).toBe(emr.signature);
    expect(view.url).toBe(emr.signed_url.replace('amazonaws.com?', 'amazonaws.com/?'));
  });

  it('an unknown scheme and a bad setting are placed in the file', async () => {
    const file = write('bad.json', {
      scheme: 'sigv9',
      request: 'GET / HTTP/1.1\n\n',
      credentials: s3Credentials,
    });
    const r = await sigscope('sign', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json:\d+:\d+: Unknown scheme "sigv9"; known: .*sigv2, s3v2, sigv1, sigv0/);
    const bad = write('bad-setting.json', {
      scheme: 'sigv2',
      request: 'GET /?A=1 HTTP/1.1\nHost: h\n\n',
      credentials: s3Credentials,
      settings: { sort: 'random' },
    });
    const r2 = await sigscope('sign', bad);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/Setting "sort" is one of byte, case-insensitive/);
  });
});

describe('sigscope verify with legacy schemes', () => {
  it("the S3 guide's signed GET matches; a changed key does not", async () => {
    const request =
      'GET /photos/puppy.jpg HTTP/1.1\nHost: johnsmith.s3.amazonaws.com\nDate: Tue, 27 Mar 2007 19:36:42 +0000\nAuthorization: AWS AKIAIOSFODNN7EXAMPLE:bWq2s1WEIj+Ydj0vQ697zp+IXMU=\n\n';
    const good = write('get.json', { scheme: 's3v2', request, credentials: s3Credentials });
    const r = await sigscope('verify', '--json', good);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      match: true,
      providedSignature: johnsmith('object-get').signature,
    });
    const bad = write('get-bad.json', {
      scheme: 's3v2',
      request: request.replace('puppy', 'kitten'),
      credentials: s3Credentials,
    });
    const r2 = await sigscope('verify', bad);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toContain('MISMATCH');
  });

  it('without "scheme" the request\'s signature picks it, and the note says why', async () => {
    const request =
      'GET /photos/puppy.jpg HTTP/1.1\nHost: johnsmith.s3.amazonaws.com\nDate: Tue, 27 Mar 2007 19:36:42 +0000\nAuthorization: AWS AKIAIOSFODNN7EXAMPLE:bWq2s1WEIj+Ydj0vQ697zp+IXMU=\n\n';
    const r = await sigscope('verify', '--json', write('auto.json', { request, credentials: s3Credentials }));
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout);
    expect(view).toMatchObject({ scheme: 's3v2', mode: 'header', match: true });
    expect(view.notes.map((n: { kind: string; message: string }) => [n.kind, n.message])).toContainEqual([
      'scheme-detected',
      'No "scheme" given: Authorization reads "AWS key:signature" (S3 SigV2). Using s3v2.',
    ]);
    const url = await sigscope(
      'verify',
      write('auto-url.json', { request: emr.signed_url, credentials: s3Credentials }),
    );
    expect(url.code).toBe(0);
    expect(url.stdout).toContain('match (sigv2');
  });

  it('the EMR signed URL matches under sigv2', async () => {
    const file = write('emr-signed.json', {
      scheme: 'sigv2',
      request: emr.signed_url,
      credentials: {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: rest.credentials.secret_access_key,
      },
    });
    const r = await sigscope('verify', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('match (sigv2');
  });
});

describe('sigscope collide', () => {
  it('prints original and forged with the same SigV1 signature and different SigV2 ones', async () => {
    const file = write('collide.json', {
      scheme: 'sigv1',
      request:
        'GET /?Action=PutAttributes&DomainName=users&ItemName=alice HTTP/1.1\nHost: sdb.amazonaws.com\n\n',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      time: '2008-12-18T10:00:00Z',
    });
    const r = await sigscope('collide', '--json', file);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.original.params).toContainEqual(['SignatureVersion', '1']);
    expect(v.forged.params).not.toEqual(v.original.params);
    expect(v.forged.stringToSign).toBe(v.original.stringToSign);
    expect(v.forged.signature).toBe(v.original.signature);
    expect(v.forged.request).toMatch(/^GET \/\?/);
    expect(v.sigv2.forged.stringToSign).not.toBe(v.sigv2.original.stringToSign);
    expect(v.sigv2.forged.signature).not.toBe(v.sigv2.original.signature);
    const verified = await sigscope(
      'verify',
      write('forged.json', {
        scheme: 'sigv1',
        request: v.forged.request,
        credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      }),
    );
    expect(verified.code).toBe(0);
    const text = await sigscope('collide', file);
    expect(text.stdout).toContain('Forged request');
  });
});
