/**
 * The forgiving readers under fuzz, 20,000 inputs each: the real-shape twins' replies and hand-written shapes cut,
 * prefixed, rewrapped and escaped (parseServerErrors as a whole), and each new reader on its own over text made
 * of the tokens it keys on (printed objects, `Code: message` lines, tolerant JSON, the paste view). No exception
 * escapes, every problem's span lies in the input, and every span a result carries does too.
 */

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTolerantJson } from '../../../src/lib/sig/json-source';
import { readErrorLine } from '../../../src/lib/sig/server-error/error-line';
import { readLiteralObject } from '../../../src/lib/sig/server-error/literal-object';
import { pasteView } from '../../../src/lib/sig/server-error/paste-view';
import { parseServerErrors } from '../../../src/lib/sig/server-error/parse';
import { mutatedShapes } from '../../fuzz/real-shape-mutations';
import { placed, within } from '../../fuzz/spans';

const DIR = new URL('../../fixtures/real-shapes/', import.meta.url);
const TWIN_ERRORS = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => (JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as { error: string | null }).error)
  .filter((e): e is string => e !== null);

const MESSAGE = 'The request signature we calculated does not match the signature you provided.';
const SEEDS = [
  ...TWIN_ERRORS,
  `{'Error': {'Code': 'SignatureDoesNotMatch', 'Message': '${MESSAGE}'}, 'ResponseMetadata': {'HTTPStatusCode': 403}}`,
  `{u'message': u"${MESSAGE}\\n\\nThe String-to-Sign should have been\\n'AWS4-HMAC-SHA256\\n20240305T101500Z\\n20240305/us-east-1/s3/aws4_request\\n${'a'.repeat(64)}'"}`,
  `{ SignatureDoesNotMatch: ${MESSAGE}\n    at Request.extractError (/a/query.js:50:29)\n  code: 'SignatureDoesNotMatch',\n  statusCode: 403 }`,
  'GET\n\n\nWed, 16 Jun 2010 19:05:33 GMT\n/com.acme-hr.resumes/',
];

function checkParse(text: string): void {
  const result = parseServerErrors(text);
  placed(result.problems, text);
  if (!result.ok) {
    expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
    return;
  }
  // Something was read, so nothing is an error.
  expect(result.problems.some((p) => p.severity === 'error')).toBe(false);
  for (const reply of result.value) {
    within(reply.span, text);
    for (const e of [reply.canonicalRequest, reply.stringToSign]) {
      if (!e) continue;
      within(e.span, text);
      if (e.truncated) within(e.truncated.span, text);
    }
    if (reply.truncated) within(reply.truncated.span, text);
  }
}

const OBJECT_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ':',
  ',',
  ' ',
  '\n',
  "'",
  '"',
  '`',
  'b',
  'u',
  '+',
  '\\',
  '\\n',
  'Code',
  'x',
  '403',
  'None',
  '$metadata',
];
const LINE_TOKENS = [
  'SignatureDoesNotMatch: ',
  '{ ',
  'Error: ',
  MESSAGE,
  '\n',
  '    at f (/a.js:1:1)',
  ' {',
  '\n  code: ',
  "'X'",
  ',',
  '}',
  '\n\tstatus code: 403, request id: x',
  "The Canonical String for this request should have been\n'",
  "'\n",
];
const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  ' ',
  '\n',
  '\t',
  '\\',
  '\\n',
  '\\u00',
  'a',
  '1',
  'true',
  'null',
  '"message"',
];
const VIEW_TOKENS = [
  'worker-1  | ',
  '│ ',
  'Mar 04 09:22:31 host app[1]: ',
  '2024-03-04T09:22:31.2071234Z ',
  '\n',
  '\r\n',
  '\n\n',
  'a',
  ' ',
  '|',
];

const runs = { numRuns: 20_000 };

describe('forgiving server-error readers under fuzz', () => {
  it('parseServerErrors on real shapes cut, prefixed, rewrapped and escaped', () => {
    fc.assert(fc.property(mutatedShapes(SEEDS), checkParse), runs);
  }, 120_000);

  it('readLiteralObject on text made of what printed objects hold', () => {
    const text = fc.string({ unit: fc.constantFrom(...OBJECT_TOKENS), maxLength: 60 });
    fc.assert(
      fc.property(text, fc.boolean(), (t, membersOnly) => {
        const object = readLiteralObject(`{${t}`, 0, membersOnly);
        placed(object.problems, `{${t}`);
        expect(object.end).toBeLessThanOrEqual(t.length + 1);
        for (const f of object.strings.values()) within(f.span, `{${t}`);
      }),
      runs,
    );
  }, 120_000);

  it('readErrorLine on text made of Node and Go error lines', () => {
    const text = fc.string({ unit: fc.constantFrom(...LINE_TOKENS), maxLength: 12 });
    fc.assert(
      fc.property(text, (t) => {
        const line = readErrorLine(t, 0);
        if (!line) return;
        within(line.span, t);
        within(line.message, t);
        if (line.object) placed(line.object.problems, t);
      }),
      runs,
    );
  }, 120_000);

  it('parseTolerantJson on text made of JSON tokens', () => {
    const text = fc.string({ unit: fc.constantFrom(...JSON_TOKENS), maxLength: 50 });
    fc.assert(
      fc.property(text, (t) => {
        const json = parseTolerantJson(t);
        if (!json) return;
        placed(json.problems, t);
        expect(json.end).toBeLessThanOrEqual(t.length);
        for (const location of json.locations.values()) within(location.span, t);
      }),
      runs,
    );
  }, 120_000);

  it('pasteView maps every unit it keeps onto the paste', () => {
    const text = fc.string({ unit: fc.constantFrom(...VIEW_TOKENS), maxLength: 40 });
    fc.assert(
      fc.property(text, (t) => {
        const { view } = pasteView(t);
        const offsets = view.offsets ?? [...Array(t.length + 1).keys()];
        expect(offsets).toHaveLength(view.text.length + 1);
        let kept = '';
        for (let i = 0; i < view.text.length; i++) kept += t[offsets[i]!];
        expect(kept).toBe(view.text);
      }),
      runs,
    );
  }, 120_000);
});
