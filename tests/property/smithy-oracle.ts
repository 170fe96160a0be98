/**
 * `@smithy/signature-v4` (the AWS SDK for JavaScript v3's signer) as an oracle: it signs a request in header or
 * query mode and hands back the signature, the signed header list and the canonical request it hashed.
 */

import { Sha256 } from '@aws-crypto/sha256-js';
import type { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

/** What smithy produced for one request. */
export interface OracleSignature {
  signature: string;
  signedHeaders: string[];
  canonicalRequest: string;
  /** The presigned request's query, decoded (query mode). */
  query?: Record<string, string | string[] | null>;
}

/** The same inputs sigscope's `signText` takes, in smithy's terms. */
export interface OracleInput {
  request: HttpRequest;
  mode: 'header' | 'query';
  /** `false` for S3: smithy then signs the path exactly as given. */
  uriEscapePath: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region: string;
  service: string;
  time: Date;
  expires: number;
}

/** smithy's signer, keeping the canonical request it builds (smithy only logs it, and only on request). */
class RecordingSignatureV4 extends SignatureV4 {
  canonicalRequest = '';

  protected override createCanonicalRequest(
    ...args: Parameters<SignatureV4['createCanonicalRequest']>
  ): string {
    this.canonicalRequest = super.createCanonicalRequest(...args);
    return this.canonicalRequest;
  }
}

/** Signs a request with smithy, as the AWS SDK for JavaScript v3 would. */
export async function signWithSmithy(input: OracleInput): Promise<OracleSignature> {
  const signer = new RecordingSignatureV4({
    credentials: input.credentials,
    region: input.region,
    service: input.service,
    sha256: Sha256,
    uriEscapePath: input.uriEscapePath,
  });
  if (input.mode === 'header') {
    const signed = await signer.sign(input.request, { signingDate: input.time });
    const authorization = String(signed.headers['authorization']);
    return {
      signature: /Signature=([0-9a-f]+)/.exec(authorization)?.[1] ?? '',
      signedHeaders: (/SignedHeaders=([^,]*)/.exec(authorization)?.[1] ?? '').split(';'),
      canonicalRequest: signer.canonicalRequest,
    };
  }
  const signed = await signer.presign(input.request, { signingDate: input.time, expiresIn: input.expires });
  const query = signed.query ?? {};
  return {
    signature: String(query['X-Amz-Signature']),
    signedHeaders: String(query['X-Amz-SignedHeaders']).split(';'),
    canonicalRequest: signer.canonicalRequest,
    query,
  };
}
