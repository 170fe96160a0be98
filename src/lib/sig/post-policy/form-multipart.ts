/**
 * Reading a POST form pasted as a multipart/form-data body (or the whole request): each part's name and value
 * with its span, the file part's name and size, and the Host the bucket is read from.
 * https://www.rfc-editor.org/rfc/rfc7578
 */

import type { PostForm } from './form';
import { problem } from '../types';

export function readMultipart(text: string): PostForm {
  const form: PostForm = { shape: 'multipart', fields: [], problems: [] };
  const declared = /boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(text);
  const firstDelimiter = /^--([^\r\n]+?)\s*$/m.exec(text);
  const boundary = declared?.[1] ?? declared?.[2] ?? firstDelimiter?.[1];
  if (!boundary) {
    form.problems.push(
      problem('multipart-boundary', 'A multipart body starts with "--" and its boundary; none was found.', {
        start: 0,
        end: text.length,
      }),
    );
    return form;
  }
  const request = /^(POST|PUT)\s+(\S+)\s+HTTP\/[\d.]+/i.exec(text);
  const host = /^host:\s*(\S+)/im.exec(text);
  if (request && host)
    form.action = {
      url: `https://${host[1]}${request[2]}`,
      span: { start: host.index, end: host.index + host[0].length },
    };
  const delimiter = `--${boundary}`;
  let at = text.indexOf(delimiter);
  if (at < 0) {
    form.problems.push(
      problem('multipart-boundary', `The body never uses its boundary "${boundary}".`, {
        start: 0,
        end: text.length,
      }),
    );
    return form;
  }
  while (at >= 0) {
    const partStart = at + delimiter.length;
    if (text.startsWith('--', partStart)) return form;
    const next = text.indexOf(delimiter, partStart);
    const end = next < 0 ? text.length : next;
    const part = text.slice(partStart, end);
    const headEnd = part.search(/\r?\n\r?\n/);
    if (headEnd < 0) {
      form.problems.push(
        problem('multipart-part', 'A part has no blank line between its headers and its value.', {
          start: partStart,
          end,
        }),
      );
    } else {
      const head = part.slice(0, headEnd);
      const gap = /\r?\n\r?\n/.exec(part.slice(headEnd))![0].length;
      const valueStart = partStart + headEnd + gap;
      // The value ends before the CRLF that precedes the next delimiter.
      const rawEnd = next < 0 ? end : end - (text[end - 2] === '\r' ? 2 : text[end - 1] === '\n' ? 1 : 0);
      const valueEnd = Math.max(valueStart, rawEnd);
      const name = /\bname="([^"]*)"/i.exec(head)?.[1];
      const filename = /\bfilename="([^"]*)"/i.exec(head)?.[1];
      const span = { start: valueStart, end: valueEnd };
      if (name === undefined) {
        form.problems.push(
          problem('multipart-part', 'A part has no Content-Disposition: form-data; name="…".', {
            start: partStart,
            end: valueStart,
          }),
        );
      } else if (filename !== undefined) {
        form.file = {
          name,
          filename,
          size: new TextEncoder().encode(text.slice(valueStart, valueEnd)).length,
          span,
        };
      } else {
        form.fields.push({ name, value: text.slice(valueStart, valueEnd), span });
      }
    }
    if (next < 0) {
      form.problems.push(
        problem(
          'multipart-end',
          `The body does not end with "${delimiter}--".`,
          { start: end, end },
          { severity: 'warning' },
        ),
      );
      return form;
    }
    at = next;
  }
  return form;
}
