/**
 * A lenient HTTP/1.1 request parser for pasted text (RFC 9112): request line, header fields with obsolete line
 * folding, LF or CRLF line ends, and the body byte-for-byte. Everything keeps its span.
 */

import { fail, ok, problem, type Problem, type Result, type Span } from '../types';
import { pathSegments, type Header, type HttpRequest } from './model';
import { parseQueryString } from './query';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HTTP_VERSION = /^HTTP\/\d(\.\d)?$/;

interface Line {
  text: string;
  start: number;
  /** Offset just past the line break (or the end of input). */
  next: number;
}

function readLine(source: string, at: number): Line {
  const lf = source.indexOf('\n', at);
  const end = lf < 0 ? source.length : lf;
  const textEnd = end > at && source.charCodeAt(end - 1) === 13 ? end - 1 : end;
  return { text: source.slice(at, textEnd), start: at, next: lf < 0 ? source.length : lf + 1 };
}

/** The parts of a request target, with offsets relative to the target's start. */
export interface TargetParts {
  scheme?: string;
  authority?: string;
  path: string;
  pathStart: number;
  /** How long the path is in the target: 0 when it was empty and `path` reads `/`. */
  pathLength: number;
  query: string | null;
  queryStart: number;
  /** Where a `#fragment` starts, if the target had one (it is not part of the request). */
  fragmentStart?: number;
}

/** Splits an origin-form (`/p?q`) or absolute-form (`https://host/p?q`) target, keeping raw text. */
export function splitTarget(target: string): TargetParts {
  let rest = target;
  let base = 0;
  let scheme: string | undefined;
  let authority: string | undefined;
  const abs = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(target);
  if (abs) {
    scheme = abs[1]!.toLowerCase();
    authority = abs[2]!;
    base = abs[0].length;
    rest = target.slice(base);
  }
  let fragmentStart: number | undefined;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragmentStart = base + hash;
    rest = rest.slice(0, hash);
  }
  const q = rest.indexOf('?');
  const rawPath = q < 0 ? rest : rest.slice(0, q);
  const query = q < 0 ? null : rest.slice(q + 1);
  const parts: TargetParts = {
    path: rawPath === '' ? '/' : rawPath,
    pathStart: base,
    pathLength: rawPath.length,
    query,
    queryStart: q < 0 ? base + rest.length : base + q + 1,
  };
  if (scheme !== undefined) parts.scheme = scheme;
  if (authority !== undefined) parts.authority = authority;
  if (fragmentStart !== undefined) parts.fragmentStart = fragmentStart;
  return parts;
}

function parseRequestLine(line: Line, problems: Problem[]) {
  const text = line.text;
  const methodEnd = text.search(/[ \t]/);
  const lineSpan = { start: line.start, end: line.start + text.length };
  if (methodEnd <= 0) {
    problems.push(
      problem(
        'request-line',
        'The first line should be a request line such as "GET /path HTTP/1.1": method, target and version.',
        lineSpan,
      ),
    );
    return undefined;
  }
  const method = text.slice(0, methodEnd);
  const methodSpan = { start: line.start, end: line.start + methodEnd };
  if (!TOKEN.test(method)) {
    problems.push(problem('method', `"${method}" is not an HTTP method.`, methodSpan));
    return undefined;
  }
  // The target may itself contain spaces when pasted by hand: it is everything up to the version.
  let targetEnd = text.length;
  let httpVersion = 'HTTP/1.1';
  const lastSpace = Math.max(text.lastIndexOf(' '), text.lastIndexOf('\t'));
  const lastWord = text.slice(lastSpace + 1);
  if (lastSpace > methodEnd && HTTP_VERSION.test(lastWord)) {
    httpVersion = lastWord;
    targetEnd = lastSpace;
  } else {
    problems.push(
      problem('http-version', 'The request line has no HTTP version; reading it as HTTP/1.1.', lineSpan, {
        severity: 'note',
      }),
    );
  }
  let targetStart = methodEnd;
  while (targetStart < targetEnd && /[ \t]/.test(text[targetStart]!)) targetStart++;
  while (targetEnd > targetStart && /[ \t]/.test(text[targetEnd - 1]!)) targetEnd--;
  if (targetEnd === targetStart) {
    problems.push(
      problem('request-target', 'The request line has no target (a path such as "/").', lineSpan),
    );
    return undefined;
  }
  const target = text.slice(targetStart, targetEnd);
  const targetSpan = { start: line.start + targetStart, end: line.start + targetEnd };
  return { method, methodSpan, target, targetSpan, httpVersion };
}

