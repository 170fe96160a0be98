/**
 * What a server's StringToSign is a string to sign of, judged from its shape: a request's (SigV4
 * `AWS4-HMAC-SHA256`, SigV4A `AWS4-ECDSA-P256-SHA256` with a scope that names no region), one chunk's of an
 * aws-chunked upload (`AWS4-HMAC-SHA256-PAYLOAD`, chained on the previous signature), the trailer's
 * (`AWS4-HMAC-SHA256-TRAILER`), or a browser POST's (S3 signs the form's Base64 policy itself).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html
 */

import { fromBase64 } from '../crypto';
import { CHUNK_ALGORITHM, TRAILER_ALGORITHM, ALGORITHM_V4A } from '../registry-sigv4';

/** The lines every string to sign of one signature chain starts with. */
interface Head {
  amzDate: string;
  /** `date/region/service/aws4_request`, or `date/service/aws4_request` for SigV4A. */
  scope: string;
}

/** A server's string to sign, read by kind. */
export type ExpectedStringKind =
  | ({ kind: 'request'; algorithm: 'sigv4' | 'sigv4a'; canonicalRequestHash: string } & Head)
  | ({
      kind: 'chunk';
      algorithm: 'sigv4' | 'sigv4a';
      /** The signature of the link before this one (the seed's, for the first chunk). */
      previous: string;
      /** SHA-256 of the empty string, in every chunk's string to sign. */
      emptyHash: string;
      /** SHA-256 of the chunk's data as the server read it. */
      chunkHash: string;
    } & Head)
  | ({ kind: 'trailer'; algorithm: 'sigv4' | 'sigv4a'; previous: string; trailersHash: string } & Head)
  | { kind: 'post-policy'; base64: string; json: string }
  | { kind: 'other' };

const ALGORITHMS: Record<string, { kind: 'request' | 'chunk' | 'trailer'; algorithm: 'sigv4' | 'sigv4a' }> = {
  'AWS4-HMAC-SHA256': { kind: 'request', algorithm: 'sigv4' },
  [ALGORITHM_V4A]: { kind: 'request', algorithm: 'sigv4a' },
  [CHUNK_ALGORITHM.sigv4]: { kind: 'chunk', algorithm: 'sigv4' },
  [CHUNK_ALGORITHM.sigv4a]: { kind: 'chunk', algorithm: 'sigv4a' },
  [TRAILER_ALGORITHM.sigv4]: { kind: 'trailer', algorithm: 'sigv4' },
  [TRAILER_ALGORITHM.sigv4a]: { kind: 'trailer', algorithm: 'sigv4a' },
};

/** How many lines each kind has: algorithm, time, scope, then its own. */
const LINES = { request: 4, chunk: 6, trailer: 5 } as const;

/** A Base64 policy: one token of Base64 that decodes to a JSON object. */
function policyOf(text: string): { base64: string; json: string } | undefined {
  const token = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token) || token.length < 8) return undefined;
  const bytes = fromBase64(token);
  const json = bytes && new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return json && /^\s*\{/.test(json) ? { base64: token, json } : undefined;
}

/** Judges what a server's StringToSign signs; `other` for SigV2 strings and what matches no shape. Never throws. */
export function expectedStringKind(text: string): ExpectedStringKind {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const head = ALGORITHMS[lines[0]!.trim()];
  if (head) {
    const [, amzDate = '', scope = '', a = '', b = '', c = ''] = lines.map((l) => l.trim());
    if (lines.length !== LINES[head.kind]) return { kind: 'other' };
    const common = { algorithm: head.algorithm, amzDate, scope };
    if (head.kind === 'request') return { kind: 'request', ...common, canonicalRequestHash: a };
    if (head.kind === 'chunk') return { kind: 'chunk', ...common, previous: a, emptyHash: b, chunkHash: c };
    return { kind: 'trailer', ...common, previous: a, trailersHash: b };
  }
  const policy = policyOf(text);
  return policy ? { kind: 'post-policy', ...policy } : { kind: 'other' };
}
