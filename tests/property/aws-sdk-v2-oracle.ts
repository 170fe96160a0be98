/**
 * The AWS SDK for JavaScript v2's own SigV2 and S3 SigV2 signers (`AWS.Signers.V2`, `AWS.Signers.S3`), driven
 * directly on an `AWS.HttpRequest`: an independent implementation in the same process, used as an oracle.
 */

import { createRequire } from 'node:module';

process.env['AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE'] = '1';
const require = createRequire(import.meta.url);

interface SdkRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  params: Record<string, string>;
  body: string;
  virtualHostedBucket?: string;
  endpoint: { host: string };
}
interface SdkSigner {
  addAuthorization(
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
    date: Date,
  ): void;
  stringToSign(): string;
  sign?(secret: string, text: string): string;
}
interface Sdk {
  Endpoint: new (url: string) => unknown;
  HttpRequest: new (endpoint: unknown, region: string) => SdkRequest;
  Signers: { V2: new (r: SdkRequest) => SdkSigner; S3: new (r: SdkRequest) => SdkSigner };
}

const AWS = require('aws-sdk/global') as Sdk;

/** What the SDK's SigV2 signer produced. */
export interface SdkV2Result {
  stringToSign: string;
  signature: string;
}

/** Signs Query API parameters with `AWS.Signers.V2` (it always adds Timestamp, SignatureVersion 2, HmacSHA256). */
export function sdkSignV2(input: {
  endpoint: string;
  method: string;
  path: string;
  params: Record<string, string>;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  time: Date;
}): SdkV2Result {
  const r = new AWS.HttpRequest(new AWS.Endpoint(input.endpoint), 'us-east-1');
  r.method = input.method;
  r.path = input.path;
  r.params = { ...input.params };
  const signer = new AWS.Signers.V2(r);
  signer.addAuthorization(input.credentials, input.time);
  const signature = r.params['Signature']!;
  delete r.params['Signature'];
  return { stringToSign: signer.stringToSign(), signature };
}

/** Signs an S3 request with `AWS.Signers.S3`, in header mode or (with `expires`) as a presigned URL. */
export function sdkSignS3(input: {
  endpoint: string;
  method: string;
  /** Path and query, encoded as the SDK builds them. */
  path: string;
  headers: Record<string, string>;
  virtualHostedBucket?: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  time: Date;
  expires?: number;
}): SdkV2Result & { headers: Record<string, string> } {
  const r = new AWS.HttpRequest(new AWS.Endpoint(input.endpoint), 'us-east-1');
  r.method = input.method;
  r.path = input.path;
  r.headers = { ...input.headers };
  if (input.virtualHostedBucket) r.virtualHostedBucket = input.virtualHostedBucket;
  if (input.expires !== undefined) r.headers['presigned-expires'] = String(input.expires);
  const signer = new AWS.Signers.S3(r);
  signer.addAuthorization(input.credentials, input.time);
  const auth = r.headers['Authorization']!;
  return {
    stringToSign: signer.stringToSign(),
    signature: auth.slice(auth.indexOf(':') + 1),
    headers: r.headers,
  };
}
