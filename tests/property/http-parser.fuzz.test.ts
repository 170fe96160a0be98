/**
 * Fuzzing the raw HTTP parser and `signText` with random text, random Unicode (lone surrogates included) and
 * mutated requests: nothing may throw, every refusal says why, and every span points inside the text.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signText, type SigV4Settings } from '../../src/lib/sig/index';
import { parseHttpRequest } from '../../src/lib/sig/request/http';
import type { Problem, Span } from '../../src/lib/sig/types';

// ---- inputs -----------------------------------------------------------------------------------------------

/** Any UTF-16 code unit, so lone surrogates too. */
const CODE_UNIT = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const LINE_END = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('\n', '\r\n') },
  { weight: 1, arbitrary: fc.constantFrom('\r', '\n\r', '\r\r\n') },
);
const SPACE = fc.constantFrom(' ', '\t', '  ', ' \t', '');

const METHOD = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'get', 'M-SEARCH') },
  { weight: 1, arbitrary: fc.constantFrom('GE/T', 'GET:', 'Ĝet', '(', '') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 6 }) },
);
const TARGET = fc.oneof(
  fc.constantFrom('/', '*', '/a b/c', '/p?', '/p?a=1&&b', '?q', '#f', '/%zz%', '/p#f', '//a/../b/./c'),
  fc.constantFrom('https://h:1/p?q#f', 'http://h', 'HTTPS://H/', 'https://', 'a://b', 'https://h?x', ''),
  fc.string({
    unit: fc.oneof(fc.constantFrom('/', '?', '#', '%', '&', '=', ' ', ':'), CODE_UNIT),
    maxLength: 20,
  }),
);
const VERSION = fc.constantFrom(
  'HTTP/1.1',
  'HTTP/1.0',
  'HTTP/2',
  'HTTP/1.',
  'http/1.1',
  'HTTP/1.1 extra',
  '',
);
const HUGE = fc.integer({ min: 10_000, max: 70_000 }).map((n) => 'x'.repeat(n));

const REQUEST_LINE = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(METHOD, TARGET, VERSION).map((parts) => parts.join(' ')) },
  {
    weight: 1,
    arbitrary: fc.tuple(SPACE, METHOD, SPACE, TARGET, SPACE, VERSION, SPACE).map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.tuple(METHOD, TARGET).map((parts) => parts.join(' ')) },
  { weight: 1, arbitrary: fc.tuple(METHOD, HUGE, fc.constant('HTTP/1.1')).map((parts) => parts.join(' ')) },
);

const HEADER_NAME = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom('Host', 'X-Amz-Date', 'x-amz-content-sha256', 'Date', 'Authorization'),
  },
  {
    weight: 6,
    arbitrary: fc.string({ unit: fc.constantFrom(...'!#$%&*+-.^_`|~09azAZ'.split('')), minLength: 1 }),
  },
  { weight: 1, arbitrary: fc.constantFrom('bad name', '', 'é') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 10 }) },
);
const HEADER_VALUE = fc.oneof(
  fc.constantFrom('', ' ', 'example.com', '20150830T123600Z', 'Sun, 30 Aug 2015 12:36:00 GMT', 'not a date'),
  fc.string({ unit: fc.oneof(CODE_UNIT, fc.constantFrom(' ', '\t', ':')), maxLength: 30 }),
  HUGE,
);
const HEADER_LINE = fc.oneof(
  {
    weight: 20,
    arbitrary: fc
      .tuple(HEADER_NAME, fc.constantFrom(':', ': ', ' : ', ':\t'), HEADER_VALUE)
      .map((parts) => parts.join('')),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(HEADER_NAME, fc.constant(' '), HEADER_VALUE).map((parts) => parts.join('')),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(' ', '\t', '  \t'), HEADER_VALUE).map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', ':', '::', 'Host:') },
);

/** A request put together from plausible and broken lines, with mixed line ends and sometimes a body. */
const ASSEMBLED = fc
  .tuple(
    fc.oneof(fc.constant([]), fc.array(fc.tuple(SPACE, LINE_END), { maxLength: 2 })),
    fc.tuple(REQUEST_LINE, LINE_END),
    fc.array(fc.tuple(HEADER_LINE, LINE_END), { maxLength: 8 }),
    fc.option(fc.tuple(LINE_END, fc.string({ unit: CODE_UNIT, maxLength: 40 })), { nil: undefined }),
  )
  .map(([blank, line, headers, body]) =>
    [...blank, line, ...headers, ...(body ? [body] : [])].flat().join(''),
  );

/** One edit of a text: insert, delete, replace or duplicate at a position given as a fraction of its length. */
const EDIT = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.integer({ min: 1, max: 12 }),
  text: fc.oneof(
    fc.constantFrom(
      '\r',
      '\n',
      '\r\n',
      ':',
      ' ',
      '\t',
      '%',
      '?',
      '#',
      '\0',
      'é',
      '\ud83d',
      'HTTP/1.1',
      '\n\n',
    ),
    fc.string({ unit: CODE_UNIT, maxLength: 4 }),
  ),
});

