/**
 * The shapes people really paste a server's reply in, written by hand after the kinds in issue 7 (the twins under
 * tests/fixtures/real-shapes are tested in tests/sig/real-shapes.readers.test.ts): Node and Go error lines, printed
 * Python and JavaScript objects, JSON and XML after a log prefix or escaped inside each other, per-line prefixes,
 * pastes cut off or reformatted. Each is read with no error problem and says what was cut or normalized.
 */

import { describe, expect, it } from 'vitest';
import { parseServerErrors } from '../../../src/lib/sig/server-error/parse';
import type { ServerError } from '../../../src/lib/sig/server-error/types';
import type { Problem } from '../../../src/lib/sig/types';

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const CR = [
  'POST',
  '/',
  '',
  'content-type:application/x-amz-json-1.1',
  'host:logs.eu-north-1.amazonaws.com',
  'x-amz-date:20240305T101500Z',
  'x-amz-target:Logs_20140328.PutLogEvents',
  '',
  'content-type;host;x-amz-date;x-amz-target',
  '8f3c0bd6a0e1f4f29d05c53e1cbf5e1b2f0e6ad7f5b49e7b4c1d0b2a9c4a7e31',
].join('\n');
const STS = [
  'AWS4-HMAC-SHA256',
  '20240305T101500Z',
  '20240305/eu-north-1/logs/aws4_request',
  '1f0c5d3a7e9b2c4d6f8a0b1c3d5e7f9a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e',
].join('\n');
const FULL = `${MISMATCH}\n\nThe Canonical String for this request should have been\n'${CR}'\n\nThe String-to-Sign should have been\n'${STS}'\n`;

/** Reads a paste that must hold one reply, with no error problem and every span inside the paste. */
function read(text: string): { reply: ServerError; problems: Problem[] } {
  const result = parseServerErrors(text);
  for (const p of result.problems) {
    expect(p.severity, `${p.kind}: ${p.message}`).not.toBe('error');
    if (p.span) expect(p.span.end).toBeLessThanOrEqual(text.length);
  }
  expect(result.ok).toBe(true);
  if (!result.ok) throw new Error('unreadable');
  return { reply: result.value[0]!, problems: result.problems };
}

