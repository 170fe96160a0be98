/**
 * What the page and the engine worker say to each other. Everything here is plain data (structured-clone safe): the
 * worker returns view-models the components render as they are.
 */

import type { Comparison } from '../diff/compare';
import type { Ask, Finding, Side, Verdict } from '../diagnose/types';

export type { Ask };
import type { ClientLog } from '../sig/client-log/types';
import type { AnySchemeId } from '../sig/registry';
import type { RequestForm } from '../sig/request/pasted';
import type { ServerError } from '../sig/server-error/types';
import type { Problem, Span } from '../sig/types';
import type { CanonicalPart, KeyChainStep } from '../sig/registry-sigv4';
import type { SigV4Settings, SigV4Mode } from '../sig/registry-settings';

/** Sign the request, or check the signature it carries. */
export type Action = 'sign' | 'verify';

/** A precomputed payload hash, for a body too large to keep in memory (a dropped file hashed in chunks). */
export interface PayloadHashInput {
  hex: string;
  /** Where it came from, for notes: the file name. */
  name: string;
  size: number;
}

/** A scheme's settings by descriptor name (SigV4's typed ones, SigV2's `sort`, SigV4A's `nonce`…). */
export type SettingValues = Partial<SigV4Settings> & Record<string, boolean | string | readonly string[]>;

/** Everything one recompute needs; `auto` lets the worker choose from what was pasted. */
export interface RunInput {
  request: string;
  serverError: string;
  clientLog: string;
  scheme: AnySchemeId | 'auto';
  action: Action | 'auto';
  location: SigV4Mode | 'auto';
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Overrides; empty means read from the request. */
  region: string;
  service: string;
  /** SigV4A: the regions to sign for (`*`, `us-east-1,us-west-2`); empty means the host's region, else `*`. */
  regionSet?: string;
  /** SigV4A: a public key to verify with instead of the secret (SEC1 hex, `X,Y` or `{"X","Y"}`). */
  publicKey?: string;
  /** ISO 8601 signing time override; empty means read from the request (else `now`). */
  time: string;
  expires: number | null;
  /** Overrides of the chosen scheme's settings; names another scheme does not know are left out of its run. */
  settings: SettingValues;
  /** The page's clock, ISO 8601: for requests with no date and for presigned URL expiry. */
  now: string;
  payloadHash?: PayloadHashInput;
  /** Run the diagnosis too (slower; posted after the stages). */
  explain: boolean;
}

/** Where a value shown in the form came from. */
export interface Located {
  value: string;
  from: string;
}

/** What the worker recognised in the pasted request and what it chose. */
export interface Seen {
  form?: RequestForm;
  /** One line per thing noticed: `raw HTTP request`, `signed with an Authorization header`, … */
  facts: string[];
  scheme: AnySchemeId;
  schemeReason: string;
  action: Action;
  actionReason: string;
  location: SigV4Mode;
  region?: Located;
  /** SigV4A: the region set signed for (read from the request, or the default used). */
  regionSet?: Located;
  service?: Located;
  time?: Located;
  accessKeyId?: Located;
  /** The raw HTTP the engine read, when the paste was another form (curl, HAR, URL). */
  http?: string;
}

/** One line of the canonical request, labelled, with the spans of the paste it came from. */
export interface CanonicalLineView {
  part: CanonicalPart;
  text: string;
  name?: string;
  sources: Span[];
}

/** One line of the string to sign, labelled. */
export interface LabelledLine {
  label: string;
  text: string;
}

/** The stages of a signature, whether computed to sign or to verify. */
export interface StagesView {
  canonicalLines: CanonicalLineView[];
  canonicalRequest: string;
  canonicalRequestHash: string;
  stringToSign: string;
  stringToSignLines: LabelledLine[];
  /** Empty when no secret was given. */
  keyChain: KeyChainStep[];
  signingKey?: string;
  signature?: string;
  credential: string;
  amzDate: string;
  signedHeaders: string[];
  unsignedHeaders: { name: string; reason: string; sources: Span[] }[];
  /** Header mode: the Authorization header value. */
  authorization?: string;
  /** Query mode: the presigned URL. */
  url?: string;
  /** The request as it should be sent (body cut at `SIGNED_REQUEST_LIMIT`). */
  signedRequest?: string;
  /** Characters of the body left out of `signedRequest`. */
  signedRequestCut?: number;
}

/** What a signed request carries, when verifying. */
export interface ProvidedView {
  mode: SigV4Mode;
  signature: string;
  credential: string;
  signedHeaders: string[];
  /** Spans in the paste. */
  signatureSources: Span[];
}

/** A presigned URL taken apart. */
export interface PresignedView {
  params: { name: string; value: string }[];
  signedAt: string;
  expiresIn?: number;
  expiresAt?: string;
  /** Seconds from `now` to expiry: negative once expired. */
  remaining?: number;
}

/** The verdict shown as the badge, and why. */
export interface VerdictView {
  verdict: Verdict;
  reason: string;
}

/** Which stage a diff is of. */
export type DiffPart = 'canonical-request' | 'string-to-sign';

/** Which side of a diff. */
export type SideName = 'ours' | 'server' | 'client';

/** One diff to show. */
export interface DiffView {
  id: string;
  part: DiffPart;
  left: SideName;
  right: SideName;
  comparison: Comparison;
}

/** A problem and which input it is about. */
export interface InputProblem {
  input: 'request' | 'serverError' | 'clientLog' | 'settings';
  problem: Problem;
}

/**
 * What a server reply or client log gives of the stages when there is no request to compute them from: its
 * canonical request and string to sign, labelled.
 */
