/**
 * What curl sends for its data options: `-d`/`--data`, `--data-ascii`, `--data-binary`, `--data-raw`,
 * `--data-urlencode` and `--json`, joined in the order given, as the body or (with `-G`) the query.
 * https://everything.curl.dev/http/post/simple
 */

import { uriEncode } from '../encoding';
import { problem, type Problem, type Span } from '../types';
import type { CurlOption } from './curl-options';

/** The data a command sends, and the span of the options it came from. */
export interface CurlData {
  text: string;
  span: Span;
  /** Some of it is read from a file (`@file`), which the paste does not hold. */
  fromFile: boolean;
  /** It came from `--json`, which sets JSON content and accept headers. */
  json: boolean;
}

const FILE_ALLOWED = new Set(['data', 'data-ascii', 'data-binary', 'json']);

/** Whether an option is one of curl's data options. */
export function isDataOption(name: string): boolean {
  return FILE_ALLOWED.has(name) || name === 'data-raw' || name === 'data-urlencode';
}

/**
 * `--data-urlencode` and `--url-query`: `content` and `=content` send the content percent-encoded, `name=content`
 * sends `name=` and the encoded content, `@file` and `name@file` read a file. Whichever of `=` and `@` comes first
 * decides. curl encodes every byte but the RFC 3986 unreserved characters, as `uriEncode` does.
 */
export function urlencodeArg(value: string): { text: string; file?: string } {
  const at = value.search(/[=@]/);
  if (at < 0) return { text: uriEncode(value) };
  const name = value.slice(0, at);
  if (value[at] === '@') return { text: name === '' ? '' : `${name}=`, file: value.slice(at + 1) };
  const content = uriEncode(value.slice(at + 1));
  return { text: name === '' ? content : `${name}=${content}` };
}

function fileNote(file: string, span: Span): Problem {
  return problem(
    'curl-data-file',
    `curl reads this data from the file "${file}", which is not in the paste.`,
    span,
    {
      severity: 'warning',
      hint: 'That part of the body is left empty, so the body hash will not match: paste the request as raw HTTP.',
    },
  );
}

/** Joins the data options as curl does (`&` between them, nothing between `--json` parts); undefined when none. */
export function readCurlData(options: readonly CurlOption[], notes: Problem[]): CurlData | undefined {
  let data: CurlData | undefined;
  for (const option of options) {
    if (!isDataOption(option.name)) continue;
    const value = option.value ?? '';
    let text = value;
    let file: string | undefined;
    if (option.name === 'data-urlencode') ({ text, file } = urlencodeArg(value));
    else if (FILE_ALLOWED.has(option.name) && value.startsWith('@')) [text, file] = ['', value.slice(1)];
    if (file !== undefined) notes.push(fileNote(file, option.span));
    const json = option.name === 'json';
    if (!data) {
      data = { text, span: option.span, fromFile: file !== undefined, json };
    } else {
      data.text += (json ? '' : '&') + text;
      data.span = { start: data.span.start, end: option.span.end };
      data.fromFile ||= file !== undefined;
      data.json ||= json;
    }
  }
  return data;
}
