/**
 * The diff as a view-model: two texts (ours and theirs) turned into aligned lines, each changed line split into
 * segments that are the same or differ, and the first place they diverge. Components only render this.
 */

import { diffArrays, diffChars, diffWordsWithSpace, type ArrayChange, type Change } from 'diff';

/** Whether a run of characters is on both sides or only on one. */
export type SegmentKind = 'same' | 'removed' | 'added';

/** A run of characters of one side of a line. */
export interface Segment {
  text: string;
  kind: SegmentKind;
}

/** One side of a diff line: its 1-based line number in that text, and its segments. */
export interface LineSide {
  number: number;
  text: string;
  segments: Segment[];
}

/** `same` on both sides; `changed` on both but different; `removed` only left; `added` only right. */
export type LineKind = 'same' | 'changed' | 'removed' | 'added';

/** One row of the diff. */
export interface DiffLine {
  kind: LineKind;
  left?: LineSide;
  right?: LineSide;
}

/** Where the two texts first differ. */
export interface Divergence {
  /** Index into `lines`. */
  row: number;
  /** 1-based line numbers on each side (the last line + 1 when that side has ended). */
  leftLine: number;
  rightLine: number;
  /** 0-based column of the first differing character. */
  column: number;
  /** The differing characters, `undefined` where that side's line ends first or is missing. */
  left?: string;
  right?: string;
}

/** Two texts compared. */
export interface Comparison {
  identical: boolean;
  lines: DiffLine[];
  /** How many rows differ. */
  changed: number;
  /** How many lines each text has. */
  leftLines: number;
  rightLines: number;
  first?: Divergence;
}

/**
 * How finely a changed line is split: `token` (the default) diffs the pieces between `&`, `;`, `/`, `=`, `:`, `,`
 * and spaces first, so that an inserted query parameter shows as one piece, then refines each pair of changed
 * pieces that still look alike character by character; `char` and `word` are jsdiff's.
 */
export type Granularity = 'token' | 'char' | 'word';

/** Lines longer than this are compared as a whole: a char diff of two long unrelated strings is noise. */
const LONG_LINE = 4000;

function split(text: string): string[] {
  return text.split('\n');
}

/**
 * How much two lines share, counting only common runs of three or more characters: two unrelated hex strings
 * share many single characters, which is noise, not likeness.
 */
function sameness(changes: Change[], total: number): number {
  let same = 0;
  for (const c of changes) if (!c.added && !c.removed && c.value.length >= 3) same += c.value.length * 2;
  return total === 0 ? 1 : same / total;
}

type Pair = { left: Segment[]; right: Segment[] };

function push(into: Segment[], text: string, kind: SegmentKind): void {
  if (text === '') return;
  const last = into[into.length - 1];
  if (last && last.kind === kind) last.text += text;
  else into.push({ text, kind });
}

function fromChanges(changes: Change[], out: Pair = { left: [], right: [] }): Pair {
  for (const c of changes) {
    if (c.added) push(out.right, c.value, 'added');
    else if (c.removed) push(out.left, c.value, 'removed');
    else {
      push(out.left, c.value, 'same');
      push(out.right, c.value, 'same');
    }
  }
  return out;
}

const TOKENS = /[&;/=:,\s]|[^&;/=:,\s]+/g;

function byTokens(left: string, right: string): Pair {
  const changes: ArrayChange<string>[] = diffArrays(left.match(TOKENS) ?? [], right.match(TOKENS) ?? []);
  const out: Pair = { left: [], right: [] };
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    const text = c.value.join('');
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      // A replaced run: refine it character by character when the two runs still look alike.
      const other = next.value.join('');
      const chars = diffChars(text, other);
      if (sameness(chars, text.length + other.length) >= 0.4) fromChanges(chars, out);
      else {
        push(out.left, text, 'removed');
        push(out.right, other, 'added');
      }
      i++;
    } else if (c.added) push(out.right, text, 'added');
    else if (c.removed) push(out.left, text, 'removed');
    else {
      push(out.left, text, 'same');
      push(out.right, text, 'same');
    }
  }
  return out;
}

