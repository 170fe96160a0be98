/**
 * The one trace shape every scheme returns: the ordered stages (each with its rule, doc link, text and labelled
 * lines pointing back at the request), the key chain when there is one, the signature as sent, what signing added,
 * the signed request and notes. Views render stages from this data, so a new scheme needs no new component.
 */

import type { Problem, Span } from './types';

/** One line of a stage's text, labelled with the part of the request it came from. */
export interface TraceLine {
  /** What the line is, in the scheme's vocabulary: `method`, `content-type`, `amz-header`, `resource`, `query`… */
  label: string;
  text: string;
  /** The header or parameter name, for lines about one. */
  name?: string;
  /** Spans in the pasted request the line came from; empty where the signer added it. */
  sources: Span[];
}

/** One stage of a signature: a text the algorithm builds, with the rule that builds it. */
export interface TraceStage {
  /** Stable within a scheme: `string-to-sign`, `canonical-resource`, `canonical-query`, `signature`… */
  id: string;
  title: string;
  /** The rule in one sentence. */
  rule: string;
  docUrl: string;
  text: string;
  lines: TraceLine[];
}

/** One step of a key derivation (SigV4's kSecret→kDate→…); the secret itself is never shown. */
export interface KeyStep {
  label: string;
  /** Lower-case hex of the derived key. */
  hex: string;
}

/** How a scheme prints its signature on the wire. */
export type SignatureEncoding = 'hex' | 'base64';

/** What signing adds to a request, in the order it goes on; values decoded. */
export interface AddedToRequest {
  headers: [string, string][];
  query: [string, string][];
  /** Form fields of a `application/x-www-form-urlencoded` body (SigV2 POST). */
  body?: [string, string][];
}

/** A signature with every stage that led to it: the shape shared by all schemes. */
export interface SchemeTrace<Details = unknown> {
  /** The registry id of the scheme. */
  scheme: string;
  /** `header`, `query`, `body`, `policy`… as the scheme names its modes. */
  mode: string;
  stages: TraceStage[];
  keyChain?: KeyStep[];
  /** The signature exactly as it goes on the wire (before any URL encoding). */
  signature: string;
  signatureEncoding: SignatureEncoding;
  added: AddedToRequest;
  /** The request as it should be sent, as raw HTTP/1.1. */
  signedRequest: string;
  /** The `Authorization` header value, for schemes that send one. */
  authorization?: string;
  /** The signed URL, for query modes. */
  url?: string;
  /** For schemes that sign with a private key (SigV4A): the public key a server checks with, SEC1 uncompressed hex. */
  publicKey?: string;
  notes: Problem[];
  /** The scheme's own typed details (SigV4 keeps its stages here). */
  details?: Details;
}

/** A checked signature: the verdict, what the request carried, and the recomputed trace. */
export interface SchemeVerification<Details = unknown> {
  match: boolean;
  /** The signature as the request carried it (decoded from the URL where it was in one). */
  provided: string;
  providedSpan?: Span;
  /** The access key the request names, when it names one. */
  accessKeyId?: string;
  trace: SchemeTrace<Details>;
  /** When the scheme can tell: the first thing that breaks the signature (a chunk, the seed, a trailer). */
  reason?: Problem;
  notes: Problem[];
}

/** The stage with this id, if the trace has one. */
export function findStage(trace: Pick<SchemeTrace, 'stages'>, id: string): TraceStage | undefined {
  return trace.stages.find((s) => s.id === id);
}

/** Joins labelled lines into a stage's text with `\n`. */
export function joinLines(lines: readonly TraceLine[]): string {
  return lines.map((l) => l.text).join('\n');
}

/** AWS credentials, as every scheme takes them; the session token only for temporary credentials. */
export interface SchemeCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The span of line `index` in text split at `\n` into `lines`, for problems that point into a pasted artefact. */
export function lineSpan(lines: readonly string[], index: number): Span {
  let start = 0;
  for (let i = 0; i < index; i++) start += lines[i]!.length + 1;
  return { start, end: start + (lines[index]?.length ?? 0) };
}

/** The trace of a verification: the stages recomputed from the request as sent, which signing added nothing to. */
export function recomputedTrace<Details>(
  fields: Pick<
    SchemeTrace<Details>,
    'scheme' | 'mode' | 'stages' | 'signature' | 'signatureEncoding' | 'notes'
  > & {
    source: string;
    details: Details;
  },
): SchemeTrace<Details> {
  const { source, ...rest } = fields;
  return { ...rest, added: { headers: [], query: [] }, signedRequest: source };
}

/** A scheme setting as the settings form and the CLI's help show it. */
export interface SettingDescriptor<Name extends string = string> {
  name: Name;
  type: 'boolean' | 'enum' | 'list';
  /** The values an `enum` takes. */
  values?: readonly string[];
  default: boolean | string | readonly string[];
  /** The setting's doc comment. */
  doc: string;
  /** Which services or clients need the non-default value, when it is one in particular. */
  neededBy?: string;
}
