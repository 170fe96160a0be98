/**
 * What a finding may rest on: edits people make before pasting are recognised, a cut canonical request is compared
 * as far as it goes, hints that need no secret stay suspects, and when nothing is shown the one input that would
 * decide is asked for.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEdits, hasEdit } from '../../src/lib/diagnose/edits';
import { explain } from '../../src/lib/diagnose/explain';
import { hintFindings } from '../../src/lib/diagnose/hints';
import { comparePartial } from '../../src/lib/diagnose/partial';
import { parseHttpRequest } from '../../src/lib/sig/request/http';

const WHOLE = [
  'GET',
  '/a',
  'x=1&y=2',
  'content-type:text/plain',
  'host:h.example',
  'x-amz-date:20240101T000000Z',
  '',
  'content-type;host;x-amz-date',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
].join('\n');

function request(text: string) {
  const parsed = parseHttpRequest(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

describe('edits', () => {
  it.each([
    ['host:....', '....'],
    ['/hostedzone/XXXXXXXXXXXXXX/rrset', 'XXXXXXXXXXXXXX'],
    ['search-xxx.eu-west-1.es.amazonaws.com', 'xxx'],
    ['Signature=****', '****'],
    ['prefix=<redacted>', '<redacted>'],
    ['##SHA1##', '##SHA1##'],
    ['--aws-sigv4 aws:amz:${AWS_REGION}:neptune-db', '${AWS_REGION}'],
    ["\\na7......df'", 'a7......df'],
    ['3fe…4be', '3fe…4be'],
  ])('finds the edit in %s', (text, edit) => {
    expect(findEdits(text).map((e) => e.text)).toEqual([edit]);
  });

  it.each([
    'application/x-amz-json-1.0',
    'x-amz-date:20240101T000000Z',
    '/images/xxl-photo.png',
    'max-keys=1000&prefix=a...b',
    WHOLE,
  ])('leaves ordinary text alone: %s', (text) => {
    expect(hasEdit(text)).toBe(false);
  });
});

describe('a cut canonical request', () => {
  it('agrees when the whole lines there agree, whatever the line the cut falls in', () => {
    expect(comparePartial(WHOLE, 'GET\n/a\nx=1&y=2\ncontent-type:text/plainhost')).toEqual({ lines: 4 });
    expect(comparePartial(WHOLE, WHOLE.slice(0, 40))).toEqual({ lines: 5 });
  });

  it('names the query parameter that differs before the cut', () => {
    const cut = 'GET\n/a\nx=1&y=3\ncont';
    expect(comparePartial(WHOLE, 'GET\n/a\nx=1&y=3').divergence).toBeUndefined();
    expect(comparePartial(WHOLE, cut).divergence).toMatchObject({ component: 'query', name: 'y' });
  });

  it('names a header with another value, or one the cut side lacks or adds', () => {
    const changed = 'GET\n/a\nx=1&y=2\ncontent-type:text/plain; charset=utf-8\nhost';
    expect(comparePartial(WHOLE, changed).divergence).toEqual({
      component: 'headers',
      name: 'content-type',
      left: 'text/plain',
      right: 'text/plain; charset=utf-8',
    });
    const lacks = 'GET\n/a\nx=1&y=2\nhost:h.example\nx-amz';
    expect(comparePartial(WHOLE, lacks).divergence).toEqual({
      component: 'headers',
      name: 'content-type',
      left: 'text/plain',
    });
    const adds = 'GET\n/a\nx=1&y=2\naccept:*/*\ncontent-type:text/plain';
    expect(comparePartial(WHOLE, adds).divergence).toEqual({
      component: 'headers',
      name: 'accept',
      right: '*/*',
    });
  });
});

describe('hints', () => {
  it('suspects reserved characters in the path, never shows them', () => {
    const hints = hintFindings({
      request: request('POST /orders-*,-archive/_search HTTP/1.1\nHost: h\n\n'),
      s3: false,
    });
    expect(hints[0]).toMatchObject({ basis: 'suspected', kind: 'client', component: 'path' });
    expect(hints[0]!.message).toContain('"*" ","');
  });

  it('suspects a raw "+" in a query value, naming the parameter', () => {
    const hints = hintFindings({
      request: request('GET /?Filter.1.Value.1=web+api HTTP/1.1\nHost: h\n\n'),
      s3: false,
    });
    expect(hints).toEqual([expect.objectContaining({ component: 'query', name: 'filter.1.value.1' })]);
  });

  it('suspects a region other than us-east-1 on a host that is not AWS', () => {
    const minio = request('GET /bucket/key HTTP/1.1\nHost: minio.internal.example:9000\n\n');
    expect(hintFindings({ request: minio, s3: true, region: 'eu-west-1' })).toEqual([
      expect.objectContaining({ kind: 'scope', name: 'region', basis: 'suspected' }),
    ]);
    expect(hintFindings({ request: minio, s3: true, region: 'us-east-1' })).toEqual([]);
  });

  it('suspects an x-amz-* header signed as a header but sent in the query', () => {
    const r = request('PUT /k?x-amz-acl=public-read HTTP/1.1\nHost: b.s3.amazonaws.com\n\n');
    expect(hintFindings({ request: r, s3: true, signedHeaders: ['host', 'x-amz-acl'] })).toEqual([
      expect.objectContaining({ component: 'signed-headers', name: 'x-amz-acl' }),
    ]);
  });

  it('says nothing of a plain request', () => {
    const r = request('GET /a/b.txt?list-type=2 HTTP/1.1\nHost: b.s3.eu-west-1.amazonaws.com\n\n');
    expect(hintFindings({ request: r, s3: true, signedHeaders: ['host'], region: 'eu-west-1' })).toEqual([]);
  });
});

describe('what is asked for when nothing is shown', () => {
  const twin = (id: string) =>
    JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/real-shapes', `${id}.json`), 'utf8')) as {
      case: { request: string };
      error: string;
    };

  it('blames the body only when it was pasted, and asks for it otherwise', async () => {
    const { case: c, error } = twin('33-compose-prefixed-traceback-clienterror');
    const withBody = await explain({ request: c.request, serverError: error });
    expect(withBody.findings[0]).toMatchObject({ basis: 'shown', component: 'payload-hash' });

    const headersOnly = c.request.slice(0, c.request.indexOf('\n\n') + 2);
    expect(headersOnly).toMatch(/Content-Length: [1-9]/);
    const without = await explain({ request: headersOnly, serverError: error });
    expect(without.findings.filter((f) => f.component === 'payload-hash')).toEqual([]);
    expect(without.verdict).toBe('unknown');
    expect(without.ask?.need).toBe('body');
  });

  it('asks for the time of a curl command that signs when it runs', async () => {
    const e = await explain({
      request:
        'curl --aws-sigv4 "aws:amz:eu-west-1:execute-api" --user "AKIDEXAMPLE:secret" https://abc.execute-api.eu-west-1.amazonaws.com/prod/items',
      serverError:
        '{"message":"The request signature we calculated does not match the signature you provided."}',
    });
    expect(e.verdict).toBe('unknown');
    expect(e.ask?.need).toBe('time');
  });
});
