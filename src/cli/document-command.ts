/**
 * `sigscope sign` and `verify` for the document modes: a POST policy (`post-policy`, under sigv4-s3 or s3v2)
 * and an event stream's messages (`event-stream`, under sigv4), through the scheme's mode in the registry.
 */

import type { DocumentCase } from '../lib/sig/document-case';
import { fromHex, toBytes } from '../lib/sig/crypto';
import { findAnyScheme } from '../lib/sig/registry';
import type { SchemeTrace, SchemeVerification } from '../lib/sig/trace';
import { mapStringSpan } from '../lib/sig/json-source';
import { fail, problem, type Problem, type Result } from '../lib/sig/types';
import { EXIT } from './io';
import { renderSchemeSignReport, renderSchemeVerifyReport } from './scheme-report';
import type { LoadedCase } from './load-case';
import { badInput, warningsText, type CaseOutcome } from './outcome';
import { hasError, inFile, type Diagnostic } from './problems';
import type { OutputOptions } from './sign-command';
import { schemeSignView } from './sign-view';
import { schemeVerifyView } from './verify-view';

/** Places a problem whose span points into one of the case's string fields (the form, the policy, the frames). */
function inField(
  source: LoadedCase<DocumentCase>['source'],
  pointers: readonly string[],
  p: Problem,
): Diagnostic {
  const at = pointers.map((x) => source.located.locations.get(x)).find((l) => l !== undefined);
  return p.span && at
    ? inFile(source, { ...p, span: mapStringSpan(at, p.span) })
    : inFile(source, { ...p, span: undefined });
}

/** The fields a mode's problems point into, for signing and for verifying. */
const FIELDS = {
  'post-policy': { sign: ['/policy'], verify: ['/form', '/request'] },
  'event-stream': { sign: [], verify: ['/frames'] },
} as const;

/** What a mode needs that the case left out, as a problem on the case file. */
function missing(what: string): Result<never> {
  return fail([problem('case-file', `A ${what}.`)]);
}

/** An event's payload: hex when it reads as hex, else its UTF-8 text. */
function payloadOf(text: string): Uint8Array {
  const hex = /^(?:[0-9a-fA-F]{2})*$/.test(text) ? fromHex(text) : undefined;
  return hex ?? toBytes(text);
}

async function signDocument(c: DocumentCase, secretAccessKey: string): Promise<Result<SchemeTrace>> {
  const scheme = findAnyScheme(c.scheme)!;
  const credentials = { accessKeyId: c.credentials.accessKeyId, secretAccessKey };
  if (c.mode === 'post-policy') {
    if (c.policy === undefined) return missing('post-policy case to sign needs "policy"');
    return scheme.postPolicy!.sign({
      policy: c.policy,
      credentials,
      ...(c.region !== undefined ? { region: c.region } : {}),
      ...(c.service !== undefined ? { service: c.service } : {}),
      ...(c.time !== undefined ? { time: new Date(c.time) } : {}),
    });
  }
  if (!c.events || c.seedSignature === undefined || !c.region || !c.service)
    return missing('event-stream case to sign needs "events", "seedSignature", "region" and "service"');
  return scheme.eventStream!.sign({
    seedSignature: c.seedSignature,
    secretAccessKey,
    region: c.region,
    service: c.service,
    events: c.events.map((e) => ({ payload: payloadOf(e.payload), time: new Date(e.time) })),
  });
}

async function verifyDocument(
  c: DocumentCase,
  secretAccessKey: string,
  now: Date,
): Promise<Result<SchemeVerification>> {
  const scheme = findAnyScheme(c.scheme)!;
  if (c.mode === 'post-policy') {
    if (c.form === undefined) return missing('post-policy case to verify needs "form" (or "request")');
    return scheme.postPolicy!.verify({
      form: c.form,
      secretAccessKey,
      now: c.time !== undefined ? new Date(c.time) : now,
      ...(c.policy !== undefined ? { policy: c.policy } : {}),
      ...(c.bucket !== undefined ? { bucket: c.bucket } : {}),
      ...(c.fileSize !== undefined ? { fileSize: c.fileSize } : {}),
    });
  }
  if (c.frames === undefined || c.seedSignature === undefined || !c.region || !c.service)
    return missing('event-stream case to verify needs "frames", "seedSignature", "region" and "service"');
  return scheme.eventStream!.verify({
    frames: c.frames,
    seedSignature: c.seedSignature,
    secretAccessKey,
    region: c.region,
    service: c.service,
  });
}

/** Signs a post-policy or event-stream case. */
export async function signDocumentCase(
  loaded: LoadedCase<DocumentCase>,
  file: string,
  options: OutputOptions,
): Promise<CaseOutcome> {
  const { source, caseFile, secretAccessKey } = loaded;
  const result = await signDocument(caseFile, secretAccessKey);
  const at = FIELDS[caseFile.mode].sign;
  const diagnostics = [...loaded.diagnostics, ...result.problems.map((p) => inField(source, at, p))];
  if (!result.ok || hasError(diagnostics)) return badInput(file, diagnostics, options.json);
  const view = schemeSignView(file, caseFile.scheme, result.value, diagnostics);
  return options.json
    ? { exit: EXIT.ok, stdout: JSON.stringify(view) + '\n', stderr: warningsText(diagnostics) }
    : { exit: EXIT.ok, stdout: renderSchemeSignReport(view), stderr: '' };
}

/** Verifies a post-policy or event-stream case: exit 0 when it would be accepted, 1 when not. */
export async function verifyDocumentCase(
  loaded: LoadedCase<DocumentCase>,
  file: string,
  options: OutputOptions,
  now: Date,
): Promise<CaseOutcome> {
  const { source, caseFile, secretAccessKey } = loaded;
  const result = await verifyDocument(caseFile, secretAccessKey, now);
  const at = FIELDS[caseFile.mode].verify;
  const diagnostics = [...loaded.diagnostics, ...result.problems.map((p) => inField(source, at, p))];
  if (!result.ok || hasError(diagnostics)) return badInput(file, diagnostics, options.json);
  const view = schemeVerifyView(file, caseFile.scheme, result.value, diagnostics);
  if (result.value.reason) view.reason = inField(source, at, result.value.reason);
  const exit = view.match ? EXIT.ok : EXIT.mismatch;
  return options.json
    ? { exit, stdout: JSON.stringify(view) + '\n', stderr: warningsText(diagnostics) }
    : { exit, stdout: renderSchemeVerifyReport(view), stderr: '' };
}
