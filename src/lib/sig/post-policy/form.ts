/**
 * Reading the form of a browser POST upload, in whichever shape it is pasted: the HTML `<form>` (its inputs and
 * its action URL), the multipart/form-data body (or the whole request), or the fields as `name=value` lines or
 * JSON. Every field keeps the span of its value in the paste. Never throws.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTForms.html
 */

import { parseLocatedJson } from '../json-source';
import { problem, type Problem, type Span } from '../types';
import { readHtml } from './form-html';
import { readMultipart } from './form-multipart';

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

/** S3 ignores the fields after the file ("the file must be the last field"): they are dropped, with a note. */
function dropAfterFile(form: PostForm): PostForm {
  const file = form.file;
  if (!file) return form;
  const after = form.fields.filter((f) => f.span.start > file.span.start);
  if (after.length === 0) return form;
  form.fields = form.fields.filter((f) => f.span.start < file.span.start);
  const names = after.map((f) => f.name).join(', ');
  const note = `S3 ignores the fields after the file (${names}): the file must be the last field.`;
  form.problems.push(problem('form-after-file', note, after[0]!.span, { severity: 'note' }));
  return form;
}

/** Reads a pasted form in any of its shapes. */
export function readPostForm(text: string): PostForm {
  if (/<(form|input)\b/i.test(text)) return dropAfterFile(readHtml(text));
  if (/content-disposition:\s*form-data/i.test(text)) return dropAfterFile(readMultipart(text));
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = readJsonFields(text);
    if (json) return json;
  }
  return readLines(text);
}

/** Whether a paste holds a POST form: some field named Policy beside a signature or credential. */
export function isPostForm(text: string | undefined): boolean {
  if (!text || !/policy/i.test(text)) return false;
  const names = new Set(readPostForm(text).fields.map((f) => f.name.toLowerCase()));
  return (
    names.has('policy') &&
    (names.has('x-amz-signature') || names.has('signature') || names.has('x-amz-credential'))
  );
}
