import { describe, expect, it } from 'vitest';
import { verifyText } from '../../../src/lib/sig/index';
import { readCurlCommand } from '../../../src/lib/sig/request/curl-command';
import { removeDotSegments } from '../../../src/lib/sig/request/curl-url';
import {
  CHROME_CURL_BASH,
  CHROME_CURL_CMD,
  CURL_FORM_POST,
  CURL_GET_VANILLA,
  FIREFOX_CURL,
  SUITE_SECRET,
} from './pastes';
import { expectWellFormed, mustRead } from './well-formed';

const lines = (text: string) => mustRead(readCurlCommand(text)).http.split('\n');
const kinds = (text: string) => mustRead(readCurlCommand(text)).notes.map((n) => n.kind);

describe('readCurlCommand on what people paste', () => {
  it('verifies the aws-c-auth get-vanilla request written as a curl command', async () => {
    const pasted = mustRead(readCurlCommand(CURL_GET_VANILLA));
    expectWellFormed(CURL_GET_VANILLA, readCurlCommand(CURL_GET_VANILLA));
    const result = await verifyText({ scheme: 'sigv4', request: pasted.http, secretAccessKey: SUITE_SECRET });
    expect(result.ok && result.value.match).toBe(true);
  });

  it('adds the Content-Length and Content-Type curl sends with -d, which this vector signs', async () => {
    const pasted = mustRead(readCurlCommand(CURL_FORM_POST));
    expect(pasted.http.split('\n')).toContain('Content-Length: 13');
    expect(pasted.http.split('\n')).toContain('Content-Type: application/x-www-form-urlencoded');
    expect(pasted.http.split('\n')[0]).toBe('POST / HTTP/1.1');
    const result = await verifyText({ scheme: 'sigv4', request: pasted.http, secretAccessKey: SUITE_SECRET });
    expect(result.ok && result.value.match).toBe(true);
  });

  it("reads Chrome's Copy as cURL (bash), $'…' body and all", () => {
    const pasted = mustRead(readCurlCommand(CHROME_CURL_BASH));
    const http = pasted.http.split('\n');
    expect(http[0]).toBe('POST / HTTP/1.1');
    expect(http).toContain('Host: dynamodb.us-east-1.amazonaws.com');
    expect(http).toContain('sec-ch-ua: "Chromium";v="122", "Not(A:Brand";v="24", "Google Chrome";v="122"');
    expect(http).toContain('Accept-Encoding: deflate, gzip');
    expect(http).toContain('content-type: application/x-amz-json-1.0');
    expect(http).not.toContain('Content-Type: application/x-www-form-urlencoded');
    expect(http.at(-1)).toContain(`"Note":"it's !"`);
    expect(http.at(-1)).toContain('"Artist = :a"');
    expect(pasted.hints).toMatchObject({
      mode: 'header',
      accessKeyId: 'ASIAEXAMPLEEXAMPLE12',
      service: 'dynamodb',
      sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLETOKEN//////////wEaCXVzLWVhc3QtMSJHMEUCIQ==',
      scheme: 'sigv4',
    });
    expectWellFormed(CHROME_CURL_BASH, readCurlCommand(CHROME_CURL_BASH));
  });

  it('points each -H line at its option in the paste', () => {
    const pasted = mustRead(readCurlCommand(CHROME_CURL_BASH));
    const i = pasted.http.split('\n').indexOf('x-amz-target: DynamoDB_20120810.Query');
    const source = pasted.lineSources[i]!;
    expect(CHROME_CURL_BASH.slice(source.start, source.end)).toBe(
      "-H 'x-amz-target: DynamoDB_20120810.Query'",
    );
    const requestLine = pasted.lineSources[0]!;
    expect(CHROME_CURL_BASH.slice(requestLine.start, requestLine.end)).toBe(
      "'https://dynamodb.us-east-1.amazonaws.com/'",
    );
  });

  it("reads Chrome's Copy as cURL (cmd), carets and all", () => {
    const http = lines(CHROME_CURL_CMD);
    expect(http[0]).toBe('POST / HTTP/1.1');
    expect(http).toContain('x-amz-target: DynamoDB_20120810.ListTables');
    expect(http.at(-1)).toBe('{"Limit":10}');
  });

  it("reads Firefox's one-line Copy as cURL", () => {
    const http = lines(FIREFOX_CURL);
    expect(http[0]).toBe('POST / HTTP/1.1');
    expect(http).toContain('Accept-Encoding: gzip, deflate, br');
    expect(http).toContain('Content-Type: application/x-www-form-urlencoded; charset=utf-8');
    expect(http).toContain('Content-Length: 43');
    expect(http.at(-1)).toBe('Action=GetCallerIdentity&Version=2011-06-15');
  });
});

