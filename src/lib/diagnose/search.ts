/**
 * Searching the catalogue for the client mistake that reproduces what the client signed: its signature (with the
 * secret) or its logged canonical request (without). Candidates are tried in order of likelihood: the client
 * profile the paste names (curl), single mistakes made on every header or parameter, then on one alone, another
 * region or service, then pairs of the common mistakes, and each one-header mistake with each common one. A
 * candidate that canonicalizes like one tried before is skipped, so the first that reproduces is the likeliest.
 */

import { hmacHexWithKey, type HmacKey } from '../sig/crypto';
import { deriveSigningKey, ALGORITHM } from '../sig/registry-sigv4';
import { MISTAKES, REGIONS, SERVICES, type Mistake } from './catalogue';
import { curlMistakes } from './clients/curl-mistakes';
import { targetedMistakes } from './targets';
import {
  canonicalText,
  parted,
  unionParts,
  variantParts,
  type PartedVariant,
  type Rest,
  type Variant,
  type VariantContext,
  type VariantParts,
} from './variant';
import { canonicalHash, canonicalOf, type Canonical } from './variant-hash';

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

/** Whether two variants set a field in common (then they are no pair). */
function overlap(a: Variant, b: Variant): boolean {
  for (const key in b) if (key in a) return true;
  return false;
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

/**
 * Whether a pair signs what one of its mistakes alone signs, known before its parts are built: one of them changes
 * nothing here (its parts are the request's own) and the two change different parts, so the union's parts are the
 * other's (unionParts). Such a pair is a duplicate of a single tried before it, and most pairs on a request are:
 * a common mistake about the path or the secret that this request gives no hold to.
 */
function redundant(x: PartedVariant, y: PartedVariant, base: VariantParts): boolean {
  return (x.touched & y.touched) === 0 && (sameParts(x.parts, base) || sameParts(y.parts, base));
}

function pairsOf(
  a: readonly Mistake[],
  b: readonly Mistake[],
  partsOf: PartsOf,
  base: VariantParts,
  out: Mistake[][],
): void {
  for (const x of a) {
    for (const y of b) {
      if (x === y || overlap(x.variant, y.variant) || redundant(partsOf(x), partsOf(y), base)) continue;
      out.push([x, y]);
    }
  }
}

/** The parts of each mistake's variant, made once per search. */
type PartsOf = (m: Mistake) => PartedVariant;

function partsCache(ctx: VariantContext): PartsOf {
  const known = new Map<Mistake, PartedVariant>();
  return (m) => {
    let p = known.get(m);
    if (!p) known.set(m, (p = parted(ctx, m.variant)));
    return p;
  };
}

function sameParts(a: VariantParts, b: VariantParts): boolean {
  return (
    a.path.id === b.path.id &&
    a.query.id === b.query.id &&
    a.headers.id === b.headers.id &&
    a.rest.restId === b.rest.restId
  );
}

/** Every candidate for a context, in the order they are tried. */
export function candidates(
  ctx: VariantContext,
  s3: boolean,
  profiles: readonly ClientProfile[] = [],
  partsOf: PartsOf = partsCache(ctx),
): Mistake[][] {
  const singles = MISTAKES.filter((m) => !m.only || m.only === (s3 ? 's3' : 'generic'));
  const base = variantParts(ctx, {});
  // A one-header mistake that changes nothing here (a value with no spaces to trim) is no candidate.
  const targeted = targetedMistakes(ctx).filter((m) => !sameParts(partsOf(m).parts, base));
  const clients = profiles.includes('curl') ? curlMistakes(ctx, canonicalText(ctx, base)) : [];
  const scope = [
    ...REGIONS.filter((r) => r !== ctx.scope.region).map((r) => scopeMistake('region', r, ctx.scope.region)),
    ...SERVICES.filter((s) => s !== ctx.scope.service).map((s) =>
      scopeMistake('service', s, ctx.scope.service),
    ),
  ];
  const common = singles.filter((m) => m.common);
  const pairs: Mistake[][] = [];
  for (let i = 0; i < common.length; i++) pairsOf([common[i]!], common.slice(i + 1), partsOf, base, pairs);
  pairsOf(targeted, common, partsOf, base, pairs);
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

/** The parts of mistakes made together; undefined when two set the same field. */
function partsOfAll(
  ctx: VariantContext,
  mistakes: readonly Mistake[],
  partsOf: PartsOf,
): VariantParts | undefined {
  const a = mistakes[0]!;
  if (mistakes.length === 1) return partsOf(a).parts;
  const b = mistakes[1]!;
  if (mistakes.length === 2)
    return overlap(a.variant, b.variant) ? undefined : unionParts(ctx, partsOf(a), partsOf(b));
  const merged: Variant = {};
  for (const m of mistakes) {
    if (overlap(merged, m.variant)) return undefined;
    Object.assign(merged, m.variant);
  }
  return variantParts(ctx, merged);
}

let searches = 0;

/** The signing key and string-to-sign prefix of a variant's time, scope and secret. */
interface Signer {
  key: HmacKey;
  prefix: string;
}

function signerOf(rest: Rest): Signer {
  return {
    key: deriveSigningKey(rest.secret, rest.scope).key,
    prefix: `${ALGORITHM}\n${rest.amzDate}\n${rest.scopeText}\n`,
  };
}

/**
 * Tries candidates until one reproduces the target; the base (no mistake) is not a candidate. Each candidate's
 * parts are rendered once per context (a pair's taken from its two mistakes' where only one changes a part), its
 * canonical request hashed from the state it shares with the request's own (variant-hash.ts), and its signature
 * made with the cached signing key of its scope.
 */
export async function searchMistakes(
  ctx: VariantContext,
  target: SearchTarget,
  s3: boolean,
  profiles: readonly ClientProfile[] = [],
): Promise<SearchOutcome> {
  const search = ++searches;
  const base = variantParts(ctx, {});
  const seen = (p: VariantParts): Canonical | undefined => {
    const canonical = canonicalOf(ctx, base, p);
    if (canonical.search !== search) {
      canonical.search = search;
      canonical.rests = [];
    } else if (canonical.rests.includes(p.rest.restId)) return undefined;
    canonical.rests.push(p.rest.restId);
    return canonical;
  };
  seen(base);
  const textOnly = target.canonicalRequest !== undefined && target.signature === undefined;
  const signers: Signer[] = [];
  const partsOf = partsCache(ctx);
  let tried = 0;
  for (const mistakes of candidates(ctx, s3, profiles, partsOf)) {
    const parts = partsOfAll(ctx, mistakes, partsOf);
    const canonical = parts && seen(parts);
    if (!parts || !canonical) continue;
    tried++;
    if (textOnly) {
      const text = canonicalText(ctx, parts);
      if (text === target.canonicalRequest) {
        return { found: { mistakes, canonicalRequest: text, stringToSign: '' }, tried };
      }
      continue;
    }
    const signer = (signers[parts.rest.restId] ??= signerOf(parts.rest));
    const stringToSign = signer.prefix + canonicalHash(ctx, base, parts, canonical);
    const signature = hmacHexWithKey(signer.key, stringToSign);
    if (signature === target.signature) {
      const found = { mistakes, canonicalRequest: canonicalText(ctx, parts), stringToSign, signature };
      return { found, tried };
    }
  }
  return { tried };
}
