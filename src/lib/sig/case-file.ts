/**
 * Case files: one request with everything needed to sign or verify it, as JSON. The CLI reads them; the app
 * exports and imports them. Problems point into the file, including into the request string.
 */

import { parseLocatedJson, type Json, type LocatedJson } from './json-source';
import {
  detectScheme,
  findAnyScheme,
  findScheme,
  SCHEME_IDS,
  type AnySchemeId,
  type Detection,
  type SchemeId,
} from './registry';
import { parseHttpRequest } from './request/http';
import { readPastedRequest } from './request/read';
import { DOCUMENT_MODES, isDocumentCaseValue, readDocumentCase, type DocumentCase } from './document-case';
import type { ChunkedSigning } from './scheme';
import type { SettingDescriptor } from './trace';
import { fail, ok, problem, type Problem, type Result, type Span } from './types';
import { GENERIC_SETTINGS, type SigV4Settings } from './registry-settings';
import type { SigV4Mode } from './registry-settings';

/** The case file format (see README). */
export interface CaseFile {
  scheme: SchemeId;
  mode: SigV4Mode;
  /** The raw HTTP request. */
  request: string;
  credentials: { accessKeyId: string; secretAccessKey?: string; sessionToken?: string };
  region?: string;
  service?: string;
  /** ISO 8601 time to sign at; by default the request's X-Amz-Date or Date. */
  time?: string;
  /** Presigned URL lifetime in seconds. */
  expires?: number;
  /** Sign the body as an aws-chunked upload of chunks this size (see ChunkedSigning). */
  chunked?: ChunkedSigning;
  settings?: Partial<SigV4Settings>;
}

/** The schemes whose case files take the settings their registry entry describes (every one but SigV4's). */
export type DescribedSchemeId = Exclude<AnySchemeId, SchemeId>;

/**
 * A case file for SigV4A or a legacy scheme (SigV2, S3 SigV2, SigV1, SigV0): the same fields as SigV4's, the
 * settings the scheme's own, SigV4A's `regionSet` in place of a region.
 */
export interface SchemeCaseFile {
  scheme: DescribedSchemeId;
  /** s3v2 and sigv4a: `header` or `query`; the Query API schemes: `query` or `body`, informational (the request decides). */
  mode: string;
  request: string;
  credentials: CaseFile['credentials'];
  /** ISO 8601: the X-Amz-Date (sigv4a), Date (s3v2 header mode) or Timestamp (Query APIs) to add when the request has none. */
  time?: string;
  /** s3v2 query mode: the Expires value itself, seconds since the epoch. sigv4a: the presigned URL's lifetime in seconds. */
  expires?: number;
  /** sigv4a: the regions the signature is valid in, comma-separated or a list; `*` for all. */
  regionSet?: string | string[];
  /** sigv4a: the service, by default read off the host. */
  service?: string;
  /** sigv4a verify: the public key to check with (SEC1 hex, "X,Y" or {"X","Y"}), instead of the secret. */
  publicKey?: string;
  /** sigv4a: sign the body as an aws-chunked upload. */
  chunked?: ChunkedSigning;
  settings?: Record<string, unknown>;
}

/** A parsed case file and where each of its values sits in the text. */
export interface LocatedCase {
  caseFile: CaseFile;
  located: LocatedJson;
}

/** A parsed case file of any scheme. */
export interface LocatedAnyCase {
  caseFile: CaseFile | SchemeCaseFile | DocumentCase;
  located: LocatedJson;
}

/** Whether a case file signs a document (a POST policy, an event stream) rather than a request. */
export function isDocumentCase(caseFile: CaseFile | SchemeCaseFile | DocumentCase): caseFile is DocumentCase {
  return (DOCUMENT_MODES as readonly string[]).includes(caseFile.mode);
}

/** Whether a case file is for a scheme with described settings (SigV4A or a legacy one) rather than SigV4. */
export function isSchemeCase(caseFile: CaseFile | SchemeCaseFile | DocumentCase): caseFile is SchemeCaseFile {
  return !isDocumentCase(caseFile) && findScheme(caseFile.scheme) === undefined;
}

/** Reads and checks a SigV4 case file; another scheme's case is a problem here (read it with parseAnyCaseFile). */
export function parseCaseFile(text: string): Result<LocatedCase> {
  const parsed = parseAnyCaseFile(text);
  if (!parsed.ok || (!isSchemeCase(parsed.value.caseFile) && !isDocumentCase(parsed.value.caseFile)))
    return parsed as Result<LocatedCase>;
  return fail([
    problem(
      'scheme',
      `Scheme "${parsed.value.caseFile.scheme}" is not read here yet: sigscope sign, verify and collide take it.`,
      parsed.value.located.locations.get('/scheme')?.span,
    ),
  ]);
}

