/**
 * S3's own Signature Version 2 as the registry knows it: `Authorization: AWS key:signature`, or AWSAccessKeyId,
 * Expires and Signature in the URL.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html
 */

import { inferEndpoint } from '../endpoint';
import { findHeader, requestHost, type HttpRequest } from '../request/model';
import { opt, type Detection, type PolicySignInput, type Scheme } from '../scheme';
import type { SchemeTrace, SchemeVerification } from '../trace';
import { fail, ok, type Result } from '../types';
import { paramLocation, requestParams } from '../v2/params';
import { isS3V2Authorization } from './authorization';
import { S3V2_CATALOGUE } from './mistakes';
import type { S3V2Settings } from './settings';
import { S3V2_SETTINGS } from './settings-help';
import { s3V2Signature, signS3V2 } from './sign';
import { signS3V2Policy } from './post-policy';
import { readPolicy } from '../post-policy/policy';
import { policyMode } from '../post-policy/scheme-mode';
import { S3V2_DOC } from './stages';
import { verifyS3V2 } from './verify';

/** The header or query-string S3 SigV2 signature a request carries. */
function detectS3V2(request: HttpRequest): Detection | undefined {
  const auth = findHeader(request, 'authorization');
  if (auth && isS3V2Authorization(auth.value))
    return {
      scheme: 's3v2',
      mode: 'header',
      reason: 'Authorization reads "AWS key:signature" (S3 SigV2).',
      span: auth.span,
    };
  if (paramLocation(request) !== 'query') return undefined;
  const params = requestParams(request, 'query');
  const get = (name: string) => params.find((p) => p.name === name);
  const signature = get('Signature');
  if (!signature || !get('AWSAccessKeyId') || !get('Expires') || get('SignatureVersion')) return undefined;
  const s3 = inferEndpoint(requestHost(request) ?? '')?.service === 's3';
  const where = s3 ? 'on an S3 host' : 'with no SignatureVersion';
  return {
    scheme: 's3v2',
    mode: 'query',
    reason: `AWSAccessKeyId, Expires and Signature in the URL ${where} (S3 SigV2 query-string auth).`,
    ...opt('span', signature.span),
  };
}

/** Signs a POST policy the SigV2 way: Base64 HMAC-SHA1 of the Base64 policy under the secret. */
function signPolicyV2(input: PolicySignInput): Result<SchemeTrace> {
  const read = readPolicy(input.policy);
  if (!read.ok) return fail(read.problems);
  const signed = signS3V2Policy(read.value.base64, input.credentials.secretAccessKey);
  if (!signed.ok) return fail(signed.problems);
  const { signature, stages } = signed.value;
  const fields: [string, string][] = [
    ['AWSAccessKeyId', input.credentials.accessKeyId],
    ['policy', read.value.base64],
    ['signature', signature],
  ];
  const trace: SchemeTrace = {
    scheme: 's3v2',
    mode: 'post-policy',
    stages,
    signature,
    signatureEncoding: 'base64',
    added: { headers: [], query: [], body: fields },
    signedRequest: fields.map(([n, v]) => `${n}=${v}`).join('\n'),
    notes: [...read.problems, ...signed.problems],
  };
  return ok(trace, trace.notes);
}

/** S3 SigV2, header and query-string auth. */
export const S3V2_SCHEME = {
  id: 's3v2',
  label: 'S3 SigV2',
  summary:
    'Amazon S3’s own Signature Version 2: "Authorization: AWS key:signature" or AWSAccessKeyId, Expires and Signature in the URL; HMAC-SHA1.',
  docUrl: S3V2_DOC,
  modes: ['header', 'query'],
  settings: S3V2_SETTINGS,
  detect: detectS3V2,
  mistakes: S3V2_CATALOGUE,
  postPolicy: policyMode(signPolicyV2, s3V2Signature),
  sign: (i): Result<SchemeTrace> =>
    signS3V2({
      request: i.request,
      credentials: i.credentials,
      mode: i.mode === 'query' ? 'query' : 'header',
      ...opt('time', i.time),
      ...opt('expires', i.expires),
      ...opt('settings', i.settings as Partial<S3V2Settings> | undefined),
    }),
  verify: (i): Result<SchemeVerification> =>
    verifyS3V2({
      request: i.request,
      secretAccessKey: i.secretAccessKey,
      ...opt('accessKeyId', i.accessKeyId),
      ...opt('settings', i.settings as Partial<S3V2Settings> | undefined),
    }),
} as const satisfies Scheme;
