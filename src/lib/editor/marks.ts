/**
 * Span highlights in the editor: the parts of the pasted request a hovered canonical-request line came from, and
 * the spans problems point at. Set with an effect; they follow edits until the next set.
 */

import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

/** A highlighted range of the document and the CSS class it gets. */
export interface Mark {
  from: number;
  to: number;
  class: string;
  /** A tooltip, such as a problem's message. */
  title?: string;
}

/** Whether two lists of marks are the same, mark for mark. */
export function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => {
      const n = b[i]!;
      return m.from === n.from && m.to === n.to && m.class === n.class && m.title === n.title;
    })
  );
}

/** Replaces the highlighted ranges. */
export const setMarks = StateEffect.define<readonly Mark[]>();

function build(marks: readonly Mark[], length: number): DecorationSet {
  const ranges = marks
    .map((m) => ({
      ...m,
      from: Math.max(0, Math.min(m.from, length)),
      to: Math.max(0, Math.min(m.to, length)),
    }))
    .filter((m) => m.to > m.from)
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((m) =>
      Decoration.mark({
        class: m.class,
        ...(m.title ? { attributes: { title: m.title } } : {}),
      }).range(m.from, m.to),
    );
  return Decoration.set(ranges, true);
}

/** The field holding the highlights, drawn as mark decorations. */
export const marksField: Extension = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, tr) {
    let next = decorations.map(tr.changes);
    for (const effect of tr.effects) if (effect.is(setMarks)) next = build(effect.value, tr.state.doc.length);
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});
