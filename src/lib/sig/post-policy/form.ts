/**
 * Reading the form of a browser POST upload, in whichever shape it is pasted: the HTML `<form>` (its inputs and
 * its action URL), the multipart/form-data body (or the whole request), or the fields as `name=value` lines or
 * JSON. Every field keeps the span of its value in the paste. Never throws.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTForms.html
 */

import { parseLocatedJson } from '../json-source';
import { problem, type Problem, type Span } from '../types';

/** One form field as pasted. */
export interface FormField {
  name: string;
  value: string;
  /** The value's span (the name's, for an empty value). */
  span: Span;
}

/** The file part of the form, when the paste shows it. */
export interface FormFile {
  name: string;
  filename?: string;
  /** Its size in bytes, when its content is in the paste. */
  size?: number;
  span: Span;
}

/** A form as read. */
export interface PostForm {
  shape: 'html' | 'multipart' | 'fields';
  fields: FormField[];
  file?: FormFile;
  /** The form's action URL (HTML) or the request's target and Host (multipart request). */
  action?: { url: string; span: Span };
  problems: Problem[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1]!.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/** The attributes of a tag, with the span of each value. */
function attributes(tag: string, offset: number): Map<string, { value: string; span: Span }> {
  const out = new Map<string, { value: string; span: Span }>();
  const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    const raw = m[2] ?? m[3] ?? m[4];
    const valueAt = raw === undefined ? m.index : m.index + m[0].lastIndexOf(raw);
    out.set(m[1]!.toLowerCase(), {
      value: unescapeHtml(raw ?? ''),
      span: { start: offset + valueAt, end: offset + valueAt + (raw?.length ?? m[1]!.length) },
    });
  }
  return out;
}

function readHtml(text: string): PostForm {
  const form: PostForm = { shape: 'html', fields: [], problems: [] };
  const action = /<form\b[^>]*>/i.exec(text);
  if (action) {
    const a = attributes(action[0].slice(5), action.index + 5).get('action');
    if (a) form.action = { url: a.value, span: a.span };
  }
  const re = /<(input|textarea)\b([^>]*)>/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const attrs = attributes(m[2]!, m.index + m[1]!.length + 1);
    const name = attrs.get('name');
    if (!name) continue;
    const type = attrs.get('type')?.value.toLowerCase();
    if (type === 'submit' && !attrs.has('name')) continue;
    if (type === 'file') {
      form.file = { name: name.value, span: name.span };
      continue;
    }
    if (m[1]!.toLowerCase() === 'textarea') {
      const close = text.toLowerCase().indexOf('</textarea>', re.lastIndex);
      const end = close < 0 ? text.length : close;
      form.fields.push({
        name: name.value,
        value: unescapeHtml(text.slice(re.lastIndex, end)),
        span: { start: re.lastIndex, end },
      });
      continue;
    }
    const value = attrs.get('value');
    form.fields.push({ name: name.value, value: value?.value ?? '', span: value?.span ?? name.span });
  }
  if (form.fields.length === 0)
    form.problems.push(
      problem('form-empty', 'The HTML has no <input name=…> fields.', { start: 0, end: text.length }),
    );
  return form;
}

function readMultipart(text: string): PostForm {
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

function readJsonFields(text: string): PostForm | undefined {
  const parsed = parseLocatedJson(text);
  if (!parsed.ok) return undefined;
  const form: PostForm = { shape: 'fields', fields: [], problems: [] };
  const v = parsed.value.value;
  const at = (p: string) => parsed.value.locations.get(p)?.span ?? { start: 0, end: text.length };
  if (Array.isArray(v)) {
    v.forEach((pair, i) => {
      if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string')
        form.fields.push({ name: pair[0], value: pair[1], span: at(`/${i}/1`) });
      else form.problems.push(problem('form-field', 'Each field is a ["name", "value"] pair.', at(`/${i}`)));
    });
  } else if (typeof v === 'object' && v !== null) {
    for (const [name, value] of Object.entries(v)) {
      const pointer = `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (typeof value === 'string') form.fields.push({ name, value, span: at(pointer) });
      else form.problems.push(problem('form-field', `The field ${name} has no string value.`, at(pointer)));
    }
  } else return undefined;
  return form;
}

function readLines(text: string): PostForm {
  const form: PostForm = { shape: 'fields', fields: [], problems: [] };
  let offset = 0;
  for (const line of text.split('\n')) {
    const content = line.replace(/\r$/, '');
    const sep = /[=:]/.exec(content);
    if (content.trim() !== '') {
      if (!sep || sep.index === 0) {
        form.problems.push(
          problem('form-field', 'A field reads "name=value" (or "name: value").', {
            start: offset,
            end: offset + content.length,
          }),
        );
      } else {
        const raw = content.slice(sep.index + 1);
        const lead = raw.length - raw.trimStart().length;
        const value = raw.trim();
        const start = offset + sep.index + 1 + lead;
        form.fields.push({
          name: content.slice(0, sep.index).trim(),
          value,
          span: { start, end: start + value.length },
        });
      }
    }
    offset += line.length + 1;
  }
  return form;
}

/** Reads a pasted form in any of its shapes. */
export function readPostForm(text: string): PostForm {
  if (/<(form|input)\b/i.test(text)) return readHtml(text);
  if (/content-disposition:\s*form-data/i.test(text)) return readMultipart(text);
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = readJsonFields(text);
    if (json) return json;
  }
  return readLines(text);
}