/** Splits a changed pair of lines into segments; unrelated lines (two different hashes) become one segment each. */
export function compareLine(left: string, right: string, granularity: Granularity = 'token'): Pair {
  const whole = () => ({
    left: left === '' ? [] : [{ text: left, kind: 'removed' as const }],
    right: right === '' ? [] : [{ text: right, kind: 'added' as const }],
  });
  if (left.length > LONG_LINE || right.length > LONG_LINE) return whole();
  if (granularity === 'token') {
    const pair = byTokens(left, right);
    const shared = pair.left.filter((s) => s.kind === 'same').reduce((n, s) => n + s.text.length, 0);
    return (2 * shared) / (left.length + right.length) < 0.4 ? whole() : pair;
  }
  const changes = granularity === 'word' ? diffWordsWithSpace(left, right) : diffChars(left, right);
  return sameness(changes, left.length + right.length) < 0.4 ? whole() : fromChanges(changes);
}

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return i;
  return n;
}

function divergence(lines: DiffLine[], row: number, leftCount: number, rightCount: number): Divergence {
  const line = lines[row]!;
  // The line numbers each side is at, even when this row has no line on that side.
  let leftLine = leftCount + 1;
  let rightLine = rightCount + 1;
  for (let i = row; i < lines.length; i++) {
    if (lines[i]!.left) {
      leftLine = lines[i]!.left!.number;
      break;
    }
  }
  for (let i = row; i < lines.length; i++) {
    if (lines[i]!.right) {
      rightLine = lines[i]!.right!.number;
      break;
    }
  }
  const l = line.left?.text;
  const r = line.right?.text;
  const column = l !== undefined && r !== undefined ? firstDifference(l, r) : 0;
  const at = (s: string | undefined) => (s === undefined || column >= s.length ? undefined : s[column]);
  const out: Divergence = { row, leftLine, rightLine, column };
  const lc = at(l);
  const rc = at(r);
  if (lc !== undefined) out.left = lc;
  if (rc !== undefined) out.right = rc;
  return out;
}

/** Compares two texts line by line, then character by character within each changed line. */
export function compareTexts(left: string, right: string, granularity: Granularity = 'token'): Comparison {
  const a = split(left);
  const b = split(right);
  const lines: DiffLine[] = [];
  let ln = 0;
  let rn = 0;
  const changes =
    left === right ? [{ value: a, added: false, removed: false, count: a.length }] : diffArrays(a, b);
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    if (!c.added && !c.removed) {
      for (const text of c.value) {
        const seg = text === '' ? [] : [{ text, kind: 'same' as const }];
        lines.push({
          kind: 'same',
          left: { number: ++ln, text, segments: seg },
          right: { number: ++rn, text, segments: seg },
        });
      }
      continue;
    }
    // A run of removed lines followed by added ones: pair them up as changed lines, the rest stand alone.
    const removed = c.removed ? c.value : [];
    const next = changes[i + 1];
    const added = c.added ? c.value : next?.added ? next.value : [];
    if (c.removed && next?.added) i++;
    const pairs = Math.min(removed.length, added.length);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      if (k < pairs) {
        const segs = compareLine(removed[k]!, added[k]!, granularity);
        lines.push({
          kind: 'changed',
          left: { number: ++ln, text: removed[k]!, segments: segs.left },
          right: { number: ++rn, text: added[k]!, segments: segs.right },
        });
      } else if (k < removed.length) {
        const text = removed[k]!;
        lines.push({
          kind: 'removed',
          left: { number: ++ln, text, segments: text === '' ? [] : [{ text, kind: 'removed' }] },
        });
      } else {
        const text = added[k]!;
        lines.push({
          kind: 'added',
          right: { number: ++rn, text, segments: text === '' ? [] : [{ text, kind: 'added' }] },
        });
      }
    }
  }
  const firstRow = lines.findIndex((l) => l.kind !== 'same');
  const comparison: Comparison = {
    identical: firstRow < 0,
    lines,
    changed: lines.filter((l) => l.kind !== 'same').length,
    leftLines: a.length,
    rightLines: b.length,
  };
  if (firstRow >= 0) comparison.first = divergence(lines, firstRow, ln, rn);
  return comparison;
}
