/**
 * The uploads the tests of issue 11's replies are built on, from vectors nobody here wrote: the S3 streaming
 * examples (tests/vectors/s3/sigv4-chunked-upload-examples.json, quoted from s3s and aws-c-auth) and the S3 SigV4
 * POST example (tests/vectors/s3/sigv4-post-policy-examples.json); and S3's replies in the shapes it sends them.
 * Any hash a case needs beyond the vectors is made with node:crypto.
 */

import { createHash } from 'node:crypto';
import { readVectorJson } from '../sig/v4/vectors';

/** One streaming example of the S3 documentation. */
export interface StreamingExample {
  request: { path: string; headers?: [string, string][]; canonical_headers_used?: [string, string][] };
  seed_signature: string;
  seed_canonical_request: string;
  seed_authorization_aws_c_auth?: string;
  chunks: { size_hex: string; string_to_sign?: string; signature: string }[];
  trailer?: { headers: [string, string][]; string_to_sign: string; signature: string };
}

/** The streaming examples file: credentials, the plain example and the trailer one. */
export const STREAMING = readVectorJson<{
  credentials: { access_key_id: string; secret_access_key: string };
  examples: [StreamingExample, StreamingExample];
}>('s3', 'sigv4-chunked-upload-examples.json');

/** SHA-256 (hex) by node:crypto. */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The plain example's chunk data: 65536 and 1024 bytes of 'a', then the final empty chunk. */
export const CHUNK_DATA = ['a'.repeat(65536), 'a'.repeat(1024), ''];

/** An aws-chunked body with the example's chunk sizes, these signatures and this data, then `trailer`. */
export function chunkedBody(signatures: readonly string[], data = CHUNK_DATA, trailer = ''): string {
  const sizes = STREAMING.examples[0].chunks.map((c) => c.size_hex);
  return (
    sizes
      .map((s, i) => `${s};chunk-signature=${signatures[i]}\r\n${data[i]}${data[i] ? '\r\n' : ''}`)
      .join('') +
    trailer +
    '\r\n'
  );
}

/** The plain example's request, seed signature in Authorization, with this body. */
export function chunkedUpload(body: string): string {
  const plain = STREAMING.examples[0];
  const headers = plain.request.headers!.map(
    ([n, v]) => `${n}: ${n === 'Authorization' ? plain.seed_authorization_aws_c_auth : v}`,
  );
  return `PUT ${plain.request.path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n${body}`;
}

/** A chunk's string to sign in the example's scope, as the streaming page defines it. */
export const chunkStringToSign = (previous: string, dataHash: string) =>
  [
    'AWS4-HMAC-SHA256-PAYLOAD',
    '20130524T000000Z',
    '20130524/us-east-1/s3/aws4_request',
    previous,
    sha256(''),
    dataHash,
  ].join('\n');

/** S3's SignatureDoesNotMatch naming the string to sign it computed (Code, Message, key, string, signature). */
export const signatureMismatch = (sts: string, provided: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>' +
  `<AWSAccessKeyId>${STREAMING.credentials.access_key_id}</AWSAccessKeyId><StringToSign>${sts}</StringToSign>` +
  `<SignatureProvided>${provided}</SignatureProvided><RequestId>0A49CE4060975EAC</RequestId></Error>`;

/** The S3 SigV4 POST example. */
export const POST_EXAMPLE = readVectorJson<{
  cases: {
    credentials: { secret_access_key: string };
    policy_base64: string;
    signature: string;
    form_fields: [string, string][];
  }[];
}>('s3', 'sigv4-post-policy-examples.json').cases[0]!;

/** The example's form fields, Policy and X-Amz-Signature filled in from the example. */
export const POST_FIELDS = POST_EXAMPLE.form_fields.map(([n, v]): [string, string] => [
  n,
  v === '<policy_base64>' ? POST_EXAMPLE.policy_base64 : v === '<signature>' ? POST_EXAMPLE.signature : v,
]);

/** The example's fields with one changed. */
export const postFields = (name: string, value: string) =>
  POST_FIELDS.map(([n, v]): [string, string] => [n, n === name ? value : v]);

/** The form as the multipart request a browser sends, with a small file. */
export const multipartForm = (fields: readonly [string, string][]) =>
  'POST / HTTP/1.1\r\nHost: sigv4examplebucket.s3.amazonaws.com\r\nContent-Type: multipart/form-data; boundary=9431149156168\r\n\r\n' +
  fields
    .map(([n, v]) => `--9431149156168\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`)
    .join('') +
  '--9431149156168\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\nJPEGDATA\r\n--9431149156168--\r\n';

/** The form as the HTML page holds it. */
export const htmlForm = (fields: readonly [string, string][]) =>
  '<form action="https://sigv4examplebucket.s3.amazonaws.com/" method="post" enctype="multipart/form-data">\n' +
  fields
    .map(([n, v]) => `  <input type="hidden" name="${n}" value="${v.replace(/"/g, '&quot;')}" />`)
    .join('\n') +
  '\n  <input type="file" name="file" />\n</form>';

/** S3's AccessDenied with this message. */
export const accessDenied = (message: string) =>
  `<Error><Code>AccessDenied</Code><Message>${message}</Message><RequestId>997GMEFQX05D6ZJ5</RequestId><HostId>xaDlUyEHIboX=</HostId></Error>`;