/** Python's repr of a str: single quotes, escapes for \n, \\ and '. */
function pyRepr(s: string, prefix = ''): string {
  return `${prefix}'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

describe('Node and Go error lines', () => {
  it('reads an aws-sdk v2 error as old Node prints it, with its members after the stack', () => {
    const text = [
      `{ InvalidSignatureException: ${MISMATCH}`,
      '    at Request.extractError (/srv/app/node_modules/aws-sdk/lib/protocol/json.js:52:27)',
      '    at Request.callListeners (/srv/app/node_modules/aws-sdk/lib/sequential_executor.js:106:20)',
      `  message: '${MISMATCH}',`,
      "  code: 'InvalidSignatureException',",
      '  time: 2019-05-02T10:11:12.345Z,',
      "  requestId: 'Q8GJ1PT3L1N5JD0C9LTEV3NK37VV4KQNSO5AEMVJF66Q9ASUAAJG',",
      '  statusCode: 400,',
      '  retryable: false,',
      '  retryDelay: 43.2 }',
    ].join('\n');
    const { reply } = read(text);
    expect(reply).toMatchObject({ envelope: 'node-error', code: 'InvalidSignatureException', status: 400 });
    expect(reply.message).toBe(MISMATCH);
    expect(reply.truncated).toBeUndefined();
  });

  it('reads an aws-sdk v3 error with $metadata and the expected strings split by util.inspect', () => {
    const split = (s: string) =>
      s
        .split('\n')
        .map((l, k, all) => `'${l}${k < all.length - 1 ? '\\n' : ''}'`)
        .join(' +\n    ');
    const text = [
      `SignatureDoesNotMatch: ${MISMATCH}`,
      '    at throwDefaultError (/app/node_modules/@smithy/smithy-client/dist-cjs/index.js:838:20)',
      '    at async /app/node_modules/@smithy/middleware-logger/dist-cjs/index.js:34:22 {',
      "  '$fault': 'client',",
      "  '$metadata': { httpStatusCode: 403, requestId: 'X1', attempts: 1, totalRetryDelay: 0 },",
      "  Code: 'SignatureDoesNotMatch',",
      `  StringToSign: ${split(STS)},`,
      `  CanonicalRequest: ${split(CR)},`,
      "  RequestId: 'X1'",
      '}',
    ].join('\n');
    const { reply } = read(text);
    expect(reply).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403, comparable: true });
    expect(reply.stringToSign!.text).toBe(STS);
    expect(reply.canonicalRequest!.text).toBe(CR);
  });

  it('reads a Go error line after a log prefix, with and without its status line', () => {
    const bare = read(`2024/03/05 10:15:00 upload failed: SignatureDoesNotMatch: ${MISMATCH}`).reply;
    expect(bare).toMatchObject({ code: 'SignatureDoesNotMatch', message: MISMATCH });
    const withStatus = read(
      `SignatureDoesNotMatch: ${MISMATCH}\n\tstatus code: 403, request id: 4TRW3Y1, host id: abc=`,
    ).reply;
    expect(withStatus).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
  });

  it('reads a Terraform "* " bullet holding a Go SDK error', () => {
    const text = [
      'Error: Error applying plan:',
      '',
      '1 error occurred:',
      `\t* aws_route53_record.www: SignatureDoesNotMatch: ${MISMATCH}`,
      '\tstatus code: 403, request id: 1b2c3d4e-0000-4000-8000-000000000000',
    ].join('\n');
    expect(read(text).reply).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
  });

  it('does not take a word such as "ID:" or "Error:" for an error code', () => {
    const result = parseServerErrors('Request ID: 4TRW3Y1\nError: something went wrong');
    expect(result.ok).toBe(false);
  });
});

describe('tools that quote the reply themselves', () => {
  it("reads s3cmd's S3 error line", () => {
    const text = `ERROR: S3 error: 403 (SignatureDoesNotMatch): ${MISMATCH}`;
    expect(read(text).reply).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403, message: MISMATCH });
  });

  it('ends XML where aws-sdk-php (Guzzle) cut it, taking no cut identifier for whole', () => {
    const text = [
      'PHP Fatal error:  Uncaught Aws\\S3\\Exception\\S3Exception: Error executing "PutObject" on "https://m.s3.amazonaws.com/a.png"; AWS HTTP error: Client error: `PUT https://m.s3.amazonaws.com/a.png` resulted in a `403 Forbidden` response:',
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<Error><Code>SignatureDoesNotMatch</Code><Message>${MISMATCH}</Message><AWSAccessKeyId>AKIA (truncated...)`,
      ` SignatureDoesNotMatch (client): ${MISMATCH} - <?xml version="1.0" encoding="UTF-8"?>`,
      `<Error><Code>SignatureDoesNotMatch</Code><Message>${MISMATCH}</Message><AWSAccessKeyId>AKIAQ3EXAMPLE7ZABCDE</AWSAccessKeyId><StringToSign>${STS}</StringToSign></Error> in /var/www/vendor/aws/aws-sdk-php/src/WrappedHttpHandler.php:195`,
    ].join('\n');
    const result = parseServerErrors(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first] = result.value;
    expect(first).toMatchObject({ code: 'SignatureDoesNotMatch' });
    expect(first!.accessKeyId).toBeUndefined();
    expect(first!.truncated).toBeDefined();
    const full = result.value.find((r) => r.stringToSign);
    expect(full).toMatchObject({ accessKeyId: 'AKIAQ3EXAMPLE7ZABCDE' });
    expect(full!.stringToSign!.text).toBe(STS);
  });
});

describe('SDK errors serialised or repr-ed', () => {
  it('reads JSON.stringify of an aws-sdk v2 error, status and all', () => {
    const text = JSON.stringify({
      message: MISMATCH,
      code: 'SignatureDoesNotMatch',
      time: '2024-03-05T10:15:00.123Z',
      requestId: 'Q8GJ1PT3L1N5JD0C',
      statusCode: 403,
      retryable: false,
    });
    expect(read(text).reply).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403, message: MISMATCH });
  });

  it("reads Python's repr of a ClientError without its closing quote and parenthesis", () => {
    const text = `ClientError('An error occurred (SignatureDoesNotMatch) when calling the GetObject operation: ${MISMATCH}')`;
    expect(read(text).reply).toMatchObject({ code: 'SignatureDoesNotMatch', message: MISMATCH });
  });
});

describe('printed Python objects', () => {
  it("reads botocore's e.response dict", () => {
    const text = `{'Error': {'Code': 'SignatureDoesNotMatch', 'Message': ${pyRepr(FULL)}}, 'ResponseMetadata': {'RequestId': 'X1', 'HTTPStatusCode': 403, 'HTTPHeaders': {'content-type': 'text/xml'}, 'RetryAttempts': 0}}`;
    const { reply } = read(text);
    expect(reply).toMatchObject({ envelope: 'printed-object', code: 'SignatureDoesNotMatch', status: 403 });
    expect(reply.canonicalRequest!.text).toBe(CR);
    expect(reply.stringToSign!.text).toBe(STS);
  });

  it("reads Python 2's {u'message': u\"…\"}", () => {
    const message = FULL.replace(/\n/g, '\\n');
    const { reply } = read(`{u'message': u"${message}"}`);
    expect(reply.message).toBe(FULL.trim());
    expect(reply.stringToSign!.text).toBe(STS);
  });

  it('reads a pprint dict whose bytes value is split into adjacent chunks, split anywhere', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>${MISMATCH}</Message><StringToSign>${STS}</StringToSign></Error>`;
    const repr = pyRepr(xml, 'b');
    const body = repr.slice(2, -1);
    const chunks: string[] = [];
    // Split every 37 characters, never inside an escape.
    for (let i = 0; i < body.length;) {
      let j = Math.min(body.length, i + 37);
      while (j < body.length && body[j - 1] === '\\') j++;
      chunks.push(`b'${body.slice(i, j)}'`);
      i = j;
    }
    const text = `DEBUG: Response:\n{'data': ${chunks.join('\n         ')},\n 'headers': {'x-amz-request-id': 'X1'},\n 'reason': 'Forbidden',\n 'status': 403}`;
    const { reply } = read(text);
    expect(reply).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403, format: 's3-xml' });
    expect(reply.stringToSign!.text).toBe(STS);
  });
});

