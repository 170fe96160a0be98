/**
 * Every paste reader, fed arbitrary text and mutations of real pastes, keeps its promise (see well-formed.ts):
 * it never throws, a failure carries an error placed in the paste, and a success is HTTP the engine parses
 * with one source span per line. 20,000 inputs per reader by default; raise REQUEST_FUZZ_RUNS for a soak.
 */

import fc from 'fast-check';
import { describe, it } from 'vitest';
import { readCurlCommand } from '../../../src/lib/sig/request/curl-command';
import { readCurlVerbose } from '../../../src/lib/sig/request/curl-verbose';
import { readHar } from '../../../src/lib/sig/request/har';
import type { PastedRequest } from '../../../src/lib/sig/request/pasted';
import { readPastedRequest, readRawHttp } from '../../../src/lib/sig/request/read';
import { readUrl } from '../../../src/lib/sig/request/url';
import type { Result } from '../../../src/lib/sig/types';
import * as pastes from './pastes';
import { expectWellFormed } from './well-formed';

/** Inputs per reader, split evenly between arbitrary text and mutated pastes. */
const RUNS = Number(process.env['REQUEST_FUZZ_RUNS'] ?? 20_000);
/** About a millisecond per input at worst, with room for slow machines. */
const TIMEOUT = Math.max(30_000, RUNS * 2);

const SEEDS = Object.values(pastes).filter((v): v is string => typeof v === 'string' && v.length > 100);
SEEDS.push(
  'GET / HTTP/1.1\nHost: h\n\n',
  "curl -H 'a: b' -d x https://h/p?q",
  '{"method":"GET","url":"https://h/","headers":[{"name":":authority","value":"h"}]}',
  '> GET / HTTP/1.1\n> Host: h\n> \n',
);

/** Characters that mean something to one reader or another. */
const SPECIAL = [
  ...'\'"\\$^`\n\r\t >{}[]:;@-=&?#%/*<|!~,+',
  'curl ',
  '> ',
  '-H ',
  '-d ',
  '\\\n',
  '^\n',
  "$'",
  'http://',
  '":',
];
const char = fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));

const arbitraryText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: char, maxLength: 120 }),
  fc.string({ unit: char, maxLength: 40 }).map((s) => `curl ${s}`),
  fc.string({ unit: char, maxLength: 40 }).map((s) => `> GET /${s}\n> Host: h\n> \n`),
  fc.string({ unit: char, maxLength: 40 }).map((s) => `https://h/${s}`),
);

interface Edit {
  at: number;
  remove: number;
  insert: string;
}
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 6 }),
  insert: fc.string({ unit: char, maxLength: 6 }),
});
const mutatedPaste = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 6 }))
  .map(([seed, edits]) =>
    edits.reduce((text, e) => {
      const at = e.at % (text.length + 1);
      return text.slice(0, at) + e.insert + text.slice(at + e.remove);
    }, seed),
  );

type Doc = { log: { entries: { request: Record<string, unknown> }[] } };
const HAR = JSON.parse(pastes.CHROME_HAR) as Doc;
const jsonValue = fc.oneof(
  fc.string({ unit: char, maxLength: 24 }),
  fc.constantFrom<unknown>(
    null,
    7,
    true,
    [],
    {},
    ':authority',
    ':path',
    'Host',
    'AWS4-HMAC-SHA256 Credential=a/b/c/d/e',
  ),
);
const harEdit = fc.record({
  entry: fc.nat(2),
  field: fc.constantFrom(
    'method',
    'url',
    'httpVersion',
    'name',
    'value',
    'header',
    'postData',
    'text',
    'bodySize',
  ),
  header: fc.nat(12),
  value: jsonValue,
});
/** The Chrome export with values replaced inside its structure, so that the JSON stays valid. */
const mutatedHar = fc.array(harEdit, { minLength: 1, maxLength: 4 }).map((edits) => {
  const doc = structuredClone(HAR);
  for (const { value: shared, ...e } of edits) {
    // Generated [] and {} are shared between runs: copy them so that edits never build a cycle.
    const value = structuredClone(shared);
    const request = doc.log.entries[e.entry]!.request;
    const headers = request['headers'] as Record<string, unknown>[];
    const header = headers[e.header % headers.length];
    if (e.field === 'name' || e.field === 'value') {
      if (typeof header === 'object' && header !== null) header[e.field] = value;
    } else if (e.field === 'header') headers[e.header % headers.length] = value as Record<string, unknown>;
    else if (e.field === 'text') request['postData'] = { mimeType: 'text/plain', text: value };
    else request[e.field] = value;
  }
  return JSON.stringify(doc, null, 2);
});
const mutated = fc.oneof({ arbitrary: mutatedPaste, weight: 4 }, { arbitrary: mutatedHar, weight: 1 });

const READERS: [string, (text: string) => Result<PastedRequest>][] = [
  ['readRawHttp', readRawHttp],
  ['readCurlVerbose', readCurlVerbose],
  ['readCurlCommand', readCurlCommand],
  ['readHar', readHar],
  ['readUrl', readUrl],
  ['readPastedRequest', (text) => readPastedRequest(text)],
];

describe.each(READERS)('%s', (_, read) => {
  it(
    'keeps its promise on arbitrary text',
    () => {
      fc.assert(
        fc.property(arbitraryText, (text) => expectWellFormed(text, read(text))),
        { numRuns: RUNS / 2 },
      );
    },
    TIMEOUT,
  );

  it(
    'keeps its promise on mutated real pastes',
    () => {
      fc.assert(
        fc.property(mutated, (text) => expectWellFormed(text, read(text))),
        { numRuns: RUNS / 2 },
      );
    },
    TIMEOUT,
  );
});
