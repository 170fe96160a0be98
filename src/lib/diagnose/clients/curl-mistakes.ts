/**
 * The curl profile as search candidates: for each curl release range whose canonicalization of this request
 * differs from SigV4's, a mistake naming the part and parameter that differ. Which release sent the request is
 * not in the paste (unless curl -v printed its User-Agent), so every range is tried, the common ones first.
 */

import { parseCanonicalRequest } from '../../sig/registry-sigv4';
import type { Mistake } from '../catalogue';
import { compareCanonicalRequests } from '../compare';
import { variantCanonical, type VariantContext } from '../variant';
import { CURL_ERA_LABEL, CURL_ERAS, type CurlEra } from './curl';

const FIX: Record<'path' | 'query', string> = {
  path: 'Use a curl release that encodes the path as this service expects (8.14 or later for every service but S3), or sign with another tool (the AWS CLI, awscurl).',
  query:
    'Use curl 8.14 or later, or write the query already in SigV4 form (sorted, every byte but A-Z a-z 0-9 - _ . ~ percent-encoded, upper-case hex, no "+"), or sign with another tool.',
};

/**
 * The first query piece (`name=value` or a bare `name`) of `a` that `b` does not have, by its lower-case name: a
 * bare key and a reordering, which a comparison by name and value cannot see.
 */
function firstPieceMissing(a: string, b: string): string | undefined {
  const theirs = new Set(b.split('&'));
  const piece = a.split('&').find((p) => p !== '' && !theirs.has(p));
  return piece?.split('=')[0]?.toLowerCase();
}

/** Where curl's canonical request first departs from the correct one, and the parameter it names. */
export function curlDeparture(
  reproduced: string,
  correct: string,
): { component: 'path' | 'query'; name?: string } | undefined {
  const a = parseCanonicalRequest(reproduced);
  const b = parseCanonicalRequest(correct);
  if (!a.ok || !b.ok) return undefined;
  const first = compareCanonicalRequests(a.value, b.value).find(
    (d) => d.component === 'path' || d.component === 'query',
  );
  if (first?.name !== undefined) return { component: first.component as 'path' | 'query', name: first.name };
  if (first?.component === 'path') return { component: 'path' };
  const [ours, theirs] = [reproduced.split('\n')[2] ?? '', correct.split('\n')[2] ?? ''];
  if (ours === theirs) return undefined;
  const name = firstPieceMissing(ours, theirs);
  return name !== undefined ? { component: 'query', name } : { component: 'query' };
}

/** The mistake of one curl release range on this request, or `undefined` when it signs it right. */
export function curlMistake(ctx: VariantContext, era: CurlEra, correct: string): Mistake | undefined {
  const text = variantCanonical(ctx, { curl: era }).text;
  if (text === correct) return undefined;
  const where = curlDeparture(text, correct);
  if (!where) return undefined;
  const what =
    where.component === 'path'
      ? 'the path'
      : where.name !== undefined
        ? `the query (first at ${where.name})`
        : 'the order of the query';
  const mistake: Mistake = {
    id: `curl-${era}-${where.component}`,
    kind: 'client',
    component: where.component,
    variant: { curl: era },
    message: `curl --aws-sigv4 (${CURL_ERA_LABEL[era]}) canonicalizes ${what} its own way, not as SigV4 wants.`,
    fix: FIX[where.component],
  };
  if (where.name !== undefined) mistake.name = where.name;
  return mistake;
}

/** Every curl release range that would sign this request differently, as search candidates. */
export function curlMistakes(ctx: VariantContext, correct: string): Mistake[] {
  return CURL_ERAS.map((era) => curlMistake(ctx, era, correct)).filter((m) => m !== undefined);
}