/** A case file of any scheme that signs a request (not a document mode): what explain and collide read. */
export function parseRequestCase(
  text: string,
): Result<{ caseFile: CaseFile | SchemeCaseFile; located: LocatedJson }> {
  const parsed = parseAnyCaseFile(text);
  if (!parsed.ok || !isDocumentCase(parsed.value.caseFile))
    return parsed as Result<{ caseFile: CaseFile | SchemeCaseFile; located: LocatedJson }>;
  const mode = parsed.value.caseFile.mode;
  return fail([
    problem(
      'mode',
      `A "${mode}" case is signed and verified (sigscope sign, verify); explain and collide take a request.`,
      parsed.value.located.locations.get('/mode')?.span,
    ),
  ]);
}

type JsonObject = { [key: string]: Json };
const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads and checks a case file of any scheme. */
export function parseAnyCaseFile(text: string): Result<LocatedAnyCase> {
  const parsed = parseLocatedJson(text);
  if (!parsed.ok) return fail(parsed.problems);
  const { value, locations } = parsed.value;
  const span = (pointer: string) => locations.get(pointer)?.span;
  const problems: Problem[] = [];
  if (!isObject(value)) return fail([problem('case-file', 'A case file is a JSON object.', span(''))]);
  if (isDocumentCaseValue(value)) return readDocumentCase(parsed.value);

  const str = (obj: JsonObject, key: string, pointer: string, required: boolean): string | undefined => {
    const v = obj[key];
    if (v === undefined) {
      if (required)
        problems.push(
          problem(
            'case-file',
            `The case file needs "${key}".`,
            span(pointer.slice(0, pointer.lastIndexOf('/')) || ''),
          ),
        );
      return undefined;
    }
    if (typeof v !== 'string') {
      problems.push(problem('case-file', `"${key}" should be a string.`, span(pointer)));
      return undefined;
    }
    return v;
  };

  const request = str(value, 'request', '/request', true);
  const given = str(value, 'scheme', '/scheme', false);
  // No scheme given: a request that carries another scheme's signature says which; otherwise SigV4, as before.
  const detected = given === undefined && request !== undefined ? legacyDetection(request) : undefined;
  if (detected)
    problems.push(
      problem(
        'scheme-detected',
        `No "scheme" given: ${detected.reason} Using ${detected.scheme}.`,
        span('/request'),
        {
          severity: 'note',
        },
      ),
    );
  const schemeId = given ?? detected?.scheme ?? 'sigv4';
  const scheme = findScheme(schemeId);
  const legacy = scheme ? undefined : findAnyScheme(schemeId);
  if (!scheme && !legacy)
    problems.push(
      problem('scheme', `Unknown scheme "${schemeId}"; known: ${SCHEME_IDS.join(', ')}.`, span('/scheme')),
    );
  const modes = legacy?.modes ?? ['header', 'query'];
  const mode =
    str(value, 'mode', '/mode', false) ??
    (detected && modes.includes(detected.mode) ? detected.mode : modes[0]!);
  if (!modes.includes(mode))
    problems.push(
      problem('mode', `"mode" is ${modes.map((m) => `"${m}"`).join(' or ')}, not "${mode}".`, span('/mode')),
    );

  const credentials = value.credentials;
  let creds: CaseFile['credentials'] = { accessKeyId: '' };
  // Credentials may come from outside the file (the command line, the environment, a profile): the command
  // checks that the keys it needs are there once those are merged in.
  if (credentials !== undefined && !isObject(credentials)) {
    problems.push(
      problem(
        'case-file',
        '"credentials" is an object: { "accessKeyId", "secretAccessKey", "sessionToken" }.',
        span('/credentials'),
      ),
    );
  } else if (credentials !== undefined) {
    creds = { accessKeyId: str(credentials, 'accessKeyId', '/credentials/accessKeyId', false) ?? '' };
    const secret = str(credentials, 'secretAccessKey', '/credentials/secretAccessKey', false);
    const token = str(credentials, 'sessionToken', '/credentials/sessionToken', false);
    if (secret !== undefined) creds.secretAccessKey = secret;
    if (token !== undefined && token !== '') creds.sessionToken = token;
  }
  if (legacy) {
    const legacyCase: SchemeCaseFile = {
      scheme: legacy.id as DescribedSchemeId,
      mode,
      request: request ?? '',
      credentials: creds,
    };
    const time = str(value, 'time', '/time', false);
    if (time !== undefined) legacyCase.time = time;
    checkTime(time, span('/time'), problems);
    if (legacy.id === 'sigv4a') {
      readV4aFields(value, legacyCase, span, problems, str);
      const chunked = readChunked(value.chunked, span, problems);
      if (chunked) legacyCase.chunked = chunked;
    }
    if (value.expires !== undefined) {
      if (typeof value.expires !== 'number' || !Number.isInteger(value.expires) || value.expires < 0)
        problems.push(
          problem(
            'expires',
            '"expires" should be seconds since the epoch, a whole number.',
            span('/expires'),
          ),
        );
      else legacyCase.expires = value.expires;
    }
    if (value.settings !== undefined) {
      if (!isObject(value.settings))
        problems.push(problem('settings', '"settings" should be an object.', span('/settings')));
      else
        legacyCase.settings = readDescribedSettings(
          value.settings,
          legacy.settings,
          (p) => span(`/settings${p}`),
          problems,
        );
    }
    return problems.some((p) => p.severity === 'error')
      ? fail(problems)
      : ok({ caseFile: legacyCase, located: parsed.value }, problems);
  }
  const caseFile: CaseFile = {
    scheme: (scheme?.id ?? 'sigv4') as SchemeId,
    mode: mode as SigV4Mode,
    request: request ?? '',
    credentials: creds,
  };
  for (const key of ['region', 'service', 'time'] as const) {
    const v = str(value, key, `/${key}`, false);
    if (v !== undefined) caseFile[key] = v;
  }
  checkTime(caseFile.time, span('/time'), problems);
  if (value.expires !== undefined) {
    if (typeof value.expires !== 'number' || !Number.isInteger(value.expires))
      problems.push(problem('expires', '"expires" should be a whole number of seconds.', span('/expires')));
    else caseFile.expires = value.expires;
  }
  if (value.settings !== undefined) {
    if (!isObject(value.settings))
      problems.push(problem('settings', '"settings" should be an object.', span('/settings')));
    else caseFile.settings = readSettings(value.settings, (p) => span(`/settings${p}`), problems);
  }
  const chunked = readChunked(value.chunked, span, problems);
  if (chunked) caseFile.chunked = chunked;
  return problems.some((p) => p.severity === 'error')
    ? fail(problems)
    : ok({ caseFile, located: parsed.value }, problems);
}

