/**
 * S3 SigV2's StringToSign: `VERB\nContent-MD5\nContent-Type\nDate\n` + CanonicalizedAmzHeaders +
 * CanonicalizedResource, each line labelled and pointing back at the request. In query mode (presigned URLs) the
 * Date line is the `Expires` value, seconds since the epoch.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#ConstructingTheAuthenticationHeader
 */

import { percentDecodeText } from '../encoding';
import type { HttpRequest } from '../request/model';
import { fail, ok, problem, type Problem, type Result, type Span } from '../types';
import { joinLines, lineSpan, type TraceLine } from '../trace';
import {
  amzHeaderEntries,
  amzQueryEntries,
  canonicalAmzHeaders,
  renderAmzHeader,
  type AmzHeader,
} from './amz-headers';
import { canonicalResource, type CanonicalResource } from './canonical-resource';
import { resolveS3V2Settings, type S3V2Settings } from './settings';

/** Where the signature goes: the `Authorization: AWS key:sig` header, or the query string (presigned URL). */
export type S3V2Mode = 'header' | 'query';

/** The query parameter names of S3 SigV2 query-string auth. */
export const S3V2_QUERY = {
  accessKeyId: 'AWSAccessKeyId',
  expires: 'Expires',
  signature: 'Signature',
} as const;

/** An S3 SigV2 string to sign, part by part, as a server prints it in `StringToSign`. */
export interface S3V2StringToSignParts {
  verb: string;
  contentMd5: string;
  contentType: string;
  /** The Date header, empty when x-amz-date is sent, or the Expires epoch seconds of a presigned URL. */
  date: string;
  /** The canonical `name:value` lines. */
  amzHeaders: string[];
  resource: string;
}

/** What the string to sign is built with besides the request. */
export interface S3V2StringToSignOptions {
  mode: S3V2Mode;
  /** Query mode: the `Expires` value, seconds since the epoch; by default the URL's `Expires` parameter. */
  expires?: number;
  settings?: Partial<S3V2Settings>;
  /** The bucket, when the caller knows it (the SDKs do): overrides reading it off the Host. */
  bucket?: string;
  /** Headers and query parameters (decoded) the signer adds before signing; they have no source spans. */
  added?: { headers?: readonly [string, string][]; query?: readonly [string, string][] };
}

/** The string to sign with its labelled lines and the artefacts it was built from. */
export interface S3V2StringToSign {
  text: string;
  /** `method`, `content-md5`, `content-type`, `date` or `expires`, one `amz-header` per name, `resource`. */
  lines: TraceLine[];
  parts: S3V2StringToSignParts;
  amzHeaders: AmzHeader[];
  resource: CanonicalResource;
  settings: S3V2Settings;
}

/** A header as signed: from the request (with its span) or added by the signer. */
interface Field {
  name: string;
  value: string;
  span?: Span;
}

function fieldsOf(request: HttpRequest, added: readonly [string, string][]): Field[] {
  const fields: Field[] = request.headers.map((h) => ({ name: h.name, value: h.value, span: h.valueSpan }));
  for (const [name, value] of added) fields.push({ name, value });
  return fields;
}

function field(fields: readonly Field[], name: string): Field | undefined {
  return fields.find((f) => f.name.toLowerCase() === name);
}

function headerLine(fields: readonly Field[], name: string, label: string): TraceLine {
  const f = field(fields, name);
  return { label, name, text: f?.value ?? '', sources: f?.span ? [f.span] : [] };
}

/**
 * The Content-MD5 or Content-Type line: the header; on a presigned URL without the header, the same-named query
 * parameter, where botocore's presigner puts them.
 */
function contentLine(
  request: HttpRequest,
  fields: readonly Field[],
  mode: S3V2Mode,
  name: string,
): TraceLine {
  const line = headerLine(fields, name, name);
  if (mode !== 'query' || field(fields, name)) return line;
  const param = request.params.find((p) => p.name.toLowerCase() === name);
  return param
    ? { label: name, name, text: percentDecodeText(param.value ?? ''), sources: [param.span] }
    : line;
}

