/**
 * The editor's look, in the page's CSS variables so that it follows light and dark mode.
 */

import { EditorView } from '@codemirror/view';

/** The shared editor theme. */
export const editorTheme = EditorView.theme({
  '&': {
    color: 'var(--fg)',
    backgroundColor: 'var(--field)',
    border: '1px solid var(--border)',
    borderRadius: '6px',
    fontSize: '0.85rem',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.45', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--fg)', padding: '6px 0' },
  '.cm-line': { padding: '0 8px' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--selection) !important',
  },
  '.cm-placeholder': { color: 'var(--muted-fg)', fontStyle: 'italic' },
  '.cm-special': { color: 'var(--invisible)', fontSize: '0.8em' },
  '.cm-tab-mark': { position: 'relative' },
  '.cm-tab-mark::before': { content: '"→"', position: 'absolute', color: 'var(--invisible)' },
  '.cm-trailing-space': {
    backgroundImage: 'radial-gradient(var(--invisible) 1px, transparent 1.5px)',
    backgroundSize: '1ch 100%',
    backgroundPosition: 'center',
    backgroundRepeat: 'repeat-x',
  },
  '.cm-source': { backgroundColor: 'var(--hl)', outline: '1px solid var(--hl-border)', borderRadius: '2px' },
  // Line numbers, search and lint (loaded on first use): in the page's colours, both themes.
  '.cm-gutters': {
    backgroundColor: 'var(--muted)',
    color: 'var(--muted-fg)',
    borderRight: '1px solid var(--border)',
    borderRadius: '6px 0 0 6px',
  },
  '.cm-panels': { backgroundColor: 'var(--muted)', color: 'var(--fg)' },
  '.cm-panels-top': { borderBottom: '1px solid var(--border)' },
  '.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
  '.cm-panel input, .cm-panel button, .cm-panel label': { fontSize: '0.8rem', color: 'var(--fg)' },
  '.cm-panel button': { backgroundImage: 'none', backgroundColor: 'var(--field)' },
  '.cm-textfield': { backgroundColor: 'var(--field)', border: '1px solid var(--border)' },
  '.cm-searchMatch': { backgroundColor: 'var(--hl)', outline: '1px solid var(--hl-border)' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--selection)' },
  '.cm-selectionMatch': { backgroundColor: 'var(--hl)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--card)',
    color: 'var(--fg)',
    border: '1px solid var(--border)',
    borderRadius: '4px',
  },
  '.cm-diagnostic': { fontFamily: 'var(--sans)', fontSize: '0.8rem' },
  '.cm-panel.cm-panel-lint ul [aria-selected]': { backgroundColor: 'var(--selection)', color: 'var(--fg)' },
});
