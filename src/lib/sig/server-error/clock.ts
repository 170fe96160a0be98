/**
 * Clock errors: S3's `RequestTimeTooSkewed` (`RequestTime`, `ServerTime`, `MaxAllowedSkewMilliseconds`), a presigned
 * URL's `AccessDenied` "Request has expired" / "Request is not yet valid" (`X-Amz-Expires`, `Expires`, `X-Amz-Date`,
 * `ServerTime`), and other services' "Signature expired: X is now earlier than Y (Z - 5 min.)" and "Signature not
 * yet current: X is still later than Y (Z + 5 min.)", where X is the request's time and Z the server's.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */

import type { Field } from './body';
import type { ServerError } from './types';

/** The clock fields of a reply. */
export type ClockFields = Pick<
  ServerError,
  'requestTime' | 'serverTime' | 'maxAllowedSkewMs' | 'expires' | 'expiresInSeconds'
>;

const WINDOW =
  /Signature (?:expired|not yet current): (\S+) is (?:now earlier|still later) than \S+ \((\S+) [-+] (\d+) min\.?\)/;

function text(fields: Map<string, Field>, name: string): string | undefined {
  const value = fields.get(name)?.value.text.trim();
  return value ? value : undefined;
}

function count(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

/** Reads the request time, server time, allowed skew and expiry from a reply's fields and message. */
export function readClock(fields: Map<string, Field>, message: string | undefined): ClockFields {
  const out: ClockFields = {};
  const requestTime = text(fields, 'RequestTime') ?? text(fields, 'X-Amz-Date');
  const serverTime = text(fields, 'ServerTime');
  const skew = count(text(fields, 'MaxAllowedSkewMilliseconds'));
  const expires = text(fields, 'Expires');
  const expiresIn = count(text(fields, 'X-Amz-Expires'));
  if (requestTime) out.requestTime = requestTime;
  if (serverTime) out.serverTime = serverTime;
  if (skew !== undefined) out.maxAllowedSkewMs = skew;
  if (expires) out.expires = expires;
  if (expiresIn !== undefined) out.expiresInSeconds = expiresIn;
  const window = message === undefined ? null : WINDOW.exec(message);
  if (window) {
    out.requestTime ??= window[1]!;
    out.serverTime ??= window[2]!;
    out.maxAllowedSkewMs ??= Number(window[3]) * 60_000;
  }
  return out;
}
