/**
 * Searching the catalogue for the client mistake that reproduces what the client signed: its signature (with the
 * secret) or its logged canonical request (without). Candidates are tried in order of likelihood: the client
 * profile the paste names (curl), single mistakes made on every header or parameter, then on one alone, another
 * region or service, then pairs of the common mistakes, and each one-header mistake with each common one. A
 * candidate that canonicalizes like one tried before is skipped, so the first that reproduces is the likeliest.
 */

import { hmacHexWithKey } from '../sig/crypto';
import { deriveSigningKey } from '../sig/v4/signing-key';
import { ALGORITHM } from '../sig/v4/string-to-sign';
import { MISTAKES, REGIONS, SERVICES, type Mistake } from './catalogue';
import { curlMistakes } from './clients/curl-mistakes';
import { targetedMistakes } from './targets';
import {
  canonicalText,
  partsKey,
  variantCanonical,
  variantKey,
  variantParts,
  type Variant,
  type VariantContext,
} from './variant';
import { canonicalHash } from './variant-hash';

/** What the client produced, to be reproduced. */
export interface SearchTarget {
  signature?: string;
  canonicalRequest?: string;
}

/** A reproduction: the mistakes that together give exactly what the client signed. */
export interface Reproduction {
  mistakes: Mistake[];
  canonicalRequest: string;
  stringToSign: string;
  signature?: string;
}

/** The outcome of a search and how many distinct candidates were tried. */
export interface SearchOutcome {
  found?: Reproduction;
  tried: number;
}

function merge(a: Variant, b: Variant): Variant | undefined {
  for (const key of Object.keys(b) as (keyof Variant)[]) if (key in a) return undefined;
  return { ...a, ...b };
}

function scopeMistake(field: 'region' | 'service', value: string, actual: string): Mistake {
  return {
    id: `${field}-${value}`,
    kind: 'scope',
    component: 'scope',
    variant: { [field]: value },
    message: `Your client signed for ${field} "${value}", but this request's scope says "${actual}".`,
    fix: `Sign with the ${field} of the endpoint you call ("${actual}"), or call the endpoint of "${value}".`,
  };
}

/** At most this many pairs are tried; the one-header ones come last, in header then parameter order. */
const PAIR_LIMIT = 3000;

/** A client whose own canonicalization the search tries first, when the paste shows it. */
export type ClientProfile = 'curl';

function pairsOf(a: readonly Mistake[], b: readonly Mistake[], out: Mistake[][]): void {
  for (const x of a) for (const y of b) if (x !== y && merge(x.variant, y.variant)) out.push([x, y]);
}

/** Every candidate for a context, in the order they are tried. */
export function candidates(
  ctx: VariantContext,
  s3: boolean,
  profiles: readonly ClientProfile[] = [],
): Mistake[][] {
  const singles = MISTAKES.filter((m) => !m.only || m.only === (s3 ? 's3' : 'generic'));
  const base = variantKey(ctx, {});
  // A one-header mistake that changes nothing here (a value with no spaces to trim) is no candidate.
  const targeted = targetedMistakes(ctx).filter((m) => variantKey(ctx, m.variant) !== base);
  const clients = profiles.includes('curl') ? curlMistakes(ctx, variantCanonical(ctx, {}).text) : [];
  const scope = [
    ...REGIONS.filter((r) => r !== ctx.scope.region).map((r) => scopeMistake('region', r, ctx.scope.region)),
    ...SERVICES.filter((s) => s !== ctx.scope.service).map((s) =>
      scopeMistake('service', s, ctx.scope.service),
    ),
  ];
  const common = singles.filter((m) => m.common);
  const pairs: Mistake[][] = [];
  for (let i = 0; i < common.length; i++) {
    for (let j = i + 1; j < common.length; j++) {
      if (merge(common[i]!.variant, common[j]!.variant)) pairs.push([common[i]!, common[j]!]);
    }
  }
  pairsOf(targeted, common, pairs);
  // Bounded, so that a request with scores of headers still answers in well under a second.
  pairs.length = Math.min(pairs.length, PAIR_LIMIT);
  return [
    ...clients.map((m) => [m]),
    ...singles.map((m) => [m]),
    ...targeted.map((m) => [m]),
    ...scope.map((m) => [m]),
    ...pairs,
  ];
}

/**
 * Tries candidates until one reproduces the target; the base (no mistake) is not a candidate. Each candidate's
 * parts are rendered once per context, its canonical request hashed from the state it shares with the request's
 * own (variant-hash.ts), and its signature made with the cached signing key of its scope.
 */
export async function searchMistakes(
  ctx: VariantContext,
  target: SearchTarget,
  s3: boolean,
  profiles: readonly ClientProfile[] = [],
): Promise<SearchOutcome> {
  const base = variantParts(ctx, {});
  const seen = new Set<string>([partsKey(base)]);
  const textOnly = target.canonicalRequest !== undefined && target.signature === undefined;
  let tried = 0;
  for (const mistakes of candidates(ctx, s3, profiles)) {
    const variant =
      mistakes.length === 1
        ? mistakes[0]!.variant
        : mistakes.reduce<Variant | undefined>((v, m) => v && merge(v, m.variant), {});
    if (!variant) continue;
    const parts = variantParts(ctx, variant);
    const key = partsKey(parts);
    if (seen.has(key)) continue;
    seen.add(key);
    tried++;
    if (textOnly) {
      const text = canonicalText(ctx, parts);
      if (text === target.canonicalRequest) {
        return { found: { mistakes, canonicalRequest: text, stringToSign: '' }, tried };
      }
      continue;
    }
    const stringToSign = `${ALGORITHM}\n${parts.amzDate}\n${parts.scopeText}\n${canonicalHash(ctx, base, parts)}`;
    const signature = hmacHexWithKey(deriveSigningKey(parts.secret, parts.scope).key, stringToSign);
    if (signature === target.signature) {
      const found = { mistakes, canonicalRequest: canonicalText(ctx, parts), stringToSign, signature };
      return { found, tried };
    }
  }
  return { tried };
}
