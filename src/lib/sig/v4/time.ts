/**
 * The timestamps SigV4 reads and writes: `X-Amz-Date` (`20150830T123600Z`), the scope date (`20150830`), and the
 * HTTP `Date` header (`Sun, 30 Aug 2015 12:36:00 GMT`) some clients send instead.
 */

/** Formats a time as SigV4's ISO 8601 basic form, `YYYYMMDDTHHMMSSZ`. */
export function toAmzDate(time: Date): string {
  return isoToAmzDate(time.toISOString());
}

/** `YYYYMMDDTHHMMSSZ` from a `Date#toISOString()` text, for a caller that needs both forms of one time. */
export function isoToAmzDate(iso: string): string {
  // `YYYY-MM-DDTHH:MM:SS.sssZ` by slicing (every signature formats its time); other years by the general rule.
  if (iso.length === 24) {
    return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 13) + iso.slice(14, 16) + iso.slice(17, 19) + 'Z';
  }
  return iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Reads `YYYYMMDDTHHMMSSZ`; `undefined` when the text is not in that form. */
export function parseAmzDate(text: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const time = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return Number.isNaN(time.getTime()) || time.getUTCDate() !== d ? undefined : time;
}

/** Reads an HTTP date (IMF-fixdate, RFC 850 or asctime, as `Date.parse` does) or an ISO 8601 time. */
export function parseHttpDate(text: string): Date | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const amz = parseAmzDate(trimmed);
  if (amz) return amz;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