/** Builds the string to sign of a request; problems are data (a presigned URL with no Expires fails). */
export function s3V2StringToSign(
  request: HttpRequest,
  options: S3V2StringToSignOptions,
): Result<S3V2StringToSign> {
  const settings = resolveS3V2Settings(options.settings);
  const problems: Problem[] = [];
  const fields = fieldsOf(request, options.added?.headers ?? []);
  const addedQuery = options.added?.query ?? [];
  const amzDate = field(fields, 'x-amz-date');
  let dateLine: TraceLine;
  if (options.mode === 'query') {
    const param = request.params.find((p) => p.name === S3V2_QUERY.expires);
    const addedExpires = addedQuery.find(([n]) => n === S3V2_QUERY.expires)?.[1];
    const given = options.expires !== undefined ? String(options.expires) : addedExpires;
    const text = given ?? percentDecodeText(param?.value ?? '');
    if (!/^\d+$/.test(text)) {
      return fail([
        problem(
          'expires',
          text === ''
            ? 'A presigned S3 SigV2 URL needs Expires, the time it stops working in seconds since the epoch.'
            : `Expires must be seconds since the epoch; got "${text}".`,
          param?.span ?? request.targetSpan,
        ),
      ]);
    }
    dateLine = {
      label: 'expires',
      name: 'Expires',
      text,
      sources: given === undefined && param ? [param.span] : [],
    };
  } else if (amzDate && settings.amzDateInDateLine) {
    dateLine = {
      label: 'date',
      name: 'x-amz-date',
      text: amzDate.value,
      sources: amzDate.span ? [amzDate.span] : [],
    };
  } else if (amzDate) {
    // "If you include the x-amz-date header, use the empty string for the Date when constructing the StringToSign."
    dateLine = { label: 'date', name: 'date', text: '', sources: [] };
  } else {
    dateLine = headerLine(fields, 'date', 'date');
    if (!field(fields, 'date')) {
      problems.push(
        problem(
          'no-date',
          'The request has neither Date nor x-amz-date; S3 rejects a request without one.',
          request.targetSpan,
          {
            severity: 'warning',
          },
        ),
      );
    }
  }
  let entries = amzHeaderEntries(request).concat(
    (options.added?.headers ?? [])
      .filter(([n]) => /^x-amz-/i.test(n))
      .map(([name, value]) => ({ name, value })),
  );
  if (options.mode === 'query') {
    entries = entries.concat(
      amzQueryEntries(request),
      addedQuery.filter(([n]) => /^x-amz-/i.test(n)).map(([name, value]) => ({ name, value })),
    );
  }
  if (options.mode === 'header' && amzDate && settings.amzDateInDateLine)
    entries = entries.filter((e) => e.name.toLowerCase() !== 'x-amz-date');
  const amzHeaders = canonicalAmzHeaders(entries);
  const resource = canonicalResource(request, settings, problems, options.bucket);
  const lines: TraceLine[] = [
    { label: 'method', text: request.method, sources: [request.methodSpan] },
    contentLine(request, fields, options.mode, 'content-md5'),
    contentLine(request, fields, options.mode, 'content-type'),
    dateLine,
    ...amzHeaders.map((h) => ({
      label: 'amz-header',
      name: h.name,
      text: renderAmzHeader(h),
      sources: h.sources,
    })),
    { label: 'resource', text: resource.text, sources: resource.sources },
  ];
  const parts: S3V2StringToSignParts = {
    verb: request.method,
    contentMd5: lines[1]!.text,
    contentType: lines[2]!.text,
    date: dateLine.text,
    amzHeaders: amzHeaders.map(renderAmzHeader),
    resource: resource.text,
  };
  return ok({ text: joinLines(lines), lines, parts, amzHeaders, resource, settings }, problems);
}

/** Renders the parts of a string to sign as the text S3 signs. */
export function renderS3V2StringToSign(parts: S3V2StringToSignParts): string {
  return [
    parts.verb,
    parts.contentMd5,
    parts.contentType,
    parts.date,
    ...parts.amzHeaders,
    parts.resource,
  ].join('\n');
}

/**
 * Reads a string to sign (as S3 prints it in `StringToSign`, LF or CRLF) back into its parts; spans in problems
 * point into the text given.
 */
export function parseS3V2StringToSign(text: string): Result<S3V2StringToSignParts> {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length < 5) {
    return fail([
      problem(
        's3v2-string-to-sign-shape',
        `An S3 SigV2 string to sign has at least five lines (verb, Content-MD5, Content-Type, Date, resource); this has ${lines.length}.`,
        { start: 0, end: text.length },
      ),
    ]);
  }
  const problems: Problem[] = [];
  const amzHeaders = lines.slice(4, -1);
  amzHeaders.forEach((line, i) => {
    if (!/^x-amz-[^:]*:/i.test(line))
      problems.push(
        problem('s3v2-amz-header', 'An x-amz-* line reads "x-amz-name:value".', lineSpan(lines, 4 + i), {
          severity: 'warning',
        }),
      );
  });
  const parts: S3V2StringToSignParts = {
    verb: lines[0]!,
    contentMd5: lines[1]!,
    contentType: lines[2]!,
    date: lines[3]!,
    amzHeaders,
    resource: lines[lines.length - 1]!,
  };
  return ok(parts, problems);
}
