/**
 * What the editor loads on first use rather than with the page: search inside a paste (Ctrl/Cmd-F, with the panel
 * at the top) and problems as lint diagnostics (underlined, the message on hover and in the panel
 * that Ctrl/Cmd-Shift-M opens). Both are a lazy chunk: the first page does not carry them.
 */

import { type Extension } from '@codemirror/state';
import { keymap, type EditorView } from '@codemirror/view';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { lintKeymap, openLintPanel, setDiagnostics, type Diagnostic } from '@codemirror/lint';

/** A problem to show in the editor: a range of the text, its severity, its message. */
export interface EditorProblem {
  from: number;
  to: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** Search and the lint keys (no lint gutter: on a phone its column would cost the text its width). */
export function extras(): Extension {
  return [search({ top: true }), highlightSelectionMatches(), keymap.of([...searchKeymap, ...lintKeymap])];
}

/** Replaces the editor's diagnostics with these problems (ranges clamped into the text). */
export function showProblems(view: EditorView, problems: readonly EditorProblem[]): void {
  const length = view.state.doc.length;
  const diagnostics: Diagnostic[] = problems.map((p) => {
    const from = Math.max(0, Math.min(p.from, length));
    return { from, to: Math.max(from, Math.min(p.to, length)), severity: p.severity, message: p.message };
  });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

/** Opens the panel listing the editor's problems. */
export function openProblems(view: EditorView): boolean {
  return openLintPanel(view);
}
