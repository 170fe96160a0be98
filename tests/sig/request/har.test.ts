import { describe, expect, it } from 'vitest';
import { verifyText } from '../../../src/lib/sig/index';
import { readHar } from '../../../src/lib/sig/request/har';
import { CHROME_HAR, S3_SECRET } from './pastes';
import { expectWellFormed, mustRead } from './well-formed';

const har = JSON.parse(CHROME_HAR) as { log: { entries: { request: Record<string, unknown> }[] } };

describe('readHar', () => {
  it('reads the first signed entry of a Chrome export and says which it took', () => {
    const pasted = mustRead(readHar(CHROME_HAR));
    expect(pasted.form).toBe('har');
    expect(pasted.http.split('\n')).toEqual([
      'PUT /test$file.text HTTP/2.0',
      'Host: examplebucket.s3.amazonaws.com',
      'accept: */*',
      expect.stringMatching(/^authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\//),
      'content-length: 21',
      'date: Fri, 24 May 2013 00:00:00 GMT',
      'origin: https://s3.console.aws.amazon.com',
      'x-amz-content-sha256: 44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
      'x-amz-date: 20130524T000000Z',
      'x-amz-storage-class: REDUCED_REDUNDANCY',
      '',
      'Welcome to Amazon S3.',
    ]);
    expect(pasted.notes[0]).toMatchObject({ kind: 'har-entry', severity: 'note' });
    expect(pasted.notes[0]!.message).toBe(
      'This HAR holds 3 requests; reading #3, the first signed one: PUT https://examplebucket.s3.amazonaws.com/test$file.text.',
    );
    expectWellFormed(CHROME_HAR, readHar(CHROME_HAR));
  });

  it('verifies the S3 PUT Object example read from the HAR', async () => {
    const pasted = mustRead(readHar(CHROME_HAR));
    expect(pasted.hints).toMatchObject({ scheme: 'sigv4-s3', mode: 'header', service: 's3' });
    const result = await verifyText({ scheme: 'sigv4-s3', request: pasted.http, secretAccessKey: S3_SECRET });
    expect(result.ok && result.value.match).toBe(true);
  });

  it('points header lines at their objects and body lines into the postData string', () => {
    const pasted = mustRead(readHar(CHROME_HAR));
    const date = pasted.lineSources[5]!;
    expect(JSON.parse(CHROME_HAR.slice(date.start, date.end))).toEqual({
      name: 'date',
      value: 'Fri, 24 May 2013 00:00:00 GMT',
    });
    const body = pasted.lineSources.at(-1)!;
    expect(CHROME_HAR.slice(body.start, body.end)).toBe('Welcome to Amazon S3.');
    const host = pasted.lineSources[1]!;
    expect(CHROME_HAR.slice(host.start, host.end)).toContain('":authority"');
  });

  it('takes the first entry, with a hint about sanitized exports, when none is signed', () => {
    const unsigned = JSON.stringify({ log: { entries: har.log.entries.slice(0, 2) } });
    const pasted = mustRead(readHar(unsigned));
    expect(pasted.http.split('\n')[0]).toBe('GET /s3/buckets/examplebucket?region=us-east-1 HTTP/2.0');
    expect(pasted.notes[0]!.hint).toMatch(/sanitized/);
  });

  it('reads a single entry and a bare request object without a note', () => {
    const entry = JSON.stringify(har.log.entries[2], null, 2);
    const request = JSON.stringify(har.log.entries[2]!.request);
    expect(mustRead(readHar(entry)).notes).toEqual([]);
    expect(mustRead(readHar(request)).http).toBe(mustRead(readHar(CHROME_HAR)).http);
  });

  it('keeps a Host header and rebuilds a body from postData.params, form-encoded', () => {
    const request = {
      method: 'POST',
      url: 'https://sqs.us-east-1.amazonaws.com/?Action=ListQueues',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Host', value: 'sqs.us-east-1.amazonaws.com' }],
      postData: {
        mimeType: 'application/x-www-form-urlencoded',
        params: [
          { name: 'Version', value: '2012-11-05' },
          { name: 'QueueNamePrefix', value: 'my queue/ü' },
          { name: 'Already', value: 'a%20b+c' },
        ],
      },
    };
    const pasted = mustRead(readHar(JSON.stringify(request)));
    expect(pasted.http).toBe(
      'POST /?Action=ListQueues HTTP/1.1\nHost: sqs.us-east-1.amazonaws.com\n\n' +
        'Version=2012-11-05&QueueNamePrefix=my+queue%2F%C3%BC&Already=a%20b+c',
    );
    expect(pasted.notes.map((n) => n.kind)).toEqual(['har-params']);
  });

  it('points a JSON syntax error at its place', () => {
    const text = '{"log": {"entries": [}}';
    const result = readHar(text);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: 'json', span: { start: 21, end: 22 } });
  });

  it('points a bad header at its object', () => {
    const text = JSON.stringify({
      method: 'GET',
      url: 'https://h/',
      headers: [
        { name: 'ok', value: '1' },
        { name: 'bad name', value: '2' },
      ],
    });
    const result = readHar(text);
    expect(result.ok).toBe(false);
    const error = result.problems.find((p) => p.severity === 'error')!;
    expect(text.slice(error.span!.start, error.span!.end)).toBe('"bad name"');
  });

  it('says what it expected from JSON that is not HAR', () => {
    for (const text of [
      '{"log": {"entries": []}}',
      '{"hello": 1}',
      '[1, 2]',
      '{"method": 1, "url": "https://h/"}',
    ]) {
      const result = readHar(text);
      expect(result.ok, text).toBe(false);
      expectWellFormed(text, result);
    }
  });
});
