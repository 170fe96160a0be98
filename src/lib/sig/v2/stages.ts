/**
 * The SigV2 trace stages: the canonical query, the string to sign and the signature, each with its rule and doc
 * link.
 */

import type { TraceStage } from '../trace';
import type { V2StringToSign } from './string-to-sign';

/** The AWS General Reference page on SigV2. */
export const V2_DOC = 'https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html';

/** The three stages of a SigV2 signature. */
export function v2Stages(sts: V2StringToSign, signature: string): TraceStage[] {
  const hash = sts.signatureMethod === 'HmacSHA1' ? 'HMAC-SHA1' : 'HMAC-SHA256';
  return [
    {
      id: 'canonical-query',
      title: 'Canonical query string',
      rule: 'Every parameter but Signature, name and value percent-encoded per RFC 3986 (upper-case hex, space as %20), sorted by name in byte order, joined as name=value with &.',
      docUrl: V2_DOC,
      text: sts.parts.query,
      lines: sts.pairs.map((p) => ({
        label: 'param',
        name: p.name,
        text: `${p.name}=${p.value}`,
        sources: p.sources,
      })),
    },
    {
      id: 'string-to-sign',
      title: 'String to sign',
      rule: 'The method, the lower-case host (a non-default port kept), the path (/ when empty) and the canonical query string, joined with newlines.',
      docUrl: V2_DOC,
      text: sts.text,
      lines: sts.lines,
    },
    {
      id: 'signature',
      title: 'Signature',
      rule: `Base64 of ${hash} (SignatureMethod ${sts.signatureMethod}) of the string to sign under the secret access key.`,
      docUrl: V2_DOC,
      text: signature,
      lines: [{ label: 'signature', text: signature, sources: [] }],
    },
  ];
}
