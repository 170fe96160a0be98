/**
 * Reading a POST form pasted as HTML: its `<input>` (and `<textarea>`) fields with their values' spans, entities
 * decoded, the file input, and the `<form action>` URL the bucket is read from.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTForms.html
 */

import type { PostForm } from './form';
import { problem, type Span } from '../types';

export const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1]!.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/** The attributes of a tag, with the span of each value. */
export function attributes(tag: string, offset: number): Map<string, { value: string; span: Span }> {
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

export function readHtml(text: string): PostForm {
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
