/**
 * `npm run bench`: SigV4 signatures per second for a typical request (a DynamoDB GetItem POST with eight headers
 * and a small JSON body, header mode), sigscope against `@smithy/signature-v4`, in one process. Prints one JSON
 * object. Every signer signs the same request at the same time with the same key, so all of them reuse a cached
 * signing key; each first has to agree on the signature. Ours runs twice: with @noble/hashes (as in the browser)
 * and with node:crypto installed the way the CLI installs it (src/cli/entry.ts). Targets with node:crypto:
 * signV4 >= 2x and signText >= 1.2x smithy with node:crypto.
 */

import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { signText } from '../../src/lib/sig/index';
import { parseHttpRequest } from '../../src/lib/sig/request/http';
import { GENERIC_SETTINGS, resolveSettings } from '../../src/lib/sig/v4/settings';
import { signV4 } from '../../src/lib/sig/v4/sign';
import { legacyBench } from './legacy-bench';
import { NodeSha256 } from './node-sha256';
import { issue11Bench } from './issue11-bench';
import { nodeCryptoBackend } from '../../src/cli/node-crypto';
import { cryptoBackendName, setCryptoBackend } from '../../src/lib/sig/crypto';
import { searchBenchBothBackends } from './search-bench';

const WARM_UP_MS = 500;
const MEASURE_MS = 2000;
const ROUNDS = 7;

const BODY =
  '{"TableName":"Music","Key":{"Artist":{"S":"No One You Know"},"SongTitle":{"S":"Call Me Today"}}}';
const HEADERS: Record<string, string> = {
  host: 'dynamodb.us-east-1.amazonaws.com',
  'content-type': 'application/x-amz-json-1.0',
  'x-amz-target': 'DynamoDB_20120810.GetItem',
  'content-length': String(new TextEncoder().encode(BODY).length),
  accept: 'application/json',
  'user-agent': 'aws-sdk-js/3.600.0 ua/2.1 os/linux#6.1 lang/js md/nodejs#20.19.0 api/dynamodb#3.600.0',
  'amz-sdk-invocation-id': '1f0b7d5c-3c1a-4c1e-9d2b-6a7e8f9a0b1c',
  'amz-sdk-request': 'attempt=1; max=3',
};
const RAW_REQUEST = [
  'POST / HTTP/1.1',
  ...Object.entries(HEADERS).map(([name, value]) => `${name}: ${value}`),
  '',
  BODY,
].join('\r\n');

const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const REGION = 'us-east-1';
const SERVICE = 'dynamodb';
const TIME = new Date('2015-08-30T12:36:00Z');
// smithy always sends x-amz-content-sha256 in header mode; sigscope does the same work with this setting.
const SETTINGS = resolveSettings(GENERIC_SETTINGS, { contentSha256Header: true });

/** One way of signing the request, returning the signature. */
type Signer = () => Promise<string>;

function sigscopeSignText(): Signer {
  return async () => {
    const result = await signText({
      scheme: 'sigv4',
      mode: 'header',
      request: RAW_REQUEST,
      credentials: CREDENTIALS,
      region: REGION,
      service: SERVICE,
      time: TIME,
      settings: SETTINGS,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.value.signature;
  };
}

function sigscopeSignV4(): Signer {
  const parsed = parseHttpRequest(RAW_REQUEST);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const request = parsed.value;
  return async () => {
    const result = await signV4({
      request,
      credentials: CREDENTIALS,
      region: REGION,
      service: SERVICE,
      mode: 'header',
      settings: SETTINGS,
      time: TIME,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.value.signature;
  };
}

function smithy(sha256: typeof Sha256 | typeof NodeSha256): Signer {
  const signer = new SignatureV4({ credentials: CREDENTIALS, region: REGION, service: SERVICE, sha256 });
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'https:',
    hostname: HEADERS['host']!,
    path: '/',
    headers: HEADERS,
    body: BODY,
  });
  return async () => {
    const signed = await signer.sign(request, { signingDate: TIME });
    return /Signature=([0-9a-f]{64})/.exec(String(signed.headers['authorization']))![1]!;
  };
}

/** Signatures per second over one time box. */
async function measure(sign: Signer, ms: number): Promise<number> {
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 50; i++) await sign();
    count += 50;
    now = performance.now();
  }
  return (count * 1000) / (now - start);
}

const SIGNERS = {
  signText: sigscopeSignText(),
  signV4: sigscopeSignV4(),
  smithy_sha256js: smithy(Sha256),
  smithy_nodecrypto: smithy(NodeSha256),
};
type Name = keyof typeof SIGNERS;
const NAMES = Object.keys(SIGNERS) as Name[];

/** The median rate of each signer over interleaved rounds, ours with the backend given. */
async function rates(backend: typeof nodeCryptoBackend | undefined): Promise<Record<Name, number>> {
  setCryptoBackend(backend);
  const signatures = new Set(await Promise.all(Object.values(SIGNERS).map((sign) => sign())));
  if (signatures.size !== 1) throw new Error(`The signers disagree: ${[...signatures].join(', ')}`);
  // Rounds interleave the signers, so that a change in machine load during the run hits all of them alike; each
  // signer's rate is its median round.
  for (const name of NAMES) await measure(SIGNERS[name], WARM_UP_MS);
  const rounds: Record<Name, number[]> = {
    signText: [],
    signV4: [],
    smithy_sha256js: [],
    smithy_nodecrypto: [],
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of NAMES) rounds[name].push(await measure(SIGNERS[name], MEASURE_MS / ROUNDS));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return Object.fromEntries(NAMES.map((n) => [n, Math.round(median(rounds[n]))])) as Record<Name, number>;
}

const ratio = (ours: number, theirs: number) => Math.round((ours / theirs) * 100) / 100;
const signing: Record<string, unknown> = {};
for (const backend of [undefined, nodeCryptoBackend]) {
  const rate = await rates(backend);
  signing[cryptoBackendName()] = {
    ours: { signText: rate.signText, signV4: rate.signV4 },
    smithy_sha256js: rate.smithy_sha256js,
    smithy_nodecrypto: rate.smithy_nodecrypto,
    ratio_vs_sha256js: {
      signText: ratio(rate.signText, rate.smithy_sha256js),
      signV4: ratio(rate.signV4, rate.smithy_sha256js),
    },
    ratio_vs_nodecrypto: {
      signText: ratio(rate.signText, rate.smithy_nodecrypto),
      signV4: ratio(rate.signV4, rate.smithy_nodecrypto),
    },
  };
}
setCryptoBackend(undefined);

const search = await searchBenchBothBackends();
const legacy = legacyBench();

console.log(
  JSON.stringify(
    {
      unit: 'signatures per second (header mode, sequential)',
      signing,
      targets_vs_nodecrypto_with_node_backend: { signV4: 2, signText: 1.2 },
      search: {
        unit: 'candidate canonicalizations tested per second; median time for the whole catalogue (ms)',
        ...search,
      },
      legacy,
      issue11: await issue11Bench(),
      node: process.version,
    },
    null,
    2,
  ),
);
