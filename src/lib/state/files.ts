/**
 * What a dropped or opened file is: a case file, a HAR or request text (into the request editor), a server reply,
 * a client log, or a body too large or too binary to paste (hashed in the worker, in slices).
 */

/** Where a file goes. */
export type FileRole = 'case-file' | 'request' | 'server-error' | 'client-log' | 'body';

/** Text files up to this size may be read into an editor; larger ones are bodies. */
export const TEXT_LIMIT = 2 * 1024 * 1024;

/** Decides from the file's name, size and first bytes (as text) where it goes. */
export function classifyFile(name: string, size: number, head: string): FileRole {
  if (size > TEXT_LIMIT || head.includes('\u0000')) return 'body';
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const lower = name.toLowerCase();
  if (text.startsWith('{')) {
    if (/"log"\s*:/.test(text) && /"entries"|"creator"|"version"/.test(text)) return 'request';
    if (/"request"\s*:/.test(text) && /"credentials"\s*:/.test(text)) return 'case-file';
    if (/"message"\s*:|"__type"\s*:|"Message"\s*:/.test(text)) return 'server-error';
  }
  if (lower.endsWith('.har')) return 'request';
  if (/^(<\?xml|<Error|<ErrorResponse|<Response)/.test(text) || /^HTTP\/[\d.]+ [45]\d\d/.test(text))
    return 'server-error';
  if (
    /^(GET|PUT|POST|DELETE|HEAD|PATCH|OPTIONS) \S+/.test(text) ||
    /^(curl\s|\*\s|>\s|https?:\/\/)/.test(text)
  )
    return 'request';
  if (/botocore\.auth|CanonicalRequest|Canonical Request|STRING_TO_SIGN|StringToSign/i.test(text))
    return 'client-log';
  return 'body';
}
