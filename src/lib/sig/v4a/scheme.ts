/**
 * SigV4A as the registry knows it: the SigV4 canonical request with X-Amz-Region-Set, signed with ECDSA P-256
 * under a key derived from the secret; verified with that key's public half or a pasted one.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#create-sigv4a-request
 */

import { opt, type Detection, type Scheme } from '../scheme';
import type { SchemeTrace, SchemeVerification } from '../trace';
import { fail, problem, type Result } from '../types';
import type { HttpRequest } from '../request/model';
import { isChunkedUpload, signChunkedMode, verifyChunkedMode } from '../streaming/scheme-mode';
import { namedAlgorithm, withProblems } from '../v4/scheme';
import { scopeOrFail } from '../v4/scope-inference';
import { SETTING_HELP } from '../v4/settings-help';
import { describeSettings, SETTING_CHOICES } from '../v4/settings-descriptors';
import { V4A_GENERIC_SETTINGS, V4A_S3_SETTINGS, type SigV4aSettings } from './settings';
import { ALGORITHM_V4A, V4A_DOC } from './string-to-sign';

const NONCE_HELP =
  'How each signature’s ECDSA nonce is chosen. `deterministic` derives it from the key and the digest (RFC 6979), ' +
  'so the same request signs to the same bytes; `random` adds fresh entropy as the AWS SDKs do. Servers accept ' +
  'both: they verify with the public key.\nhttps://www.rfc-editor.org/rfc/rfc6979';

/** A SigV4A signature in the Authorization header or a presigned URL. */
function detectV4a(request: HttpRequest): Detection | undefined {
  const named = namedAlgorithm(request);
  if (named?.algorithm !== ALGORITHM_V4A) return undefined;
  const reason =
    named.mode === 'header'
      ? `Authorization starts with ${ALGORITHM_V4A} (SigV4A).`
      : `The URL carries X-Amz-Algorithm=${ALGORITHM_V4A} (a SigV4A presigned URL).`;
  return { scheme: 'sigv4a', mode: named.mode, reason, ...opt('span', named.span) };
}

/** S3's rules (single encoding, no normalization, x-amz-content-sha256) for S3, the generic ones elsewhere. */
function settingsFor(service: string, overrides: Record<string, unknown> | undefined): SigV4aSettings {
  const base = service === 's3' ? V4A_S3_SETTINGS : V4A_GENERIC_SETTINGS;
  return { ...base, ...(overrides as Partial<SigV4aSettings> | undefined) };
}

/** SigV4A, header and presigned query modes. */
export const SIGV4A_SCHEME = {
  id: 'sigv4a',
  label: 'SigV4A',
  summary:
    'Signature Version 4A for multi-Region requests (S3 Multi-Region Access Points, global endpoints): the SigV4 canonical request with X-Amz-Region-Set, signed with ECDSA P-256.',
  docUrl: `${V4A_DOC}#create-sigv4a-request`,
  modes: ['header', 'query'],
  settings: describeSettings(
    V4A_GENERIC_SETTINGS,
    { ...SETTING_HELP, nonce: NONCE_HELP },
    { ...SETTING_CHOICES, nonce: ['deterministic', 'random'] },
  ),
  detect: detectV4a,
  async sign(i): Promise<Result<SchemeTrace>> {
    // The scope has no region: only the service is read off the host when it is not given.
    const scope = scopeOrFail(i.request, '', i.service);
    if (!scope.ok) return scope;
    const { service } = scope.value;
    if (i.regionSet === undefined)
      return fail([
        problem(
          'no-region-set',
          'A SigV4A signature needs the regions it is valid in: give "regionSet" ("*", or "us-east-1,us-west-2").',
        ),
      ]);
    if (i.chunked) {
      const chunked = await signChunkedMode(
        { ...i, chunked: i.chunked },
        { algorithm: 'sigv4a', service },
        settingsFor(service, i.settings),
      );
      return withProblems(chunked, scope.problems);
    }
    // SigV4A's engine (ECDSA over P-256) is loaded on first use: the registry lists the scheme, and a run that
    // never signs or checks SigV4A never compiles it.
    const { signV4a } = await import('./sign');
    const signed = await signV4a({
      request: i.request,
      credentials: i.credentials,
      regionSet: i.regionSet,
      service,
      mode: i.mode === 'query' ? 'query' : 'header',
      settings: settingsFor(service, i.settings),
      ...opt('time', i.time),
      ...opt('expires', i.expires),
    });
    return withProblems(signed, scope.problems);
  },
  async verify(i): Promise<Result<SchemeVerification>> {
    // The credential names the service it was scoped to; S3's path rules follow from it or from the host.
    const scoped = /\/s3(?:%2F|\/)aws4_request/i.test(i.request.source);
    const host = scopeOrFail(i.request, '', undefined);
    const s3 = scoped || (host.ok && host.value.service === 's3');
    if (isChunkedUpload(i.request)) return verifyChunkedMode(i, settingsFor(s3 ? 's3' : '', i.settings));
    const { verifyV4a } = await import('./verify');
    return verifyV4a({
      request: i.request,
      ...(i.secretAccessKey ? { secretAccessKey: i.secretAccessKey } : {}),
      ...opt('accessKeyId', i.accessKeyId),
      ...opt('publicKey', i.publicKey),
      settings: settingsFor(s3 ? 's3' : '', i.settings),
    });
  },
} as const satisfies Scheme;
