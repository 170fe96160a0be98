/**
 * Invisible characters drawn visibly: carriage returns as `␍`, zero-width and non-breaking spaces with their code
 * point (always on), and, when switched on, tabs as `→` and trailing spaces as `·`.
 */

import type { Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  MatchDecorator,
  ViewPlugin,
  highlightSpecialChars,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';

function codePoint(code: number): string {
  return 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
}

/** Control characters, CR included (the document keeps CR: lines split on LF only), and invisible Unicode. */
export const specialChars: Extension = highlightSpecialChars({
  addSpecialChars: /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/,
  render(code, description) {
    const span = document.createElement('span');
    span.className = 'cm-special';
    span.textContent = code === 13 ? '␍' : `⟨${codePoint(code)}⟩`;
    span.title = description ?? codePoint(code);
    span.setAttribute('aria-label', code === 13 ? 'carriage return' : (description ?? codePoint(code)));
    return span;
  },
});

const whitespace = new MatchDecorator({
  regexp: /\t| +(?=\r?$)/g,
  decoration: (match) => Decoration.mark({ class: match[0] === '\t' ? 'cm-tab-mark' : 'cm-trailing-space' }),
});

/** Tabs and trailing spaces marked (the CSS draws `→` and `·`). */
export const whitespaceMarks: Extension = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = whitespace.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = whitespace.updateDeco(update, this.decorations);
    }
  },
  { decorations: (v) => v.decorations },
);
