/**
 * Every client log describes the same request (README: GET ListObjectsV2 `prefix=logs/`), so every reader must
 * yield the same canonical request and string to sign, the string to sign's hash line must be the real SHA-256 of
 * that canonical request, and each value's span must point at its text in the log.
 */

import { describe, expect, it } from 'vitest';
import { parseClientLog } from '../../../src/lib/sig/client-log/parse';
import type { ClientLog, ClientLogSource, LoggedText } from '../../../src/lib/sig/client-log/types';
import { sha256Hex } from '../../../src/lib/sig/crypto';
import { clientCanonical, fixture } from '../server-error/fixture-files';
import { pythonPprint } from '../server-error/python-repr';
import * as samples from './samples';

const SIGNATURE = '3833416f08b7002400abc59001e4d7b99749404bcde037da6f5aeed5ceb4d048';

function read(text: string): ClientLog {
  const result = parseClientLog(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  expect(result.problems.filter((p) => p.severity !== 'note')).toEqual([]);
  return result.value;
}

/** The value's span covers exactly its text (line ends aside). */
function expectSpanned(text: string, value: LoggedText | undefined): void {
  expect(value).toBeDefined();
  expect(text.slice(value!.span.start, value!.span.end).replace(/\r\n/g, '\n')).toBe(value!.text);
}

const CASES: [string, string, ClientLogSource, boolean][] = [
  ['L1 botocore / aws --debug', fixture('L1'), 'botocore', true],
  ['L2 aws-sdk-go v1 LogDebugWithSigning', fixture('L2'), 'aws-sdk-go', false],
  ['L3 AWS SDK for Java v1', fixture('L3'), 'aws-sdk-java-v1', false],
  ['F14 client-canonical botocore log', clientCanonical('F14'), 'botocore', true],
  ['aws-sdk-go-v2 LogSigning', samples.GO_V2, 'aws-sdk-go-v2', false],
  ['AWS SDK for Java v2', samples.JAVA_V2, 'aws-sdk-java-v2', false],
  ['curl -v --aws-sigv4', samples.CURL, 'curl', true],
  ['aws4 bare paste', samples.AWS4, 'aws4', true],
];

describe('client logs', () => {
  const l1 = read(fixture('L1'));

  it('cuts L1 with the log as the only guide', () => {
    expect(l1.canonicalRequest!.text.split('\n')).toHaveLength(9);
    expect(l1.canonicalRequest!.text.startsWith('GET\n/\nlist-type=2&prefix=logs%2F\n')).toBe(true);
    expect(l1.stringToSign!.text.split('\n')).toHaveLength(4);
  });

  it.each(CASES)('%s: same canonical request and string to sign as L1', async (_, text, source, signed) => {
    const log = read(text);
    expect(log.source).toBe(source);
    expect(log.canonicalRequest!.text).toBe(l1.canonicalRequest!.text);
    expect(log.stringToSign!.text).toBe(l1.stringToSign!.text);
    expect(log.stringToSign!.text.split('\n')[3]).toBe(await sha256Hex(log.canonicalRequest!.text));
    expectSpanned(text, log.canonicalRequest);
    expectSpanned(text, log.stringToSign);
    if (signed) {
      expect(log.signature!.text).toBe(SIGNATURE);
      expectSpanned(text, log.signature);
    } else {
      expect(log.signature).toBeUndefined();
    }
  });

  it('reads awscurl -v: values decoded from pprint fragments, spans on the paste', () => {
    const log = read(samples.AWSCURL);
    expect(log.source).toBe('awscurl');
    expect(log.canonicalRequest!.text).toBe(l1.canonicalRequest!.text);
    expect(log.stringToSign!.text).toBe(l1.stringToSign!.text);
    const { start, end } = log.canonicalRequest!.span;
    expect(samples.AWSCURL.slice(start, end)).toMatch(/^GET\\n'\n '\/\\n'[\s\S]*b855$/);
    expect(log.signature!.text).toBe(SIGNATURE);
    expect(log.authorization!.text).toContain('SignedHeaders=host;x-amz-date, Signature=');
  });

  it("writes pprint fragments exactly as Python's pprint does", () => {
    const pprinted = samples.AWSCURL.slice(samples.AWSCURL.indexOf("('\\n'\n 'CANONICAL"));
    expect(pprinted.startsWith(pythonPprint(`\nCANONICAL REQUEST = ${samples.CANONICAL_REQUEST}`))).toBe(
      true,
    );
  });

  it('reads awscurl -v when pprint printed one repr on one line, and plain output', () => {
    const short = 'GET\n/\n\nhost:a\n\nhost\nabc';
    expect(read(`'\\nCANONICAL REQUEST = ${short.replace(/\n/g, '\\n')}'\n`).canonicalRequest!.text).toBe(
      short,
    );
    const plain = read(`CANONICAL REQUEST = ${samples.CANONICAL_REQUEST}\nHEADERS+++\n`);
    expect(plain.canonicalRequest!.text).toBe(samples.CANONICAL_REQUEST);
  });

  it('reads a presigned aws-sdk-go block and its signed URL', () => {
    const url = `https://examplebucket.s3.amazonaws.com/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${SIGNATURE}`;
    const text = fixture('L2').replace(
      /\n-{20,}\n?$/,
      `\n---[ SIGNED URL ]------------------------------------\n${url}\n-----\n`,
    );
    const log = read(text);
    expect(log.stringToSign!.text).toBe(l1.stringToSign!.text);
    expect(log.signature!.text).toBe(SIGNATURE);
  });

  it('reads the Authorization header a log shows, and its signature', () => {
    const log = read(
      `${fixture('L3')}DEBUG org.apache.http.headers - >> Authorization: ${samples.AUTHORIZATION}\n`,
    );
    expect(log.authorization!.text).toBe(samples.AUTHORIZATION);
    expect(log.signature!.text).toBe(SIGNATURE);
  });

  it('reads a string to sign pasted before its canonical request', () => {
    const log = read(`\n${samples.STRING_TO_SIGN}\n\n${samples.CANONICAL_REQUEST}\n`);
    expect(log).toMatchObject({ source: 'aws4' });
    expect(log.canonicalRequest!.text).toBe(samples.CANONICAL_REQUEST);
  });

  it('reads a CRLF paste as LF', () => {
    const log = read(fixture('L1').replace(/\n/g, '\r\n'));
    expect(log.canonicalRequest!.text).toBe(l1.canonicalRequest!.text);
    expect(log.stringToSign!.text).toBe(l1.stringToSign!.text);
  });

  it('reads the last request of a botocore log that signs several, and says so', () => {
    const first = fixture('L1').replace('prefix=logs%2F', 'prefix=old%2F');
    const result = parseClientLog(first + fixture('L1'));
    expect(result.ok && result.value.canonicalRequest!.text).toBe(l1.canonicalRequest!.text);
    expect(result.problems.find((p) => p.kind === 'several-requests')?.severity).toBe('note');
  });

  it('says which logs it reads when it recognises nothing', () => {
    const result = parseClientLog('DEBUG nothing to see\n');
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ kind: 'client-log-shape', span: { start: 0, end: 21 } });
  });
});
