/**
 * The header lines curl sends: the ones it adds on its own (`Host`, `Accept: *\/*`, `Content-Type` for `-d`…) and
 * the `-H` ones, which replace an added header of the same name or, written `Name:`, remove it.
 * https://everything.curl.dev/http/requests/headers
 */

import { problem, type Problem, type Span } from '../types';
import type { CurlData } from './curl-data';
import type { CurlOption } from './curl-options';
import { written } from './http-text';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** A header line to write, and the span of the option (or URL) it came from. */
export interface CurlHeader {
  name: string;
  value: string;
  source: Span;
}

/** What decides curl's own headers. */
export interface CurlHeaderInput {
  options: readonly CurlOption[];
  host: string;
  hostSource: Span;
  /** `user:password` from `-u` or the URL, unless `--aws-sigv4` signs with it. */
  basicUser?: { value: string; span: Span };
  data?: CurlData;
  /** Where curl's unconditional headers point: the `curl` word. */
  curlAt: Span;
}

function base64(text: string): string {
  return btoa(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(''));
}

/** Reads the `-H` options: headers to send, and names whose added header is removed. */
function customHeaders(options: readonly CurlOption[], notes: Problem[]) {
  const headers: CurlHeader[] = [];
  const removed = new Set<string>();
  for (const o of options) {
    if (o.name !== 'header') continue;
    const raw = o.value ?? '';
    const colon = raw.indexOf(':');
    const emptyForm = colon < 0 && raw.endsWith(';');
    if (raw.startsWith('@') || (colon < 0 && !emptyForm)) {
      const message = raw.startsWith('@')
        ? `curl reads headers from the file "${raw.slice(1)}", which is not in the paste.`
        : 'A header is written "Name: value" ("Name;" for an empty one); curl sends nothing for this one.';
      notes.push(problem('curl-header', message, o.span, { severity: 'warning' }));
      continue;
    }
    const name = emptyForm ? raw.slice(0, -1) : raw.slice(0, colon);
    let value = emptyForm ? '' : raw.slice(colon + 1).trim();
    if (!TOKEN.test(name)) {
      notes.push(problem('header-name', `"${name}" is not a valid header name.`, o.span));
      continue;
    }
    if (/[\r\n]/.test(value)) {
      notes.push(
        problem('header-line-break', 'This header value holds a line break; read as a space.', o.span, {
          severity: 'warning',
        }),
      );
      value = value.replace(/\s*[\r\n]+\s*/g, ' ');
    }
    // curl's manual: `-H 'Name:'` removes a header curl would add; it sends nothing itself.
    if (!emptyForm && value === '') removed.add(name.toLowerCase());
    else headers.push({ name, value, source: o.span });
  }
  return { headers, removed };
}

/** The header lines curl would send, in its order, with a note for each header it adds that is worth knowing. */
export function curlHeaders(input: CurlHeaderInput, notes: Problem[]): CurlHeader[] {
  const { options, data } = input;
  const last = (name: string) => options.findLast((o) => o.name === name);
  const { headers: custom, removed } = customHeaders(options, notes);
  const given = (name: string) => removed.has(name) || custom.some((h) => h.name.toLowerCase() === name);
  const out: CurlHeader[] = [];
  const add = (name: string, value: string, source: Span) => {
    if (!given(name.toLowerCase())) out.push({ name, value, source });
  };
  add('Host', input.host, input.hostSource);
  if (input.basicUser) {
    add('Authorization', `Basic ${base64(input.basicUser.value)}`, input.basicUser.span);
  }
  const bearer = last('oauth2-bearer');
  if (bearer) add('Authorization', `Bearer ${bearer.value ?? ''}`, bearer.span);
  const range = last('range');
  if (range) add('Range', `bytes=${range.value ?? ''}`, range.span);
  const agent = last('user-agent');
  if (agent?.value) add('User-Agent', agent.value, agent.span);
  else if (!agent && !given('user-agent')) {
    notes.push(
      problem(
        'curl-user-agent',
        'curl also sends "User-Agent: curl/<version>"; left out, as the version is unknown.',
        input.curlAt,
        { severity: 'note', hint: 'Add the line if the request signed user-agent.' },
      ),
    );
  }
  const accept = data?.json ? 'application/json' : '*/*';
  if (!given('accept')) {
    add('Accept', accept, written(input.curlAt.start));
    notes.push(
      problem('curl-accept', `curl sends "Accept: ${accept}" on its own; it was added.`, input.curlAt, {
        severity: 'note',
        hint: 'It only matters when the signature lists accept in SignedHeaders.',
      }),
    );
  }
  const compressed = last('compressed');
  if (compressed && !given('accept-encoding')) {
    add('Accept-Encoding', 'deflate, gzip', compressed.span);
    notes.push(
      problem(
        'curl-compressed',
        'With --compressed curl sends "Accept-Encoding: deflate, gzip" (or more, by build); it was added.',
        compressed.span,
        { severity: 'note' },
      ),
    );
  }
  const referer = last('referer');
  if (referer?.value) add('Referer', referer.value.replace(/;auto$/, ''), referer.span);
  const cookie = last('cookie');
  if (cookie?.value?.includes('=')) add('Cookie', cookie.value, cookie.span);
  else if (cookie) {
    notes.push(
      problem(
        'curl-cookie-file',
        `curl reads cookies from the file "${cookie.value ?? ''}", which is not in the paste.`,
        cookie.span,
        {
          severity: 'warning',
        },
      ),
    );
  }
  out.push(...custom);
  if (data) {
    if (!data.fromFile) add('Content-Length', String(new TextEncoder().encode(data.text).length), data.span);
    add('Content-Type', data.json ? 'application/json' : 'application/x-www-form-urlencoded', data.span);
  }
  return out;
}