describe('readCurlCommand follows curl', () => {
  it('sends GET with Host and Accept, noting the Accept and User-Agent curl adds', () => {
    expect(lines('curl https://example.com')).toEqual([
      'GET / HTTP/1.1',
      'Host: example.com',
      'Accept: */*',
      '',
      '',
    ]);
    expect(kinds('curl https://example.com')).toEqual(['curl-user-agent', 'curl-accept']);
  });

  it('joins -d options with & and posts them', () => {
    expect(
      lines(`curl -d a=1 --data 'b=2' --data-urlencode 'c=x y&z' --data-raw @literal http://h/`),
    ).toEqual([
      'POST / HTTP/1.1',
      'Host: h',
      'Accept: */*',
      'Content-Length: 28',
      'Content-Type: application/x-www-form-urlencoded',
      '',
      'a=1&b=2&c=x%20y%26z&@literal',
    ]);
  });

  it('moves data to the query with -G', () => {
    expect(lines('curl -G -d Action=ListUsers -d Version=2010-05-08 "https://iam.amazonaws.com/?x"')[0]).toBe(
      'GET /?x&Action=ListUsers&Version=2010-05-08 HTTP/1.1',
    );
  });

  it('uses -X, -I and -T for the method', () => {
    expect(lines('curl -XDELETE https://h/k')[0]).toBe('DELETE /k HTTP/1.1');
    expect(lines('curl -I https://h/k')[0]).toBe('HEAD /k HTTP/1.1');
    expect(lines('curl -T f.txt https://h/k')[0]).toBe('PUT /k HTTP/1.1');
    expect(kinds('curl -T f.txt https://h/k')).toContain('curl-upload-file');
  });

  it('replaces, removes and empties headers the way -H does', () => {
    const http = lines(`curl -H 'Accept:' -H 'Host: other.example' -H 'X-Empty;' -d x https://h/`);
    expect(http).toEqual([
      'POST / HTTP/1.1',
      'Host: other.example',
      'X-Empty: ',
      'Content-Length: 1',
      'Content-Type: application/x-www-form-urlencoded',
      '',
      'x',
    ]);
  });

  it('adds User-Agent, Referer, Cookie and Range from their options', () => {
    const http = lines(`curl -A 'my-agent/1.0' -e 'https://ref/;auto' -b 'a=1; b=2' -r 0-9 https://h/`);
    expect(http).toEqual(
      expect.arrayContaining([
        'User-Agent: my-agent/1.0',
        'Referer: https://ref/',
        'Cookie: a=1; b=2',
        'Range: bytes=0-9',
      ]),
    );
  });

  it('reads --aws-sigv4 and --user into hints', () => {
    const pasted = mustRead(
      readCurlCommand(
        `curl --aws-sigv4 'aws:amz:eu-west-1:s3' -u 'AKIDEXAMPLE:secret/with:colon' https://b.s3.eu-west-1.amazonaws.com/k`,
      ),
    );
    expect(pasted.hints).toEqual({
      mode: 'header',
      region: 'eu-west-1',
      service: 's3',
      scheme: 'sigv4-s3',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret/with:colon',
    });
    expect(pasted.http).not.toContain('Authorization');
    expect(pasted.notes.map((n) => n.kind)).toContain('curl-aws-sigv4');
  });

  it('allows --aws-sigv4 aws:amz alone', () => {
    expect(
      mustRead(readCurlCommand('curl --aws-sigv4 aws:amz https://sqs.us-east-2.amazonaws.com/')).hints,
    ).toEqual({
      mode: 'header',
      scheme: 'sigv4',
    });
  });

  it('sends Basic auth for --user without --aws-sigv4', () => {
    expect(lines('curl -u user:pa55 https://h/')).toContain('Authorization: Basic dXNlcjpwYTU1');
  });

  it('removes dot segments unless --path-as-is', () => {
    expect(lines('curl https://h/a/./b/../c?x=../y')[0]).toBe('GET /a/c?x=../y HTTP/1.1');
    expect(lines('curl --path-as-is https://h/a/./b/../c')[0]).toBe('GET /a/./b/../c HTTP/1.1');
    expect(removeDotSegments('/..')).toBe('/');
    expect(removeDotSegments('/a/b/.')).toBe('/a/b/');
  });

  it('drops the default port and the fragment, and guesses http://', () => {
    expect(lines('curl https://h:443/p#frag').slice(0, 2)).toEqual(['GET /p HTTP/1.1', 'Host: h']);
    expect(lines('curl h:8080')[1]).toBe('Host: h:8080');
    expect(kinds('curl h:8080')).toContain('curl-scheme');
  });

  it('ignores a prompt, a pipe and a redirection', () => {
    const pasted = mustRead(readCurlCommand('$ curl -s https://h/ 2>/dev/null | jq .\n{"a":1}'));
    expect(pasted.http.split('\n')[0]).toBe('GET / HTTP/1.1');
    expect(pasted.notes.map((n) => n.kind)).toContain('curl-rest');
  });

  it('notes what the paste cannot hold: data files, forms, proxies', () => {
    expect(kinds('curl -d @body.json https://h/')).toContain('curl-data-file');
    expect(kinds('curl -F file=@x https://h/')).toContain('curl-form');
    expect(kinds('curl -x http://proxy:3128 https://h/')).toContain('curl-proxy');
  });

  it('reports what stops it, with a span', () => {
    for (const [text, kind] of [
      ['wget https://h/', 'curl-command'],
      ['curl -s', 'curl-url'],
      ["curl 'https://h/", 'shell-quote'],
      ['curl -H', 'curl-option'],
      ['curl -X "GET X" https://h/', 'method'],
      ["curl -H 'bad name: 1' https://h/", 'header-name'],
      ["curl 'https://h/a b'", 'curl-url'],
    ] as const) {
      const result = readCurlCommand(text);
      expect(result.ok, text).toBe(false);
      expect(result.problems.find((p) => p.severity === 'error')?.kind, text).toBe(kind);
      expectWellFormed(text, result);
    }
  });

  it('warns about shell variables it cannot expand', () => {
    const result = readCurlCommand('curl -H "Authorization: Bearer $TOKEN" https://h/');
    const warning = mustRead(result).notes.find((n) => n.kind === 'shell-variable')!;
    expect(warning.message).toContain('$TOKEN');
  });
});
