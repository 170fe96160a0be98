/**
 * Keeps a long paste's problem list readable: the first few problems of each kind, then one note saying how many
 * more of that kind there were.
 */

import { problem, type Problem } from '../types';

/** Keeps the first `perKind` problems of each kind and every error, and counts the rest in a note per kind. */
export function capProblems(problems: readonly Problem[], perKind = 10): Problem[] {
  const seen = new Map<string, number>();
  const out: Problem[] = [];
  for (const p of problems) {
    const n = (seen.get(p.kind) ?? 0) + 1;
    seen.set(p.kind, n);
    if (n <= perKind || (p.severity === 'error' && n <= perKind * 10)) out.push(p);
  }
  for (const [kind, n] of seen) {
    const kept = out.filter((p) => p.kind === kind).length;
    if (n > kept) {
      const message = `${n - kept} more problems of this kind (${kind}) were left out.`;
      out.push(problem(`${kind}-more`, message, undefined, { severity: 'note' }));
    }
  }
  return out;
}
