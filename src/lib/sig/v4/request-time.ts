/**
 * Which time a request is signed at: the time given, else its `X-Amz-Date` (query or header), else its `Date`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-string-to-sign
 */

import { findHeader, type HttpRequest } from '../request/model';
import { fail, ok, problem, type Result, type Span } from '../types';
import { parseAmzDate, parseHttpDate } from './time';

/** The signing time and where it came from. */
export interface RequestTime {
  time: Date;
  source: 'input' | 'x-amz-date' | 'date';
  span?: Span;
}

/** A value read from the request with its span. */
export interface Located {
  value: string;
  span: Span;
}

/** Finds the signing time; `queryDate` is a decoded `X-Amz-Date` query parameter, when there is one. */
export function resolveRequestTime(
  request: HttpRequest,
  explicit: Date | undefined,
  queryDate?: Located,
): Result<RequestTime> {
  if (explicit && Number.isNaN(explicit.getTime())) {
    return fail([problem('time', 'The signing time given is not a valid date.')]);
  }
  if (explicit) return ok({ time: explicit, source: 'input' });
  const amz = queryDate ?? locatedHeader(request, 'x-amz-date');
  if (amz) {
    const time = parseAmzDate(amz.value);
    if (!time) {
      return fail([
        problem(
          'x-amz-date',
          `X-Amz-Date should read YYYYMMDDTHHMMSSZ, such as 20150830T123600Z; got "${amz.value}".`,
          amz.span,
        ),
      ]);
    }
    return ok({ time, source: 'x-amz-date', span: amz.span });
  }
  const date = locatedHeader(request, 'date');
  if (date) {
    const time = parseHttpDate(date.value);
    if (!time) {
      return fail([
        problem(
          'date',
          `The Date header should be an HTTP date such as "Sun, 30 Aug 2015 12:36:00 GMT"; got "${date.value}".`,
          date.span,
        ),
      ]);
    }
    return ok({ time, source: 'date', span: date.span });
  }
  return fail([
    problem(
      'no-time',
      'The request carries no X-Amz-Date or Date, and no signing time was given.',
      undefined,
      { hint: 'Add an X-Amz-Date header (YYYYMMDDTHHMMSSZ) or give the time to sign at.' },
    ),
  ]);
}

function locatedHeader(request: HttpRequest, name: string): Located | undefined {
  const header = findHeader(request, name);
  return header ? { value: header.value, span: header.valueSpan } : undefined;
}
