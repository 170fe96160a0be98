/**
 * Small helpers for the text reports: labelled sections with indented, verbatim bodies.
 */

/** Indents every non-empty line; `\r\n` line ends are shown as line breaks. */
export function indent(text: string, by = '  '): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line === '' ? '' : by + line))
    .join('\n');
}

/** A titled block; `body` is printed verbatim, indented. */
export function section(title: string, body: string): string {
  return `${title}\n${indent(body)}\n`;
}

/** Text without its trailing blank lines (a request's final empty line, say). */
export function trimTrailingLines(text: string): string {
  return text.replace(/(\r?\n)+$/, '');
}

/** Pads each row's cells into aligned columns (the last cell is not padded). */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
