/**
 * A link that opens the debugger on a lesson's example: the signed request in a share fragment. The secret goes in
 * only while it is still the published example key; a secret the reader typed is left out, as the debugger's own
 * share links leave it out.
 */

import { EMPTY_SNAPSHOT, type SessionSnapshot } from '$lib/state/snapshot';
import { encodeShare } from '$lib/state/share';
import { EXAMPLE_KEY } from './lessons';
import type { LessonId } from './teach';

/** The share fragment (without `#`) of the debugger opened on `signedRequest`. */
export function debuggerFragment(
  scheme: LessonId,
  signedRequest: string,
  accessKeyId: string,
  secretAccessKey: string,
): Promise<string> {
  const snapshot: SessionSnapshot = { ...EMPTY_SNAPSHOT, settings: {}, request: signedRequest, accessKeyId };
  // The debugger picks a legacy scheme (and SigV4A) from the signature the request carries.
  if (scheme === 'sigv4' || scheme === 'sigv4-s3') snapshot.scheme = scheme;
  if (secretAccessKey === EXAMPLE_KEY.secretAccessKey) snapshot.secretAccessKey = secretAccessKey;
  return encodeShare(snapshot);
}
