/**
 * Structural sharing for the engine's answers. Each answer is a fresh object graph (cloned out of the worker, or
 * built anew on the page), so without this every view of it is redrawn on every keystroke, though typing in the
 * body changes a handful of lines.
 */

type Plain = Record<string, unknown>;

const isObject = (x: unknown): x is object => typeof x === 'object' && x !== null;

/**
 * `next`, with every part that equals the same part of `prev` replaced by `prev`'s: an unchanged part keeps its
 * identity, so what renders it (Svelte compares by identity) is left alone. Plain data only; neither is mutated.
 */
export function keepUnchanged<T>(prev: unknown, next: T): T {
  if (prev === next || !isObject(prev) || !isObject(next)) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = prev.length === next.length;
    const out = next.map((item: unknown, i) => {
      const kept = keepUnchanged(prev[i], item);
      if (kept !== prev[i]) same = false;
      return kept;
    });
    return (same ? prev : out) as T;
  }
  if (Array.isArray(prev)) return next;
  const before = prev as Plain;
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(before).length;
  const out: Plain = {};
  for (const key of keys) {
    const kept = keepUnchanged(before[key], (next as Plain)[key]);
    out[key] = kept;
    if (kept !== before[key] || !(key in before)) same = false;
  }
  return (same ? prev : out) as T;
}
