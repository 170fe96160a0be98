/**
 * The `aws-chunked` content encoding: each chunk is `hex-size[;chunk-signature=sig]\r\n`, the data, `\r\n`; a
 * chunk of size 0 ends the data, then trailing `name:value\r\n` lines (and `x-amz-trailer-signature`) and an empty
 * line. Reading keeps byte offsets of every part so that problems and table rows point into the paste.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */

import { toBytes } from '../crypto';
import { problem, type Problem, type Span } from '../types';

/** The name of the trailing header that carries the trailer's signature. */
export const TRAILER_SIGNATURE = 'x-amz-trailer-signature';

/** One chunk as read: byte offsets into the body. */
export interface ReadChunk {
  index: number;
  /** The size as written, hex. */
  sizeHex: string;
  size: number;
  /** The `chunk-signature` as written (SigV4A padding included), when there is one. */
  signature?: string;
  /** The chunk's header line, without its line break. */
  header: Span;
  signatureSpan?: Span;
  /** The chunk's data. */
  data: Span;
}

/** One trailing header as read. */
export interface ReadTrailer {
  name: string;
  value: string;
  span: Span;
}

/** An aws-chunked body as read, with what was wrong with it. Spans are byte offsets into the body. */
export interface ReadChunkedBody {
  chunks: ReadChunk[];
  /** Whether the final zero-size chunk was found. */
  complete: boolean;
  trailers: ReadTrailer[];
  trailerSignature?: { value: string; span: Span };
  /** Line breaks written as a bare LF (as pasting often leaves them) rather than CRLF. */
  bareLineFeeds: boolean;
  problems: Problem[];
}

/** The end of the line starting at `from` (the offset of its CR or LF), or -1. */
function lineEnd(bytes: Uint8Array, from: number): number {
  const lf = bytes.indexOf(0x0a, from);
  if (lf < 0) return -1;
  return lf > from && bytes[lf - 1] === 0x0d ? lf - 1 : lf;
}

/** The length of the line break at `at`: 2 for CRLF, 1 for LF, 0 when there is none. */
function breakAt(bytes: Uint8Array, at: number): number {
  if (bytes[at] === 0x0d && bytes[at + 1] === 0x0a) return 2;
  return bytes[at] === 0x0a ? 1 : 0;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

/** The longest chunk size read (1 GiB in hex is 8 digits); longer hex is a framing error, not a size. */
const MAX_SIZE_DIGITS = 12;

/** Reads an aws-chunked body. Never throws: what cannot be read is a problem with the byte span it is at. */
export function readAwsChunked(body: Uint8Array | string): ReadChunkedBody {
  const bytes = toBytes(body);
  const out: ReadChunkedBody = {
    chunks: [],
    complete: false,
    trailers: [],
    bareLineFeeds: false,
    problems: [],
  };
  let pos = 0;
  while (pos < bytes.length) {
    const eol = lineEnd(bytes, pos);
    const end = eol < 0 ? bytes.length : eol;
    const header = { start: pos, end };
    const line = latin1(bytes, pos, end);
    if (eol >= 0 && breakAt(bytes, eol) === 1) out.bareLineFeeds = true;
    const [sizeHex = '', ...extensions] = line.split(';');
    if (!/^[0-9a-fA-F]+$/.test(sizeHex) || sizeHex.length > MAX_SIZE_DIGITS) {
      out.problems.push(
        problem(
          'chunk-header',
          `Chunk ${out.chunks.length + 1} should start with its size in hex, as "10000;chunk-signature=…"; got "${line.slice(0, 40)}".`,
          header,
        ),
      );
      return out;
    }
    const chunk: ReadChunk = {
      index: out.chunks.length + 1,
      sizeHex,
      size: parseInt(sizeHex, 16),
      header,
      data: { start: 0, end: 0 },
    };
    let at = pos + sizeHex.length + 1;
    for (const ext of extensions) {
      const eq = ext.indexOf('=');
      const name = (eq < 0 ? ext : ext.slice(0, eq)).trim();
      if (name === 'chunk-signature') {
        chunk.signature = ext.slice(eq + 1).trim();
        const start = at + eq + 1;
        chunk.signatureSpan = { start, end: start + ext.length - eq - 1 };
      }
      at += ext.length + 1;
    }
    if (eol < 0) {
      out.problems.push(
        problem(
          'chunk-truncated',
          `Chunk ${chunk.index}'s header line has no line break after it: the body ends there.`,
          header,
        ),
      );
      out.chunks.push({ ...chunk, data: { start: end, end } });
      return out;
    }
    const dataStart = eol + breakAt(bytes, eol);
    chunk.data = { start: dataStart, end: Math.min(dataStart + chunk.size, bytes.length) };
    out.chunks.push(chunk);
    if (chunk.size === 0) {
      out.complete = true;
      readTrailers(bytes, dataStart, out);
      return out;
    }
    if (dataStart + chunk.size > bytes.length) {
      out.problems.push(
        problem(
          'chunk-truncated',
          `Chunk ${chunk.index} declares ${chunk.size} bytes (0x${sizeHex}) but only ${bytes.length - dataStart} follow.`,
          header,
          { hint: 'The body was cut short, or the size counts characters rather than bytes.' },
        ),
      );
      return out;
    }
    const after = dataStart + chunk.size;
    const brk = breakAt(bytes, after);
    if (brk === 0) {
      const next = lineEnd(bytes, dataStart);
      out.problems.push(
        problem(
          'chunk-size',
          `Chunk ${chunk.index} declares ${chunk.size} bytes (0x${sizeHex}) but its data is not followed by a line break there` +
            (next >= 0
              ? `; the next line break comes after ${next - dataStart} bytes (0x${(next - dataStart).toString(16)}).`
              : '.'),
          header,
        ),
      );
      return out;
    }
    if (brk === 1) out.bareLineFeeds = true;
    pos = after + brk;
  }
  out.problems.push(
    problem('no-final-chunk', 'The body ends without the final zero-size chunk ("0;chunk-signature=…").', {
      start: bytes.length,
      end: bytes.length,
    }),
  );
  return out;
}

function readTrailers(bytes: Uint8Array, from: number, out: ReadChunkedBody): void {
  let pos = from;
  while (pos < bytes.length) {
    const eol = lineEnd(bytes, pos);
    const end = eol < 0 ? bytes.length : eol;
    if (end === pos) return; // the empty line that ends the body
    const line = latin1(bytes, pos, end);
    const span = { start: pos, end };
    const colon = line.indexOf(':');
    if (colon <= 0) {
      out.problems.push(
        problem('trailer-line', `A trailing header reads "name:value"; got "${line.slice(0, 40)}".`, span),
      );
    } else {
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === TRAILER_SIGNATURE) out.trailerSignature = { value, span };
      else out.trailers.push({ name, value, span });
    }
    if (eol < 0) return;
    if (breakAt(bytes, eol) === 1) out.bareLineFeeds = true;
    pos = eol + breakAt(bytes, eol);
  }
}