describe('JSON and XML inside each other, after a prefix', () => {
  it('reads XML carried in a JSON string, <\\/ and \\n escapes and all', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>${MISMATCH}</Message><StringToSign>${STS}</StringToSign></Error>`;
    const text = `{"error": ${JSON.stringify(xml).replace(/\//g, '\\/')}}`;
    const { reply } = read(text);
    expect(reply).toMatchObject({ code: 'SignatureDoesNotMatch', format: 's3-xml' });
    expect(reply.stringToSign!.text).toBe(STS);
  });

  it('reads XML pasted still escaped as in a JSON string', () => {
    const xml = `<Error><Code>SignatureDoesNotMatch</Code><Message>${MISMATCH}</Message><StringToSign>${STS}</StringToSign></Error>`;
    const text = JSON.stringify(xml).slice(1, -1).replace(/\//g, '\\/');
    const { reply } = read(text);
    expect(reply.code).toBe('SignatureDoesNotMatch');
    expect(reply.stringToSign!.text).toBe(STS);
    expect(reply.span).toEqual({ start: 0, end: text.length });
  });

  it('reads JSON after any prefix on its line', () => {
    const json = JSON.stringify({
      __type: 'com.amazon.coral.service#InvalidSignatureException',
      message: FULL,
    });
    for (const prefix of ['json: ', 'ERROR 2024-03-05 upload failed body=', 'level=error resp=']) {
      const { reply } = read(`${prefix}${json}`);
      expect(reply.code).toBe('InvalidSignatureException');
      expect(reply.canonicalRequest!.text).toBe(CR);
    }
  });

  it('reads an XML reply after a prefix on its first line', () => {
    const text = `* <?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>${MISMATCH}</Message></Error>`;
    expect(read(text).reply.code).toBe('SignatureDoesNotMatch');
  });
});

describe('per-line prefixes and reformatting', () => {
  it('leaves out the Terraform "│ " before every line', () => {
    const text = ['╷', ...`Error: SignatureDoesNotMatch: ${FULL}`.split('\n').map((l) => `│ ${l}`), '╵'].join(
      '\n',
    );
    const { reply } = read(text);
    expect(reply.canonicalRequest!.text).toBe(CR);
    expect(reply.normalized?.some((n) => /Terraform/.test(n))).toBe(true);
  });

  it('reads a paste with CRLF line ends', () => {
    const text =
      `An error occurred (InvalidSignatureException) when calling the PutLogEvents operation: ${FULL}`.replace(
        /\n/g,
        '\r\n',
      );
    const { reply } = read(text);
    expect(reply.canonicalRequest!.text).toBe(CR);
    expect(reply.normalized).toContain('CRLF line ends were read as LF.');
  });

  it('reads a paste a forum double-spaced (a blank line after every line)', () => {
    const text =
      `An error occurred (InvalidSignatureException) when calling the PutLogEvents operation: ${FULL}`
        .trim()
        .replace(/\n/g, '\n\n');
    const { reply } = read(text);
    expect(reply.canonicalRequest!.text).toBe(CR);
    expect(reply.stringToSign!.text).toBe(STS);
  });

  it('joins a hash hard-wrapped over two lines and leaves out an indentation every line shares', () => {
    const wrapped = STS.replace(/([0-9a-f]{30})([0-9a-f]{34})$/, '$1\n$2');
    const indented = CR.split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
    const text = `<Error><Code>SignatureDoesNotMatch</Code><CanonicalRequest>\n${indented}\n</CanonicalRequest><StringToSign>${wrapped}</StringToSign></Error>`;
    const { reply } = read(text);
    expect(reply.stringToSign!.text).toBe(STS);
    expect(reply.canonicalRequest!.text).toBe(CR);
    expect(reply.canonicalRequest!.normalized?.length).toBeGreaterThan(0);
  });

  it('puts back the empty query line and the blank line a paste lost from a canonical request', () => {
    const lost = CR.replace('/\n\n', '/\n').replace('\n\ncontent-type;', '\ncontent-type;');
    const text = `<Error><Code>SignatureDoesNotMatch</Code><CanonicalRequest>${lost}</CanonicalRequest></Error>`;
    const { reply } = read(text);
    expect(reply.canonicalRequest!.text).toBe(CR);
    expect(reply.canonicalRequest!.normalized?.some((n) => /lost/.test(n))).toBe(true);
  });

  it("restores a canonical request whose line breaks a browser's XML view turned into spaces", () => {
    const text = `<Error><Code>SignatureDoesNotMatch</Code><CanonicalRequest>${CR.replace(/\n/g, ' ')}</CanonicalRequest></Error>`;
    expect(read(text).reply.canonicalRequest!.text).toBe(CR);
  });
});

describe('cut-off pastes', () => {
  it('keeps the canonical request up to the cut of a text message, and says where the paste ends', () => {
    const text = `An error occurred (SignatureDoesNotMatch) when calling the PutLogEvents operation: ${FULL.slice(0, FULL.indexOf('x-amz-target:') + 5)}`;
    const { reply, problems } = read(text);
    expect(reply.canonicalRequest!.text).toBe(CR.slice(0, CR.indexOf('x-amz-target:') + 5));
    expect(reply.canonicalRequest!.truncated!.span.end).toBe(text.length);
    expect(problems.filter((p) => p.kind === 'truncated')).toHaveLength(1);
  });

  it('keeps the members of a JSON reply read before the cut', () => {
    const json = JSON.stringify({ __type: 'InvalidSignatureException', message: FULL });
    const text = json.slice(0, json.indexOf('x-amz-date:'));
    const { reply } = read(text);
    expect(reply.code).toBe('InvalidSignatureException');
    expect(reply.truncated).toBeDefined();
  });

  it('reads the whole bytes of a *Bytes element cut in the middle of a byte', () => {
    const hex = [...new TextEncoder().encode(STS)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const text = `<Error><Code>SignatureDoesNotMatch</Code><StringToSignBytes>${hex.slice(0, 101)}`;
    const { reply } = read(text);
    expect(reply.stringToSign!.from).toBe('bytes');
    expect(STS.startsWith(reply.stringToSign!.text)).toBe(true);
    expect(reply.stringToSign!.text.length).toBe(33);
    expect(reply.stringToSign!.truncated).toBeDefined();
  });
});

describe('bare SigV2 strings to sign', () => {
  it('reads an S3 SigV2 string to sign pasted as the reply, as lines or with literal \\n', () => {
    const sts = 'GET\n\n\nWed, 16 Jun 2010 19:05:33 GMT\nx-amz-meta-owner:hr\n/com.acme-hr.resumes/';
    for (const text of [sts, sts.replace(/\n/g, '\\n')]) {
      const { reply } = read(text);
      expect(reply).toMatchObject({ scheme: 'sigv2', comparable: true });
      expect(reply.stringToSign!.text).toBe(sts);
    }
  });
});
