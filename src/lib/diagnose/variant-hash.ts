/**
 * Hashing the canonical requests of many variants of one request without hashing what they share again: the
 * request's own canonical request is hashed once, line by line, its state kept after the path and query and after
 * each header line; a variant resumes from a copy of the state after the last line it shares and hashes only the
 * rest. A variant that changes the path or query resumes after them, from a state kept for that path and query.
 * Variants that differ only in time, scope or secret share one canonical request, hashed once.
 */

import { createSha256, type Sha256State } from '../sig/crypto';
import type { VariantContext, VariantParts } from './variant';
import { prepare, type Part } from './variant-parts';

/** One distinct canonical request of a context: its hash once made, and which rests a search tried with it. */
export interface Canonical {
  readonly payload: string;
  hash: string | undefined;
  /** The search that `rests` belongs to (a number it picks), so that each search starts with none seen. */
  search: number;
  /** The `restId`s of the variants with this canonical request that search `search` has seen. */
  rests: number[];
}

/** A context's hashing states and canonical requests (kept with the rest of its cache, variant-parts.ts). */
export interface HashCache {
  pathId: number;
  queryId: number;
  lineIds: number[];
  /** `states[k]`: the state after method, path, query and the first `k` header lines of the request itself. */
  states: Sha256State[];
  /** States after method, path and query, for the other paths and queries, by path id then query id. */
  prefixes: Map<number, Map<number, Sha256State>>;
  /** The canonical requests met so far, by path id, query id and headers id, then payload. */
  canonicals: Map<number, Map<number, Map<number, Canonical[]>>>;
}

function head(ctx: VariantContext, path: Part, query: Part): Sha256State {
  return createSha256().update(`${ctx.method}\n${path.text}\n${query.text}\n`);
}

function cacheOf(ctx: VariantContext, base: VariantParts): HashCache {
  const prepared = prepare(ctx);
  if (prepared.hashes) return prepared.hashes;
  const state = head(ctx, base.path, base.query);
  const lines = base.headers.lines ?? [];
  const states = [state.clone()];
  for (const line of lines) states.push(state.update(line.text).clone());
  return (prepared.hashes = {
    pathId: base.path.id,
    queryId: base.query.id,
    lineIds: lines.map((l) => l.id),
    states,
    prefixes: new Map(),
    canonicals: new Map(),
  });
}

function child<V>(map: Map<number, Map<number, V>>, key: number): Map<number, V> {
  let found = map.get(key);
  if (found === undefined) map.set(key, (found = new Map()));
  return found;
}

/**
 * The record of a variant's canonical request in this context, made on first sight: parts with equal numbers and
 * payload share one, so that a search tells candidates apart and reuses hashes without building a text or a key.
 */
export function canonicalOf(ctx: VariantContext, base: VariantParts, p: VariantParts): Canonical {
  const byHeaders = child(child(cacheOf(ctx, base).canonicals, p.path.id), p.query.id);
  let list = byHeaders.get(p.headers.id);
  if (list === undefined) byHeaders.set(p.headers.id, (list = []));
  const payload = p.rest.payload;
  for (const c of list) if (c.payload === payload) return c;
  const made: Canonical = { payload, hash: undefined, search: 0, rests: [] };
  list.push(made);
  return made;
}

function hashOf(ctx: VariantContext, cache: HashCache, p: VariantParts): string {
  const lines = p.headers.lines;
  let state: Sha256State;
  let from = 0;
  if (!lines) {
    state = head(ctx, p.path, p.query).update(p.headers.text);
  } else {
    if (p.path.id === cache.pathId && p.query.id === cache.queryId) {
      const n = Math.min(lines.length, cache.lineIds.length);
      while (from < n && lines[from]!.id === cache.lineIds[from]) from++;
      state = cache.states[from]!.clone();
    } else {
      const byQuery = child(cache.prefixes, p.path.id);
      let prefix = byQuery.get(p.query.id);
      if (!prefix) byQuery.set(p.query.id, (prefix = head(ctx, p.path, p.query)));
      state = prefix.clone();
    }
    for (let i = from; i < lines.length; i++) state.update(lines[i]!.text);
    state.update(p.headers.tail!);
  }
  return state.update('\n' + p.rest.payload).digestHex();
}

/**
 * The lower-case hex SHA-256 of a variant's canonical request (exactly `canonicalText(ctx, p)`), given the parts of
 * the request's own canonical request (the empty variant), which the first call hashes for the others to share.
 * `canonical` is the parts' record (canonicalOf), when the caller has it.
 */
export function canonicalHash(
  ctx: VariantContext,
  base: VariantParts,
  p: VariantParts,
  canonical = canonicalOf(ctx, base, p),
): string {
  return (canonical.hash ??= hashOf(ctx, cacheOf(ctx, base), p));
}
