/**
 * Test helpers: sign a request correctly, then re-sign it as a client making a catalogue mistake would, or change
 * it in transit, and write the server's SignatureDoesNotMatch reply for what it received.
 */

import { hmacWithKey, toHex } from '../../src/lib/sig/crypto';
import { contextFromPlan } from '../../src/lib/diagnose/context';
import {
  variantCanonical,
  variantSecret,
  variantStringToSign,
  type Variant,
} from '../../src/lib/diagnose/variant';
import { signText, type SchemeId } from '../../src/lib/sig/index';
import { parseHttpRequest } from '../../src/lib/sig/request/http';
import { findScheme } from '../../src/lib/sig/registry';
import { resolveSettings } from '../../src/lib/sig/v4/settings';
import { deriveSigningKey } from '../../src/lib/sig/v4/signing-key';
import { planVerification } from '../../src/lib/sig/v4/verify';

/** The test credentials (the AWS documentation's example secret). */
export const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

/** Signs a raw request in header mode (with the test secret unless told) and returns the signed request text. */
export async function signCorrectly(scheme: SchemeId, request: string, secret = SECRET): Promise<string> {
  const signed = await signText({
    scheme,
    mode: 'header',
    request,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: secret },
    region: 'us-east-1',
    service: scheme === 'sigv4-s3' ? 's3' : 'execute-api',
    time: new Date('2024-01-15T12:00:00Z'),
  });
  if (!signed.ok) throw new Error(`could not sign: ${JSON.stringify(signed.problems)}\n${request}`);
  return signed.value.signedRequest;
}

/** What a server computes for a signed request: its canonical request and string to sign. */
export async function serverView(scheme: SchemeId, signedRequest: string) {
  const planned = await plan(scheme, signedRequest);
  const ctx = await contextFromPlan(planned.request, planned.value);
  const canonical = variantCanonical(ctx, {});
  return { canonicalRequest: canonical.text, stringToSign: variantStringToSign(canonical), ctx };
}

async function plan(scheme: SchemeId, signedRequest: string) {
  const parsed = parseHttpRequest(signedRequest);
  if (!parsed.ok) throw new Error('signed request does not parse');
  const settings = resolveSettings(findScheme(scheme)!.defaults);
  const planned = await planVerification({ request: parsed.value, secretAccessKey: SECRET, settings });
  if (!planned.ok) throw new Error('no plan');
  return { request: parsed.value, value: planned.value };
}

/**
 * Re-signs a correctly signed request as a client making `variant`'s mistake would; `undefined` when the mistake
 * changes nothing for this request (the signature would be right).
 */
export async function resignWithMistake(
  scheme: SchemeId,
  signedRequest: string,
  variant: Variant,
): Promise<string | undefined> {
  const { ctx } = await serverView(scheme, signedRequest);
  const right = variantCanonical(ctx, {});
  const wrong = variantCanonical(ctx, variant);
  const secret = variantSecret(ctx.secret, variant);
  const stringToSign = variantStringToSign(wrong);
  const key = deriveSigningKey(secret, wrong.scope);
  const signature = toHex(hmacWithKey(key.key, stringToSign));
  if (stringToSign === variantStringToSign(right) && secret === ctx.secret) return undefined;
  return signedRequest.replace(/Signature=[0-9a-f]{64}/, `Signature=${signature}`);
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An S3-shaped SignatureDoesNotMatch reply for the canonical request and string to sign the server computed. */
export function s3Reply(
  view: { canonicalRequest: string; stringToSign: string },
  signatureProvided: string,
): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>' +
    `<AWSAccessKeyId>AKIDEXAMPLE</AWSAccessKeyId><StringToSign>${xml(view.stringToSign)}</StringToSign><SignatureProvided>${signatureProvided}</SignatureProvided>` +
    `<CanonicalRequest>${xml(view.canonicalRequest)}</CanonicalRequest><RequestId>0EXAMPLE</RequestId></Error>`
  );
}

/** An API Gateway-shaped JSON reply (expected strings quoted inside the message). */
export function jsonReply(view: { canonicalRequest: string; stringToSign: string }): string {
  const message =
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n' +
    `The Canonical String for this request should have been\n'${view.canonicalRequest}'\n\nThe String-to-Sign should have been\n'${view.stringToSign}'\n`;
  return `HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\n\r\n${JSON.stringify({ message })}`;
}

/**
 * The signed request with each header written as in `original` (padding around and inside the value kept): the
 * signer writes values trimmed, but the wire may carry the whitespace SigV4 trims, and the signature stays right.
 */
export function keepHeaderPadding(original: string, signedRequest: string): string {
  const head = (text: string) => text.split('\n\n')[0]!.split('\n');
  const raw = new Map<string, string>();
  for (const line of head(original).slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) raw.set(line.slice(0, colon), line);
  }
  const [top, ...rest] = signedRequest.split('\n\n');
  const lines = top!.split('\n').map((line) => {
    const colon = line.indexOf(':');
    return colon > 0 ? (raw.get(line.slice(0, colon)) ?? line) : line;
  });
  return [lines.join('\n'), ...rest].join('\n\n');
}
