/**
 * S3 SigV2's CanonicalizedResource: `/bucket` when the bucket is in the Host (virtual-hosted or CNAME), the path
 * exactly as sent, then the sub-resources sorted by name with their values decoded.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#ConstructingTheCanonicalizedResourceElement
 */

import { percentDecodeText } from '../encoding';
import { findHeader, type HttpRequest } from '../request/model';
import { problem, type Problem, type Span } from '../types';
import type { S3V2HostStyle, S3V2Settings } from './settings';

/** How the bucket was found. */
export type BucketSource = 'virtual-hosted' | 'cname' | 'path-style' | 'given';

/** One sub-resource as signed: the name, and its decoded value (`null` for a bare `?acl`). */
export interface SubResource {
  name: string;
  value: string | null;
  span?: Span;
}

/** The canonical resource, and what it was made of. */
export interface CanonicalResource {
  text: string;
  /** The bucket taken from the Host (or given); `undefined` for path-style requests. */
  bucket?: string;
  bucketSource: BucketSource;
  /** The path exactly as sent. */
  path: string;
  pathSpan: Span;
  /** The Host value the bucket was read from. */
  hostSpan?: Span;
  subResources: SubResource[];
  /** Spans of the Host (when the bucket came from it), the path and each sub-resource. */
  sources: Span[];
}

/** An S3 endpoint that names no bucket: `s3.amazonaws.com`, `s3-us-west-1…`, `s3.dualstack.eu-west-1…`. */
const S3_ENDPOINT = /^s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?$/;
/** A virtual-hosted bucket: everything before the `.s3` label of an S3 endpoint. */
const S3_VIRTUAL = /^(.+?)\.(s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?)$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** The host without its port, lower-cased (`[::1]:9000` → `[::1]`). */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1 || h.length);
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

/** The bucket a Host names under a host style, and how; `undefined` bucket for path-style. */
export function bucketFromHost(
  host: string,
  style: S3V2HostStyle,
): { bucket?: string; source: BucketSource } {
  const name = hostName(host);
  if (style === 'path' || name === '') return { source: 'path-style' };
  if (style === 'virtual') {
    const dot = name.indexOf('.');
    return { bucket: dot > 0 ? name.slice(0, dot) : name, source: 'virtual-hosted' };
  }
  if (S3_ENDPOINT.test(name)) return { source: 'path-style' };
  const virtual = S3_VIRTUAL.exec(name);
  if (virtual) return { bucket: virtual[1]!, source: 'virtual-hosted' };
  if (IPV4.test(name) || name.startsWith('[') || !name.includes('.')) return { source: 'path-style' };
  return { bucket: name, source: 'cname' };
}

/** The sub-resources among the query's parameters, sorted by name, values decoded. */
export function subResourcesOf(
  request: Pick<HttpRequest, 'params'>,
  names: readonly string[],
  problems: Problem[],
): SubResource[] {
  const wanted = new Set(names);
  const out: SubResource[] = [];
  for (const p of request.params) {
    if (!wanted.has(p.name)) continue;
    if (p.value !== null && /%(?![0-9A-Fa-f]{2})/.test(p.value)) {
      problems.push(
        problem('bad-percent-encoding', `The value of ${p.name} has a "%" that starts no escape.`, p.span, {
          severity: 'warning',
        }),
      );
    }
    out.push({ name: p.name, value: p.value === null ? null : percentDecodeText(p.value), span: p.span });
  }
  // Sorted by name in byte order; a stable sort keeps repeats in the order sent.
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Renders sub-resources as `?a&b=1`, or nothing when there are none. */
export function renderSubResources(subResources: readonly SubResource[]): string {
  if (subResources.length === 0) return '';
  return '?' + subResources.map((s) => (s.value === null ? s.name : `${s.name}=${s.value}`)).join('&');
}

/** Builds the canonical resource of a request. `bucket` overrides the Host when the caller knows it. */
export function canonicalResource(
  request: HttpRequest,
  settings: Pick<S3V2Settings, 'hostStyle' | 'subResources'>,
  problems: Problem[],
  bucket?: string,
): CanonicalResource {
  const hostHeader = findHeader(request, 'host');
  const host = hostHeader?.value ?? request.authority ?? '';
  const found =
    bucket !== undefined ? { bucket, source: 'given' as const } : bucketFromHost(host, settings.hostStyle);
  const subResources = subResourcesOf(request, settings.subResources, problems);
  const hostSpan = found.bucket !== undefined && found.source !== 'given' ? hostHeader?.valueSpan : undefined;
  const sources: Span[] = hostSpan ? [hostSpan, request.pathSpan] : [request.pathSpan];
  for (const s of subResources) if (s.span) sources.push(s.span);
  const prefix = found.bucket !== undefined ? `/${found.bucket}` : '';
  const resource: CanonicalResource = {
    text: prefix + request.path + renderSubResources(subResources),
    bucketSource: found.source,
    path: request.path,
    pathSpan: request.pathSpan,
    subResources,
    sources,
  };
  if (found.bucket !== undefined) resource.bucket = found.bucket;
  if (hostSpan) resource.hostSpan = hostSpan;
  return resource;
}
