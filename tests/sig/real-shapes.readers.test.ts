/**
 * The readers on the real-shape twins (tests/fixtures/real-shapes, copied from ../shared): every error and client
 * box reads with no error problem, and the pieces the paste shows (code, message, expected canonical request and
 * string to sign, logged signings) come out as the twin's own text says, cut where the twin is cut. Expected
 * values are sliced out of the twin with plain string operations, never taken from the readers.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClientLog } from '../../src/lib/sig/client-log/parse';
import type { ClientLog } from '../../src/lib/sig/client-log/types';
import { parseServerErrors } from '../../src/lib/sig/server-error/parse';
import type { ServerError } from '../../src/lib/sig/server-error/types';
import type { Problem, Result } from '../../src/lib/sig/types';

interface Twin {
  error: string | null;
  client: string | null;
}

const DIR = new URL('../fixtures/real-shapes/', import.meta.url);
const TWINS = new Map(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.slice(0, 2), JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as Twin]),
);

function twin(id: string): Twin {
  return TWINS.get(id)!;
}

/** The text between `a` and the first `b` after it. */
function between(text: string, a: string, b: string): string {
  const start = text.indexOf(a);
  expect(start, `"${a}" is in the twin`).toBeGreaterThanOrEqual(0);
  const from = start + a.length;
  const end = b === '' ? text.length : text.indexOf(b, from);
  expect(end, `"${b}" follows "${a}" in the twin`).toBeGreaterThanOrEqual(from);
  return text.slice(from, end);
}

const CR = "should have been\n'";
const CR_END = "'\n\nThe String-to-Sign";
const STS = "The String-to-Sign should have been\n'";

function expectPlaced(problems: readonly Problem[], text: string): void {
  for (const p of problems) {
    expect(p.severity, `${p.kind}: ${p.message}`).not.toBe('error');
    if (p.span)
      expect(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length).toBe(true);
  }
}

function readError(id: string): ServerError {
  const text = twin(id).error!;
  const result: Result<ServerError[]> = parseServerErrors(text);
  expectPlaced(result.problems, text);
  expect(result.ok).toBe(true);
  return result.ok ? result.value[0]! : (undefined as never);
}

function readClient(id: string): ClientLog {
  const text = twin(id).client!;
  const result = parseClientLog(text);
  expectPlaced(result.problems, text);
  expect(result.ok).toBe(true);
  return result.ok ? result.value : (undefined as never);
}

const MISMATCH = 'The request signature we calculated does not match the signature you provided.';

describe('real-shape twins: every box reads', () => {
  for (const [id, t] of TWINS) {
    it(`${id}: the error box and the client box read with no error problem`, () => {
      if (t.error !== null) readError(id);
      if (t.client !== null) readClient(id);
    });
  }
});

