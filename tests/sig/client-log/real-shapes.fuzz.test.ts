/**
 * The forgiving client-log readers under fuzz, 20,000 inputs each: the real-shape twins' logs and hand-written
 * signer logs cut, prefixed, rewrapped and escaped (parseClientLog as a whole), and the label reader, the request
 * dump reader and the bare SigV2 reader on text made of the tokens they key on. No exception escapes, every
 * problem's span lies in the input, and so does every value's span (and where it says the paste ends).
 */

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBare } from '../../../src/lib/sig/client-log/bare';
import { readLabelled } from '../../../src/lib/sig/client-log/labelled';
import { parseClientLog } from '../../../src/lib/sig/client-log/parse';
import { readRequestDump } from '../../../src/lib/sig/client-log/request-dump';
import type { ClientLog, LoggedText } from '../../../src/lib/sig/client-log/types';
import { mutatedShapes } from '../../fuzz/real-shape-mutations';
import { placed, within } from '../../fuzz/spans';

const DIR = new URL('../../fixtures/real-shapes/', import.meta.url);
const TWIN_LOGS = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => (JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as { client: string | null }).client)
  .filter((c): c is string => c !== null);

const CR =
  'GET\n/\nprefix=a%2F\nhost:b.s3.amazonaws.com\nx-amz-date:20240305T101500Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const STS = `AWS4-HMAC-SHA256\n20240305T101500Z\n20240305/us-east-1/s3/aws4_request\n${'c'.repeat(64)}`;
const SEEDS = [
  ...TWIN_LOGS,
  `2024-03-05 10:15:00,123 botocore.auth [DEBUG] CanonicalRequest:\n${CR}\n2024-03-05 10:15:00,123 botocore.auth [DEBUG] StringToSign:\n${STS}\n2024-03-05 10:15:00,123 botocore.auth [DEBUG] Signature:\n${'d'.repeat(64)}`,
  `DEBUG: Canonical Request:\n${CR}\n----------------------\nDEBUG: signature-v4 headers: {'Authorization': 'AWS4-HMAC-SHA256 Credential=AK/20240305/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-date,Signature=${'e'.repeat(64)}'}`,
  "DEBUG: SignHeaders: 'GET\\n\\n\\nTue, 05 Mar 2024 10:15:00 +0000\\n/b/'",
  '> GET / HTTP/1.1\n> Host: b.s3.amazonaws.com\n> Authorization: AWS AKIAQ3EXAMPLE7ZABCDE:bWq2s1WEIj+Ydj0vQ697zp+IXMU=\n>\n',
  'PUT\n\nimage/png\nTue, 05 Mar 2024 10:15:00 GMT\nx-amz-acl:public-read\n/media/logo.png',
];

function values(log: ClientLog): LoggedText[] {
  const all = [log.canonicalRequest, log.stringToSign, log.signature, log.authorization, log.request];
  for (const s of log.signings ?? []) all.push(s.canonicalRequest, s.stringToSign, s.signature);
  return all.filter((v): v is LoggedText => v !== undefined);
}

function checkLog(log: ClientLog, text: string): void {
  for (const v of values(log)) {
    within(v.span, text);
    if (v.truncated) within(v.truncated.span, text);
  }
  if (log.truncated) within(log.truncated.span, text);
}

const LABEL_TOKENS = [
  'CanonicalRequest:',
  'Canonical Request: ',
  'StringToSign:',
  'Signed string: ',
  'Signature: ',
  'SignHeaders: ',
  "'",
  '\n',
  '\\n',
  ' ',
  'GET',
  '/',
  'host:a',
  ';',
  'AWS4-HMAC-SHA256',
  '20240305T101500Z',
  'a'.repeat(64),
  'mD2kN1kOBMmYgGYq67fRedQmlBo=',
  '2024-03-05 ',
];
const DUMP_TOKENS = [
  '> ',
  '>',
  '\n',
  'GET / HTTP/1.1',
  'Host: a',
  'Authorization: ',
  'AWS AKIAQ3EXAMPLE7ZABCDE:',
  'bWq2s1WEIj+Ydj0vQ697zp+IXMU=',
  '\r',
  '< HTTP/1.1 403',
];
const V2_TOKENS = [
  'GET',
  'PUT',
  '\n',
  '\\n',
  'Tue, 05 Mar 2024 10:15:00 GMT',
  'x-amz-acl:private',
  '/b/k',
  'ec2.amazonaws.com',
  'A=1',
  ' ',
  '1700000000',
];

const runs = { numRuns: 20_000 };
const tokens = (list: readonly string[], maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...list), maxLength });

describe('forgiving client-log readers under fuzz', () => {
  it('parseClientLog on real logs cut, prefixed, rewrapped and escaped', () => {
    fc.assert(
      fc.property(mutatedShapes(SEEDS), (text) => {
        const result = parseClientLog(text);
        placed(result.problems, text);
        if (result.ok) checkLog(result.value, text);
        else expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
      }),
      runs,
    );
  }, 120_000);

  it('readLabelled on text made of signer-log labels and values', () => {
    fc.assert(
      fc.property(tokens(LABEL_TOKENS, 24), (text) => {
        const found = readLabelled(text);
        if (!found) return;
        placed(found.problems, text);
        checkLog(found.log, text);
      }),
      runs,
    );
  }, 120_000);

  it('readRequestDump and readBare on curl -v lines and SigV2 strings to sign', () => {
    fc.assert(
      fc.property(tokens(DUMP_TOKENS, 16), tokens(V2_TOKENS, 16), (dump, v2) => {
        for (const [text, read] of [
          [dump, readRequestDump],
          [v2, readBare],
        ] as const) {
          const found = read(text);
          if (!found) continue;
          placed(found.problems, text);
          checkLog(found.log, text);
        }
      }),
      runs,
    );
  }, 120_000);
});
