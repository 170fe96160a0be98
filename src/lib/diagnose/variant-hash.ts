/**
 * Hashing the canonical requests of many variants of one request without hashing what they share again: the
 * request's own canonical request is hashed once, line by line, its state kept after the path and query and after
 * each header line; a variant resumes from a copy of the state after the last line it shares and hashes only the
 * rest. A variant that changes the path or query resumes after them, from a state kept for that path and query.
 * Variants that differ only in time, scope or secret share one canonical request, hashed once.
 */

import { createSha256, type Sha256State } from '../sig/crypto';
import type { VariantContext, VariantParts } from './variant';
import type { Part } from './variant-parts';

interface HashCache {
  pathId: number;
  queryId: number;
  lineIds: number[];
  /** `states[k]`: the state after method, path, query and the first `k` header lines of the request itself. */
  states: Sha256State[];
  /** States after method, path and query, for the other paths and queries. */
  prefixes: Map<string, Sha256State>;
  /** Canonical request hashes by path, query, headers and payload. */
  hashes: Map<string, string>;
}

const caches = new WeakMap<VariantContext, HashCache>();

function head(ctx: VariantContext, path: Part, query: Part): Sha256State {
  return createSha256().update(`${ctx.method}\n${path.text}\n${query.text}\n`);
}

function cacheOf(ctx: VariantContext, base: VariantParts): HashCache {
  let cache = caches.get(ctx);
  if (cache) return cache;
  const state = head(ctx, base.path, base.query);
  const lines = base.headers.lines ?? [];
  const states = [state.clone()];
  for (const line of lines) states.push(state.update(line.text).clone());
  cache = {
    pathId: base.path.id,
    queryId: base.query.id,
    lineIds: lines.map((l) => l.id),
    states,
    prefixes: new Map(),
    hashes: new Map(),
  };
  caches.set(ctx, cache);
  return cache;
}

/**
 * The lower-case hex SHA-256 of a variant's canonical request (exactly `canonicalText(ctx, p)`), given the parts of
 * the request's own canonical request (the empty variant), which the first call hashes for the others to share.
 */
export function canonicalHash(ctx: VariantContext, base: VariantParts, p: VariantParts): string {
  const cache = cacheOf(ctx, base);
  const id = `${p.path.id}|${p.query.id}|${p.headers.id}|${p.payload}`;
  const known = cache.hashes.get(id);
  if (known !== undefined) return known;
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
      const key = `${p.path.id}|${p.query.id}`;
      let prefix = cache.prefixes.get(key);
      if (!prefix) cache.prefixes.set(key, (prefix = head(ctx, p.path, p.query)));
      state = prefix.clone();
    }
    for (let i = from; i < lines.length; i++) state.update(lines[i]!.text);
    state.update(p.headers.tail!);
  }
  const hash = state.update('\n' + p.payload).digestHex();
  cache.hashes.set(id, hash);
  return hash;
}
