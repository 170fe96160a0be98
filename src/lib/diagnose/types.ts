/**
 * The vocabulary of a diagnosis: the sides compared, the findings, the verdict.
 */

import type { ClientLog } from '../sig/client-log/types';
import type { AnySchemeId, Component, FindingKind } from '../sig/registry';
import type { PastedRequest } from '../sig/request/pasted';
import type { ServerError } from '../sig/server-error/types';
import type { Problem } from '../sig/types';
import type { SigV4Settings } from '../sig/registry-settings';

/** Where a fault lies and which part of the request it is about: the seam's vocabulary, shared by every scheme. */
export type { Component, FindingKind };

/** What the finding rests on: the values each side had, shown with invisible characters made visible. */
export interface Evidence {
  /** What the client signed (from its log or reproduced by the search). */
  client?: string;
  /** What sigscope computes from the request as sent. */
  ours?: string;
  /** What the server says it expected. */
  server?: string;
  /** One sentence on what was compared or reproduced. */
  note: string;
}

/**
 * What a finding rests on: `shown` when a diff of the sides shows it, the search reproduced what the client signed,
 * or the server's own words state it; `suspected` when it fits the evidence but nothing reproduced it.
 */
export type Basis = 'shown' | 'suspected';

/** One diagnosis, most likely first in a list. */
export interface Finding {
  kind: FindingKind;
  basis: Basis;
  component: Component;
  /** Lower-case header or query parameter name, when the fault sits in one. */
  name?: string;
  /** A stable id of the cause, such as `path-double-encoded` (catalogue ids for client mistakes). */
  cause: string;
  /** One sentence a person can act on: what went wrong. */
  message: string;
  /** What to change. */
  fix: string;
  evidence: Evidence;
  /** The named setting that reproduces the client's behaviour, when one does. */
  setting?: Partial<SigV4Settings>;
}

/**
 * The overall answer: the signature matches, does not and a shown finding says why, or cannot be told yet from
 * what was pasted (no finding is shown, whatever the server said).
 */
export type Verdict = 'match' | 'mismatch' | 'unknown';

/** The one input that would decide a diagnosis that cannot tell yet. */
export interface Ask {
  need: 'client-log' | 'body' | 'secret' | 'time' | 'server-reply' | 'request';
  /** One sentence: what to paste and what it would decide. */
  message: string;
}

/** Everything a diagnosis can use; all optional but one of request, server reply or client log. */
export interface ExplainInput {
  scheme?: AnySchemeId;
  /** The request as sent, in any pasted form, carrying its Authorization or X-Amz-Signature. */
  request?: string;
  /** The server's reply in any envelope. */
  serverError?: string;
  /** The client's signing log. */
  clientLog?: string;
  secretAccessKey?: string;
  accessKeyId?: string;
  sessionToken?: string;
  /** The body's SHA-256 (hex), when it was computed elsewhere (a file hashed in slices). */
  payloadHash?: string;
  settings?: Partial<SigV4Settings>;
  /** The time the user ran the diagnosis (for expiry); passed in, never read from the clock here. */
  now?: Date;
}

/** The three sides' canonical request and string to sign, when known. */
export interface Side {
  canonicalRequest?: string;
  stringToSign?: string;
  signature?: string;
}

/** A diagnosis. */
export interface Explanation {
  verdict: Verdict;
  findings: Finding[];
  sides: { client?: Side; ours?: Side; server?: Side };
  request?: PastedRequest;
  server?: ServerError;
  client?: ClientLog;
  /** What to paste next when the verdict cannot tell yet. */
  ask?: Ask;
  /** Candidate canonicalizations tried by the search, for the report and the bench. */
  searched: number;
  /** Problems reading what was pasted, each pointing into its own input. */
  problems: { input: 'request' | 'serverError' | 'clientLog' | 'case'; problem: Problem }[];
}
