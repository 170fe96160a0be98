/**
 * The CanonicalHeaders and SignedHeaders lines: lower-case names, trimmed values with runs of whitespace folded,
 * repeated headers joined with commas in the order sent, sorted by name.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 */

import type { Span } from '../types';

/** A header as it goes into the canonical request. */
export interface CanonicalHeader {
  /** Lower-case name. */
  name: string;
  /** Values trimmed, inner whitespace folded to one space, repeats joined with `,`. */
  value: string;
  /** Where each contributing field came from, empty for a header the signer adds. */
  sources: Span[];
}

/** A header field to sign, as on the request or as the signer adds it. */
export interface HeaderField {
  name: string;
  value: string;
  span?: Span;
}

const NEEDS_FOLDING = /[\r\n\t]| {2}|^ | $/;

/**
 * Folds line breaks and each run of spaces and tabs into one space and trims the ends. Other Unicode whitespace
 * stays, as in the AWS SDK for JavaScript and aws-c-auth.
 */
export function canonicalHeaderValue(value: string): string {
  // Most values have nothing to fold or trim: one test instead of three replacements.
  if (!NEEDS_FOLDING.test(value)) return value;
  return value
    .replace(/[\r\n]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');
}

/** Groups fields by lower-case name (repeats joined with `,` in order) and sorts by name. */
export function canonicalHeaders(fields: readonly HeaderField[]): CanonicalHeader[] {
  // Sorted by name first (an insertion sort: stable, so repeats stay in the order sent, and quicker than
  // Array#sort on the dozen fields of a request), then repeats joined: no map needed.
  const names = fields.map((field) => field.name.toLowerCase());
  const order = names.map((_, i) => i);
  for (let i = 1; i < order.length; i++) {
    const at = order[i]!;
    let j = i - 1;
    for (; j >= 0 && names[order[j]!]! > names[at]!; j--) order[j + 1] = order[j]!;
    order[j + 1] = at;
  }
  const out: CanonicalHeader[] = [];
  let last: CanonicalHeader | undefined;
  for (const i of order) {
    const name = names[i]!;
    const field = fields[i]!;
    const value = canonicalHeaderValue(field.value);
    if (last && last.name === name) {
      last.value += ',' + value;
      if (field.span) last.sources.push(field.span);
    } else {
      out.push((last = { name, value, sources: field.span ? [field.span] : [] }));
    }
  }
  return out;
}

/** Renders the CanonicalHeaders block: one `name:value` line per header, each ending in a newline. */
export function renderCanonicalHeaders(headers: readonly Pick<CanonicalHeader, 'name' | 'value'>[]): string {
  return headers.map((h) => `${h.name}:${h.value}\n`).join('');
}

/** Renders the SignedHeaders line: the names joined with `;`. */
export function renderSignedHeaders(names: readonly string[]): string {
  return names.join(';');
}
