/**
 * Terminal colours: only when standard output is a terminal and NO_COLOR is not set (https://no-color.org), never
 * in --json output or when piped. Colour is laid over the finished text report, so that the text itself, what
 * scripts and tests read, is the same with or without it.
 */

import { COLUMN_SEPARATOR } from './line-diff';

const RED = '\x1b[31m';
const GREEN = '\x1b[32m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

/** Whether to colour: a terminal, no NO_COLOR (set to anything but the empty string), not JSON. */
export function useColor(
  isTty: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  json: boolean,
): boolean {
  return !json && isTty === true && !env['NO_COLOR'] && env['TERM'] !== 'dumb';
}

const VERDICT_BAD = /\b(MISMATCH|signature does not match)\b/;
const VERDICT_GOOD = /\b(MATCH|signature verified)\b/;

/**
 * A changed row of a side-by-side diff: its left side red, its right side green. The first separator is the
 * columns': the left side of a changed row is shown with its spaces made visible (`·`), so it holds no ` │ `.
 */
function colorRow(line: string): string {
  const at = line.indexOf(COLUMN_SEPARATOR, 4);
  if (at < 0) return line;
  const right = at + COLUMN_SEPARATOR.length;
  return `${line.slice(0, 4)}${RED}${line.slice(4, at)}${RESET}${COLUMN_SEPARATOR}${GREEN}${line.slice(right)}${RESET}`;
}

/**
 * Colours a text report: verdicts green or red, a diff's removed lines red and added lines green; in a
 * side-by-side diff, a changed row's left side red and right side green.
 */
export function colorize(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('  ~ ')) return colorRow(line);
      if (line.startsWith('  - ')) return RED + line + RESET;
      if (line.startsWith('  + ')) return GREEN + line + RESET;
      if (VERDICT_BAD.test(line)) return line.replace(VERDICT_BAD, `${BOLD}${RED}$1${RESET}`);
      if (VERDICT_GOOD.test(line)) return line.replace(VERDICT_GOOD, `${BOLD}${GREEN}$1${RESET}`);
      return line;
    })
    .join('\n');
}
