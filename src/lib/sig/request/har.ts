/**
 * Reading HAR (a browser's "Save all as HAR"): a whole HAR 1.2 file, one entry, or a bare request object. In a
 * file, the first entry that carries an AWS signature is read, else the first entry.
 * http://www.softwareishard.com/blog/har-12-spec/#request
 */

import { mapStringSpan, parseLocatedJson, type Json, type LocatedJson } from '../json-source';
import { fail, problem, type Problem, type Result, type Span } from '../types';
import { harRequestPieces, isHarObject, type HarObject } from './har-request';
import { writePasted } from './http-text';
import type { PastedRequest } from './pasted';
import { parseQueryString } from './query';
import { splitUrl } from './url';

/** A request object found in the document, and its JSON pointer. */
interface Found {
  request: HarObject;
  pointer: string;
}

/** The request objects in a HAR file (`/log/entries`), an array of entries, an entry, or a bare request. */
function requestsIn(root: Json): Found[] | undefined {
  const entries = isHarObject(root) && isHarObject(root['log']) ? root['log']['entries'] : root;
  if (Array.isArray(entries)) {
    const base = entries === root ? '' : '/log/entries';
    return entries.flatMap((entry, i) =>
      isHarObject(entry) && isHarObject(entry['request'])
        ? [{ request: entry['request'], pointer: `${base}/${i}/request` }]
        : [],
    );
  }
  if (!isHarObject(root)) return undefined;
  if (isHarObject(root['request'])) return [{ request: root['request'], pointer: '/request' }];
  return 'method' in root && 'url' in root ? [{ request: root, pointer: '' }] : undefined;
}

/** Whether a HAR request carries a SigV4 or SigV2 signature, in `Authorization` or its query string. */
function isSigned(request: HarObject): boolean {
  const headers = Array.isArray(request['headers']) ? request['headers'] : [];
  const auth = headers.some(
    (h) =>
      isHarObject(h) &&
      String(h['name']).toLowerCase() === 'authorization' &&
      /^AWS4?[-\s]/i.test(String(h['value'])),
  );
  const url = typeof request['url'] === 'string' ? splitUrl(request['url']).target : '';
  const q = url.indexOf('?');
  const params = q < 0 ? [] : parseQueryString(url.slice(q + 1));
  return auth || params.some((p) => /^(x-amz-signature|signature)$/i.test(p.name));
}

function describe(found: Found): string {
  const { method, url } = found.request;
  return typeof method === 'string' && typeof url === 'string' ? `${method} ${url}` : 'a request';
}

/** Which request to read, and a note saying which when there was a choice. */
function choose(found: Found[], doc: LocatedJson, fromFile: boolean): { pick: Found; note?: Problem } {
  const signed = found.findIndex((f) => isSigned(f.request));
  const index = signed < 0 ? 0 : signed;
  const pick = found[index]!;
  if (!fromFile) return { pick };
  const span = doc.locations.get(pick.pointer)!.span;
  const which = signed < 0 ? 'the first (none carries an AWS signature)' : 'the first signed one';
  const message = `This HAR holds ${found.length} ${found.length === 1 ? 'request' : 'requests'}; reading #${index + 1}, ${which}: ${describe(pick)}.`;
  const hint =
    signed < 0
      ? 'Browsers may leave Authorization out of an exported HAR (Chrome\'s "sanitized" export): export it with sensitive data.'
      : undefined;
  return { pick, note: problem('har-entry', message, span, { severity: 'note', ...(hint ? { hint } : {}) }) };
}

/** Reads a HAR file, entry or request object as raw HTTP. */
export function readHar(text: string): Result<PastedRequest> {
  const parsed = parseLocatedJson(text);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const found = requestsIn(doc.value);
  const whole = doc.locations.get('')!.span;
  if (!found) {
    return fail([
      problem(
        'har',
        'This JSON is not HAR: expected {"log": {"entries": […]}}, an entry or a request object.',
        whole,
      ),
    ]);
  }
  if (found.length === 0) {
    return fail([
      problem('har', 'This HAR holds no requests.', doc.locations.get('/log/entries')?.span ?? whole),
    ]);
  }
  const { pick, note } = choose(found, doc, found[0]!.pointer !== '/request' && found[0]!.pointer !== '');
  const notes: Problem[] = note ? [note] : [];
  const located = (pointer: string): Span => doc.locations.get(pointer)?.span ?? whole;
  const pieces = harRequestPieces(pick.request, pick.pointer, {
    span: located,
    stringSpan: (pointer, s) => {
      const location = doc.locations.get(pointer);
      return location ? mapStringSpan(location, s) : whole;
    },
    notes,
  });
  if (!pieces) return fail(notes);
  return writePasted(text, 'har', pieces, {}, notes);
}
