/**
 * SigV2's string to sign: `METHOD\nhost\npath\ncanonical-query`, each line labelled and pointing back at the
 * request. The host is lower-cased and keeps a non-default port; the path is `/` when empty.
 * https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html
 */

import { findHeader, type HttpRequest } from '../request/model';
import { fail, ok, problem, type Problem, type Result, type Span } from '../types';
import { joinLines, type TraceLine } from '../trace';
import { canonicalPairs, renderCanonicalQuery, type CanonicalPair } from './canonical-query';
import { AUTH_PARAMS } from './query-request';
import { paramLocation, requestParams, type ParamLocation, type QueryApiParam } from './params';
import { resolveV2Settings, type V2Settings, type V2SignatureMethod } from './settings';

/** The parameter names of SigV2's own. */
export const V2_PARAMS = AUTH_PARAMS;

/** A SigV2 string to sign, part by part. */
export interface V2StringToSignParts {
  method: string;
  host: string;
  path: string;
  query: string;
}

/** What the string to sign is built with besides the request. */
export interface V2StringToSignOptions {
  settings?: Partial<V2Settings>;
  /** Parameters (decoded) the signer adds; they have no spans. */
  added?: readonly [string, string][];
  /** Where the parameters are; by default the form body of a POST, else the query. */
  location?: ParamLocation;
}

/** The string to sign with its labelled lines and the artefacts it was built from. */
export interface V2StringToSign {
  text: string;
  /** `method`, `host`, `path`, `query`. */
  lines: TraceLine[];
  parts: V2StringToSignParts;
  pairs: CanonicalPair[];
  params: QueryApiParam[];
  location: ParamLocation;
  /** The HMAC to sign with: the request's SignatureMethod, else the setting. */
  signatureMethod: V2SignatureMethod;
  settings: V2Settings;
}

/** The host line under the settings; `scheme` decides which port is the default. */
export function v2HostLine(
  host: string,
  scheme: string | undefined,
  settings: Pick<V2Settings, 'hostCase' | 'hostPort'>,
): string {
  let h = host.trim();
  if (settings.hostCase === 'lower') h = h.toLowerCase();
  const m = /^([\s\S]*?)(:(\d+))?$/.exec(h)!;
  if (!m[3] || settings.hostPort === 'always') return h;
  if (settings.hostPort === 'never') return m[1]!;
  const defaultPort = scheme === 'http' ? '80' : '443';
  return m[3] === defaultPort ? m[1]! : h;
}

/** Builds the string to sign of a request; an unknown SignatureMethod is a problem. */
export function v2StringToSign(
  request: HttpRequest,
  options: V2StringToSignOptions = {},
): Result<V2StringToSign> {
  const settings = resolveV2Settings(options.settings);
  const problems: Problem[] = [];
  const location = options.location ?? paramLocation(request);
  const params = requestParams(request, location).concat(
    (options.added ?? []).map(([name, value]) => ({ name, value })),
  );
  const methodParam = params.find((p) => p.name === V2_PARAMS.signatureMethod);
  let signatureMethod = settings.signatureMethod;
  if (methodParam) {
    if (methodParam.value !== 'HmacSHA256' && methodParam.value !== 'HmacSHA1') {
      return fail([
        problem(
          'signature-method',
          `SignatureMethod is "${methodParam.value}"; SigV2 knows HmacSHA256 and HmacSHA1.`,
          methodParam.span,
        ),
      ]);
    }
    signatureMethod = methodParam.value;
  }
  const hostHeader = findHeader(request, 'host');
  const rawHost = hostHeader?.value ?? request.authority;
  if (rawHost === undefined)
    problems.push(
      problem('no-host', 'The request has no Host header, so the host line is empty.', request.targetSpan, {
        severity: 'warning',
      }),
    );
  const host = v2HostLine(rawHost ?? '', request.scheme, settings);
  const path = settings.path === 'root' || request.path === '' ? '/' : request.path;
  const pairs = canonicalPairs(params, settings);
  const query = renderCanonicalQuery(pairs);
  const hostSources: Span[] = hostHeader ? [hostHeader.valueSpan] : [];
  const lines: TraceLine[] = [
    { label: 'method', text: request.method, sources: [request.methodSpan] },
    { label: 'host', text: host, sources: hostSources },
    { label: 'path', text: path, sources: settings.path === 'root' ? [] : [request.pathSpan] },
    { label: 'query', text: query, sources: pairs.flatMap((p) => p.sources) },
  ];
  return ok(
    {
      text: joinLines(lines),
      lines,
      parts: { method: request.method, host, path, query },
      pairs,
      params,
      location,
      signatureMethod,
      settings,
    },
    problems,
  );
}

/** Renders the parts as the text SigV2 signs. */
export function renderV2StringToSign(parts: V2StringToSignParts): string {
  return [parts.method, parts.host, parts.path, parts.query].join('\n');
}

/** Reads a SigV2 string to sign (a client's log, LF or CRLF) back into its parts. */
export function parseV2StringToSign(text: string): Result<V2StringToSignParts> {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.length !== 4) {
    return fail([
      problem(
        'v2-string-to-sign-shape',
        `A SigV2 string to sign has four lines (method, host, path, sorted query); this has ${lines.length}.`,
        { start: 0, end: text.length },
      ),
    ]);
  }
  return ok({ method: lines[0]!, host: lines[1]!, path: lines[2]!, query: lines[3]! });
}