describe('real-shape twins: what each reply shows is read', () => {
  it('01 SQS Query XML: the &amp;-escaped canonical request and the string to sign', () => {
    const text = twin('01').error!;
    const reply = readError('01');
    expect(reply.code).toBe('SignatureDoesNotMatch');
    expect(reply.canonicalRequest!.text).toBe(between(text, CR, CR_END).replace(/&amp;/g, '&'));
    expect(reply.stringToSign!.text).toBe(between(text, STS, "'\n</Message>"));
  });

  it('03 Elasticsearch JSON: message, canonical request and string to sign', () => {
    const message = (JSON.parse(twin('03').error!) as { message: string }).message;
    const reply = readError('03');
    // Messages are read without the whitespace around them.
    expect(reply.message).toBe(message.trim());
    expect(reply.canonicalRequest!.text).toBe(between(message, CR, CR_END));
    expect(reply.stringToSign!.text).toBe(between(message, STS, "'"));
  });

  it('05 aws-cli text behind a wrapper line', () => {
    const text = twin('05').error!;
    const reply = readError('05');
    expect(reply.code).toBe('SignatureDoesNotMatch');
    expect(reply.canonicalRequest!.text).toBe(between(text, CR, CR_END));
    expect(reply.stringToSign!.text).toBe(between(text, STS, "'"));
  });

  it('07 aws-sdk v2 error object printed by node, cut after the stack', () => {
    const text = twin('07').error!;
    const reply = readError('07');
    expect(reply.code).toBe('SignatureDoesNotMatch');
    expect(reply.message).toMatch(new RegExp(`^${MISMATCH}`));
    expect(reply.canonicalRequest!.text).toBe(between(text, CR, CR_END));
    expect(reply.stringToSign!.text).toBe(between(text, STS, "'"));
    expect(reply.truncated).toBeDefined();
  });

  it('09 one Go error line with no status line', () => {
    const text = twin('09').error!;
    const reply = readError('09');
    expect(reply.code).toBe('SignatureDoesNotMatch');
    expect(reply.message).toBe(between(text, 'SignatureDoesNotMatch: ', '').trim());
    expect(reply.comparable).toBe(false);
  });

  it('13 a 403 status line "HTTP/1.X" and two headers, no body', () => {
    const reply = readError('13');
    expect(reply.status).toBe(403);
    expect(reply.comparable).toBe(false);
  });

  it('15 s3cmd pprint dict of adjacent b-chunks, cut inside the canonical request', () => {
    const text = twin('15').error!;
    // The chunks joined by hand: every b'…' piece, in order, escapes undone.
    const joined = [...text.matchAll(/b'((?:[^'\\\n]|\\.)*)'?/g)]
      .map((m) => m[1]!)
      .join('')
      .replace(/\\n/g, '\n');
    const reply = readError('15');
    expect(reply.code).toBe('SignatureDoesNotMatch');
    expect(reply.stringToSign!.text).toBe(between(joined, '<StringToSign>', '</StringToSign>'));
    expect(reply.signatureProvided).toBe(between(joined, '<SignatureProvided>', '</SignatureProvided>'));
    expect(reply.canonicalRequest!.text).toBe(between(joined, '<CanonicalRequest>', ''));
    expect(reply.canonicalRequest!.truncated).toBeDefined();
    const cut = reply.canonicalRequest!.truncated!.span;
    expect(text.slice(cut.start, cut.end)).toContain('x-amz-conte');
  });

  it('17 browser-rendered XML: the string to sign with its spaces read as line breaks, cut in the bytes', () => {
    const text = twin('17').error!;
    const reply = readError('17');
    const shown = between(text, '<StringToSign>\n', '\n</StringToSign>');
    expect(reply.stringToSign!.text).toBe(shown.split(' ').join('\n'));
    expect(reply.stringToSign!.normalized?.length).toBeGreaterThan(0);
    expect(reply.signatureProvided).toBe(between(text, '<SignatureProvided>\n', '\n</SignatureProvided>'));
    expect(reply.truncated).toBeDefined();
  });

  it('19 "json: {" with a tab, a trailing comma and no closing brace', () => {
    const text = twin('19').error!;
    const message = JSON.parse(`"${between(text, '"message": "', '",\n')}"`) as string;
    const reply = readError('19');
    expect(reply.message).toBe(message.trim());
    expect(reply.canonicalRequest!.text).toBe(between(message, CR, CR_END));
    expect(reply.stringToSign!.text).toBe(between(message, STS, "'"));
  });

  it('21 program output with a JSON body whose message holds raw line breaks', () => {
    const text = twin('21').error!;
    const reply = readError('21');
    expect(reply.message).toBe(between(text, '{"message":"', '"}').trim());
    expect(reply.canonicalRequest!.text).toBe(between(text, CR, CR_END));
    expect(reply.stringToSign!.text).toBe(between(text, STS, "'\n"));
  });

  it('23 Neptune JSON: code and detailedMessage', () => {
    const body = JSON.parse(twin('23').error!) as { code: string; detailedMessage: string };
    const reply = readError('23');
    expect(reply.code).toBe(body.code);
    expect(reply.message).toBe(body.detailedMessage);
  });

  it('25 a Terraform "* " item holding XML whose root names the error', () => {
    const text = twin('25').error!;
    const reply = readError('25');
    expect(reply.code).toBe(between(text, '<', '>\n  <Message>').replace(/^\?xml[^<]*</, ''));
    expect(reply.canonicalRequest!.text).toBe(between(text, CR, CR_END));
    expect(reply.stringToSign!.text).toBe(between(text, STS, "'"));
  });

  it('27 one log line "CONTEXT=…, jsonResult={…}"', () => {
    const text = twin('27').error!;
    const { message } = JSON.parse(between(text, 'jsonResult=', '')) as { message: string };
    const reply = readError('27');
    expect(reply.message).toBe(message.trim());
    expect(reply.canonicalRequest!.text).toBe(between(message, CR, CR_END));
    expect(reply.stringToSign!.text).toBe(between(message, STS, "'"));
  });

  it('29 EC2 Response/Errors XML', () => {
    const text = twin('29').error!;
    const reply = readError('29');
    expect(reply.code).toBe(between(text, '<Code>', '</Code>'));
    expect(reply.message).toBe(between(text, '<Message>', '</Message>'));
  });

  it('31 aws-sdk v3 error printed by node: members with + concatenated strings', () => {
    const text = twin('31').error!;
    // A member's value by hand: its quoted pieces up to the next member, joined, \n undone.
    const member = (name: string) =>
      [...between(text, `  ${name}: `, ',\n  ').matchAll(/'([^']*)'/g)]
        .map((m) => m[1]!)
        .join('')
        .replace(/\\n/g, '\n');
    const reply = readError('31');
    expect(reply.code).toBe(member('Code'));
    expect(reply.status).toBe(Number(between(text, 'httpStatusCode: ', ',')));
    expect(reply.stringToSign!.text).toBe(member('StringToSign'));
    expect(reply.canonicalRequest!.text).toBe(member('CanonicalRequest'));
    expect(reply.signatureProvided).toBe(member('SignatureProvided'));
  });

  it('33 docker compose logs: the prefix on every line is left out', () => {
    const text = twin('33').error!;
    const unprefixed = text.replace(/^worker-1 {2}\| ?/gm, '');
    const reply = readError('33');
    expect(reply.code).toBe('InvalidSignatureException');
    expect(reply.canonicalRequest!.text).toBe(between(unprefixed, CR, CR_END));
    expect(reply.stringToSign!.text).toBe(between(unprefixed, STS, "'"));
    expect(reply.normalized?.some((n) => /docker compose/.test(n))).toBe(true);
    // The spans point into the paste as it was, prefixes and all.
    const span = reply.canonicalRequest!.span;
    expect(text.slice(span.start, span.end)).toContain('worker-1  | /2015-03-31/functions/');
  });

  it('35 a Java AmazonS3Exception one-liner', () => {
    const text = twin('35').error!;
    const reply = readError('35');
    expect(reply.code).toBe(between(text, 'Error Code: ', ';'));
    expect(reply.status).toBe(Number(between(text, 'Status Code: ', ';')));
    expect(reply.message).toBe(between(text, 'AmazonS3Exception: ', ' (Service:'));
  });
});

