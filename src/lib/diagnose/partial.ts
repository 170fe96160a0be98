/**
 * Comparing a canonical request that was cut off (a log or reply pasted in part) with a whole one: line by line,
 * as far as the cut text goes, leaving out the line the cut falls in.
 */

import type { Divergence } from './compare';

/** How far a cut canonical request agrees with a whole one. */
export interface PartialComparison {
  /** Lines present in the cut text (the last possibly cut inside). */
  lines: number;
  /** The first part that differs within the lines present. */
  divergence?: Divergence;
}

/** Which part of a canonical request line `index` is, from the whole one's layout. */
function partAt(whole: readonly string[], index: number): Pick<Divergence, 'component' | 'name'> {
  const blank = whole.indexOf('', 3);
  if (index === 0) return { component: 'method' };
  if (index === 1) return { component: 'path' };
  if (index === 2) return { component: 'query' };
  if (blank < 0 || index < blank) {
    const line = whole[index] ?? '';
    return { component: 'headers', name: line.slice(0, line.indexOf(':')).toLowerCase() };
  }
  return index === blank + 1 ? { component: 'signed-headers' } : { component: 'payload-hash' };
}

function queryDivergence(whole: string, cut: string): Divergence {
  const pairs = (q: string) => new Map(q.split('&').map((p) => [p.split('=')[0]!, p] as const));
  const w = pairs(whole);
  const c = pairs(cut);
  for (const [name, pair] of c) {
    const other = w.get(name);
    if (other === pair) continue;
    return { component: 'query', name: name.toLowerCase(), ...(other ? { left: other } : {}), right: pair };
  }
  return { component: 'query', left: whole, right: cut };
}

const split = (line: string) => {
  const colon = line.indexOf(':');
  return colon < 0 ? [line.toLowerCase(), ''] : [line.slice(0, colon).toLowerCase(), line.slice(colon + 1)];
};

/** Header lines that differ: the same header with other values, or a header one side lacks (by sort order). */
function headerDivergence(whole: string, cut: string, wholeName: string): Divergence {
  const [cutName, cutValue] = split(cut);
  const [, wholeValue] = split(whole);
  if (cutName === wholeName)
    return { component: 'headers', name: wholeName, left: wholeValue, right: cutValue };
  // Canonical headers are sorted: the side whose name sorts first has a header the other lacks.
  return cutName! < wholeName
    ? { component: 'headers', name: cutName!, right: cutValue! }
    : { component: 'headers', name: wholeName, left: wholeValue! };
}

/**
 * Compares the whole canonical request (`left`, as ours or the client's) with a cut one (`right`), line by line
 * over the lines the cut text holds.
 */
export function comparePartial(left: string, right: string): PartialComparison {
  const whole = left.split('\n');
  const cut = right.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  for (let i = 0; i < cut.length; i++) {
    // The line the cut falls in proves nothing: the cut (or the reader joining a cut paste) may have marred it.
    if (i === cut.length - 1) break;
    const a = whole[i] ?? '';
    const b = cut[i]!;
    if (a === b) continue;
    const part = partAt(whole, i);
    if (part.component === 'query') return { lines: cut.length, divergence: queryDivergence(a, b) };
    if (part.component === 'headers') {
      return { lines: cut.length, divergence: headerDivergence(a, b, part.name!) };
    }
    // The whole one's headers ended here, the cut one's go on: the cut side has one more.
    if (i > 2 && a === '' && i === whole.indexOf('', 3) && b.includes(':')) {
      const [name, value] = split(b);
      return { lines: cut.length, divergence: { component: 'headers', name: name!, right: value! } };
    }
    return { lines: cut.length, divergence: { ...part, left: a, right: b } };
  }
  return { lines: cut.length };
}
