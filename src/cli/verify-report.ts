/**
 * The text report of `sigscope verify`: the verdict, both signatures, and the stages we computed so that they can
 * be compared line by line with the server's `CanonicalRequest` and `StringToSign`.
 */

import { renderKeyChain, renderNotes } from './report';
import { section, table } from './text';
import type { VerifyView } from './verify-view';

/** Renders one verified case. */
export function renderVerifyReport(view: VerifyView): string {
  const where = view.mode === 'header' ? 'Authorization header' : 'X-Amz-Signature';
  const verdict = view.match
    ? `${view.file}: MATCH: the signature in the ${where} is right for this request and secret key.\n`
    : `${view.file}: MISMATCH: the signature in the ${where} is not the one we compute.\n`;
  const parts = [
    verdict,
    section(
      'Signatures',
      table([
        ['provided', view.providedSignature],
        ['computed', view.computedSignature],
      ]),
    ),
    section(
      'Signed for',
      table([
        ['access key', view.accessKeyId],
        ['scope', view.credentialScope],
        ['time', view.amzDate],
        ['signed headers', view.signedHeaders.join(';')],
      ]),
    ),
    view.match
      ? ''
      : "Compare the two stages below with the CanonicalRequest and StringToSign in the server's\n" +
        'SignatureDoesNotMatch response: the first line that differs is what the client signed differently.\n',
    section('Canonical request (computed)', view.canonicalRequest),
    section('Canonical request SHA-256', view.canonicalRequestHash),
    section('String to sign (computed)', view.stringToSign),
    section('Key chain (HMAC-SHA256)', renderKeyChain(view.keyChain)),
    renderNotes(view.notes),
  ];
  return parts.filter((p) => p !== '').join('\n');
}
