/**
 * The CanonicalURI line: the path, normalized or not, encoded once or twice.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
 */

import { percentDecode, uriEncode } from '../encoding';
import type { SigV4Settings } from './settings';

/**
 * Removes `.` and `..` segments (RFC 3986 §5.2.4) and empty segments, keeping a leading and a trailing slash,
 * as botocore and the AWS SDK for JavaScript do. `/a/b/../c//` becomes `/a/c/`.
 */
export function normalizePathSegments(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  const lead = path.startsWith('/') ? '/' : '';
  const trail = out.length > 0 && path.endsWith('/') ? '/' : '';
  return lead + out.join('/') + trail;
}

/**
 * The canonical path of a path as sent on the wire. Double encoding encodes the wire text again (its `%` becomes
 * `%25`); single encoding (S3) decodes it and encodes each byte once. `/` is never encoded.
 */
export function canonicalPath(
  wirePath: string,
  settings: Pick<SigV4Settings, 'doubleEncodePath' | 'normalizePath'>,
): string {
  let path = wirePath === '' ? '/' : wirePath;
  if (settings.normalizePath) path = normalizePathSegments(path) || '/';
  return settings.doubleEncodePath ? uriEncode(path, true) : uriEncode(percentDecode(path).bytes, true);
}
