/**
 * The schemes sigscope knows, under ids that never change: they appear in case files and share links. The scheme
 * picker, the settings form and the learn pages are generated from this list.
 */

import { inferEndpoint } from './endpoint';
import { findHeader, requestHost, sameName, type HttpRequest } from './request/model';
import { isS3V2Authorization } from './s3v2/authorization';
import type { S3V2Settings } from './s3v2/settings';
import { S3V2_SETTINGS } from './s3v2/settings-help';
import { signS3V2 } from './s3v2/sign';
import { S3V2_DOC } from './s3v2/stages';
import { verifyS3V2 } from './s3v2/verify';
import type { SchemeCredentials, SchemeTrace, SchemeVerification, SettingDescriptor } from './trace';
import type { Result, Span } from './types';
import { signV0, V0_DOC, verifyV0 } from './v0/sign';
import { signV1, verifyV1 } from './v1/sign';
import { V1_DOC } from './v1/stages';
import { paramLocation, requestParams } from './v2/params';
import type { V2Settings } from './v2/settings';
import { V2_SETTINGS } from './v2/settings-help';
import { signV2 } from './v2/sign';
import { V2_DOC } from './v2/stages';
import { verifyV2 } from './v2/verify';
import { GENERIC_SETTINGS, S3_SETTINGS, type SigV4Settings } from './v4/settings';
import type { SigV4Mode } from './v4/types';

/** Stable scheme ids. */
export type SchemeId = 'sigv4' | 'sigv4-s3';

/** What the UI and the CLI need to know about a scheme. */
export interface Scheme {
  id: SchemeId;
  label: string;
  /** One sentence on where the scheme is used. */
  summary: string;
  docUrl: string;
  modes: readonly SigV4Mode[];
  defaults: Readonly<SigV4Settings>;
}

/** Every scheme, in the order the picker shows them. */
export const SCHEMES: readonly Scheme[] = [
  {
    id: 'sigv4',
    label: 'SigV4',
    summary: 'AWS Signature Version 4 as every service but S3 checks it: path normalized and encoded twice.',
    docUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html',
    modes: ['header', 'query'],
    defaults: GENERIC_SETTINGS,
  },
  {
    id: 'sigv4-s3',
    label: 'SigV4 (S3)',
    summary:
      'Signature Version 4 as Amazon S3 checks it: path encoded once, never normalized, x-amz-content-sha256.',
    docUrl: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html',
    modes: ['header', 'query'],
    defaults: S3_SETTINGS,
  },
];

/** Looks a scheme up by id. */
export function findScheme(id: string): Scheme | undefined {
  return SCHEMES.find((s) => s.id === id);
}

// ---------------------------------------------------------------------------------------------------------------
// The legacy schemes (issue 9): SigV2 for Query APIs, S3 SigV2, SigV1, SigV0. They come through one interface
// (detect, sign, verify, settings as descriptors) and return the shared trace of trace.ts. The SigV4 entries above
// keep their own shape until SigV4 adopts the trace.

/** Stable ids of the legacy schemes. */
export type LegacySchemeId = 'sigv2' | 's3v2' | 'sigv1' | 'sigv0';

/** Every scheme id, SigV4's and the legacy ones. */
export type AnySchemeId = SchemeId | LegacySchemeId;

/** What a legacy scheme signs with besides the request. */
export interface LegacySignInput {
  request: HttpRequest;
  credentials: SchemeCredentials;
  /** s3v2: `header` or `query`; the Query API schemes put the signature where the parameters are. */
  mode?: string;
  /** The Date (s3v2 header mode) or Timestamp (Query APIs) to add when the request has none. */
  time?: Date;
  /** s3v2 query mode: the Expires value, seconds since the epoch. */
  expires?: number;
  settings?: Record<string, unknown>;
}

/** What a legacy scheme verifies with besides the request. */
export interface LegacyVerifyInput {
  request: HttpRequest;
  secretAccessKey: string;
  accessKeyId?: string;
  settings?: Record<string, unknown>;
}

/** Why a pasted request looks signed with a scheme. */
export interface Detection {
  scheme: AnySchemeId;
  /** `header` or `query` for SigV4 and S3 SigV2; where the parameters are for the Query API schemes. */
  mode: string;
  /** One sentence on the evidence. */
  reason: string;
  /** Where the evidence sits in the request. */
  span?: Span;
}

/** What the UI and the CLI know of a legacy scheme. */
export interface LegacyScheme {
  id: LegacySchemeId;
  label: string;
  summary: string;
  docUrl: string;
  modes: readonly string[];
  settings: readonly SettingDescriptor[];
  sign(input: LegacySignInput): Result<SchemeTrace>;
  verify(input: LegacyVerifyInput): Result<SchemeVerification>;
}

