/**
 * SigV4 as the registry knows it, twice: as every service but S3 checks it, and as S3 does. Both sign and verify
 * into the shared trace, SigV4's typed trace kept as its details.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html
 */

import { inferEndpoint } from '../endpoint';
import { findHeader, requestHost, sameName, type HttpRequest } from '../request/model';
import { opt, type Detection, type Scheme, type SchemeId } from '../scheme';
import { recomputedTrace, type SchemeTrace, type SchemeVerification } from '../trace';
import { fail, ok, type Problem, type Result } from '../types';
import { EVENT_STREAM_MODE } from '../event-stream/scheme-mode';
import { SIGV4_POLICY_MODE } from '../post-policy/scheme-mode';
import { isChunkedUpload, signChunkedMode, verifyChunkedMode } from '../streaming/scheme-mode';
import { scopeOrFail } from './scope-inference';
import { GENERIC_SETTINGS, resolveSettings, S3_SETTINGS, type SigV4Settings } from './settings';
import { describeSettings } from './settings-descriptors';
import { signV4 } from './sign';
import { v4SchemeTrace, v4Stages } from './trace';
import type { SigV4Mode } from './types';
import { verifyV4, type SigV4Verification } from './verify';

/** A SigV4 scheme: the shared interface, with its settings typed. */
export interface SigV4Scheme extends Scheme {
  id: SchemeId;
  modes: readonly SigV4Mode[];
  defaults: Readonly<SigV4Settings>;
}

/** The algorithm a request names, in its Authorization header or its X-Amz-Algorithm parameter. */
export function namedAlgorithm(
  request: HttpRequest,
): { algorithm: string; mode: SigV4Mode; span?: HttpRequest['targetSpan'] } | undefined {
  const auth = findHeader(request, 'authorization');
  const inHeader = auth && /^AWS4-[A-Z0-9-]+/.exec(auth.value);
  if (auth && inHeader) return { algorithm: inHeader[0], mode: 'header', span: auth.span };
  const query = request.params.find((p) => sameName(p.name, 'X-Amz-Algorithm'));
  return query ? { algorithm: query.value ?? '', mode: 'query', ...opt('span', query.span) } : undefined;
}

/** A SigV4 signature, named `sigv4-s3` on an S3 host. */
function detectV4(request: HttpRequest): Detection | undefined {
  const named = namedAlgorithm(request);
  if (!named || named.algorithm !== 'AWS4-HMAC-SHA256') return undefined;
  const s3 = inferEndpoint(requestHost(request) ?? '')?.service === 's3';
  const reason =
    named.mode === 'header'
      ? 'Authorization starts with AWS4-HMAC-SHA256 (SigV4).'
      : 'The URL carries X-Amz-Algorithm=AWS4-HMAC-SHA256 (a SigV4 presigned URL).';
  return { scheme: s3 ? 'sigv4-s3' : 'sigv4', mode: named.mode, reason, ...opt('span', named.span) };
}

/** A SigV4 verification in the shared shape. */
export function v4Verification(
  v: SigV4Verification,
  scheme: string,
  source: string,
): SchemeVerification<SigV4Verification> {
  return {
    match: v.match,
    provided: v.provided.signature,
    providedSpan: v.provided.signatureSpan,
    accessKeyId: v.provided.credential.accessKeyId,
    trace: recomputedTrace({
      scheme,
      mode: v.provided.mode,
      stages: v4Stages(v.stages),
      signature: v.stages.signature,
      signatureEncoding: 'hex',
      notes: v.notes,
      source,
      details: v,
    }),
    notes: v.notes,
  };
}

/** A result with notes put before its own. */
export function withProblems<T>(result: Result<T>, before: readonly Problem[]): Result<T> {
  const problems = [...before, ...result.problems];
  return result.ok ? ok(result.value, problems) : fail(problems);
}

function v4Scheme(
  id: SchemeId,
  fields: Pick<SigV4Scheme, 'label' | 'summary' | 'docUrl' | 'defaults' | 'postPolicy' | 'eventStream'>,
): SigV4Scheme {
  const settingsOf = (overrides: Record<string, unknown> | undefined) =>
    resolveSettings(fields.defaults, overrides as Partial<SigV4Settings> | undefined);
  return {
    id,
    ...fields,
    modes: ['header', 'query'],
    settings: describeSettings(fields.defaults),
    detect: detectV4,
    async sign(i): Promise<Result<SchemeTrace>> {
      const scope = scopeOrFail(i.request, i.region, i.service);
      if (!scope.ok) return scope;
      if (i.chunked) {
        const chunked = await signChunkedMode(
          { ...i, chunked: i.chunked },
          { algorithm: 'sigv4', ...scope.value },
          settingsOf(i.settings),
        );
        return withProblems(chunked, scope.problems);
      }
      const signed = await signV4({
        request: i.request,
        credentials: i.credentials,
        ...scope.value,
        mode: i.mode === 'query' ? 'query' : 'header',
        settings: settingsOf(i.settings),
        ...opt('time', i.time),
        ...opt('expires', i.expires),
      });
      const problems = [...scope.problems, ...signed.problems];
      return signed.ok ? ok(v4SchemeTrace(signed.value, id), problems) : fail(problems);
    },
    async verify(i): Promise<Result<SchemeVerification>> {
      if (isChunkedUpload(i.request)) return verifyChunkedMode(i, settingsOf(i.settings));
      const verified = await verifyV4({
        request: i.request,
        secretAccessKey: i.secretAccessKey,
        settings: settingsOf(i.settings),
        ...opt('accessKeyId', i.accessKeyId),
      });
      if (!verified.ok) return verified;
      return ok(v4Verification(verified.value, id, i.request.source), verified.problems);
    },
  };
}

/** SigV4 as every service but S3 checks it. */
export const SIGV4_SCHEME = v4Scheme('sigv4', {
  label: 'SigV4',
  summary: 'AWS Signature Version 4 as every service but S3 checks it: path normalized and encoded twice.',
  docUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html',
  defaults: GENERIC_SETTINGS,
  eventStream: EVENT_STREAM_MODE,
});

/** SigV4 as Amazon S3 checks it. */
export const SIGV4_S3_SCHEME = v4Scheme('sigv4-s3', {
  label: 'SigV4 (S3)',
  summary:
    'Signature Version 4 as Amazon S3 checks it: path encoded once, never normalized, x-amz-content-sha256.',
  docUrl: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html',
  defaults: S3_SETTINGS,
  postPolicy: SIGV4_POLICY_MODE,
});
