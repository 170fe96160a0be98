/**
 * Choosing which header fields a signature covers, and saying why the others are left out.
 */

import type { Span } from '../types';
import type { HeaderField } from './canonical-headers';
import { unsignedHeaderReason, type SigV4Settings } from './settings';
import type { UnsignedHeader } from './types';

/** A header field on its way into a signed request: on the request as sent, changed, or added by the signer. */
export interface WorkingHeader extends HeaderField {
  /** Set when the signer added the field. */
  added?: boolean;
  /** Left off the signature by the caller's choice (a session token added after signing). */
  unsignedReason?: string;
}

/** Splits fields into those to sign and those left unsigned (one entry per name, with the reason). */
export function selectSignedHeaders(
  fields: readonly WorkingHeader[],
  settings: Pick<SigV4Settings, 'unsignedHeaders'>,
): { signed: HeaderField[]; unsigned: UnsignedHeader[] } {
  const signed: HeaderField[] = [];
  const unsigned = new Map<string, UnsignedHeader>();
  for (const field of fields) {
    const lower = field.name.toLowerCase();
    const reason = field.unsignedReason ?? unsignedHeaderReason(lower, settings.unsignedHeaders);
    if (reason === undefined) {
      signed.push(field);
    } else if (!unsigned.has(lower)) {
      const entry: UnsignedHeader = { name: lower, reason };
      if (field.span) entry.span = field.span;
      unsigned.set(lower, entry);
    }
  }
  return { signed, unsigned: [...unsigned.values()] };
}

/** The spans of the fields with this (lower-case) name. */
export function spansOf(fields: readonly HeaderField[], lowerName: string): Span[] {
  return fields.filter((f) => f.span && f.name.toLowerCase() === lowerName).map((f) => f.span!);
}
