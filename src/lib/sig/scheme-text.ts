/**
 * The registry's front door for pasted text: sign, verify or collide a pasted request (raw HTTP, curl -v, a curl
 * command, HAR or a URL) under any scheme — SigV4A, SigV2, S3 SigV2, SigV1, SigV0 — with problems placed back on the
 * paste. The CLI comes through here, as it comes through index.ts for SigV4's typed trace.
 */

import {
  findAnyScheme,
  findLegacyScheme,
  isChunkedUpload,
  type AnySchemeId,
  type LegacySchemeId,
} from './registry';
import { parseHttpRequest } from './request/http';
import { pasteSpanOf } from './request/http-text';
import type { HttpRequest } from './request/model';
import type { PastedRequest } from './request/pasted';
import { readPastedRequest } from './request/read';
import type { ChunkedSigning } from './scheme';
import type { SchemeCredentials, SchemeTrace, SchemeVerification } from './trace';
import { fail, ok, problem, type Problem, type Result } from './types';
import { collide, type Collision, signV1 } from './registry-legacy';

/** Moves the spans of problems found in the reader's HTTP text back onto the paste. */
function onPaste(pasted: PastedRequest, problems: readonly Problem[]): Problem[] {
  if (pasted.form === 'http') return [...problems];
  return problems.map((p) => (p.span ? { ...p, span: pasteSpanOf(pasted, p.span) } : p));
}

/** Reads a pasted request into raw HTTP, with the reader's notes. */
function read(text: string): Result<{ pasted: PastedRequest; request: HttpRequest }> {
  const pasted = readPastedRequest(text);
  if (!pasted.ok) return fail(pasted.problems);
  const parsed = parseHttpRequest(pasted.value.http);
  const problems = [...pasted.problems, ...onPaste(pasted.value, parsed.problems)];
  if (!parsed.ok) return fail(problems);
  return ok({ pasted: pasted.value, request: parsed.value }, problems);
}

/** Runs a step on a read request, merging its problems (placed on the paste) with the reader's. */
function withRequest<T>(text: string, step: (request: HttpRequest) => Result<T>): Result<T> {
  const r = read(text);
  if (!r.ok) return r;
  const out = step(r.value.request);
  const problems = [...r.problems, ...onPaste(r.value.pasted, out.problems)];
  return out.ok ? ok(out.value, problems) : fail(problems);
}

function schemeOf(id: LegacySchemeId) {
  const scheme = findLegacyScheme(id);
  if (!scheme) throw new Error(`no legacy scheme ${id}`);
  return scheme;
}

/** Runs an asynchronous step on a read request, merging its problems (placed on the paste) with the reader's. */
async function withRequestAsync<T>(
  text: string,
  step: (request: HttpRequest) => Result<T> | Promise<Result<T>>,
): Promise<Result<T>> {
  const r = read(text);
  if (!r.ok) return r;
  const out = await step(r.value.request);
  const problems = [...r.problems, ...onPaste(r.value.pasted, out.problems)];
  return out.ok ? ok(out.value, problems) : fail(problems);
}

function anySchemeOf(id: AnySchemeId) {
  const scheme = findAnyScheme(id);
  if (!scheme) throw new Error(`no scheme ${id}`);
  return scheme;
}

/** Pasted request text and what to sign it with under any scheme of the registry. */
export interface SchemeSignTextInput extends Omit<LegacySignTextInput, 'scheme'> {
  scheme: AnySchemeId;
  /** SigV4 family: by default read off the host. */
  service?: string;
  region?: string;
  /** SigV4A: the regions the signature is valid in. */
  regionSet?: string | readonly string[];
  /** SigV4 family: sign the body as an aws-chunked upload. */
  chunked?: ChunkedSigning;
}

/** Parses and signs a pasted request under any scheme, returning every stage in the shared trace. */
export function signSchemeText(input: SchemeSignTextInput): Promise<Result<SchemeTrace>> {
  const { scheme, request: text, ...rest } = input;
  return withRequestAsync(text, (request) => anySchemeOf(scheme).sign({ request, ...rest }));
}

/** Pasted signed request text and what to check it with under any scheme of the registry. */
export interface SchemeVerifyTextInput extends Omit<LegacyVerifyTextInput, 'scheme'> {
  scheme: AnySchemeId;
  /** SigV4A: a public key to check with instead of the secret. */
  publicKey?: string;
}

/** Parses a signed request and checks the signature it carries under any scheme. */
export function verifySchemeText(input: SchemeVerifyTextInput): Promise<Result<SchemeVerification>> {
  const { scheme, request: text, ...rest } = input;
  return withRequestAsync(text, (request) => anySchemeOf(scheme).verify({ request, ...rest }));
}

/** Whether a pasted request declares an aws-chunked upload (verified link by link through the registry). */
export function isChunkedUploadText(text: string): boolean {
  const r = read(text);
  return r.ok && isChunkedUpload(r.value.request);
}

/** Pasted request text and what to sign it with under a legacy scheme. */
export interface LegacySignTextInput {
  scheme: LegacySchemeId;
  /** s3v2: `header` (default) or `query`. */
  mode?: string;
  request: string;
  credentials: SchemeCredentials;
  time?: Date;
  /** s3v2 query mode: the Expires value, seconds since the epoch. */
  expires?: number;
  settings?: Record<string, unknown>;
}

/** Parses and signs a pasted request under a legacy scheme, returning every stage. */
export function signLegacyText(input: LegacySignTextInput): Result<SchemeTrace> {
  const { scheme, credentials, mode, time, expires, settings } = input;
  return withRequest(input.request, (request) =>
    schemeOf(scheme).sign({ request, credentials, ...{ mode, time, expires, settings } }),
  );
}

/** Pasted signed request text and the secret to check it with. */
export interface LegacyVerifyTextInput {
  scheme: LegacySchemeId;
  request: string;
  secretAccessKey: string;
  accessKeyId?: string;
  settings?: Record<string, unknown>;
}

/** Parses a signed request and checks the legacy signature it carries. */
export function verifyLegacyText(input: LegacyVerifyTextInput): Result<SchemeVerification> {
  const { scheme, secretAccessKey, accessKeyId, settings } = input;
  return withRequest(input.request, (request) =>
    schemeOf(scheme).verify({ request, secretAccessKey, ...{ accessKeyId, settings } }),
  );
}

/** A SigV1 request to collide: it is first signed with SigV1, so the parameters SigV1 adds are in both lists. */
export interface CollideTextInput {
  request: string;
  credentials: SchemeCredentials;
  time?: Date;
}

/** The SigV1 collision of a pasted request (see v1/collide.ts). */
export function collideText(input: CollideTextInput): Result<Collision> {
  return withRequest(input.request, (request) => {
    const signed = signV1({
      request,
      credentials: input.credentials,
      ...(input.time ? { time: input.time } : {}),
    });
    if (!signed.ok) return fail(signed.problems);
    const resigned = parseHttpRequest(signed.value.signedRequest);
    if (!resigned.ok) return fail([problem('collide', 'The SigV1-signed request does not read back.')]);
    const c = collide({ request: resigned.value, secretAccessKey: input.credentials.secretAccessKey });
    // The collision's problems point into the re-signed text, not the paste: they keep no span.
    const unplaced = c.problems.map((p) => ({ kind: p.kind, severity: p.severity, message: p.message }));
    return c.ok ? ok(c.value, signed.problems) : fail([...signed.problems, ...unplaced]);
  });
}
