/**
 * A tiny, tolerant XML element reader for error bodies (no DOMParser: the engine runs in Node and Workers too).
 * It finds where the root element ends, so several replies can sit in one paste, and records every element that
 * holds only text, with the span of that text. A reply cut off mid-way is reported, not thrown.
 */

import { problem, type Problem } from '../types';

/** An element that holds only text: its name and where its raw content sits. */
export interface XmlLeaf {
  name: string;
  contentStart: number;
  contentEnd: number;
  /** True when the document is cut off inside this element: its content runs to where the text ends. */
  truncated?: boolean;
}

/** What a scan of one XML document found. */
export interface XmlScan {
  root?: string;
  /** Just past the root's end tag, or where the document stops when it is cut off. */
  end: number;
  closed: boolean;
  leaves: XmlLeaf[];
  /** Problems with positions in the scanned text. */
  problems: Problem[];
}

interface Open {
  name: string;
  tagStart: number;
  contentStart: number;
  hasChild: boolean;
}

const NAME = /[A-Za-z_][\w:.-]*/y;

/** Where the next document or reply starts after `from` (a new `<?xml`, an HTTP status line), or the text's end. */
export function nextDocument(text: string, from: number): number {
  const re = /\n[ \t]*(?:<\?xml|(?:< )?HTTP\/\d)/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

/** The innermost open element named `name`, looking at most 256 levels up; -1 when none. */
function openIndex(stack: readonly Open[], name: string): number {
  for (let k = stack.length - 1; k >= 0 && k >= stack.length - 256; k--)
    if (stack[k]!.name === name) return k;
  return -1;
}

/** Finds the `>` that ends a tag opened at `from`, skipping quoted attribute values; -1 when it never comes. */
function tagEnd(text: string, from: number, stop: number): number {
  let quote = '';
  for (let i = from; i < stop; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
    else if (c === '<') return -1;
  }
  return -1;
}

/**
 * Scans the XML document that starts at `start` (prolog, comments and all) up to the end of its root element,
 * reading no further than `stop`.
 */
export function scanXml(text: string, start: number, stop = nextDocument(text, start)): XmlScan {
  const stack: Open[] = [];
  const leaves: XmlLeaf[] = [];
  const problems: Problem[] = [];
  let root: string | undefined;
  let i = start;
  const cutOff = (at: number, contentEnd = at): XmlScan => {
    const end = Math.max(start, at);
    const open = stack[stack.length - 1];
    // What an element cut in the middle holds is kept: the part before the cut can still be compared.
    if (open && !open.hasChild && contentEnd > open.contentStart) {
      leaves.push({ name: open.name, contentStart: open.contentStart, contentEnd, truncated: true });
    }
    const message = open
      ? `The XML ends before </${open.name}> closes: the reply looks cut off.`
      : 'The XML ends before its first element: the reply looks cut off.';
    problems.push(problem('xml-truncated', message, { start: open?.tagStart ?? start, end }));
    return { ...(root ? { root } : {}), end, closed: false, leaves, problems };
  };
  while (i < stop) {
    const lt = text.indexOf('<', i);
    if (lt < 0 || lt >= stop) return cutOff(text.slice(0, stop).trimEnd().length);
    const special = [
      ['<?', '?>'],
      ['<!--', '-->'],
      ['<![CDATA[', ']]>'],
      ['<!', '>'],
    ].find(([open]) => text.startsWith(open!, lt));
    if (special) {
      const close = text.indexOf(special[1]!, lt + special[0]!.length);
      if (close < 0 || close + special[1]!.length > stop) {
        // A CDATA section cut off keeps its text.
        const cdata = special[0] === '<![CDATA[';
        return cutOff(cdata ? text.slice(0, stop).trimEnd().length : lt);
      }
      i = close + special[1]!.length;
      continue;
    }
    const closing = text[lt + 1] === '/';
    NAME.lastIndex = lt + (closing ? 2 : 1);
    const name = NAME.exec(text)?.[0];
    if (!name) {
      // Said once per document: a pasted page can hold thousands.
      if (!problems.some((p) => p.kind === 'xml-text')) {
        const message = 'A raw "<" in XML text should be written &lt;.';
        problems.push(problem('xml-text', message, { start: lt, end: lt + 1 }, { severity: 'warning' }));
      }
      i = lt + 1;
      continue;
    }
    const gt = tagEnd(text, NAME.lastIndex, stop);
    if (gt < 0) return cutOff(text.slice(0, stop).trimEnd().length, lt);
    i = gt + 1;
    if (closing) {
      const at = openIndex(stack, name);
      if (at < 0) {
        const span = { start: lt, end: i };
        problems.push(
          problem('xml-close', `</${name}> closes nothing; ignored.`, span, { severity: 'warning' }),
        );
        continue;
      }
      const element = stack.splice(at)[0]!;
      if (!element.hasChild) leaves.push({ name, contentStart: element.contentStart, contentEnd: lt });
      if (stack.length === 0) return { root: root ?? name, end: i, closed: true, leaves, problems };
      continue;
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.hasChild = true;
    root ??= name;
    if (text[gt - 1] === '/') {
      if (!parent) return { root, end: i, closed: true, leaves, problems };
      leaves.push({ name, contentStart: i, contentEnd: i });
    } else {
      stack.push({ name, tagStart: lt, contentStart: i, hasChild: false });
    }
  }
  return cutOff(text.slice(0, stop).trimEnd().length);
}
