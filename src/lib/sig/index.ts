/**
 * The engine's front door: sign or verify a pasted request (raw HTTP, curl -v output, a curl command, HAR or a
 * URL) under a scheme. The browser, the Web Worker, the CLI and the tests all come through here.
 */

import { findScheme, type SchemeId } from './registry';
import { parsePasted, pasteSpanOf } from './request/http-text';
import type { HttpRequest } from './request/model';
import type { PastedRequest } from './request/pasted';
import { readPastedRequest } from './request/read';
import { fail, ok, problem, type Problem, type Result } from './types';
import { scopeOrFail, signV4, verifyV4, type SigV4Verification } from './registry-sigv4';
import { resolveSettings, type SigV4Settings } from './registry-settings';
import type { Credentials, SigV4Mode, SigV4Trace } from './registry-settings';

/** Pasted request text and what to sign it with. */
export interface SignTextInput {
  scheme: SchemeId;
  mode: SigV4Mode;
  /** The request in any form sigscope reads (raw HTTP, curl -v, a curl command, HAR, a URL). */
  request: string;
  /** The body's bytes, when they are not the UTF-8 of the body in `request` (binary data, a dropped file). */
  body?: Uint8Array;
  /** The body's SHA-256 (hex), when it was computed elsewhere (a file hashed in slices); wins over `body`. */
  payloadHash?: string;
  credentials: Credentials;
  /** By default the paste's own (curl --aws-sigv4), else read off the host (`service.region.amazonaws.com`). */
  region?: string;
  service?: string;
  time?: Date;
  expires?: number;
  settings?: Partial<SigV4Settings>;
}

/** Pasted signed request text and the secret to check it with. */
export interface VerifyTextInput {
  scheme: SchemeId;
  request: string;
  secretAccessKey: string;
  accessKeyId?: string;
  /** The body's SHA-256 (hex), when it was computed elsewhere (a file hashed in slices). */
  payloadHash?: string;
  settings?: Partial<SigV4Settings>;
}

interface Prepared {
  pasted: PastedRequest;
  request: HttpRequest;
  settings: SigV4Settings;
}

/** Moves the spans of problems found in the reader's HTTP text back onto the paste. */
function onPaste(pasted: PastedRequest | undefined, problems: readonly Problem[]): Problem[] {
  if (!pasted || pasted.form === 'http') return [...problems];
  return problems.map((p) => (p.span ? { ...p, span: pasteSpanOf(pasted, p.span) } : p));
}

function prepare(
  schemeId: SchemeId,
  text: string,
  overrides: Partial<SigV4Settings> | undefined,
): Result<Prepared> {
  const scheme = findScheme(schemeId);
  if (!scheme) return fail([problem('scheme', `Unknown scheme "${schemeId}".`)]);
  const read = readPastedRequest(text);
  if (!read.ok) return fail(read.problems);
  const parsed = parsePasted(read.value);
  if (!parsed.ok) return fail(onPaste(read.value, parsed.problems));
  const settings = resolveSettings(scheme.defaults, overrides);
  return ok({ pasted: read.value, request: parsed.value, settings }, [
    ...read.problems,
    ...onPaste(read.value, parsed.problems),
  ]);
}

/** Parses and signs a pasted request, returning every stage. */
export async function signText(input: SignTextInput): Promise<Result<SigV4Trace>> {
  const prepared = prepare(input.scheme, input.request, input.settings);
  if (!prepared.ok) return prepared;
  const { pasted, request, settings } = prepared.value;
  const problems = [...prepared.problems];
  if (input.body) request.bodyBytes = input.body;
  if (input.payloadHash !== undefined) request.bodySha256 = input.payloadHash;
  const scope = scopeOrFail(
    request,
    input.region ?? pasted.hints.region,
    input.service ?? pasted.hints.service,
  );
  if (!scope.ok) return fail([...problems, ...onPaste(pasted, scope.problems)]);
  problems.push(...scope.problems);
  const { region, service } = scope.value;
  const signed = await signV4({
    request,
    credentials: input.credentials,
    region,
    service,
    mode: input.mode,
    settings,
    ...(input.time ? { time: input.time } : {}),
    ...(input.expires !== undefined ? { expires: input.expires } : {}),
  });
  const all = [...problems, ...onPaste(pasted, signed.problems)];
  return signed.ok ? { ...signed, problems: all } : fail(all);
}

/** Parses a signed request (in any pasted form) and checks the signature it carries. */
export async function verifyText(input: VerifyTextInput): Promise<Result<SigV4Verification>> {
  const prepared = prepare(input.scheme, input.request, input.settings);
  if (!prepared.ok) return prepared;
  const { pasted, request, settings } = prepared.value;
  if (input.payloadHash !== undefined) request.bodySha256 = input.payloadHash;
  const verified = await verifyV4({
    request,
    secretAccessKey: input.secretAccessKey,
    settings,
    ...(input.accessKeyId ? { accessKeyId: input.accessKeyId } : {}),
  });
  const all = [...prepared.problems, ...onPaste(pasted, verified.problems)];
  return verified.ok ? { ...verified, problems: all } : fail(all);
}

export type { Credentials, SigV4Mode, SigV4Trace, SigV4Verification, SigV4Settings, SchemeId };
