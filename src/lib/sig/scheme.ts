/**
 * The seam: a `Scheme` is everything the rest of sigscope knows of a signature scheme — its id, label, modes and
 * settings as descriptors, how to tell a request it signed, and sign/verify returning the one trace shape of
 * trace.ts. Each scheme's folder exports its own (`v4/scheme.ts`, `v2/scheme.ts`…); registry.ts lists them.
 */

import type { HttpRequest } from './request/model';
import type { SchemeCredentials, SchemeTrace, SchemeVerification, SettingDescriptor } from './trace';
import type { Result, Span } from './types';

/** Stable ids of the SigV4 schemes (the generic one and S3's), whose settings share one typed shape. */
export type SchemeId = 'sigv4' | 'sigv4-s3';

/** Stable ids of the legacy schemes. */
export type LegacySchemeId = 'sigv2' | 's3v2' | 'sigv1' | 'sigv0';

/** Every scheme id; they appear in case files and share links, so they never change. */
export type AnySchemeId = SchemeId | 'sigv4a' | LegacySchemeId;

/** Why a pasted request looks signed with a scheme. */
export interface Detection {
  scheme: AnySchemeId;
  /** `header` or `query` for the SigV4 family and S3 SigV2; where the parameters are for the Query API schemes. */
  mode: string;
  /** One sentence on the evidence. */
  reason: string;
  /** Where the evidence sits in the request. */
  span?: Span;
}

/** SigV4 family: sign the body as an aws-chunked upload, each chunk chained on the signature before it. */
export interface ChunkedSigning {
  /** Bytes per chunk; S3 wants at least 8 KiB in every chunk but the last. */
  chunkSize: number;
  /** `signed` (STREAMING-…-PAYLOAD), `signed-trailer` or `unsigned-trailer`; `signed-trailer` when trailers are given. */
  kind?: 'signed' | 'signed-trailer' | 'unsigned-trailer';
  /** Trailing headers, such as `x-amz-checksum-crc32c`. */
  trailers?: readonly (readonly [string, string])[];
}

/** What a scheme signs with besides the request; each scheme reads the fields it needs. */
export interface SchemeSignInput {
  request: HttpRequest;
  credentials: SchemeCredentials;
  /** One of the scheme's `modes`; its first by default. */
  mode?: string;
  /** The signing time (SigV4's X-Amz-Date, S3 SigV2's Date, the Query APIs' Timestamp) when the request has none. */
  time?: Date;
  /** SigV4 family: the presigned URL's lifetime in seconds. S3 SigV2 query mode: the Expires value itself. */
  expires?: number;
  /** SigV4: by default read off the host. */
  region?: string;
  /** SigV4 family: by default read off the host. */
  service?: string;
  /** SigV4A: the regions the signature is valid in (`*` for all). */
  regionSet?: string | readonly string[];
  /** SigV4 family: sign the body as an aws-chunked upload. */
  chunked?: ChunkedSigning;
  /** Overrides of the scheme's settings, by descriptor name. */
  settings?: Record<string, unknown>;
}

/** What a scheme verifies with besides the signed request. */
export interface SchemeVerifyInput {
  request: HttpRequest;
  secretAccessKey: string;
  /** When given and different from the one the request names, it is reported (SigV4A derives its key from it). */
  accessKeyId?: string;
  /** SigV4A: a pasted public key, which wins over the secret. */
  publicKey?: string;
  settings?: Record<string, unknown>;
}

/** POST policy mode: what signing a browser upload's policy takes. */
export interface PolicySignInput {
  /** The policy JSON exactly as it is to be encoded, or its Base64. */
  policy: string;
  credentials: SchemeCredentials;
  /** SigV4: the scope's region and service (`s3` unless given) and the time (the scope's day, X-Amz-Date). */
  region?: string;
  service?: string;
  time?: Date;
}

/** POST policy mode: what checking a pasted form takes. */
export interface PolicyVerifyInput {
  /** The form: HTML, a multipart body (or request), or `name=value` fields. */
  form: string;
  /** The policy, JSON or Base64; by default the form's own Policy field. */
  policy?: string;
  /** Checks the signature when given. */
  secretAccessKey?: string;
  /** The time the policy's expiration is judged at. */
  now: Date;
  bucket?: string;
  fileSize?: number;
}