const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/** The legacy schemes, in the order the picker shows them. */
export const LEGACY_SCHEMES: readonly LegacyScheme[] = [
  {
    id: 'sigv2',
    label: 'SigV2 (Query APIs)',
    summary:
      'Signature Version 2 on Query APIs (EC2, SQS, SimpleDB, EMR) and S3-compatible stores: HMAC of method, host, path and the sorted query.',
    docUrl: V2_DOC,
    modes: ['query', 'body'],
    settings: V2_SETTINGS,
    sign: (i) =>
      signV2({
        request: i.request,
        credentials: i.credentials,
        ...opt('time', i.time),
        ...opt('settings', i.settings as Partial<V2Settings>),
      }),
    verify: (i) =>
      verifyV2({
        request: i.request,
        secretAccessKey: i.secretAccessKey,
        ...opt('accessKeyId', i.accessKeyId),
        ...opt('settings', i.settings as Partial<V2Settings>),
      }),
  },
  {
    id: 's3v2',
    label: 'S3 SigV2',
    summary:
      'Amazon S3’s own Signature Version 2: "Authorization: AWS key:signature" or AWSAccessKeyId, Expires and Signature in the URL; HMAC-SHA1.',
    docUrl: S3V2_DOC,
    modes: ['header', 'query'],
    settings: S3V2_SETTINGS,
    sign: (i) =>
      signS3V2({
        request: i.request,
        credentials: i.credentials,
        mode: i.mode === 'query' ? 'query' : 'header',
        ...opt('time', i.time),
        ...opt('expires', i.expires),
        ...opt('settings', i.settings as Partial<S3V2Settings>),
      }),
    verify: (i) =>
      verifyS3V2({
        request: i.request,
        secretAccessKey: i.secretAccessKey,
        ...opt('accessKeyId', i.accessKeyId),
        ...opt('settings', i.settings as Partial<S3V2Settings>),
      }),
  },
  {
    id: 'sigv1',
    label: 'SigV1',
    summary:
      'Signature Version 1 (SimpleDB, SQS, EC2 until 2009): parameters sorted ignoring case and concatenated without delimiters, which lets two requests share a signature.',
    docUrl: V1_DOC,
    modes: ['query', 'body'],
    settings: [],
    sign: (i) => signV1({ request: i.request, credentials: i.credentials, ...opt('time', i.time) }),
    verify: (i) =>
      verifyV1({
        request: i.request,
        secretAccessKey: i.secretAccessKey,
        ...opt('accessKeyId', i.accessKeyId),
      }),
  },
  {
    id: 'sigv0',
    label: 'SigV0',
    summary: 'Signature Version 0: HMAC-SHA1 of Action followed by Timestamp; no other parameter is signed.',
    docUrl: V0_DOC,
    modes: ['query', 'body'],
    settings: [],
    sign: (i) => signV0({ request: i.request, credentials: i.credentials, ...opt('time', i.time) }),
    verify: (i) =>
      verifyV0({
        request: i.request,
        secretAccessKey: i.secretAccessKey,
        ...opt('accessKeyId', i.accessKeyId),
      }),
  },
];

/** Looks a legacy scheme up by id. */
export function findLegacyScheme(id: string): LegacyScheme | undefined {
  return LEGACY_SCHEMES.find((s) => s.id === id);
}

/**
 * Which scheme signed a pasted request, and why: `AWS4-HMAC-SHA256` (SigV4, in the header or X-Amz-Algorithm),
 * `Authorization: AWS key:sig` (S3 SigV2), AWSAccessKeyId + Expires + Signature with no SignatureVersion (S3 SigV2
 * query auth, said to be on an S3 host when it is), SignatureVersion=2/1/0 (SigV2, SigV1, SigV0). `undefined` when
 * the request carries no signature sigscope knows.
 */
export function detectScheme(request: HttpRequest): Detection | undefined {
  const host = requestHost(request) ?? '';
  const s3 = inferEndpoint(host)?.service === 's3';
  const v4Id: SchemeId = s3 ? 'sigv4-s3' : 'sigv4';
  const auth = findHeader(request, 'authorization');
  if (auth && /^AWS4-HMAC-SHA256\b/.test(auth.value))
    return {
      scheme: v4Id,
      mode: 'header',
      reason: 'Authorization starts with AWS4-HMAC-SHA256 (SigV4).',
      span: auth.span,
    };
  if (auth && isS3V2Authorization(auth.value))
    return {
      scheme: 's3v2',
      mode: 'header',
      reason: 'Authorization reads "AWS key:signature" (S3 SigV2).',
      span: auth.span,
    };
  const query = request.params.find((p) => sameName(p.name, 'X-Amz-Algorithm'));
  if (query)
    return {
      scheme: v4Id,
      mode: 'query',
      reason: 'The URL carries X-Amz-Algorithm (a SigV4 presigned URL).',
      span: query.span,
    };
  const location = paramLocation(request);
  const params = requestParams(request, location);
  const get = (name: string) => params.find((p) => p.name === name);
  const version = get('SignatureVersion');
  if (version) {
    const id = ({ '2': 'sigv2', '1': 'sigv1', '0': 'sigv0' } as const)[version.value as '2' | '1' | '0'];
    if (id) {
      const reason = `SignatureVersion=${version.value} in the ${location === 'body' ? 'form body' : 'query'} (${findLegacyScheme(id)!.label}).`;
      return { scheme: id, mode: location, reason, ...opt('span', version.span) };
    }
  }
  const signature = get('Signature');
  if (signature && get('AWSAccessKeyId') && get('Expires') && location === 'query') {
    const where = s3 ? 'on an S3 host' : 'with no SignatureVersion';
    return {
      scheme: 's3v2',
      mode: 'query',
      reason: `AWSAccessKeyId, Expires and Signature in the URL ${where} (S3 SigV2 query-string auth).`,
      ...opt('span', signature.span),
    };
  }
  return undefined;
}