const SETTING_CHOICES: Record<string, readonly string[]> = {
  payload: ['auto', 'hash', 'unsigned'],
  unsignedHeaders: ['aws-sdk-js-v3', 'botocore', 'aws-c-auth', 'sign-all'],
};

function readSettings(
  obj: JsonObject,
  span: (pointer: string) => Span | undefined,
  problems: Problem[],
): Partial<SigV4Settings> {
  const out: Record<string, Json> = {};
  for (const [key, v] of Object.entries(obj)) {
    const def = (GENERIC_SETTINGS as unknown as Record<string, unknown>)[key];
    if (def === undefined) {
      problems.push(
        problem(
          'settings',
          `Unknown setting "${key}"; known: ${Object.keys(GENERIC_SETTINGS).join(', ')}.`,
          span(`/${key}`),
          { severity: 'warning' },
        ),
      );
    } else if (typeof v !== typeof def) {
      problems.push(problem('settings', `Setting "${key}" should be a ${typeof def}.`, span(`/${key}`)));
    } else if (SETTING_CHOICES[key] && !SETTING_CHOICES[key].includes(v as string)) {
      problems.push(
        problem(
          'settings',
          `Setting "${key}" is one of ${SETTING_CHOICES[key].join(', ')}.`,
          span(`/${key}`),
        ),
      );
    } else {
      out[key] = v;
    }
  }
  return out as Partial<SigV4Settings>;
}

/** Checks settings against a scheme's descriptors: unknown names warn, values of the wrong type or choice fail. */
function readDescribedSettings(
  obj: JsonObject,
  descriptors: readonly SettingDescriptor[],
  span: (pointer: string) => Span | undefined,
  problems: Problem[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(obj)) {
    const d = descriptors.find((x) => x.name === key);
    if (!d) {
      const known = descriptors.map((x) => x.name).join(', ') || 'none';
      problems.push(
        problem('settings', `Unknown setting "${key}"; known: ${known}.`, span(`/${key}`), {
          severity: 'warning',
        }),
      );
    } else if (d.type === 'boolean' && typeof v !== 'boolean') {
      problems.push(problem('settings', `Setting "${key}" should be true or false.`, span(`/${key}`)));
    } else if (d.type === 'enum' && !d.values!.includes(v as string)) {
      problems.push(
        problem('settings', `Setting "${key}" is one of ${d.values!.join(', ')}.`, span(`/${key}`)),
      );
    } else if (d.type === 'list' && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) {
      problems.push(problem('settings', `Setting "${key}" should be a list of strings.`, span(`/${key}`)));
    } else {
      out[key] = v;
    }
  }
  return out;
}

