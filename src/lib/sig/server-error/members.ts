/**
 * Reading one named member of a reply from the paste itself, for the members the common reader does not keep:
 * S3's `<RegionSet>`, `<RequestedRegion>`, `<HeadersNotSigned>`, `<ProposedSize>`, `<MaxSizeAllowed>`, … as XML
 * elements, JSON members or Python/JavaScript object members, wherever the reply sits in the paste.
 */

import type { Span } from '../types';

/** A member's value as read, and where it sits in the paste. */
export interface Member {
  value: string;
  span: Span;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);
}

function unescapeJson(text: string): string {
  return text.replace(/\\(["\\/nrt])/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c,
  );
}

function escapeName(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, (c) => `\\${c}`);
}

/**
 * The first member `name` inside `span` of the paste: `<Name>v</Name>`, `"Name": "v"`, `'Name': 'v'` or
 * `Name: 'v'`; `undefined` when there is none. Never throws.
 */
export function readMember(paste: string, span: Span, name: string): Member | undefined {
  const start = Math.max(0, Math.min(span.start, paste.length));
  const text = paste.slice(start, Math.max(start, Math.min(span.end, paste.length)));
  const n = escapeName(name);
  // Each shape ends with its value and then a closing delimiter (XML inside JSON escapes its slash: `<\/X>`).
  const shapes: [RegExp, (whole: string) => number, (v: string) => string][] = [
    [new RegExp(`<${n}>([^<]*)<\\\\?/${n}>`), (w) => w.length - w.lastIndexOf('<'), unescapeXml],
    [new RegExp(`"${n}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`), () => 1, unescapeJson],
    [new RegExp(`(?:'${n}'|\\b${n})\\s*:\\s*'((?:[^'\\\\]|\\\\.)*)'`), () => 1, unescapeJson],
  ];
  for (const [re, close, decode] of shapes) {
    const m = re.exec(text);
    if (!m) continue;
    const end = start + m.index + m[0].length - close(m[0]);
    return { value: decode(m[1]!).trim(), span: { start: end - m[1]!.length, end } };
  }
  return undefined;
}

/** A member read as a whole non-negative number of bytes; `undefined` when absent or not a number. */
export function readSizeMember(paste: string, span: Span, name: string): number | undefined {
  const m = readMember(paste, span, name);
  return m && /^\d{1,16}$/.test(m.value) ? Number(m.value) : undefined;
}
