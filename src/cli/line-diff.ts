/**
 * A small line diff (longest common subsequence) for the text report: canonical requests are a few dozen lines.
 * Shown unified, or side by side on a terminal wide enough.
 */

/** One line of a diff: kept, only on the left (`-`), or only on the right (`+`). */
export interface DiffLine {
  op: ' ' | '-' | '+';
  text: string;
}

/** Diffs two texts line by line. */
export function diffLines(left: string, right: string): DiffLine[] {
  const a = left.split('\n');
  const b = right.split('\n');
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: ' ', text: a[i++]! });
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // What was removed comes before what replaced it, as in a unified diff.
      out.push({ op: '-', text: a[i++]! });
    } else {
      out.push({ op: '+', text: b[j++]! });
    }
  }
  return out;
}

/** A row of a side-by-side diff: a line both sides have, a line changed (`~`), or a line only one side has. */
export interface SideRow {
  op: ' ' | '~' | '-' | '+';
  left: string;
  right: string;
}

/**
 * Pairs a line diff into side-by-side rows: each run of removed lines faces the added lines that follow it, row
 * by row; what one run has more of faces nothing.
 */
export function sideBySideRows(diff: readonly DiffLine[]): SideRow[] {
  const rows: SideRow[] = [];
  for (let i = 0; i < diff.length;) {
    if (diff[i]!.op === ' ') {
      rows.push({ op: ' ', left: diff[i]!.text, right: diff[i]!.text });
      i++;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    for (; i < diff.length && diff[i]!.op === '-'; i++) removed.push(diff[i]!.text);
    for (; i < diff.length && diff[i]!.op === '+'; i++) added.push(diff[i]!.text);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const left = removed[k];
      const right = added[k];
      if (left !== undefined && right !== undefined) rows.push({ op: '~', left, right });
      else if (left !== undefined) rows.push({ op: '-', left, right: '' });
      else rows.push({ op: '+', left: '', right: right! });
    }
  }
  return rows;
}

/** The separator between the two columns. */
export const COLUMN_SEPARATOR = ' │ ';

/** Splits a text into pieces of at most `width` code points (one empty piece for an empty text). */
function wrap(text: string, width: number): string[] {
  const points = [...text];
  const out: string[] = [];
  for (let i = 0; i < points.length; i += width) out.push(points.slice(i, i + width).join(''));
  return out.length > 0 ? out : [''];
}

/**
 * Lays side-by-side rows out in `columns` terminal columns: each line `  <op> <left> │ <right>`, the two sides of
 * equal width, a long line wrapped onto further lines with the same marker (nothing cut off).
 */
export function renderSideBySide(rows: readonly SideRow[], columns: number): string[] {
  const width = Math.max(8, Math.floor((columns - 4 - COLUMN_SEPARATOR.length) / 2));
  const out: string[] = [];
  for (const row of rows) {
    const left = wrap(row.left, width);
    const right = wrap(row.right, width);
    for (let k = 0; k < Math.max(left.length, right.length); k++) {
      const l = left[k] ?? '';
      const r = right[k] ?? '';
      const pad = ' '.repeat(width - [...l].length);
      out.push(`  ${row.op} ${l}${pad}${COLUMN_SEPARATOR}${r}`);
    }
  }
  return out;
}
