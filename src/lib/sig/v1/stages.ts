/**
 * The SigV1 trace stages: the sorted parameters, the string to sign and the signature.
 */

import type { TraceStage } from '../trace';
import type { V1StringToSign } from './string-to-sign';

/** The SimpleDB 2007-11-07 guide's page on signing Query/REST requests, versions 0 and 1. */
export const V1_DOC =
  'http://docs.amazonwebservices.com/AmazonSimpleDB/2007-11-07/DeveloperGuide/REST_RESTAuth.html';

/** The three stages of a SigV1 signature. */
export function v1Stages(sts: V1StringToSign, signature: string): TraceStage[] {
  return [
    {
      id: 'sorted-params',
      title: 'Sorted parameters',
      rule: 'Every parameter but Signature, decoded, sorted by name ignoring case.',
      docUrl: V1_DOC,
      text: sts.lines.map((l) => l.text).join('\n'),
      lines: sts.lines,
    },
    {
      id: 'string-to-sign',
      title: 'String to sign',
      rule: 'Each name followed by its value, all concatenated with no delimiter between them (the flaw SigV2 fixed).',
      docUrl: V1_DOC,
      text: sts.text,
      lines: [{ label: 'params', text: sts.text, sources: sts.lines.flatMap((l) => l.sources) }],
    },
    {
      id: 'signature',
      title: 'Signature',
      rule: 'Base64 of HMAC-SHA1 of the string to sign under the secret access key.',
      docUrl: V1_DOC,
      text: signature,
      lines: [{ label: 'signature', text: signature, sources: [] }],
    },
  ];
}
