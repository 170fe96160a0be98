/**
 * What a person typed over before pasting: redactions (`xxxx`, `****`, `<redacted>`), template placeholders
 * (`##SHA1##`, `${AWS_REGION}`), a host written as `....`, hashes shortened with dots. Nothing is built on such a
 * value: a finding whose evidence holds one says only that the paste was edited.
 */

import type { Span } from '../sig/types';

/** One edited stretch of a paste. */
export interface Edit {
  span: Span;
  text: string;
  /** What it looks like, for the message: "a redaction", "a placeholder", … */
  what: string;
}

/** The shapes of edits, each with what it is called. Ordinary words never match: three x's stand alone, four anywhere. */
const EDITS: readonly { re: RegExp; what: string }[] = [
  { re: /<\s*redacted\s*>|\[\s*redacted\s*\]|\bredacted\b/gi, what: 'a redaction' },
  { re: /[xX]{4,}|(?<![A-Za-z0-9])[xX]{3}(?![A-Za-z0-9])/g, what: 'a redaction' },
  { re: /\*{3,}/g, what: 'a redaction' },
  { re: /#{2}[A-Za-z0-9_-]+#{2}/g, what: 'a placeholder' },
  { re: /\$\{[A-Za-z_][A-Za-z0-9_]*\}|<(?:your|my)[-_ ][^<>\n]{1,40}>/gi, what: 'a placeholder' },
  {
    re: /(?<![0-9a-fA-F])[0-9a-fA-F]{2,}(?:\.{2,}|…)[0-9a-fA-F]{2,}(?![0-9a-fA-F])/g,
    what: 'a shortened value',
  },
  // A value of dots alone (`host:....`), also inside a JSON string where a line ends in a literal `\n`.
  { re: /(?<=^|[\s:/=@'"])(?:\.{3,}|…)(?=$|[\s:/'"\\])/gm, what: 'a value left out' },
];

/** Every edit in a text, in order, at most `limit`. */
export function findEdits(text: string, limit = 50): Edit[] {
  const out: Edit[] = [];
  for (const { re, what } of EDITS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      if (out.some((e) => e.span.start <= start && start < e.span.end)) continue;
      out.push({ span: { start, end: start + m[0].length }, text: m[0], what });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start).slice(0, limit);
}

/** True when the text holds an edit. */
export function hasEdit(text: string): boolean {
  return EDITS.some(({ re }) => {
    re.lastIndex = 0;
    const hit = re.test(text);
    re.lastIndex = 0;
    return hit;
  });
}

const HASH = /^[0-9a-f]{64}$/i;

/** A payload hash as the scheme writes one: 64 hex digits or one of SigV4's named payloads. */
export function isPayloadHash(value: string): boolean {
  return HASH.test(value) || /^(UNSIGNED-PAYLOAD|STREAMING-[A-Z0-9-]+)$/.test(value);
}

/** A SigV4 hash or signature: exactly 64 hex digits. */
export function isSha256Hex(value: string): boolean {
  return HASH.test(value);
}

/** `YYYYMMDDTHHMMSSZ`. */
export function isAmzDate(value: string): boolean {
  return /^\d{8}T\d{6}Z$/.test(value);
}
