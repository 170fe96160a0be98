/**
 * The help text: commands, flags, the case file format and the exit codes.
 */

import type { Command } from './args';

const CASE_FILE = `Case file (JSON):
  {
    "scheme": "sigv4",              sigv4 (every service but S3), sigv4-s3, sigv4a, sigv2, s3v2, sigv1 or sigv0
    "mode": "header",               header (Authorization) or query (presigned URL); sigv2/sigv1/sigv0:
                                    query or body (informational: the request's parameters decide)
    "request": "GET /?Action=ListUsers&Version=2010-05-08 HTTP/1.1\\nHost: iam.amazonaws.com\\nX-Amz-Date: 20150830T123600Z\\n\\n",
    "credentials": { "accessKeyId": "AKIDEXAMPLE", "secretAccessKey": "…", "sessionToken": "…" },
    "region": "us-east-1",          optional: read off the host (service.region.amazonaws.com)
    "service": "iam",               optional: read off the host
    "time": "2015-08-30T12:36:00Z", optional: else the request's X-Amz-Date or Date
    "expires": 3600,                optional, query mode: the URL's lifetime in seconds; for s3v2 the
                                    Expires value itself, seconds since the epoch
    "settings": { "normalizePath": false }
  }
  Only scheme and mode have defaults (sigv4, header); "request" and "credentials" are required. Without
  "scheme", a request carrying another signature (AWS4-ECDSA-P256-SHA256, "AWS key:sig",
  AWSAccessKeyId+Expires+Signature, SignatureVersion=2/1/0) picks its scheme, and a note says why.
  sigv4a: "regionSet": "*" or "us-east-1,us-west-2" (or a list) instead of "region"; "publicKey" (SEC1 hex,
  "X,Y" or {"X","Y"}) verifies without the secret. ECDSA is randomized: signatures are checked, not compared.
  Chunked uploads (sigv4, sigv4-s3, sigv4a): "chunked": { "chunkSize": 65536, "kind": "signed" |
  "signed-trailer" | "unsigned-trailer", "trailers": { "x-amz-checksum-crc32": "…" } } signs the request's
  body as aws-chunked; verify checks a STREAMING-* request's seed, every chunk and the trailer, and names the
  first link that breaks.
  Document modes (no "request"): "mode": "post-policy" (sigv4-s3, s3v2) signs "policy" (JSON text or
  object, or its Base64; sigv4-s3 needs "region" and "time") or verifies "form" (HTML, a multipart body or
  name=value lines) at "time" (default now), each condition checked ("bucket", "fileSize" when the form does
  not show them); "mode": "event-stream" (sigv4) signs "events" [{ "payload": hex or text, "time" }] or
  verifies "frames" (hex or Base64), chained on "seedSignature", with "region" and "service".
  Settings (sigv4, sigv4-s3, sigv4a): doubleEncodePath, normalizePath, payload (auto|hash|unsigned), presignedPayloadUnsigned,
  contentSha256Header, signSessionToken, unsignedHeaders (aws-sdk-js-v3|botocore|aws-c-auth|sign-all),
  hoistAmzHeaders; sigv4a adds nonce (deterministic|random). Defaults follow the scheme (sigv4a: S3's rules
  for service s3).
  sigv2 settings: signatureMethod (HmacSHA256|HmacSHA1), sort (byte|case-insensitive), encoding
  (rfc3986|plus-for-space|encode-uri-component), hostCase (lower|as-sent), hostPort (non-default|always|never),
  path (as-sent|root), includeSignature. s3v2 settings: hostStyle (auto|path|virtual), subResources (a list),
  amzDateInDateLine. For the legacy schemes "time" is the Date (s3v2) or Timestamp (Query APIs) added when
  the request has none; a scheme's own parameters already in the request are used as they are.`;

