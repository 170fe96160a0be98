/**
 * Suspects that need no secret and no client log: what the request and the server's canonical request show that
 * signers often get wrong. Each is `suspected`: it fits the evidence, nothing reproduced it.
 */

import { percentDecodeText } from '../sig/encoding';
import { findHeader, requestHost, type HttpRequest } from '../sig/request/model';
import type { CanonicalRequest } from '../sig/registry-sigv4';
import { hasEdit } from './edits';
import type { Finding } from './types';
import { visible } from './visible';

/** What the hints read: the request as sent, the server's canonical request, the signature's scope. */
export interface HintInput {
  request: HttpRequest;
  s3: boolean;
  serverCr?: CanonicalRequest;
  /** The names in SignedHeaders and the credential scope's region, when the request carries a SigV4 signature. */
  signedHeaders?: readonly string[];
  region?: string;
}

/** Characters SigV4 percent-encodes in a path that `encodeURI` and many signers leave as they are. */
const RESERVED_IN_PATH = /[*,!'()$&+;=:@]/g;

function suspect(f: Omit<Finding, 'basis' | 'kind'> & Partial<Pick<Finding, 'kind'>>): Finding {
  return { kind: 'client', basis: 'suspected', ...f };
}

function plusInQuery(request: HttpRequest): Finding[] {
  return request.params
    .filter((p) => p.value?.includes('+') && !/^(signature|x-amz-signature)$/i.test(p.name))
    .slice(0, 1)
    .map((p) =>
      suspect({
        component: 'query',
        name: percentDecodeText(p.name).toLowerCase(),
        cause: 'query-raw-plus',
        message: `The query value of ${p.name} holds a raw "+", which the server decodes as a space; a client that signed it as "+" (%2B) signed another value.`,
        fix: `Percent-encode the value in the URL ("+" as %2B, a space as %20), so that what is sent is what was signed.`,
        evidence: {
          ours: visible(`${p.name}=${p.value}`),
          note: 'A raw "+" in a query value is read as a space.',
        },
      }),
    );
}

function reservedInPath(request: HttpRequest, serverCr?: CanonicalRequest): Finding[] {
  const found = [...new Set(request.path.match(RESERVED_IN_PATH) ?? [])];
  if (found.length === 0 || hasEdit(request.path)) return [];
  const encoded = found.map((c) => `${c} as %${c.charCodeAt(0).toString(16).toUpperCase()}`).join(', ');
  return [
    suspect({
      component: 'path',
      cause: 'path-reserved-characters',
      message: `The path holds ${found.map((c) => `"${c}"`).join(' ')}, which SigV4 percent-encodes in the canonical URI (${encoded}) but many signing libraries leave as they are.`,
      fix: 'Encode every byte of the path but A-Z a-z 0-9 - _ . ~ and "/" in the canonical URI, as the server does.',
      evidence: {
        ours: visible(request.path),
        ...(serverCr ? { server: visible(serverCr.path) } : {}),
        note: 'Reserved characters in the path are where signers most often disagree.',
      },
    }),
  ];
}

function doubleEncodedPath(input: HintInput): Finding[] {
  const { request, serverCr, s3 } = input;
  if (!serverCr?.path.includes('%25') || !request.path.includes('%')) return [];
  return [
    suspect({
      component: 'path',
      cause: s3 ? 'path-encoded-before-sending' : 'path-single-encoded',
      message: s3
        ? 'The server\'s canonical path has "%25": the path as sent holds percent-escapes that S3 reads as a literal "%" in the key, so the key was encoded twice before sending.'
        : 'The server\'s canonical path has "%25": it encodes the already-encoded path a second time, so a client that encodes it only once signs another path.',
      fix: s3
        ? 'Encode the object key once in the URL, and sign it encoded once.'
        : 'URI-encode each segment of the encoded path again in the canonical URI (every service but S3 wants it twice).',
      evidence: {
        ours: visible(request.path),
        server: visible(serverCr.path),
        note: 'The server\'s canonical path holds "%25".',
      },
    }),
  ];
}

const AWS_HOST = /\.(amazonaws\.com(\.cn)?|api\.aws|on\.aws)$/i;

function regionOfOtherStore(input: HintInput): Finding[] {
  const host = requestHost(input.request)?.replace(/:\d+$/, '');
  const region = input.region;
  if (!host || !region || AWS_HOST.test(host) || hasEdit(host) || hasEdit(region)) return [];
  if (region === 'us-east-1' || !/\./.test(host)) return [];
  return [
    suspect({
      kind: 'scope',
      component: 'scope',
      name: 'region',
      cause: 'region-for-other-store',
      message: `The request goes to ${host}, which is not an AWS endpoint, but it is signed for region ${region}: S3-compatible stores often want "us-east-1" or a region name of their own.`,
      fix: "Sign with the region the store documents (often us-east-1; Cloudflare R2 uses auto), or the one in the store's own error.",
      evidence: { ours: region, note: `${host} is not an AWS host.` },
    }),
  ];
}

function amzHeaderInQuery(input: HintInput): Finding[] {
  const { request, signedHeaders = [] } = input;
  return signedHeaders
    .filter((name) => name.startsWith('x-amz-') && !findHeader(request, name))
    .filter((name) => request.params.some((p) => p.name.toLowerCase() === name))
    .map((name) =>
      suspect({
        component: 'signed-headers',
        name,
        cause: 'signed-header-in-query',
        message: `${name} is signed as a header, but the request carries it in the query string.`,
        fix: `Send ${name} as a header, or sign it as a query parameter (leave it out of SignedHeaders).`,
        evidence: { ours: signedHeaders.join(';'), note: `${name} is a query parameter, not a header.` },
      }),
    );
}

function defaultPortInHost(request: HttpRequest): Finding[] {
  const host = findHeader(request, 'host')?.value;
  if (!host || !/:(80|443)$/.test(host)) return [];
  return [
    suspect({
      component: 'headers',
      name: 'host',
      cause: 'host-default-port',
      message: `The Host header carries the default port (${host}); clients, proxies and servers disagree on whether it is signed, and many drop it.`,
      fix: 'Send and sign the Host without the default port (:443 for https, :80 for http).',
      evidence: { ours: visible(host), note: 'The Host header names its default port.' },
    }),
  ];
}

/** Every hint for a request, most telling first. */
export function hintFindings(input: HintInput): Finding[] {
  return [
    ...doubleEncodedPath(input),
    ...reservedInPath(input.request, input.serverCr),
    ...plusInQuery(input.request),
    ...amzHeaderInQuery(input),
    ...regionOfOtherStore(input),
    ...defaultPortInHost(input.request),
  ];
}
