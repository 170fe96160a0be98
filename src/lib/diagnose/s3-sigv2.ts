/**
 * S3's Signature Version 2 strings to sign (`Authorization: AWS key:sig` and query-string auth), compared line by
 * line: verb, Content-MD5, Content-Type, Date or Expires, x-amz-* headers, the resource.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html
 */

import {
  parseS3V2StringToSign as parseParts,
  type S3V2StringToSignParts as S3V2StringToSign,
} from '../sig/registry-legacy';
import type { Finding } from './types';
import { visible } from './visible';

/** Reads an S3 SigV2 string to sign into its parts; `undefined` when it does not have the shape. */
export function parseS3V2StringToSign(text: string): S3V2StringToSign | undefined {
  const parsed = parseParts(text);
  return parsed.ok ? parsed.value : undefined;
}

/** True for a presigned URL's string to sign: the date line is an Expires epoch. */
function presigned(sts: S3V2StringToSign): boolean {
  return /^\d{9,11}$/.test(sts.date);
}

/** Findings from the server's SigV2 string to sign, compared with the client's when there is one. */
export function s3V2Findings(server: S3V2StringToSign, client?: S3V2StringToSign): Finding[] {
  const out: Finding[] = [];
  if (client && client.resource !== server.resource) {
    const bucket = /^\/([^/]+)(\/.*)$/.exec(server.resource);
    const missingBucket = bucket && bucket[2] === client.resource;
    out.push({
      kind: 'client',
      basis: 'shown',
      component: 'path',
      cause: missingBucket ? 's3v2-resource-missing-bucket' : 's3v2-resource-differs',
      message: missingBucket
        ? `Your client signed the resource ${client.resource}, but for a virtual-hosted request S3 signs /${bucket[1]}${client.resource}: the bucket from the Host comes first.`
        : `Your client signed the resource ${client.resource}, but S3 signed ${server.resource}.`,
      fix: missingBucket
        ? 'Prefix the resource with "/" + bucket name when the bucket is in the Host (virtual-hosted style).'
        : 'Sign the path as S3 sees it, with the sub-resources (?acl, ?versionId=…) it includes.',
      evidence: {
        client: visible(client.resource),
        server: visible(server.resource),
        note: 'The resource lines differ.',
      },
    });
  }
  const fields = ['verb', 'contentMd5', 'contentType', 'date'] as const;
  const headerOf = {
    verb: 'method',
    contentMd5: 'content-md5',
    contentType: 'content-type',
    date: 'date',
  } as const;
  for (const field of fields) {
    if (!client || client[field] === server[field]) continue;
    out.push({
      kind: field === 'contentType' || field === 'contentMd5' ? 'transit' : 'client',
      basis: 'shown',
      component: field === 'verb' ? 'method' : field === 'date' ? 'timestamp' : 'headers',
      ...(field === 'verb' ? {} : { name: headerOf[field] }),
      cause: `s3v2-${headerOf[field]}-differs`,
      message: `The ${headerOf[field]} line differs: the client signed "${client[field]}", the server used "${server[field]}".`,
      fix: `Sign the ${headerOf[field]} exactly as it is sent (an empty line when it is not sent).`,
      evidence: {
        client: visible(client[field]),
        server: visible(server[field]),
        note: `The ${headerOf[field]} lines differ.`,
      },
    });
  }
  if (!client && presigned(server) && server.contentType !== '') {
    out.push({
      kind: 'transit',
      // The server's string to sign shows the Content-Type it saw, not what the URL was presigned with.
      basis: 'suspected',
      component: 'headers',
      name: 'content-type',
      cause: 's3v2-unsigned-content-type',
      message: `The request arrived with Content-Type "${server.contentType}", which S3 signs; a presigned URL made without a Content-Type fails when the browser or client adds one.`,
      fix: `Presign the URL with Content-Type "${server.contentType}", or send the request without a Content-Type.`,
      evidence: {
        server: visible(server.contentType),
        note: "The server's string to sign has a Content-Type line.",
      },
    });
  }
  return out;
}
