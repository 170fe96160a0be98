/**
 * What curl would sign for a curl command that carries no signature of its own (curl signs when it runs): the
 * parts where a curl release canonicalizes the request otherwise than SigV4 are suspects. Nothing is reproduced,
 * so every finding here is suspected; with curl -v output and the secret the search can show which it was.
 */

import { isUnreserved, percentDecode, uriEncode } from '../../sig/encoding';
import { findHeader, type HttpRequest } from '../../sig/request/model';
import type { SigV4Settings } from '../../sig/registry-settings';
import type { Finding } from '../types';
import { variantCanonical, type VariantContext } from '../variant';
import { visible } from '../visible';
import { CURL_ERA_LABEL, CURL_ERAS, curlEraOf, type CurlEra } from './curl';
import { curlDeparture } from './curl-mistakes';

/** True when the paste is curl's: a curl command, curl -v output, or a request sent with curl's User-Agent. */
export function pasteShowsCurl(form: string | undefined, request: HttpRequest | undefined): boolean {
  if (form === 'curl' || form === 'curl-verbose') return true;
  return request !== undefined && /^curl\//i.test(findHeader(request, 'user-agent')?.value ?? '');
}

/** The releases a paste allows: the one its `User-Agent: curl/x.y.z` names, else every range. */
export function curlErasOf(request: HttpRequest): readonly CurlEra[] {
  const era = curlEraOf(findHeader(request, 'user-agent')?.value ?? '');
  return era ? [era] : CURL_ERAS;
}

function contextOf(
  request: HttpRequest,
  settings: Pick<SigV4Settings, 'doubleEncodePath' | 'normalizePath'>,
) {
  const ctx: VariantContext = {
    method: request.method,
    wirePath: request.path,
    query: request.params.map((p) => ({ name: p.name, value: p.value })),
    headers: [],
    payloadHash: '',
    bodyHash: '',
    amzDate: '',
    scope: { date: '', region: '', service: '', terminator: 'aws4_request' },
    secret: '',
    defaultPort: '443',
    settings,
  };
  return ctx;
}

function line(text: string, index: number): string {
  return visible(text.split('\n')[index] ?? '');
}

/** A query trait some curl releases are known to sign otherwise than AWS reads it, with the issue that reports it. */
interface KnownIssue {
  era: CurlEra;
  cause: string;
  /** The lower-case name of the first parameter with the trait. */
  find: (request: HttpRequest) => string | undefined;
  message: (name: string) => string;
}

function firstParam(request: HttpRequest, has: (value: string) => boolean): string | undefined {
  const p = request.params.find((q) => has(q.value ?? ''));
  return p && uriEncode(percentDecode(p.name).bytes).toLowerCase();
}

const KNOWN: readonly KnownIssue[] = [
  {
    era: 'as-is',
    cause: 'curl-as-is-query-reserved',
    find: (r) =>
      firstParam(r, (v) => percentDecode(v).bytes.some((b) => !isUnreserved(b)) || v.includes('+')),
    message: (n) =>
      `curl before 8.3.0 is known to sign query values like that of ${n} (reserved characters, spaces, "+") otherwise than AWS computes them (curl issue #11794, fixed in 8.3.0).`,
  },
  {
    era: '8.3',
    cause: 'curl-8.3-query-plus',
    find: (r) => firstParam(r, (v) => v.includes('+')),
    message: (n) =>
      `curl 8.3 to 8.13 sign the "+" in the value of ${n} as %2B, but AWS reads a "+" in the query as a space (%20) (curl issue #13058).`,
  },
];

/** Suspected findings for an unsigned curl command: where curl's canonical path or query departs from SigV4's. */
export function curlSuspects(
  request: HttpRequest,
  settings: Pick<SigV4Settings, 'doubleEncodePath' | 'normalizePath'>,
): Finding[] {
  const ctx = contextOf(request, settings);
  const correct = variantCanonical(ctx, {}).text;
  const out: Finding[] = [];
  const eras = curlErasOf(request);
  for (const era of eras) {
    const text = variantCanonical(ctx, { curl: era }).text;
    const where = text === correct ? undefined : curlDeparture(text, correct);
    if (!where) continue;
    const index = where.component === 'path' ? 1 : 2;
    const finding: Finding = {
      kind: 'client',
      basis: 'suspected',
      component: where.component,
      cause: `curl-${era}-${where.component}`,
      message: `If this ran on ${CURL_ERA_LABEL[era]}, curl --aws-sigv4 signed the ${where.component} otherwise than SigV4 wants, and the server computes it the SigV4 way.`,
      fix:
        where.component === 'path'
          ? 'Use curl 8.14 or later (for every service but S3), or sign with another tool; curl -v and the secret would show which curl signed.'
          : 'Use curl 8.14 or later, or write the query already sorted and percent-encoded the SigV4 way; curl -v and the secret would show which curl signed.',
      evidence: {
        note: `What ${CURL_ERA_LABEL[era]} puts in its canonical request, against SigV4 (from curl's lib/http_aws_sigv4.c).`,
        client: line(text, index),
        ours: line(correct, index),
      },
    };
    if (where.name !== undefined) finding.name = where.name;
    out.push(finding);
  }
  // Traits curl's issue tracker reports, where reading the source alone shows no difference.
  for (const issue of KNOWN) {
    const name = eras.includes(issue.era) ? issue.find(request) : undefined;
    if (name === undefined || out.some((f) => f.component === 'query' && f.name === name)) continue;
    out.push({
      kind: 'client',
      basis: 'suspected',
      component: 'query',
      name,
      cause: issue.cause,
      message: issue.message(name),
      fix: 'Use curl 8.14 or later, or sign the request with another tool (the AWS CLI, awscurl); curl -v and the secret would show what curl signed.',
      evidence: {
        note: 'Nothing to compare: the command carries no signature, so this rests on what curl releases are known to do.',
        ours: line(correct, 2),
      },
    });
  }
  return out;
}
