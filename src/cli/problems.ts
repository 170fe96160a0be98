/**
 * Turning engine problems into `file:line:col: message` diagnostics. Problems from reading the case file point
 * into its text; problems from signing or verifying point into the request string and are mapped back to the file.
 */

import type { LocatedJson } from '../lib/sig/json-source';
import { mapStringSpan } from '../lib/sig/json-source';
import { lineColumn, type Problem, type Severity, type Span } from '../lib/sig/types';

/** A problem placed in a file: what the CLI prints and what `--json` reports under `notes`. */
export interface Diagnostic {
  file: string;
  kind: string;
  severity: Severity;
  message: string;
  hint?: string;
  /** 1-based, in the case file's text; absent when the problem is about the file as a whole. */
  line?: number;
  column?: number;
}

/** A case file's name, text and (once parsed) where its values sit. */
export interface CaseSource {
  file: string;
  text: string;
  located?: LocatedJson;
}

/** Problems about the request without a span of their own, placed at the case-file value they are about. */
const SPANLESS_AT: Record<string, string> = {
  expires: '/expires',
  'no-time': '/request',
  empty: '/request',
};

function diagnostic(source: CaseSource, p: Problem, span: Span | undefined): Diagnostic {
  const d: Diagnostic = { file: source.file, kind: p.kind, severity: p.severity, message: p.message };
  if (p.hint) d.hint = p.hint;
  if (span) {
    const { line, column } = lineColumn(source.text, span.start);
    d.line = line;
    d.column = column;
  }
  return d;
}

/** Places a problem whose span points into the case file's text. */
export function inFile(source: CaseSource, p: Problem): Diagnostic {
  return diagnostic(source, p, p.span);
}

/** Places a problem whose span points into the request string, mapping it back to the case file's text. */
export function inRequest(source: CaseSource, p: Problem): Diagnostic {
  const request = source.located?.locations.get('/request');
  if (p.span && request) return diagnostic(source, p, mapStringSpan(request, p.span));
  const pointer = SPANLESS_AT[p.kind];
  const fallback = pointer ? source.located?.locations.get(pointer)?.span : undefined;
  return diagnostic(source, p, fallback);
}

/** Renders a diagnostic as `file:line:col: [warning: |note: ]message`, with its hint on the next line. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column}`;
  const label = d.severity === 'error' ? '' : `${d.severity}: `;
  return `${where}: ${label}${d.message}\n${d.hint ? `  hint: ${d.hint}\n` : ''}`;
}

/** Whether any diagnostic stops the command. */
export function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
