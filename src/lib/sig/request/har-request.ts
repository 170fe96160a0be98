/**
 * One HAR request object as HTTP lines: `method`, `url`, `httpVersion`, `headers` (HTTP/2 pseudo-headers left
 * out, `:authority` standing in for a missing `Host`, `:path` for the target) and `postData`.
 * http://www.softwareishard.com/blog/har-12-spec/#request
 */

import type { Json } from '../json-source';
import { uriEncode } from '../encoding';
import { problem, type Problem, type Span } from '../types';
import { written, type Piece } from './http-text';
import { hostHeaderOf, splitUrl } from './url';

/** A JSON object in a HAR document. */
export type HarObject = { [key: string]: Json };

/** Where things sit in the HAR text, and where problems go. */
export interface HarContext {
  /** The span of the value at a JSON pointer. */
  span(pointer: string): Span;
  /** The span of a range of a string value's decoded text. */
  stringSpan(pointer: string, range: Span): Span;
  notes: Problem[];
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Whether a JSON value is an object (not an array, not null). */
export function isHarObject(value: Json | undefined): value is HarObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request line's version: HAR writes `HTTP/1.1`, `http/2.0` or `h3`; anything unreadable becomes HTTP/1.1. */
function httpVersion(value: Json | undefined): string {
  const upper = typeof value === 'string' ? value.toUpperCase() : '';
  const h = /^H(\d)$/.exec(upper);
  if (h) return `HTTP/${h[1]}`;
  return /^HTTP\/\d(\.\d)?$/.test(upper) ? upper : 'HTTP/1.1';
}

/**
 * Form-encodes a param (WHATWG application/x-www-form-urlencoded: space as `+`), leaving `%XX` and `+` alone, as
 * some tools export params already encoded and others decoded.
 * https://url.spec.whatwg.org/#application/x-www-form-urlencoded
 */
function formEncode(value: Json | undefined): string {
  const text = typeof value === 'string' ? value : value == null ? '' : JSON.stringify(value);
  return text.replace(/[^A-Za-z0-9*\-._%+]/gu, (c) => (c === ' ' ? '+' : uriEncode(c)));
}

function harBody(request: HarObject, at: string, ctx: HarContext): Piece {
  const post = request['postData'];
  if (isHarObject(post) && typeof post['text'] === 'string') {
    const pointer = `${at}/postData/text`;
    return { text: post['text'], source: (start, end) => ctx.stringSpan(pointer, { start, end }) };
  }
  if (isHarObject(post) && Array.isArray(post['params']) && post['params'].length > 0) {
    const params = post['params'].filter(isHarObject);
    ctx.notes.push(
      problem(
        'har-params',
        'The body was rebuilt from postData.params, as "name=value&…"; check it.',
        ctx.span(`${at}/postData`),
        {
          severity: 'warning',
          hint: 'HAR tools differ on whether params are encoded; the signed body may differ byte for byte.',
        },
      ),
    );
    return {
      text: params.map((p) => `${formEncode(p['name'])}=${formEncode(p['value'])}`).join('&'),
      source: ctx.span(`${at}/postData`),
    };
  }
  if (typeof request['bodySize'] === 'number' && request['bodySize'] > 0) {
    ctx.notes.push(
      problem(
        'body-not-shown',
        `The HAR says ${request['bodySize']} bytes were sent but holds no postData; the body reads as empty.`,
        ctx.span(at),
        { severity: 'warning' },
      ),
    );
  }
  return { text: '', source: written(ctx.span(at).end) };
}

/** Writes a HAR request as HTTP pieces; `undefined`, with errors in `ctx.notes`, when it cannot. */
export function harRequestPieces(request: HarObject, at: string, ctx: HarContext): Piece[] | undefined {
  const error = (message: string, pointer: string) => {
    ctx.notes.push(problem('har-request', message, ctx.span(pointer)));
    return undefined;
  };
  const { method, url } = request;
  if (typeof method !== 'string' || !TOKEN.test(method))
    return error('The request needs a "method" such as "GET".', `${at}/method`);
  if (typeof url !== 'string') return error('The request needs a "url".', `${at}/url`);
  const headers: Piece[] = [];
  const pseudo = new Map<string, { value: string; source: Span }>();
  const list = Array.isArray(request['headers']) ? request['headers'] : [];
  for (const [i, header] of list.entries()) {
    const pointer = `${at}/headers/${i}`;
    if (!isHarObject(header) || typeof header['name'] !== 'string' || typeof header['value'] !== 'string') {
      return error('A header should be {"name": "…", "value": "…"}.', pointer);
    }
    const name = header['name'];
    let value = header['value'];
    if (name.startsWith(':')) {
      pseudo.set(name.toLowerCase(), { value, source: ctx.span(pointer) });
      continue;
    }
    if (!TOKEN.test(name)) return error(`"${name}" is not a valid header name.`, `${pointer}/name`);
    if (/[\r\n]/.test(value)) {
      ctx.notes.push(
        problem(
          'header-line-break',
          'This header value holds a line break; read as a space.',
          ctx.span(pointer),
          { severity: 'warning' },
        ),
      );
      value = value.replace(/\s*[\r\n]+\s*/g, ' ');
    }
    headers.push({ text: `${name}: ${value.trim()}`, source: ctx.span(pointer) });
  }
  const parts = splitUrl(url);
  const path = pseudo.get(':path');
  const target = path?.value ?? parts.target;
  if (/[\s\p{Cc}]/u.test(target))
    return error(
      'The request target holds spaces or control characters.',
      path ? `${at}/headers` : `${at}/url`,
    );
  const hasHost = headers.some((h) => /^host:/i.test(h.text));
  const authority = pseudo.get(':authority');
  const host = authority
    ? { value: authority.value, source: authority.source }
    : { value: hostHeaderOf(parts.host, parts.scheme), source: ctx.span(`${at}/url`) };
  if (!hasHost && (host.value === '' || /[\s\p{Cc}]/u.test(host.value))) {
    return error('The request has no usable host: no Host header, :authority or absolute URL.', `${at}/url`);
  }
  if (!hasHost) headers.unshift({ text: `Host: ${host.value}`, source: host.source });
  return [
    {
      text: `${method} ${target} ${httpVersion(request['httpVersion'])}`,
      source: path?.source ?? ctx.span(`${at}/url`),
    },
    ...headers,
    { text: '', source: written(ctx.span(at).end) },
    harBody(request, at, ctx),
  ];
}
