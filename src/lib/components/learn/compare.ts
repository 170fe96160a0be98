/**
 * One request signed under every scheme, and "try it": change one part of each signed request (the Host, the
 * body, a header, a parameter, the path) and ask the engine which signatures still verify. No DOM here.
 */

import { signAs, verifiesAs, type Example, type LessonId } from './teach';

/** The schemes side by side, oldest last. */
export const COMPARED: readonly LessonId[] = ['sigv4', 'sigv4a', 's3v2', 'sigv2', 'sigv1'];

/** A change to a signed request, as a proxy or an attacker could make it. */
export interface Tamper {
  id: string;
  label: string;
  apply(signed: string): string;
}

const headerBlockEnd = (t: string) => t.indexOf('\n\n');

/** Every change the page offers. */
export const TAMPERS: readonly Tamper[] = [
  {
    id: 'host',
    label: 'Send it to another Host',
    apply: (t) => t.replace(/^Host: .*$/m, 'Host: s3.us-west-2.amazonaws.com'),
  },
  {
    id: 'body',
    label: 'Change the body',
    apply: (t) => t.slice(0, headerBlockEnd(t) + 2) + 'tampered body',
  },
  {
    id: 'unsigned-header',
    label: 'Add a header (X-Forwarded-For)',
    apply: (t) => t.replace('\n', '\nX-Forwarded-For: 203.0.113.7\n'),
  },
  {
    id: 'amz-header',
    label: 'Add an x-amz-meta header',
    apply: (t) => t.replace('\n', '\nx-amz-meta-owner: mallory\n'),
  },
  {
    id: 'content-type',
    label: 'Change Content-Type',
    apply: (t) => t.replace(/^Content-Type: .*$/m, 'Content-Type: text/html'),
  },
  {
    id: 'param',
    label: 'Change a query parameter',
    apply: (t) => t.replace('tag=draft', 'tag=final'),
  },
  {
    id: 'path',
    label: 'Change the path',
    apply: (t) => t.replace('/examplebucket/notes.txt', '/examplebucket/secret.txt'),
  },
];

/** The request every scheme signs (path-style S3, so that S3 SigV2 applies too). */
export const COMPARE_EXAMPLE: Example = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  request:
    'PUT /examplebucket/notes.txt?tag=draft HTTP/1.1\nHost: s3.amazonaws.com\nContent-Type: text/plain\n' +
    'X-Amz-Date: 20150830T123600Z\n\nhello',
  settings: {},
};

/** The signing time of the legacy schemes, which add a Timestamp or Date: the example's X-Amz-Date. */
export const COMPARE_TIME = new Date('2015-08-30T12:36:00Z');

/** One scheme's column: the signed request, or why it could not be signed. */
export interface Column {
  scheme: LessonId;
  signed?: string;
  problem?: string;
}

/** Signs the example under every compared scheme. */
export async function signAll(ex: Example): Promise<Column[]> {
  return Promise.all(
    COMPARED.map(async (scheme): Promise<Column> => {
      const r = await signAs(scheme, ex, COMPARE_TIME);
      if (!r.ok) return { scheme, problem: r.problems.map((p) => p.message).join(' ') };
      return { scheme, signed: r.value.signedRequest };
    }),
  );
}

/** Whether each column's signature still verifies once `tamper` changed its signed request. */
export async function verdicts(
  columns: readonly Column[],
  secretAccessKey: string,
  tamper?: Tamper,
): Promise<Record<string, boolean | undefined>> {
  const out: Record<string, boolean | undefined> = {};
  for (const c of columns) {
    if (c.signed === undefined) continue;
    out[c.scheme] = await verifiesAs(c.scheme, tamper ? tamper.apply(c.signed) : c.signed, secretAccessKey);
  }
  return out;
}