type Edit = typeof EDIT extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, edit: Edit): string {
  const at = Math.floor(edit.at * text.length);
  const end = Math.min(text.length, at + edit.length);
  switch (edit.kind) {
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(end);
    case 'replace':
      return text.slice(0, at) + edit.text + text.slice(end);
    default:
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
  }
}

/** A request a signer would accept, so that edits land on something that parses. */
const VALID = fc
  .tuple(
    fc.constantFrom('GET', 'POST', 'PUT'),
    fc.constantFrom('/', '/a/b', '/p?x=1&y', 'https://s3.us-east-1.amazonaws.com/b/k?list-type=2'),
    LINE_END,
    fc.array(fc.tuple(fc.constantFrom('Content-Type', 'X-Amz-Meta-A', 'User-Agent'), HEADER_VALUE), {
      maxLength: 4,
    }),
    fc.string({ maxLength: 30 }),
  )
  .map(([method, target, eol, headers, body]) =>
    [
      `${method} ${target} HTTP/1.1`,
      'Host: dynamodb.us-east-1.amazonaws.com',
      'X-Amz-Date: 20150830T123600Z',
      ...headers.map(([name, value]) => `${name}: ${value}`),
      '',
      body,
    ].join(eol),
  );

const MUTATED = fc
  .tuple(fc.oneof(VALID, ASSEMBLED), fc.array(EDIT, { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) => edits.reduce(applyEdit, text));

/** Multiplies every run count; raise with FUZZ_SCALE for a longer local soak. */
const SCALE = Number(process.env['FUZZ_SCALE'] ?? 1);

/** How many inputs of each kind the parser gets: 24,000 in all. */
const PARSER_INPUTS: [string, fc.Arbitrary<string>, number][] = [
  ['random ASCII', fc.string({ unit: 'binary-ascii', maxLength: 200 }), 4000],
  ['random Unicode', fc.string({ unit: 'binary', maxLength: 200 }), 3000],
  ['random UTF-16 with lone surrogates', fc.string({ unit: CODE_UNIT, maxLength: 200 }), 3000],
  ['assembled requests', ASSEMBLED, 6000],
  ['mutated requests', MUTATED, 6000],
  ['valid requests', VALID, 2000],
];

// ---- checks -----------------------------------------------------------------------------------------------

function expectInside(span: Span | undefined, source: string, what: string): void {
  if (!span) return;
  const ok =
    Number.isInteger(span.start) && span.start >= 0 && span.start <= span.end && span.end <= source.length;
  expect(ok, `${what} span ${JSON.stringify(span)} is outside [0, ${source.length}]`).toBe(true);
}

function expectProblemsLocated(problems: readonly Problem[], source: string, errorsNeedSpans: boolean): void {
  for (const p of problems) {
    expect(typeof p.message === 'string' && p.message.length > 0, `problem ${p.kind} has a message`).toBe(
      true,
    );
    if (errorsNeedSpans && p.severity === 'error') {
      expect(p.span, `error "${p.kind}" has a span`).toBeDefined();
    }
    expectInside(p.span, source, `problem "${p.kind}"`);
  }
}

/** Parses text and checks what any result must satisfy. */
function checkParse(source: string): void {
  const result = parseHttpRequest(source);
  expectProblemsLocated(result.problems, source, true);
  if (!result.ok) {
    expect(result.problems.length).toBeGreaterThan(0);
    return;
  }
  const r = result.value;
  expect(r.source).toBe(source);
  expectInside(r.methodSpan, source, 'method');
  expect(source.slice(r.methodSpan.start, r.methodSpan.end)).toBe(r.method);
  expectInside(r.targetSpan, source, 'target');
  expect(source.slice(r.targetSpan.start, r.targetSpan.end)).toBe(r.target);
  expectInside(r.pathSpan, source, 'path');
  const pathText = source.slice(r.pathSpan.start, r.pathSpan.end);
  expect(pathText === r.path || (pathText === '' && r.path === '/'), `path ${r.path} at its span`).toBe(true);
  if (r.query !== null) {
    expectInside(r.querySpan, source, 'query');
    expect(source.slice(r.querySpan!.start, r.querySpan!.end)).toBe(r.query);
  }
  for (const segment of r.segments) {
    expectInside(segment.span, source, 'path segment');
    expect(source.slice(segment.span.start, segment.span.end)).toBe(segment.text);
  }
  expect(r.segments.map((s) => s.text).join('/')).toBe(
    r.path.replace(/^\//, '') || (r.path === '/' ? '' : r.path),
  );
  for (const param of r.params) {
    expectInside(param.span, source, 'query pair');
    const text = source.slice(param.span.start, param.span.end);
    expect(text).toBe(param.value === null ? param.name : `${param.name}=${param.value}`);
  }
  expectInside(r.bodySpan, source, 'body');
  expect(r.bodySpan.end).toBe(source.length);
  expect(source.slice(r.bodySpan.start)).toBe(r.body);
  for (const h of r.headers) {
    expectInside(h.span, source, `header ${h.name}`);
    expectInside(h.nameSpan, source, `header ${h.name} name`);
    expectInside(h.valueSpan, source, `header ${h.name} value`);
    expect(source.slice(h.nameSpan.start, h.nameSpan.end)).toBe(h.name);
    expect(h.valueSpan.start >= h.span.start && h.valueSpan.end <= h.span.end).toBe(true);
    expect(source.slice(h.valueSpan.start, h.valueSpan.end).replace(/\r?\n/g, ' ')).toBe(h.value);
  }
}

describe('parseHttpRequest on fuzzed text', () => {
  for (const [kind, inputs, numRuns] of PARSER_INPUTS) {
    it(`never throws and locates every problem and part (${numRuns} ${kind})`, () => {
      fc.assert(fc.property(inputs, checkParse), { numRuns: numRuns * SCALE });
    }, 60_000);
  }

  it('locates the "empty" error of blank input', () => {
    const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r\n') });
    fc.assert(
      fc.property(blank, (source) => {
        const problems = parseHttpRequest(source).problems.filter((p) => p.severity === 'error');
        expect(problems.length).toBeGreaterThan(0);
        for (const p of problems) expectInside(p.span ?? { start: -1, end: -1 }, source, p.kind);
      }),
    );
  });
});

// ---- signText ---------------------------------------------------------------------------------------------

const SETTINGS: fc.Arbitrary<Partial<SigV4Settings>> = fc.record(
  {
    doubleEncodePath: fc.boolean(),
    normalizePath: fc.boolean(),
    payload: fc.constantFrom('auto' as const, 'hash' as const, 'unsigned' as const),
    presignedPayloadUnsigned: fc.boolean(),
    contentSha256Header: fc.boolean(),
    signSessionToken: fc.boolean(),
    unsignedHeaders: fc.constantFrom(
      'aws-sdk-js-v3' as const,
      'botocore' as const,
      'aws-c-auth' as const,
      'sign-all' as const,
    ),
    hoistAmzHeaders: fc.boolean(),
  },
  { requiredKeys: [] },
);

const SIGN_INPUT = fc.record({
  scheme: fc.constantFrom('sigv4' as const, 'sigv4-s3' as const),
  mode: fc.constantFrom('header' as const, 'query' as const),
  request: fc.oneof(
    { weight: 4, arbitrary: VALID },
    { weight: 2, arbitrary: MUTATED },
    { weight: 1, arbitrary: ASSEMBLED },
    { weight: 1, arbitrary: fc.string({ unit: CODE_UNIT, maxLength: 100 }) },
  ),
  credentials: fc.record(
    {
      accessKeyId: fc.string({ unit: CODE_UNIT, maxLength: 20 }),
      secretAccessKey: fc.string({ unit: CODE_UNIT, maxLength: 40 }),
      sessionToken: fc.string({ unit: CODE_UNIT, maxLength: 40 }),
    },
    { requiredKeys: ['accessKeyId', 'secretAccessKey'] },
  ),
  region: fc.option(fc.constantFrom('us-east-1', '', 'a/b', 'é'), { nil: undefined }),
  service: fc.option(fc.constantFrom('s3', '', 'x y'), { nil: undefined }),
  // An Invalid Date is a caller's bug (case files check their time first), so toISOString may throw on it.
  time: fc.option(fc.date({ noInvalidDate: true }), { nil: undefined }),
  expires: fc.option(
    fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 604800 }) },
      { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constantFrom(NaN, 0.5, 604801, Infinity)) },
    ),
    { nil: undefined },
  ),
  settings: SETTINGS,
});

describe('signText on fuzzed requests', () => {
  it('never throws, says why it refuses, and signs with 64 hex digits (3000 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(SIGN_INPUT, async (input) => {
        const { region, service, time, expires, ...rest } = input;
        const result = await signText({
          ...rest,
          ...(region !== undefined ? { region } : {}),
          ...(service !== undefined ? { service } : {}),
          ...(time !== undefined ? { time } : {}),
          ...(expires !== undefined ? { expires } : {}),
        });
        // signText also refuses for reasons that sit nowhere in the text (no time given), so spans are optional.
        expectProblemsLocated(result.problems, input.request, false);
        if (result.ok) expect(result.value.signature).toMatch(/^[0-9a-f]{64}$/);
        else expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 * SCALE },
    );
  }, 60_000);
});
