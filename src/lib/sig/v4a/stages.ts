/**
 * The SigV4A trace stages: canonical request (with X-Amz-Region-Set), string to sign, the key derivation (the
 * counter tried and the public key; never the private scalar) and the ECDSA signature with its r and s.
 */

import type { CanonicalLine } from '../v4/canonical-request';
import type { SignatureStages } from '../v4/compute';
import type { KeyStep, TraceLine, TraceStage } from '../trace';
import type { V4aKey } from './key-derivation';
import { uncompressedHex, type EcdsaParts, type P256PublicKey } from './p256';
import { V4A_DOC } from './string-to-sign';

function canonicalLine(line: CanonicalLine): TraceLine {
  return {
    label: line.part,
    text: line.text,
    ...(line.name ? { name: line.name } : {}),
    sources: line.sources,
  };
}

/** The canonical request and string to sign stages, shared by signing and verifying. */
export function requestStages(stages: SignatureStages): TraceStage[] {
  const sts = stages.stringToSign;
  return [
    {
      id: 'canonical-request',
      title: 'Canonical request',
      rule: 'As SigV4: method, path, query, headers, signed headers and payload hash, with X-Amz-Region-Set among the signed headers (or query parameters).',
      docUrl: `${V4A_DOC}#create-canonical-request-sigv4a`,
      text: stages.canonicalRequestText,
      lines: stages.canonicalRequestLines.map(canonicalLine),
    },
    {
      id: 'string-to-sign',
      title: 'String to sign',
      rule: 'AWS4-ECDSA-P256-SHA256, the request time, the scope date/service/aws4_request (no region), and the hex SHA-256 of the canonical request.',
      docUrl: `${V4A_DOC}#create-string-to-sign-sigv4a`,
      text: stages.stringToSignText,
      lines: [
        { label: 'algorithm', text: sts.algorithm, sources: [] },
        { label: 'request-date-time', text: sts.requestDateTime, sources: [] },
        { label: 'credential-scope', text: sts.credentialScope, sources: [] },
        { label: 'canonical-request-hash', text: sts.canonicalRequestHash, sources: [] },
      ],
    },
  ];
}

/** The public key's lines. */
function publicKeyLines(key: P256PublicKey): TraceLine[] {
  return [
    { label: 'public-key-x', text: `X = ${key.x}`, sources: [] },
    { label: 'public-key-y', text: `Y = ${key.y}`, sources: [] },
  ];
}

/** A key stage with its lines joined as its text. */
function keyStageOf(title: string, rule: string, lines: TraceLine[]): TraceStage {
  const docUrl = `${V4A_DOC}#derive-signing-key-sigv4a`;
  return { id: 'signing-key', title, rule, docUrl, text: lines.map((l) => l.text).join('\n'), lines };
}

/** The key derivation stage: the tries of the counter-mode KDF and the public key. */
export function keyStage(key: V4aKey): TraceStage {
  const lines: TraceLine[] = [
    { label: 'hmac-key', text: 'HMAC-SHA256 key = "AWS4A" + secret access key', sources: [] },
    ...key.tries.map((t) => ({
      label: 'fixed-input',
      text: `counter ${t.counter}: fixed input ${t.fixedInputHex} → ${t.accepted ? 'k0 ≤ n−2, kept: d = k0 + 1' : 'k0 > n−2, rejected'}`,
      sources: [],
    })),
    ...publicKeyLines(key.publicKey),
  ];
  return keyStageOf(
    'Signing key (P-256)',
    'HMAC-SHA256 in counter mode (NIST SP 800-108) over 1 ‖ "AWS4-ECDSA-P256-SHA256" ‖ 0 ‖ access key id ‖ counter ‖ 256, until the result k0 is at most n−2; the private key is k0 + 1 (not shown: it is as strong as the secret), the public key d·G.',
    lines,
  );
}

/** The key chain of the common trace: the accepted KDF input and the public key. */
export function keyChainOf(key: V4aKey): KeyStep[] {
  const kept = key.tries[key.tries.length - 1]!;
  return [
    { label: `fixed input (counter ${kept.counter})`, hex: kept.fixedInputHex },
    { label: 'public key (SEC1 uncompressed)', hex: uncompressedHex(key.publicKey) },
  ];
}

/** The verifying key stage, for a public key pasted rather than derived. */
export function pastedKeyStage(key: P256PublicKey): TraceStage {
  return keyStageOf(
    'Public key (pasted)',
    'The P-256 public key the signature is checked with, as given.',
    publicKeyLines(key),
  );
}

/** The signature stage: DER hex, and the integers r and s it carries. */
export function signatureStage(der: string, parts: EcdsaParts | undefined): TraceStage {
  const lines: TraceLine[] = [{ label: 'der', text: der, sources: [] }];
  if (parts) {
    lines.push({ label: 'r', text: `r = ${parts.r}`, sources: [] });
    lines.push({
      label: 's',
      text: `s = ${parts.s}${parts.highS ? ' (above n/2: valid, AWS accepts high s)' : ''}`,
      sources: [],
    });
  }
  return {
    id: 'signature',
    title: 'Signature (ECDSA P-256)',
    rule: 'ECDSA over SHA-256 of the string to sign with the derived private key, DER-encoded (SEQUENCE of r and s), in hex. ECDSA is randomized: check a signature with the public key, never by comparing bytes.',
    docUrl: `${V4A_DOC}#calculate-signature-sigv4a`,
    text: der,
    lines,
  };
}