/** SigV4A's own fields: the region set (required to sign), the service and a public key to verify with. */
function readV4aFields(
  value: JsonObject,
  into: SchemeCaseFile,
  span: (pointer: string) => Span | undefined,
  problems: Problem[],
  str: (obj: JsonObject, key: string, pointer: string, required: boolean) => string | undefined,
): void {
  const set = value.regionSet;
  if (Array.isArray(set) && set.every((r) => typeof r === 'string')) into.regionSet = set as string[];
  else if (typeof set === 'string') into.regionSet = set;
  else if (set !== undefined)
    problems.push(
      problem(
        'region-set',
        '"regionSet" is a string ("*", "us-east-1,us-west-2") or a list of regions.',
        span('/regionSet'),
      ),
    );
  if (value.region !== undefined && set === undefined)
    problems.push(
      problem(
        'region-set',
        'A SigV4A case names its regions in "regionSet", not "region".',
        span('/region'),
        {
          hint: 'Write "regionSet": "us-east-1" (or "*" for every region).',
        },
      ),
    );
  const service = str(value, 'service', '/service', false);
  if (service !== undefined) into.service = service;
  const publicKey = str(value, 'publicKey', '/publicKey', false);
  if (publicKey !== undefined) into.publicKey = publicKey;
}

const CHUNKED_KINDS = ['signed', 'signed-trailer', 'unsigned-trailer'] as const;

/** `"chunked": { "chunkSize", "kind"?, "trailers"? }`, trailers as an object or a list of [name, value] pairs. */
function readChunked(
  value: Json | undefined,
  span: (pointer: string) => Span | undefined,
  problems: Problem[],
): ChunkedSigning | undefined {
  if (value === undefined) return undefined;
  const size = isObject(value) ? value.chunkSize : undefined;
  if (!isObject(value) || typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
    problems.push(
      problem(
        'chunked',
        '"chunked" is { "chunkSize": bytes per chunk, a whole number ≥ 1 }.',
        span('/chunked'),
      ),
    );
    return undefined;
  }
  const out: ChunkedSigning = { chunkSize: size };
  const kind = value.kind;
  if (kind !== undefined) {
    if (typeof kind === 'string' && (CHUNKED_KINDS as readonly string[]).includes(kind))
      out.kind = kind as ChunkedSigning['kind'] & string;
    else
      problems.push(
        problem('chunked', `"kind" is one of ${CHUNKED_KINDS.join(', ')}.`, span('/chunked/kind')),
      );
  }
  const trailers = value.trailers;
  if (isObject(trailers) && Object.values(trailers).every((v) => typeof v === 'string'))
    out.trailers = Object.entries(trailers as Record<string, string>);
  else if (
    Array.isArray(trailers) &&
    trailers.every((t) => Array.isArray(t) && t.length === 2 && t.every((x) => typeof x === 'string'))
  )
    out.trailers = trailers as [string, string][];
  else if (trailers !== undefined)
    problems.push(
      problem(
        'chunked',
        '"trailers" is an object of header names and values, or a list of [name, value].',
        span('/chunked/trailers'),
      ),
    );
  return out;
}

/** A problem when a case file's "time" is not a time. */
function checkTime(time: string | undefined, at: Span | undefined, problems: Problem[]): void {
  if (time !== undefined && Number.isNaN(Date.parse(time)))
    problems.push(
      problem('time', `"time" should be an ISO 8601 time such as 2015-08-30T12:36:00Z; got "${time}".`, at),
    );
}

/** The scheme other than SigV4 a pasted request's signature names, if it names one. */
function legacyDetection(text: string): (Detection & { scheme: DescribedSchemeId }) | undefined {
  const pasted = readPastedRequest(text);
  if (!pasted.ok) return undefined;
  const parsed = parseHttpRequest(pasted.value.http);
  if (!parsed.ok) return undefined;
  const d = detectScheme(parsed.value);
  return d && !findScheme(d.scheme) ? (d as Detection & { scheme: DescribedSchemeId }) : undefined;
}