export interface GivenStagesView {
  from: 'server' | 'client';
  canonicalLines?: CanonicalLineView[];
  stringToSignLines?: LabelledLine[];
  signature?: string;
}

/** One stage of a scheme's trace (SigV4A, SigV2, S3 SigV2, SigV1, SigV0), its lines pointing into the paste. */
export interface TraceStageView {
  id: string;
  title: string;
  rule: string;
  docUrl: string;
  text: string;
  lines: { label: string; text: string; sources: Span[] }[];
}

/**
 * A request signed or verified with a scheme other than SigV4, through the registry: its stages as data. Any scheme
 * renders from this one shape (StagesPanel), so a new scheme needs no component of its own.
 */
export interface TraceView {
  scheme: string;
  label: string;
  /** Why sigscope reads the request under this scheme. */
  reason: string;
  /** `verify`: the request's signature checked; `sign`: signed by sigscope. */
  action: Action;
  stages: TraceStageView[];
  /** The signature sigscope computes; only with the secret. Verifying SigV4A: the one checked (ECDSA is never recomputed). */
  signature?: string;
  /** The signature the request carries (verifying). */
  provided: string;
  providedSources: Span[];
  /** How a signature is judged: by comparing bytes (HMAC), or by verifying with a public key (ECDSA). */
  checkedBy: 'bytes' | 'public-key';
  /** The verdict of a check; absent when nothing could judge it (no secret, no public key). */
  valid?: boolean;
  /** Signing: what goes on the request. */
  authorization?: string;
  url?: string;
  signedRequest?: string;
}

/** One chunk of an aws-chunked upload: a row of the chain table. */
export interface ChunkRowView {
  index: number;
  size: number;
  /** The chunk's string to sign (empty for an unsigned chunk). */
  stringToSign: string;
  /** The signature on the wire (verifying) or signed (signing); empty when unsigned. */
  sent: string;
  /** What the signature should be: HMAC recomputed (SigV4); absent for SigV4A, whose ECDSA is verified instead. */
  computed?: string;
  valid: boolean;
  /** The chunk's header line in the paste. */
  sources: Span[];
}

/** Where an upload's chain first breaks, and why. */
export interface ChainBreakView {
  at: 'seed' | 'chunk' | 'trailer' | 'framing';
  index?: number;
  message: string;
  hint?: string;
  sources: Span[];
}

/** An aws-chunked upload's chain as a table: pasted and verified, or a file signed into chunks. */
export interface ChunkTableView {
  /** The x-amz-content-sha256 literal. */
  literal: string;
  algorithm: 'sigv4' | 'sigv4a';
  signedChunks: boolean;
  /** The seed signature every chunk chains from. */
  seed: string;
  seedValid?: boolean;
  rows: ChunkRowView[];
  trailer?: {
    canonical: string;
    stringToSign?: string;
    sent?: string;
    computed?: string;
    valid: boolean;
  };
  firstBreak?: ChainBreakView;
  decodedLength: number;
  /** The whole upload verifies (verifying) or was signed whole (signing). */
  valid: boolean;
}

/** A file signed into an aws-chunked upload in the worker, hashed slice by slice. */
export interface SignedFileView {
  name: string;
  size: number;
  chunkSize: number;
  table: ChunkTableView;
  /** The seed request's stages and headers. */
  seedStringToSign: string;
  authorization?: string;
  /** The request line and headers as they go out (the body is the file, chunked). */
  signedHead: string;
  contentLength: number;
  /** Hashing and signing, start to end. */
  ms: number;
  /** Throughput: the file's bytes over `ms`, in MB/s (10^6 bytes). */
  mbps: number;
}

/** What signing a file into chunks takes besides the file: the seed request and how to chunk it. */
export interface SignFileJob {
  input: RunInput;
  chunkSize: number;
  kind: 'signed' | 'signed-trailer' | 'unsigned-trailer';
}

/** The stages, fast: posted first. */
export interface RunOutput {
  seen: Seen;
  stages?: StagesView;
  /** SigV4A's or a legacy scheme's stages (then `stages` is absent). */
  trace?: TraceView;
  /** A pasted aws-chunked body's chain, verified link by link. */
  chunked?: ChunkTableView;
  provided?: ProvidedView;
  presigned?: PresignedView;
  servers: ServerError[];
  client?: ClientLog;
  sides: { ours?: Side; server?: Side; client?: Side };
  diffs: DiffView[];
  /** No request to compute the stages from: what the reply or the log gives of them. */
  given?: GivenStagesView;
  verdict: VerdictView;
  findings: Finding[];
  /** What to paste next when the verdict cannot tell yet. */
  ask?: Ask;
  problems: InputProblem[];
  /** Whether the diagnosis ran (`findings` then come from it). */
  explained: boolean;
  timings: { stagesMs: number; explainMs?: number };
}

/** Page → worker. */
export type ToWorker =
  | {
      type: 'run';
      id: number;
      input: RunInput;
      /** UTF-8 of `input.request` when large, transferred. */ requestBytes?: ArrayBuffer;
      /** The page showed this run's stages itself: post only the diagnosis. */
      diagnoseOnly?: boolean;
    }
  | { type: 'hash-file'; id: number; file: Blob; name: string }
  | { type: 'sign-file'; id: number; file: Blob; name: string; job: SignFileJob };

/** Worker → page. */
export type FromWorker =
  | { type: 'stages'; id: number; output: RunOutput }
  | { type: 'explained'; id: number; output: RunOutput }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'hashed'; id: number; hex: string; ms: number; mbps?: number }
  | { type: 'signed-file'; id: number; view: SignedFileView; problems: Problem[] }
  | { type: 'sign-file-failed'; id: number; problems: Problem[] }
  | { type: 'error'; id: number; message: string };
