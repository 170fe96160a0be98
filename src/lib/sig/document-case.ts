/**
 * Case files for the modes that sign a document rather than a request: `post-policy` (a browser upload's policy
 * and form, under sigv4-s3 or s3v2) and `event-stream` (a stream's messages, under sigv4). Problems point into
 * the file, as the other case files' do.
 */

import type { Json, LocatedJson } from './json-source';
import { findAnyScheme } from './registry';
import { fail, ok, problem, type Problem, type Result, type Span } from './types';

/** The modes that sign a document. */
export const DOCUMENT_MODES = ['post-policy', 'event-stream'] as const;

/** A mode that signs a document. */
export type DocumentModeId = (typeof DOCUMENT_MODES)[number];

/** One event to sign: its payload (the encoded inner message, hex or text) and its time. */
export interface CaseEvent {
  payload: string;
  time: string;
}

/** A post-policy or event-stream case file. */
export interface DocumentCase {
  scheme: 'sigv4' | 'sigv4-s3' | 's3v2';
  mode: DocumentModeId;
  credentials: { accessKeyId: string; secretAccessKey?: string; sessionToken?: string };
  region?: string;
  service?: string;
  /** ISO 8601: the policy's signing time (sign), the time its expiration is judged at (verify). */
  time?: string;
  /** post-policy: the policy JSON (a string, or the object itself) or its Base64. */
  policy?: string;
  /** post-policy verify: the form (HTML, a multipart body, or name=value fields). */
  form?: string;
  bucket?: string;
  fileSize?: number;
  /** event-stream sign: each message's payload and time. */
  events?: CaseEvent[];
  /** event-stream verify: the messages as sent, hex or Base64. */
  frames?: string;
  /** event-stream: the opening request's signature, the prior signature of the first message. */
  seedSignature?: string;
}

type JsonObject = { [key: string]: Json };
const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a parsed case file names a document mode. */
export function isDocumentCaseValue(value: Json): boolean {
  return isObject(value) && (DOCUMENT_MODES as readonly Json[]).includes(value.mode ?? null);
}

/** Reads a post-policy or event-stream case file already parsed as located JSON. */
export function readDocumentCase(
  parsed: LocatedJson,
): Result<{ caseFile: DocumentCase; located: LocatedJson }> {
  const { value, locations } = parsed;
  const span = (pointer: string): Span | undefined => locations.get(pointer)?.span;
  const problems: Problem[] = [];
  if (!isObject(value)) return fail([problem('case-file', 'A case file is a JSON object.', span(''))]);
  const mode = value.mode as DocumentModeId;
  const string = (key: string): string | undefined => {
    const v = value[key];
    if (v === undefined) return undefined;
    if (typeof v === 'string') return v;
    problems.push(problem('case-file', `"${key}" should be a string.`, span(`/${key}`)));
    return undefined;
  };
  const schemeId = string('scheme') ?? (mode === 'post-policy' ? 'sigv4-s3' : 'sigv4');
  const scheme = findAnyScheme(schemeId);
  const hasMode = mode === 'post-policy' ? scheme?.postPolicy : scheme?.eventStream;
  if (!hasMode) {
    const takers = mode === 'post-policy' ? 'sigv4-s3 and s3v2' : 'sigv4';
    problems.push(
      problem(
        'mode',
        `Mode "${mode}" is for ${takers}, not "${schemeId}".`,
        span('/scheme') ?? span('/mode'),
      ),
    );
  }
  const credentials = value.credentials;
  const caseFile: DocumentCase = {
    scheme: schemeId as DocumentCase['scheme'],
    mode,
    credentials: { accessKeyId: '' },
  };
  if (isObject(credentials)) {
    for (const key of ['accessKeyId', 'secretAccessKey', 'sessionToken'] as const) {
      const v = credentials[key];
      if (typeof v === 'string' && v !== '') caseFile.credentials[key] = v;
    }
  } else if (credentials !== undefined) {
    problems.push(problem('case-file', '"credentials" should be an object.', span('/credentials')));
  }
  for (const key of ['region', 'service', 'time', 'form', 'bucket', 'frames', 'seedSignature'] as const) {
    const v = string(key);
    if (v !== undefined) caseFile[key] = v;
  }
  // The request box of a request-shaped case holds the form as well (a multipart POST).
  if (caseFile.form === undefined && typeof value.request === 'string') caseFile.form = value.request;
  const policy = value.policy;
  if (typeof policy === 'string') caseFile.policy = policy;
  else if (isObject(policy)) caseFile.policy = JSON.stringify(policy);
  else if (policy !== undefined)
    problems.push(
      problem('case-file', '"policy" is the policy JSON (text or object) or its Base64.', span('/policy')),
    );
  if (typeof value.fileSize === 'number' && Number.isInteger(value.fileSize))
    caseFile.fileSize = value.fileSize;
  else if (value.fileSize !== undefined)
    problems.push(problem('case-file', '"fileSize" is a whole number of bytes.', span('/fileSize')));
  if (caseFile.time !== undefined && Number.isNaN(Date.parse(caseFile.time)))
    problems.push(
      problem('time', `"time" should be an ISO 8601 time; got "${caseFile.time}".`, span('/time')),
    );
  const events = readEvents(value.events, span, problems);
  if (events) caseFile.events = events;
  return problems.some((p) => p.severity === 'error')
    ? fail(problems)
    : ok({ caseFile, located: parsed }, problems);
}

/** `"events": [{ "payload", "time" }]`. */
function readEvents(
  value: Json | undefined,
  span: (pointer: string) => Span | undefined,
  problems: Problem[],
): CaseEvent[] | undefined {
  if (value === undefined) return undefined;
  const ok =
    Array.isArray(value) &&
    value.every(
      (e) =>
        isObject(e) &&
        typeof e.payload === 'string' &&
        typeof e.time === 'string' &&
        !Number.isNaN(Date.parse(e.time)),
    );
  if (!ok) {
    problems.push(
      problem(
        'case-file',
        '"events" is a list of { "payload": hex or text, "time": ISO 8601 }.',
        span('/events'),
      ),
    );
    return undefined;
  }
  return (value as JsonObject[]).map((e) => ({ payload: e.payload as string, time: e.time as string }));
}