const INPUTS = `Inputs and credentials (every command):
  -                   a file name of "-" reads the case file from standard input
  --access-key ID     with --secret-key KEY: the keys to sign or verify with (they replace the case file's)
  --profile NAME      static keys of a profile in ~/.aws/credentials or ~/.aws/config (AWS_SHARED_CREDENTIALS_FILE,
                      AWS_CONFIG_FILE move them); SSO, credential_process and role profiles are not read
  Without these, AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, then AWS_PROFILE, then the
  default profile fill what the case file leaves out; AWS_REGION or AWS_DEFAULT_REGION (or the profile's region)
  fills a missing "region". A secret key is never printed (kSecret is masked unless --show-secrets).`;

const EXIT_CODES = `Exit codes:
  0  signed; or, for verify, every signature matches
  1  verify or explain: a signature does not match (explain: a shown finding says why)
  3  explain: cannot tell yet (no finding is shown; "ask" says what to paste next)
  2  bad input (unreadable file, bad JSON, missing field, a problem in the request) or bad usage;
     explain: only when nothing given could be read (a box that cannot be read is warned about)
Problems are printed to stderr as file:line:col: message, pointing into the case file (inside the
"request" string too); warnings as file:line:col: warning: message.`;

const SIGN = `sigscope sign [--json] [--show-secrets] CASE.json...
  Signs each case and prints every stage: the canonical request and its SHA-256, the string to sign, the
  key chain kSecret → kDate → kRegion → kService → kSigning, the signature, the Authorization header (header
  mode) or presigned URL (query mode), the signed request, and which headers are signed or never signed.
  --json          one JSON object per case per line, in the order given
  --show-secrets  show kSecret (AWS4 + the secret key) instead of masking it`;

const VERIFY = `sigscope verify [--json] [--show-secrets] CASE.json...
  Checks the signature a request already carries (Authorization header, X-Amz-Signature, or the legacy
  schemes' Signature) against the secret key in the case file (or, for sigv4a, its public key), and prints match or mismatch with the provided and computed signatures and the
  canonical request and string to sign we computed, to compare with the server's SignatureDoesNotMatch body.
  Region, service and time come from the signature itself; the case file's "mode" is ignored.
  --json          one JSON object per case per line
  --show-secrets  show kSecret instead of masking it`;

const EXPLAIN = `sigscope explain [--json] [--error FILE] [--client FILE] CASE.json
  Explains a failed signature. The case file's request is the request as sent, carrying its Authorization
  or X-Amz-Signature; the secret key is optional (with it, sigscope searches for the client mistake that
  reproduces the signature sent). --error is the server's reply (S3 XML, Query XML, JSON, behind a status line
  or in a botocore debug line); --client is the client's signing log (aws --debug, SDK logs, awscurl -v).
  Prints the verdict, the findings most likely first with their fixes and evidence, and the diffs.
  --json          {"verdict": "match" | "mismatch" | "unknown", "findings": [...], "sides": {...}, ...}
  Exit codes: 0 match, 1 mismatch, 2 bad input, 3 cannot tell.`;

const COLLIDE = `sigscope collide [--json] CASE.json...
  The SigV1 collision: signs the case's request with SigV1 (adding AWSAccessKeyId, SignatureVersion=1 and
  Timestamp when missing), forges a different parameter list with the same SigV1 string to sign (a value cut
  short and a parameter added where it can), and prints both lists, strings to sign and signatures, the
  forged request carrying the original signature, and both SigV2 strings to sign and signatures, which differ.
  --json          {"original": {"params", "stringToSign", "signature"}, "forged": {…, "request"}, "sigv2": {…}}`;

/** The full help text, or one command's. */
export function usage(command?: Command): string {
  const commands = command
    ? { sign: SIGN, verify: VERIFY, explain: EXPLAIN, collide: COLLIDE }[command]
    : `${SIGN}\n\n${VERIFY}\n\n${EXPLAIN}\n\n${COLLIDE}\n\nsigscope help [COMMAND]`;
  return `sigscope — the AWS request signature debugger, on the command line.

Usage:
${indent(commands)}

${CASE_FILE}

${INPUTS}

${EXIT_CODES}
`;
}

/** The short reminder printed under a usage error. */
export function usageHint(command?: Command): string {
  return `Run "sigscope ${command ? `${command} ` : ''}--help" for usage.\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : `  ${line}`))
    .join('\n');
}
