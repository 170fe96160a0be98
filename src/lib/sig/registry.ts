/**
 * The schemes sigscope knows, under ids that never change: they appear in case files and share links. The scheme
 * picker, the settings form and the learn pages are generated from this list.
 */

import { GENERIC_SETTINGS, S3_SETTINGS, type SigV4Settings } from './v4/settings';
import type { SigV4Mode } from './v4/types';

/** Stable scheme ids. */
export type SchemeId = 'sigv4' | 'sigv4-s3';

/** What the UI and the CLI need to know about a scheme. */
export interface Scheme {
  id: SchemeId;
  label: string;
  /** One sentence on where the scheme is used. */
  summary: string;
  docUrl: string;
  modes: readonly SigV4Mode[];
  defaults: Readonly<SigV4Settings>;
}

/** Every scheme, in the order the picker shows them. */
export const SCHEMES: readonly Scheme[] = [
  {
    id: 'sigv4',
    label: 'SigV4',
    summary: 'AWS Signature Version 4 as every service but S3 checks it: path normalized and encoded twice.',
    docUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html',
    modes: ['header', 'query'],
    defaults: GENERIC_SETTINGS,
  },
  {
    id: 'sigv4-s3',
    label: 'SigV4 (S3)',
    summary:
      'Signature Version 4 as Amazon S3 checks it: path encoded once, never normalized, x-amz-content-sha256.',
    docUrl: 'https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html',
    modes: ['header', 'query'],
    defaults: S3_SETTINGS,
  },
];

/** Looks a scheme up by id. */
export function findScheme(id: string): Scheme | undefined {
  return SCHEMES.find((s) => s.id === id);
}
