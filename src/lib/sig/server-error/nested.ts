/**
 * A reply inside a reply: XML or JSON carried as a string member (`{"error": "<?xml …<\/Message>…"}`, s3cmd's
 * `{'data': b'<?xml …'}`, a JSON body in a printed object's `body`). The inner reply is the server's own, so its
 * code, message and fields win over the wrapper's.
 */

import { readObjectBody, readTextBody, readXmlBody, type ReplyBody } from './body';
import { readJsonBody } from './json';
import { sliceLocated } from './located';
import { bodyAt, type BodyExtent } from './segment';

/** Reads a body found by `bodyAt`, whatever its kind. */
export function readBodyExtent(body: BodyExtent): ReplyBody {
  if (body.kind === 'empty') return { format: 'text', fields: new Map(), problems: [] };
  if (body.kind === 'xml' && body.xml) return readXmlBody(body.source, body.xml);
  if (body.kind === 'json') return readJsonBody(body.source, body.start, body.end);
  if (body.kind === 'object' && body.object) return readObjectBody(body.source, body.object);
  return readTextBody(sliceLocated(body.source, body.start, body.end));
}

const INNER = /^\s*(?:<\?xml|<[A-Z][\w]*[\s>/]|\{\s*")/;

/** Reads the reply a string member carries, if one does, and lays it over the outer body. */
export function readNested(outer: ReplyBody, depth = 0): ReplyBody {
  if (depth > 3) return outer;
  for (const field of outer.fields.values()) {
    if (!INNER.test(field.value.text.slice(0, 80))) continue;
    const inner = readNested(readBodyExtent(bodyAt(field.value, 0)), depth + 1);
    if (inner.code === undefined && inner.message === undefined && inner.fields.size === 0) continue;
    const status = inner.status ?? outer.status;
    const code = inner.code ?? outer.code;
    const message = inner.message ?? outer.message;
    return {
      format: inner.format,
      ...(code !== undefined ? { code } : {}),
      ...(message !== undefined ? { message } : {}),
      ...(status !== undefined ? { status } : {}),
      fields: new Map([...outer.fields, ...inner.fields]),
      problems: [...outer.problems, ...inner.problems],
    };
  }
  return outer;
}