describe('real-shape twins: what each client log shows is read', () => {
  it('09 aws-sdk-go LogDebugWithSigning, cut in the request dump', () => {
    const text = twin('09').client!;
    const log = readClient('09');
    expect(log.canonicalRequest!.text).toBe(between(text, '-----\n', '\n---[ STRING TO SIGN'));
    expect(log.stringToSign!.text).toBe(
      between(text, '---[ STRING TO SIGN ]--------------------------------\n', '\n---'),
    );
  });

  it('11 Sleuth-prefixed Java SDK log cut inside the canonical request: the part there, marked cut', () => {
    const text = twin('11').client!;
    const log = readClient('11');
    expect(log.canonicalRequest!.text).toBe(between(text, `AWS4 Canonical Request: '"`, '').trimEnd());
    expect(log.canonicalRequest!.truncated).toBeDefined();
    expect(log.truncated?.what).toMatch(/canonical request/);
  });

  it('13 Ruby "Signed string:" lines with literal \\n: every SigV2 string to sign, each with its signature', () => {
    const text = twin('13').client!;
    const strings = [...text.matchAll(/Signed string: (.*)$/gm)].map((m) => m[1]!.replace(/\\n/g, '\n'));
    const signatures = [...text.matchAll(/Signature: (\S+)$/gm)].map((m) => m[1]!);
    const log = readClient('13');
    expect(log.scheme).toBe('sigv2');
    expect(log.signings!.map((s) => s.stringToSign.text)).toEqual(strings);
    expect(log.signings!.map((s) => s.signature?.text)).toEqual(signatures);
    expect(log.stringToSign!.text).toBe(strings[strings.length - 1]);
    expect(log.signature!.text).toBe(signatures[signatures.length - 1]);
  });

  it('35 Spring-formatted Java SDK log', () => {
    const text = twin('35').client!;
    const log = readClient('35');
    expect(log.canonicalRequest!.text).toBe(between(text, `AWS4 Canonical Request: '"`, '"\n2024'));
    expect(log.stringToSign!.text).toBe(between(text, `AWS4 String to Sign: '"`, '"\n2024'));
  });
});
