/**
 * Verifying a request that carries an S3 SigV2 signature, in `Authorization: AWS key:sig` or in the query string
 * (`AWSAccessKeyId`, `Expires`, `Signature`): recompute the string to sign from the request as sent and compare.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html
 */

import { timingSafeEqual } from '../crypto';
import { percentDecodeText } from '../encoding';
import { findHeader, type HttpRequest } from '../request/model';
import { fail, ok, problem, type Problem, type Result, type Span } from '../types';
import { recomputedTrace, type SchemeVerification } from '../trace';
import { isS3V2Authorization, parseS3V2Authorization } from './authorization';
import type { S3V2Settings } from './settings';
import { s3V2Signature, type S3V2Details } from './sign';
import { s3V2Stages } from './stages';
import { s3V2StringToSign, S3V2_QUERY, type S3V2Mode } from './string-to-sign';

/** What verifying needs besides the signed request. */
export interface S3V2VerifyInput {
  request: HttpRequest;
  secretAccessKey: string;
  /** When given, a different access key on the request is reported. */
  accessKeyId?: string;
  settings?: Partial<S3V2Settings>;
  bucket?: string;
}

/** The signature an S3 SigV2 request carries and where. */
export interface S3V2Provided {
  mode: S3V2Mode;
  accessKeyId: string;
  signature: string;
  signatureSpan: Span;
}

/** Reads the signature from `Authorization: AWS key:sig`, else from the query string. */
export function readS3V2Signature(request: HttpRequest): Result<S3V2Provided> {
  const auth = findHeader(request, 'authorization');
  if (auth && isS3V2Authorization(auth.value)) {
    const parsed = parseS3V2Authorization(auth.value, auth.valueSpan.start);
    if (!parsed.ok) return fail(parsed.problems);
    return ok({
      mode: 'header',
      accessKeyId: parsed.value.accessKeyId,
      signature: parsed.value.signature,
      signatureSpan: parsed.value.spans.signature,
    });
  }
  const get = (name: string) => request.params.find((p) => p.name === name);
  const signature = get(S3V2_QUERY.signature);
  const key = get(S3V2_QUERY.accessKeyId);
  if (!signature || !key) {
    if (auth) return fail(parseS3V2Authorization(auth.value, auth.valueSpan.start).problems);
    return fail([
      problem(
        'unsigned',
        'The request carries no S3 SigV2 signature: no "Authorization: AWS key:sig" and no AWSAccessKeyId and Signature in the URL.',
        request.targetSpan,
      ),
    ]);
  }
  return ok({
    mode: 'query',
    accessKeyId: percentDecodeText(key.value ?? ''),
    signature: percentDecodeText(signature.value ?? ''),
    signatureSpan: { start: signature.span.start + signature.name.length + 1, end: signature.span.end },
  });
}

/** Recomputes the signature a request carries and says whether it matches. */
export function verifyS3V2(input: S3V2VerifyInput): Result<SchemeVerification<S3V2Details>> {
  const { request } = input;
  const read = readS3V2Signature(request);
  if (!read.ok) return fail(read.problems);
  const provided = read.value;
  const notes: Problem[] = [];
  if (input.accessKeyId && input.accessKeyId !== provided.accessKeyId)
    notes.push(
      problem(
        'access-key',
        `The request was signed for access key ${provided.accessKeyId}, not ${input.accessKeyId}.`,
        undefined,
        {
          severity: 'warning',
        },
      ),
    );
  const sts = s3V2StringToSign(
    provided.mode === 'query'
      ? { ...request, params: request.params.filter((p) => p.name !== S3V2_QUERY.signature) }
      : request,
    {
      mode: provided.mode,
      ...(input.settings ? { settings: input.settings } : {}),
      ...(input.bucket !== undefined ? { bucket: input.bucket } : {}),
    },
  );
  if (!sts.ok) return fail(sts.problems);
  notes.push(...sts.problems);
  const signature = s3V2Signature(input.secretAccessKey, sts.value.text);
  const match = timingSafeEqual(signature, provided.signature);
  return ok(
    {
      match,
      provided: provided.signature,
      providedSpan: provided.signatureSpan,
      accessKeyId: provided.accessKeyId,
      trace: recomputedTrace({
        scheme: 's3v2',
        mode: provided.mode,
        stages: s3V2Stages(sts.value, signature),
        signature,
        signatureEncoding: 'base64',
        source: request.source,
        notes,
        details: { stringToSign: sts.value },
      }),
      notes,
    },
    notes,
  );
}
