/**
 * A problem with a tool's input, ready to show: which box it is about, and the spot in that box's text (line,
 * column and the text around the span), so that the page points at it without knowing anything about spans.
 */

import type { Problem, Severity, Span } from '../sig/types';

/** The text around a span: a few characters either side, on the span's lines. */
export interface Excerpt {
  /** 1-based line and column of the span's start. */
  line: number;
  column: number;
  before: string;
  marked: string;
  after: string;
}

/** A problem as a tool page shows it. */
export interface SpotProblem {
  kind: string;
  severity: Severity;
  message: string;
  hint?: string;
  /** The box the problem is about, as the page labels it ("Policy", "Form", "Messages"). */
  where: string;
  excerpt?: Excerpt;
}

const AROUND = 24;

/** The excerpt of `text` at `span`: the span itself (up to 80 characters) and a little context on its line. */
export function excerptOf(text: string, span: Span): Excerpt {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const line = text.slice(0, start).split('\n').length;
  const lineEnd = text.indexOf('\n', end);
  const stop = lineEnd < 0 ? text.length : lineEnd;
  const marked = text.slice(start, Math.min(end, start + 80));
  return {
    line,
    column: start - lineStart + 1,
    before: (start - lineStart > AROUND ? '…' : '') + text.slice(Math.max(lineStart, start - AROUND), start),
    marked: marked + (end - start > 80 ? '…' : ''),
    after:
      end - start > 80
        ? ''
        : text.slice(end, Math.min(stop, end + AROUND)) + (stop > end + AROUND ? '…' : ''),
  };
}

/** A problem placed in the box `where`, whose text is `text` (the span, when there is one, is into it). */
export function spot(p: Problem, where: string, text?: string): SpotProblem {
  return {
    kind: p.kind,
    severity: p.severity,
    message: p.message,
    ...(p.hint ? { hint: p.hint } : {}),
    where,
    ...(p.span && text !== undefined ? { excerpt: excerptOf(text, p.span) } : {}),
  };
}

const RANK = { error: 0, warning: 1, note: 2 } as const;

/** Errors first, then warnings, then notes; in their order otherwise. */
export function bySeverity(problems: readonly SpotProblem[]): SpotProblem[] {
  return [...problems].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}
