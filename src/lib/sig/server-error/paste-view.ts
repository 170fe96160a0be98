/**
 * What tools and forums do to a paste before it reaches us, undone where that is safe: the per-line prefix that
 * `docker compose logs`, journald and CI runners put before every line (`worker-1  | `), CRLF line ends, and the
 * blank line a forum or mail client puts after every line. The readers then run on the view, and every span they
 * return is mapped back onto the paste. Each change is named, so the user is told what was normalized.
 */

import { fail, ok, problem, type Result, type Span } from '../types';
import { pasteSpan, type Located } from './located';

/** The paste as the readers see it, and what was changed to get there (empty when nothing was). */
export interface PasteView {
  view: Located;
  normalized: string[];
}

/** Prefixes a tool writes before every line of what it relays. */
const LINE_PREFIXES: readonly { re: RegExp; what: string }[] = [
  // Terraform 0.15+ diagnostics: `│ ` before every line of an error
  { re: /^│ ?/, what: 'Terraform' },
  // docker compose logs: `worker-1  | ` (names padded to one width)
  { re: /^[A-Za-z0-9][\w.-]*[ \t]*\|(?: |$)/, what: 'docker compose' },
  // journald / syslog: `Mar 04 09:22:31 host app[123]: `
  { re: /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ [^\s:[]+(?:\[\d+\])?: /, what: 'syslog' },
  // GitHub Actions and Azure Pipelines raw logs: `2024-03-04T09:22:31.2071234Z `
  { re: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z /, what: 'CI runner timestamp' },
];

/** Builds a view by keeping `keep(i)` of each unit; `offsets` maps kept units to paste offsets. */
function build(text: string, drop: (i: number) => boolean): Located {
  let out = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (drop(i)) continue;
    out += text[i];
    offsets.push(i);
  }
  offsets.push(text.length);
  return { text: out, base: 0, offsets };
}

/** Composes a view of a view: positions in `outer` are positions in `inner.text`. */
function compose(inner: Located, outer: Located): Located {
  if (!outer.offsets) return inner;
  return { text: outer.text, base: 0, offsets: outer.offsets.map((i) => pasteSpan(inner, i, i).start) };
}

/** The lines' starts, the prefix each carries, and whether enough of them carry one to strip it. */
function linePrefix(text: string): { drop: Set<number>; what: string; lines: number } | undefined {
  const lines: { start: number; text: string }[] = [];
  for (let start = 0; start <= text.length;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end);
    if (line.trim() !== '') lines.push({ start, text: line });
    start = end + 1;
  }
  if (lines.length < 2) return undefined;
  for (const { re, what } of LINE_PREFIXES) {
    // Most lines must carry it: stop counting once too many do not.
    const allowed = Math.floor(lines.length * 0.2);
    let misses = 0;
    const found: { start: number; length: number }[] = [];
    for (const line of lines) {
      const m = re.exec(line.text);
      if (m) found.push({ start: line.start, length: m[0].length });
      else if (++misses > allowed) break;
    }
    if (misses > allowed || found.length < 2) continue;
    const drop = new Set<number>();
    for (const f of found) for (let k = 0; k < f.length; k++) drop.add(f.start + k);
    return { drop, what, lines: found.length };
  }
  return undefined;
}

/** True when every line break between two non-blank lines is doubled (and no run is odd), as forums do. */
function doubleSpaced(text: string): boolean {
  const runs = text.trim().match(/\n+/g);
  if (!runs || runs.length < 4) return false;
  return runs.every((r) => r.length % 2 === 0);
}

/** Reads the paste into the view the readers run on. */
export function pasteView(text: string): PasteView {
  const normalized: string[] = [];
  let view: Located = { text, base: 0 };
  const prefix = linePrefix(text);
  if (prefix) {
    view = build(text, (i) => prefix.drop.has(i));
    normalized.push(`The ${prefix.what} prefix on ${prefix.lines} lines was left out.`);
  }
  if (view.text.includes('\r\n')) {
    const t = view.text;
    view = compose(
      view,
      build(t, (i) => t[i] === '\r' && t[i + 1] === '\n'),
    );
    normalized.push('CRLF line ends were read as LF.');
  }
  if (doubleSpaced(view.text)) {
    const t = view.text;
    // Of each pair of line breaks, the second goes.
    let run = 0;
    view = compose(
      view,
      build(t, (i) => {
        run = t[i] === '\n' ? run + 1 : 0;
        return run % 2 === 0 && run > 0;
      }),
    );
    normalized.push('A blank line after every line (as forums and mail clients add) was left out.');
  }
  return { view, normalized };
}

/** Maps every `span` (and `truncated.span`) in a reader's result from the view back onto the paste. */
export function spansToPaste<T>(view: Located, value: T): T {
  if (!view.offsets) return value;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      out[k] = k === 'span' && isSpan(x) ? toPaste(view, x) : walk(x);
    }
    return out;
  };
  return walk(value) as T;
}

/** A view span on the paste: it ends just past its last unit, not at whatever the view dropped after it. */
function toPaste(view: Located, span: Span): Span {
  const start = pasteSpan(view, span.start, span.start).start;
  if (span.end <= span.start) return { start, end: start };
  const last = pasteSpan(view, span.end - 1, span.end - 1).start;
  return { start, end: Math.max(start, last + 1) };
}

function isSpan(x: unknown): x is Span {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as Span).start === 'number' &&
    typeof (x as Span).end === 'number'
  );
}

/**
 * Runs a reader on the view of a paste and maps its answer back: spans onto the paste, a note saying what was
 * normalized, and `note(value, normalized)` to record it on the value itself.
 */
export function readThroughView<T>(
  text: string,
  read: (text: string) => Result<T>,
  note: (value: T, normalized: string[]) => T,
): Result<T> {
  const { view, normalized } = pasteView(text);
  if (normalized.length === 0) return read(text);
  const result = spansToPaste(view, read(view.text));
  const said = problem(
    'normalized',
    normalized.join(' '),
    { start: 0, end: text.length },
    { severity: 'note' },
  );
  if (!result.ok) return fail([...result.problems, said]);
  return ok(note(result.value, normalized), [...result.problems, said]);
}
