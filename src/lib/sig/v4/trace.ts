/**
 * SigV4's trace in the shape every scheme shares (trace.ts): canonical request, its hash, string to sign, key chain
 * and signature as ordered stages, so that the learn pages and side-by-side view read SigV4 as they read the others.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
 */

import type { KeyStep, SchemeTrace, TraceStage } from '../trace';
import type { SignatureStages } from './compute';
import type { SigV4Trace } from './types';

const DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html';

/** The SigV4 stages of a signature, each with its rule and the request spans its lines came from. */
export function v4Stages(trace: SignatureStages): TraceStage[] {
  const sts = trace.stringToSign;
  // kSecret is the secret itself ("AWS4" + secret): it is left out, as the key chain table masks it.
  const chain = trace.keyChain.filter((k) => k.name !== 'kSecret');
  return [
    {
      id: 'canonical-request',
      title: 'Canonical request',
      rule: 'Method, canonical path, sorted and encoded query, lower-case sorted headers with trimmed values, the list of signed headers, and the payload hash, one per line.',
      docUrl: `${DOC}#create-canonical-request`,
      text: trace.canonicalRequestText,
      lines: trace.canonicalRequestLines.map((l) => ({
        label: l.part,
        text: l.text,
        ...(l.name ? { name: l.name } : {}),
        sources: l.sources,
      })),
    },
    {
      id: 'canonical-request-hash',
      title: 'Hash of the canonical request',
      rule: 'SHA-256 of the canonical request, in lower-case hex.',
      docUrl: `${DOC}#create-canonical-request-hash`,
      text: trace.canonicalRequestHash,
      lines: [{ label: 'hash', text: trace.canonicalRequestHash, sources: [] }],
    },
    {
      id: 'string-to-sign',
      title: 'String to sign',
      rule: 'AWS4-HMAC-SHA256, the request time, the credential scope date/region/service/aws4_request and the hash of the canonical request.',
      docUrl: `${DOC}#create-string-to-sign`,
      text: trace.stringToSignText,
      lines: [
        { label: 'algorithm', text: sts.algorithm, sources: [] },
        { label: 'request-date-time', text: sts.requestDateTime, sources: [] },
        { label: 'credential-scope', text: sts.credentialScope, sources: [] },
        { label: 'canonical-request-hash', text: sts.canonicalRequestHash, sources: [] },
      ],
    },
    {
      id: 'signing-key',
      title: 'Signing key',
      rule: 'HMAC-SHA256 chained from "AWS4" + secret over the date, the region, the service and "aws4_request" (kDate → kRegion → kService → kSigning).',
      docUrl: `${DOC}#derive-signing-key`,
      text: chain.map((k) => `${k.name} = HMAC(…, "${k.input}") = ${k.hex}`).join('\n'),
      lines: chain.map((k) => ({ label: k.name, text: `${k.name} = ${k.hex}`, sources: [] })),
    },
    {
      id: 'signature',
      title: 'Signature',
      rule: 'HMAC-SHA256 of the string to sign under the signing key, in lower-case hex.',
      docUrl: `${DOC}#calculate-signature`,
      text: trace.signature,
      lines: [{ label: 'signature', text: trace.signature, sources: [] }],
    },
  ];
}

/** A SigV4 trace as the shared SchemeTrace; the SigV4 trace itself is kept as its details. */
export function v4SchemeTrace(trace: SigV4Trace, scheme = 'sigv4'): SchemeTrace<SigV4Trace> {
  const keyChain: KeyStep[] = trace.keyChain
    .filter((k) => k.name !== 'kSecret')
    .map((k) => ({ label: k.name, hex: k.hex }));
  return {
    scheme,
    mode: trace.mode,
    stages: v4Stages(trace),
    keyChain,
    signature: trace.signature,
    signatureEncoding: 'hex',
    added: trace.added,
    signedRequest: trace.signedRequest,
    ...(trace.authorization ? { authorization: trace.authorization } : {}),
    ...(trace.url ? { url: trace.url } : {}),
    notes: trace.notes,
    details: trace,
  };
}
