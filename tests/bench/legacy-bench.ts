/**
 * SigV2 (Query API) and S3 SigV2 signatures per second, sigscope against the AWS SDK for JavaScript v2's own
 * signers (`AWS.Signers.V2`, `AWS.Signers.S3`), in one process. Both sign the same request with the same key and
 * time and must first agree. sigscope signs a parsed request (`signV2`, `signS3V2`, every stage returned);
 * the SDK's signer is given a fresh `AWS.HttpRequest` each time, as it mutates it.
 */

import { parseHttpRequest } from '../../src/lib/sig/request/http';
import { signS3V2 } from '../../src/lib/sig/s3v2/sign';
import { signV2 } from '../../src/lib/sig/v2/sign';
import { sdkSignS3, sdkSignV2 } from '../property/aws-sdk-v2-oracle';

const CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const TIME = new Date('2011-10-03T15:19:30Z');
const V2_PARAMS: [string, string][] = [
  ['Action', 'DescribeJobFlows'],
  ['Version', '2009-03-31'],
  ['JobFlowIds.member.1', 'j-3UN6WX5RRO2AG'],
];
const V2_RAW = `GET /?${V2_PARAMS.map(([n, v]) => `${n}=${encodeURIComponent(v)}`).join('&')} HTTP/1.1\r\nHost: elasticmapreduce.amazonaws.com\r\n\r\n`;
const S3_HEADERS: Record<string, string> = {
  'Content-Type': 'image/jpeg',
  'Content-MD5': '4gJE4saaMU4BqNR0kLY+lw==',
  'x-amz-acl': 'public-read',
  'X-Amz-Meta-ReviewedBy': 'joe@johnsmith.net',
  'X-Amz-Date': TIME.toUTCString(),
};
const S3_PATH = '/photos/puppy.jpg?versionId=3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY';
const S3_RAW = [
  `PUT ${S3_PATH} HTTP/1.1`,
  'Host: johnsmith.s3.amazonaws.com',
  ...Object.entries(S3_HEADERS).map(([n, v]) => `${n}: ${v}`),
  '',
  '',
].join('\r\n');

function parsed(raw: string) {
  const r = parseHttpRequest(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

type Signer = () => string;

const v2Request = parsed(V2_RAW);
const s3Request = parsed(S3_RAW);
const SIGNERS: Record<string, Signer> = {
  sigv2_ours: () => {
    const r = signV2({ request: v2Request, credentials: CREDENTIALS, time: TIME });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.value.signature;
  },
  sigv2_awsSdkV2: () =>
    sdkSignV2({
      endpoint: 'https://elasticmapreduce.amazonaws.com',
      method: 'GET',
      path: '/',
      params: Object.fromEntries(V2_PARAMS),
      credentials: CREDENTIALS,
      time: TIME,
    }).signature,
  s3v2_ours: () => {
    const r = signS3V2({ request: s3Request, credentials: CREDENTIALS, mode: 'header' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.value.signature;
  },
  s3v2_awsSdkV2: () =>
    sdkSignS3({
      endpoint: 'https://johnsmith.s3.amazonaws.com',
      method: 'PUT',
      path: S3_PATH,
      headers: S3_HEADERS,
      virtualHostedBucket: 'johnsmith',
      credentials: CREDENTIALS,
      time: TIME,
    }).signature,
};

function measure(sign: Signer, ms: number): number {
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) sign();
    count += 100;
    now = performance.now();
  }
  return (count * 1000) / (now - start);
}

/** The four rates (median of interleaved rounds) and ours over theirs. */
export function legacyBench(roundMs = 300, rounds = 7) {
  if (SIGNERS['sigv2_ours']!() !== SIGNERS['sigv2_awsSdkV2']!()) throw new Error('SigV2 signers disagree');
  if (SIGNERS['s3v2_ours']!() !== SIGNERS['s3v2_awsSdkV2']!()) throw new Error('S3 SigV2 signers disagree');
  const names = Object.keys(SIGNERS);
  for (const n of names) measure(SIGNERS[n]!, 200);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) for (const n of names) samples[n]!.push(measure(SIGNERS[n]!, roundMs));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const rate = Object.fromEntries(names.map((n) => [n, Math.round(median(samples[n]!))]));
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    unit: 'signatures per second (sequential, one process)',
    ...rate,
    ratio: {
      sigv2: ratio(rate['sigv2_ours']!, rate['sigv2_awsSdkV2']!),
      s3v2: ratio(rate['s3v2_ours']!, rate['s3v2_awsSdkV2']!),
    },
  };
}
