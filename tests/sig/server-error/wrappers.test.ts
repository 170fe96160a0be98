/**
 * The same replies as users actually paste them: behind an HTTP status line, inside botocore's `Response body:`
 * bytes repr, as SDK one-liners (botocore, Java v1/v2, Go v1/v2), with decimal bytes, and broken in the ways pastes
 * break. The fields must come out as from the bare fixture.
 */

import { describe, expect, it } from 'vitest';
import { parseServerErrors } from '../../../src/lib/sig/server-error/parse';
import type { ServerError } from '../../../src/lib/sig/server-error/types';
import type { Problem } from '../../../src/lib/sig/types';
import { fixture, rawElement } from './fixture-files';
import { pythonBytesRepr } from './python-repr';

function only(text: string): { reply: ServerError; problems: Problem[] } {
  const result = parseServerErrors(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(result.value).toHaveLength(1);
  return { reply: result.value[0]!, problems: result.problems };
}

/** The fields that must not depend on the wrapper. */
function essentials(r: ServerError) {
  return {
    code: r.code,
    message: r.message,
    canonicalRequest: r.canonicalRequest && { text: r.canonicalRequest.text, from: r.canonicalRequest.from },
    stringToSign: r.stringToSign && { text: r.stringToSign.text, from: r.stringToSign.from },
    signatureProvided: r.signatureProvided,
    accessKeyId: r.accessKeyId,
    comparable: r.comparable,
    scheme: r.scheme,
  };
}

const F1 = fixture('F1');
const bare = only(F1).reply;
const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

describe('wrappers around the F1 body', () => {
  it('reads F1 behind an HTTP status line and CRLF headers', () => {
    const text = `HTTP/1.1 403 Forbidden\r\nx-amz-request-id: 0EXAMPLE\r\nContent-Type: application/xml\r\n\r\n${F1}`;
    const { reply } = only(text);
    expect(essentials(reply)).toEqual(essentials(bare));
    expect(reply).toMatchObject({ envelope: 'http', status: 403, format: 's3-xml' });
    expect(reply.canonicalRequest!.span.start).toBe(
      bare.canonicalRequest!.span.start + text.indexOf('<?xml'),
    );
  });

  it('reads F1 as curl -v prints a response ("< " prefixes)', () => {
    const { reply } = only(`< HTTP/1.1 403 Forbidden\n< Content-Type: application/xml\n< \n${F1}`);
    expect(essentials(reply)).toEqual(essentials(bare));
    expect(reply.status).toBe(403);
  });

  it("writes Python's bytes repr exactly as Python does", () => {
    const sample =
      '<?xml version="1.0"?>\n<Error><Code>It\'s \\ here</Code><Message>café ’\t\r\0</Message></Error>';
    expect(pythonBytesRepr(sample)).toBe(
      String.raw`b'<?xml version="1.0"?>\n<Error><Code>It\'s \\ here</Code><Message>caf\xc3\xa9 \xe2\x80\x99\t\r\x00</Message></Error>'`,
    );
    expect(pythonBytesRepr("<Error><Code>It's</Code></Error>")).toBe(`b"<Error><Code>It's</Code></Error>"`);
  });

  it("reads F1 from botocore's Response body line, escapes undone, spans on the paste", () => {
    const head = '2024-01-15 12:00:00,456 - MainThread - botocore.parsers - DEBUG - Response body:\n';
    const text = `${head}${pythonBytesRepr(F1)}\n2024-01-15 12:00:00,457 - MainThread - botocore.hooks - DEBUG - Event …\n`;
    const { reply, problems } = only(text);
    expect(essentials(reply)).toEqual(essentials(bare));
    expect(reply.envelope).toBe('botocore-bytes');
    const span = reply.canonicalRequest!.span;
    expect(text.slice(span.start, span.end)).toBe(rawElement(F1, 'CanonicalRequestBytes'));
    const sts = reply.stringToSign!.span;
    expect(text.slice(sts.start, sts.end)).toBe(rawElement(F1, 'StringToSignBytes'));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('decodes UTF-8 bytes written as \\xNN in a botocore repr', () => {
    const body = '<Error><Code>SignatureDoesNotMatch</Code><Message>Key ‘café’ failed</Message></Error>';
    const { reply } = only(`Response body:\n${pythonBytesRepr(body)}`);
    expect(reply.message).toBe('Key ‘café’ failed');
  });

  it('reads a botocore / AWS CLI one-liner', () => {
    const text = `An error occurred (SignatureDoesNotMatch) when calling the GetObject operation: ${MISMATCH}`;
    const { reply } = only(`\nfatal error: ${text}\n`);
    expect(reply).toMatchObject({
      envelope: 'sdk-line',
      format: 'text',
      code: 'SignatureDoesNotMatch',
      message: MISMATCH,
    });
    expect(reply.comparable).toBe(false);
    expect(reply.advice).toMatch(/SDK error line leaves out what the server expected/);
  });

  it('reads a CLI one-liner whose message quotes the expected strings over blank lines, then the next reply', () => {
    const f5 = fixture('F5');
    const message = (JSON.parse(f5.slice(f5.indexOf('{'))) as { message: string }).message;
    const cli = `An error occurred (InvalidSignatureException) when calling the GetConnection operation: ${message}`;
    const result = parseServerErrors(`${cli}\n\n${fixture('F10')}`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [first, second] = result.value;
    const fromJson = only(f5).reply;
    expect(first!.canonicalRequest!.text).toBe(fromJson.canonicalRequest!.text);
    expect(first!.stringToSign!.text).toBe(fromJson.stringToSign!.text);
    expect(second!.code).toBe('RequestTimeTooSkewed');
  });

  it('reads AWS SDK for Java v1 and v2 exception lines', () => {
    const v1 = `com.amazonaws.services.s3.model.AmazonS3Exception: ${MISMATCH} (Service: Amazon S3; Status Code: 403; Error Code: SignatureDoesNotMatch; Request ID: 0EXAMPLE; S3 Extended Request ID: abc=; Proxy: null)`;
    expect(only(v1).reply).toMatchObject({
      envelope: 'sdk-line',
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: MISMATCH,
    });
    const v2 = `software.amazon.awssdk.services.s3.model.S3Exception: ${MISMATCH} (Service: S3, Status Code: 403, Request ID: 0EXAMPLE, Extended Request ID: abc=)`;
    const reply = only(`Exception in thread "main" ${v2}\n\tat software.amazon.awssdk…`).reply;
    expect(reply).toMatchObject({ status: 403, message: MISMATCH, comparable: false });
    expect(reply.code).toBeUndefined();
    expect(reply.advice).toBeDefined();
  });

  it('reads aws-sdk-go v1 and v2 error strings', () => {
    const v1 = `SignatureDoesNotMatch: ${MISMATCH}\n\tstatus code: 403, request id: 0EXAMPLE, host id: abc=`;
    expect(only(`2024/01/15 12:00:00 ${v1}`).reply).toMatchObject({
      envelope: 'sdk-line',
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: MISMATCH,
    });
    const v2 = `operation error S3: GetObject, https response error StatusCode: 403, RequestID: 0EXAMPLE, HostID: abc=, api error SignatureDoesNotMatch: ${MISMATCH}`;
    expect(only(v2).reply).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch', message: MISMATCH });
  });

  it('reads decimal *Bytes (as some S3-compatible servers send) and prefers them', () => {
    const toDecimal = (hex: string) =>
      hex
        .split(' ')
        .map((h) => String(parseInt(h, 16)))
        .join(' ');
    const text = F1.replace(
      /(<(CanonicalRequestBytes|StringToSignBytes)>)([^<]*)/g,
      (_, open: string, _name: string, hex: string) => open + toDecimal(hex),
    );
    const { reply, problems } = only(text);
    expect(essentials(reply)).toEqual(essentials(bare));
    expect(problems).toEqual([]);
  });

  it('reads decimal bytes without a text counterpart by what decodes sensibly', () => {
    const decimal = Array.from(new TextEncoder().encode('GET\n/\n'), String).join(' ');
    const { reply } = only(
      `<Error><Code>SignatureDoesNotMatch</Code><CanonicalRequestBytes>${decimal}</CanonicalRequestBytes></Error>`,
    );
    expect(reply.canonicalRequest).toMatchObject({ text: 'GET\n/\n', from: 'bytes' });
  });

  it('warns when the text and the bytes disagree, pointing at the text', () => {
    const text = F1.replace(
      '<CanonicalRequest>GET\n/photos/cat%20',
      '<CanonicalRequest>GET\n/photos/cat%2520',
    );
    const { reply, problems } = only(text);
    expect(reply.canonicalRequest!.text).toBe(bare.canonicalRequest!.text);
    const warning = problems.find((p) => p.kind === 'bytes-text-mismatch')!;
    expect(warning.severity).toBe('warning');
    expect(text.slice(warning.span!.start, warning.span!.end)).toContain('%2520');
  });

  it('reads the error code of an API Gateway reply from x-amzn-ErrorType', () => {
    const text =
      'HTTP/1.1 403 Forbidden\nx-amzn-ErrorType: IncompleteSignatureException:http://internal.amazon.com/\n\n{"message":"Authorization header requires \'Credential\' parameter."}';
    expect(only(text).reply.code).toBe('IncompleteSignatureException');
  });

  it('reads a 403 with no body and says what to do', () => {
    const { reply } = only('HTTP/1.1 403 Forbidden\r\nx-amz-request-id: 0EXAMPLE\r\n\r\n');
    expect(reply).toMatchObject({ status: 403, comparable: false });
    expect(reply.advice).toMatch(/no body/);
  });

  it('reads an S3 "incorrect service" message', () => {
    const text = `<Error><Code>AuthorizationHeaderMalformed</Code><Message>The authorization header is malformed; incorrect service "s4". This endpoint belongs to "s3".</Message></Error>`;
    expect(only(text).reply).toMatchObject({ givenService: 's4', expectedService: 's3' });
  });

  it('finds the reply in a whole debug log and notes the skipped lines', () => {
    const log = [
      '2024-01-15 12:00:00,400 - MainThread - botocore.endpoint - DEBUG - Sending http request: <AWSPreparedRequest …>',
      '2024-01-15 12:00:00,456 - MainThread - botocore.parsers - DEBUG - Response headers: {…}',
      `2024-01-15 12:00:00,456 - MainThread - botocore.parsers - DEBUG - Response body:\n${pythonBytesRepr(F1)}`,
    ].join('\n');
    const result = parseServerErrors(log);
    expect(result.ok && result.value.map(essentials)).toEqual([essentials(bare)]);
    expect(result.problems.find((p) => p.kind === 'skipped-lines')?.severity).toBe('note');
  });
});

describe('broken pastes', () => {
  it('keeps what a cut-off reply said before the cut, with a warning', () => {
    const text = F1.slice(0, F1.indexOf('<CanonicalRequestBytes>') + 60);
    const { reply, problems } = only(text);
    expect(reply.canonicalRequest).toMatchObject({ from: 'text', text: bare.canonicalRequest!.text });
    expect(reply.truncated?.what).toMatch(/CanonicalRequestBytes/);
    const cut = problems.find((p) => p.kind === 'truncated')!;
    expect(cut.severity).toBe('warning');
    expect(cut.span!.end).toBe(text.length);
  });

  it('fails with a located problem when nothing was read before the cut', () => {
    const text = F1.slice(0, F1.indexOf('</Code>'));
    const result = parseServerErrors(text);
    expect(result.ok).toBe(false);
    const p = result.problems.find((q) => q.kind === 'xml-truncated')!;
    expect(p.severity).toBe('error');
    expect(p.span!.end).toBeLessThanOrEqual(text.length);
  });

  it('reads JSON with a trailing comma and warns at the comma', () => {
    const text = '{"message": "Signature expired", }';
    const { reply, problems } = only(text);
    expect(reply.message).toBe('Signature expired');
    const p = problems.find((q) => q.kind === 'json-trailing-comma')!;
    expect(p.severity).toBe('warning');
    expect(p.span!.start).toBe(text.indexOf('}'));
  });

  it('reports JSON it cannot read at all at its position', () => {
    const text = '{"message" "Signature expired"}';
    const result = parseServerErrors(text);
    expect(result.ok).toBe(false);
    const p = result.problems[0]!;
    expect(p.kind).toBe('json');
    expect(p.span!.start).toBe(text.indexOf('"S'));
  });

  it('reports odd-length hex as a warning beside the code it still reads', () => {
    const alone = `<Error><Code>SignatureDoesNotMatch</Code><StringToSignBytes>4157534</StringToSignBytes></Error>`;
    const a = parseServerErrors(alone);
    expect(a.ok && a.value[0]!.code).toBe('SignatureDoesNotMatch');
    const error = a.problems.find((p) => p.kind === 'bytes-hex')!;
    expect(error.severity).toBe('warning');
    expect(alone.slice(error.span!.start, error.span!.end)).toBe('4157534');
    const withText = alone.replace(
      '<StringToSignBytes>',
      '<StringToSign>AWS</StringToSign><StringToSignBytes>',
    );
    const b = parseServerErrors(withText);
    expect(b.ok && b.value[0]!.stringToSign).toMatchObject({ text: 'AWS', from: 'text' });
    expect(b.problems.find((p) => p.kind === 'bytes-hex')!.severity).toBe('warning');
  });

  it('reports a byte that is not hex', () => {
    const text = `<Error><Code>X</Code><StringToSignBytes>41 4g 53</StringToSignBytes></Error>`;
    const p = parseServerErrors(text).problems.find((q) => q.kind === 'bytes')!;
    expect(text.slice(p.span!.start, p.span!.end)).toBe('4g');
  });

  it('warns about unknown entities and keeps them as written', () => {
    const { reply, problems } = only(
      '<Error><Code>X</Code><Message>a &nbsp; b &#x41; &#0;</Message></Error>',
    );
    expect(reply.message).toBe('a &nbsp; b A &#0;');
    expect(problems.filter((p) => p.kind === 'xml-entity')).toHaveLength(2);
  });

  it('says which shapes it reads when it recognises nothing', () => {
    const result = parseServerErrors('hello world\nnothing here');
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ kind: 'server-error-shape', span: { start: 0, end: 24 } });
    expect(result.problems[0]!.message).toMatch(/XML.*JSON.*HTTP.*botocore/);
  });

  it('fails on an empty paste with a span at 0', () => {
    const result = parseServerErrors('');
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.span).toEqual({ start: 0, end: 0 });
  });
});
