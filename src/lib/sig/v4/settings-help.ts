/**
 * The doc comments of `SigV4Settings` as data, for the settings form: doc comments are gone at run time, so the UI
 * shows these strings as each toggle's help. Keep each the same as its comment in `settings.ts`; a trailing URL is
 * the spec page the comment links.
 */

import type { SigV4Settings } from './settings';

/** Every setting's doc comment, keyed by setting name. */
export const SETTING_HELP: Record<keyof SigV4Settings, string> = {
  doubleEncodePath:
    'Percent-encode the path as sent once more (`%3D` becomes `%253D`). Every service but S3 does this: they do ' +
    'not decode the path before checking the signature. S3 decodes it and encodes each segment once.\n' +
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request',
  normalizePath:
    'Remove `.` and `..` segments and empty segments (`//`) from the path before encoding it. Every service but S3 ' +
    'does this; S3 object keys may contain `//` and `..`, so S3 signs the path as sent.',
  payload:
    'The payload hash: `auto` uses `x-amz-content-sha256` when the request carries it, else `UNSIGNED-PAYLOAD` for ' +
    'an S3 presigned URL (see `presignedPayloadUnsigned`) and the body’s SHA-256 elsewhere; `hash` always hashes ' +
    'the body; `unsigned` always signs the literal `UNSIGNED-PAYLOAD` (S3 only).',
  presignedPayloadUnsigned:
    'A presigned URL signs the literal `UNSIGNED-PAYLOAD` instead of the body’s hash: the body is not known when ' +
    'the URL is made. S3 does this; other services hash the (usually empty) body.\n' +
    'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html',
  contentSha256Header:
    'Add an `x-amz-content-sha256` header carrying the payload hash, and sign it (header mode). S3 requires it; ' +
    'other services accept it (the AWS SDK for JavaScript always sends it, botocore never does).\n' +
    'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html',
  signSessionToken:
    'Include `X-Amz-Security-Token` in what is signed. Most services want it signed; a few (AWS IoT’s MQTT over ' +
    'WebSocket, some older STS flows) want it added after the signature is computed.\n' +
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#temporary-security-credentials',
  unsignedHeaders:
    'Which headers present on the request are left unsigned: hop-by-hop and proxy-rewritten headers such as ' +
    '`user-agent` or `x-amzn-trace-id`. SDKs disagree on the list; the server only checks what SignedHeaders names.',
  hoistAmzHeaders:
    'In a presigned URL, move `x-amz-*` headers into the query string so that whoever follows the URL need not ' +
    'send them (as the AWS SDK for JavaScript does). Off: they stay headers and are signed as headers.',
};
