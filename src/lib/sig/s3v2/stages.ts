/**
 * The S3 SigV2 trace stages: the canonical x-amz-* headers, the canonical resource, the string to sign and the
 * signature, each with its rule and doc link, rendered from the string to sign's artefacts.
 */

import type { TraceLine, TraceStage } from '../trace';
import type { S3V2StringToSign } from './string-to-sign';

/** The S3 guide's page on SigV2 REST authentication. */
export const S3V2_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html';

/** The four stages of an S3 SigV2 signature. */
export function s3V2Stages(sts: S3V2StringToSign, signature: string): TraceStage[] {
  const amzLines = sts.lines.filter((l) => l.label === 'amz-header');
  const r = sts.resource;
  const resourceLines: TraceLine[] = [];
  if (r.bucket !== undefined)
    resourceLines.push({ label: 'bucket', text: `/${r.bucket}`, sources: r.hostSpan ? [r.hostSpan] : [] });
  resourceLines.push({ label: 'path', text: r.path, sources: [r.pathSpan] });
  for (const s of r.subResources)
    resourceLines.push({
      label: 'sub-resource',
      name: s.name,
      text: s.value === null ? s.name : `${s.name}=${s.value}`,
      sources: s.span ? [s.span] : [],
    });
  return [
    {
      id: 'canonical-amz-headers',
      title: 'Canonical x-amz-* headers',
      rule: 'Every x-amz-* header, name lower-cased, sorted by name, repeats joined with commas, folds unfolded and values trimmed, one "name:value" per line.',
      docUrl: `${S3V2_DOC}#RESTAuthenticationConstructingCanonicalizedAmzHeaders`,
      text: amzLines.map((l) => l.text).join('\n'),
      lines: amzLines,
    },
    {
      id: 'canonical-resource',
      title: 'Canonical resource',
      rule: 'The bucket from a virtual-hosted or CNAME Host as "/bucket", then the path exactly as sent, then the sub-resources sorted by name with their values decoded.',
      docUrl: `${S3V2_DOC}#ConstructingTheCanonicalizedResourceElement`,
      text: r.text,
      lines: resourceLines,
    },
    {
      id: 'string-to-sign',
      title: 'String to sign',
      rule: 'The verb, Content-MD5, Content-Type and Date (the Expires value on a presigned URL, empty when x-amz-date is sent), the canonical x-amz-* headers and the canonical resource, joined with newlines.',
      docUrl: `${S3V2_DOC}#ConstructingTheAuthenticationHeader`,
      text: sts.text,
      lines: sts.lines,
    },
    {
      id: 'signature',
      title: 'Signature',
      rule: 'Base64 of HMAC-SHA1 of the string to sign (UTF-8) under the secret access key.',
      docUrl: `${S3V2_DOC}#ConstructingTheAuthenticationHeader`,
      text: signature,
      lines: [{ label: 'signature', text: signature, sources: [] }],
    },
  ];
}