function parseHeaderLine(line: Line, problems: Problem[]): Header | undefined {
  const colon = line.text.indexOf(':');
  const lineSpan = { start: line.start, end: line.start + line.text.length };
  if (colon < 0) {
    problems.push(
      problem('header-line', `This header line has no ":" between name and value.`, lineSpan, {
        hint: 'A blank line ends the headers; put one before the body.',
      }),
    );
    return undefined;
  }
  const name = line.text.slice(0, colon);
  const nameSpan = { start: line.start, end: line.start + colon };
  if (!TOKEN.test(name)) {
    problems.push(
      problem(
        'header-name',
        name === '' ? 'This header has no name before ":".' : `"${name}" is not a valid header name.`,
        name === '' ? lineSpan : nameSpan,
      ),
    );
    return undefined;
  }
  return {
    name,
    value: '',
    span: lineSpan,
    nameSpan,
    valueSpan: { start: line.start + colon + 1, end: lineSpan.end },
  };
}

/** Sets a header's value from its span: folds become spaces, surrounding whitespace goes. */
function finishHeader(source: string, header: Header): void {
  let { start, end } = header.valueSpan;
  while (start < end && /[ \t\r\n]/.test(source[start]!)) start++;
  while (end > start && /[ \t\r\n]/.test(source[end - 1]!)) end--;
  header.valueSpan = { start, end };
  header.value = source.slice(start, end).replace(/\r?\n/g, ' ');
}

/**
 * Parses a pasted HTTP/1.1 request. The headers end at the first empty line or at the end of the text; the body
 * is everything after that empty line, exactly as written.
 */
export function parseHttpRequest(source: string): Result<HttpRequest> {
  const problems: Problem[] = [];
  let at = 0;
  let line = readLine(source, at);
  // RFC 9112 §2.2: a server should ignore at least one empty line before the request line.
  while (line.text.trim() === '' && line.next < source.length) {
    at = line.next;
    line = readLine(source, at);
  }
  if (line.text.trim() === '') {
    return fail([
      problem('empty', 'Paste a request: a request line such as "GET / HTTP/1.1", then headers.', {
        start: 0,
        end: source.length,
      }),
    ]);
  }
  const requestLine = parseRequestLine(line, problems);
  if (!requestLine) return fail(problems);

  const headers: Header[] = [];
  let bodyStart = source.length;
  at = line.next;
  while (at < source.length) {
    line = readLine(source, at);
    if (line.text === '') {
      bodyStart = line.next;
      break;
    }
    const previous = headers[headers.length - 1];
    if (/^[ \t]/.test(line.text)) {
      // RFC 9112 §5.2: obsolete line folding continues the previous field value.
      if (!previous) {
        problems.push(
          problem('header-fold', 'A line starting with whitespace must continue a header above it.', {
            start: line.start,
            end: line.start + line.text.length,
          }),
        );
      } else {
        previous.span.end = previous.valueSpan.end = line.start + line.text.length;
      }
    } else {
      const header = parseHeaderLine(line, problems);
      if (header) headers.push(header);
    }
    at = line.next;
  }
  if (problems.some((p) => p.severity === 'error')) return fail(problems);
  for (const header of headers) finishHeader(source, header);

  const parts = splitTarget(requestLine.target);
  const t = requestLine.targetSpan.start;
  if (parts.fragmentStart !== undefined) {
    problems.push(
      problem(
        'fragment',
        'The target has a "#fragment"; clients never send it, so it is left out of the signature.',
        { start: t + parts.fragmentStart, end: requestLine.targetSpan.end },
        { severity: 'warning' },
      ),
    );
  }
  const pathSpan: Span =
    parts.path === '/' &&
    (parts.query === null ? t + parts.pathStart : parts.queryStart - 1 + t) === t + parts.pathStart
      ? { start: t + parts.pathStart, end: t + parts.pathStart }
      : { start: t + parts.pathStart, end: t + parts.pathStart + parts.path.length };
  const request: HttpRequest = {
    source,
    ...requestLine,
    path: parts.path,
    pathSpan,
    segments: parts.pathLength === 0 ? [] : pathSegments(parts.path, pathSpan.start),
    query: parts.query,
    params: parts.query === null ? [] : parseQueryString(parts.query, t + parts.queryStart),
    headers,
    body: source.slice(bodyStart),
    bodySpan: { start: bodyStart, end: source.length },
  };
  if (parts.scheme !== undefined) request.scheme = parts.scheme;
  if (parts.authority !== undefined) request.authority = parts.authority;
  if (parts.query !== null) {
    request.querySpan = { start: t + parts.queryStart, end: t + parts.queryStart + parts.query.length };
  }
  return ok(request, problems);
}