/** Event-stream mode: what signing a stream's messages takes. */
export interface EventsSignInput {
  /** The signature of the request that opened the stream (hex): the prior signature of the first message. */
  seedSignature: string;
  secretAccessKey: string;
  region: string;
  service: string;
  /** Each event's payload (the encoded inner message) and the time it is signed at. */
  events: readonly { payload: Uint8Array | string; time: Date }[];
}

/** Event-stream mode: what checking a stream's messages takes. */
export interface EventsVerifyInput {
  /** The messages as sent, hex or Base64. */
  frames: string;
  seedSignature: string;
  secretAccessKey: string;
  region: string;
  service: string;
}

/** A mode that signs a document other than the request itself: a POST policy, an event stream's messages. */
export interface DocumentMode<SignInput, VerifyInput> {
  sign(input: SignInput): MaybeAsync<Result<SchemeTrace>>;
  verify(input: VerifyInput): MaybeAsync<Result<SchemeVerification>>;
}

/** Where a signature fault lies: diagnosis's vocabulary, the same for every scheme. */
export type FindingKind = 'client' | 'transit' | 'credentials' | 'clock' | 'scope';

/** Which part of the signed request a finding is about. */
export type Component =
  | 'method'
  | 'path'
  | 'query'
  | 'headers'
  | 'signed-headers'
  | 'payload-hash'
  | 'timestamp'
  | 'scope'
  | 'secret'
  | 'algorithm';

/** A client mistake a scheme knows: what the client did, where in the request, and how to fix it. */
export interface SchemeMistake {
  id: string;
  component: Component;
  /** The header or parameter the mistake is about, when it is about one. */
  name?: string;
  /** One sentence on what the client did. */
  sentence: string;
  /** One sentence on what to do instead. */
  fix: string;
}

/** A search of a scheme's mistakes for the one whose signature is exactly the one a request carries. */
export interface MistakeSearch {
  /** `match`: the signature is right; `mistake`: some mistakes reproduce it; `none`: none does. */
  verdict: 'match' | 'mistake' | 'none';
  matches: SchemeMistake[];
  /** How many variants were tried (those that change nothing for this request are skipped). */
  tried: number;
}

/** A scheme's catalogue of client mistakes, searched with the secret. */
export interface MistakeCatalogue {
  search(
    request: HttpRequest,
    secretAccessKey: string,
    settings?: Record<string, unknown>,
  ): Result<MistakeSearch>;
}

/** A result now or later: the SigV4 family signs with WebCrypto, the legacy schemes synchronously. */
export type MaybeAsync<T> = T | Promise<T>;

/** What the UI, the CLI and diagnosis know of a scheme. */
export interface Scheme {
  id: AnySchemeId;
  label: string;
  /** One sentence on where the scheme is used. */
  summary: string;
  docUrl: string;
  /** Where the signature goes: `header`, `query`, `body`. */
  modes: readonly string[];
  /** The named settings, for the settings form, case files and the CLI's help. */
  settings: readonly SettingDescriptor[];
  /** Whether a pasted request carries this scheme's signature, and why; `undefined` when it does not. */
  detect(request: HttpRequest): Detection | undefined;
  sign(input: SchemeSignInput): MaybeAsync<Result<SchemeTrace>>;
  verify(input: SchemeVerifyInput): MaybeAsync<Result<SchemeVerification>>;
  /** Browser uploads to S3 (`post-policy` mode), for the schemes S3 takes them with. */
  postPolicy?: DocumentMode<PolicySignInput, PolicyVerifyInput>;
  /** The client mistakes this scheme knows (`<scheme>/mistakes.ts`), for the schemes whose replies name no expected string. */
  mistakes?: MistakeCatalogue;
  /** Signed event streams (`event-stream` mode): Transcribe, Bedrock, Kinesis Video. */
  eventStream?: DocumentMode<EventsSignInput, EventsVerifyInput>;
}

/** Drops an undefined value from an object literal, for optional fields under `exactOptionalPropertyTypes`. */
export const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
