/**
 * The schemes sigscope knows, under ids that never change: they appear in case files and share links. The scheme
 * picker, the settings form and the learn pages are generated from this list, and every layer outside the scheme
 * folders reaches a scheme through it: each scheme's folder exports one `Scheme` (scheme.ts), listed here.
 */

import type { HttpRequest } from './request/model';
import { S3V2_SCHEME } from './s3v2/scheme';
import type {
  AnySchemeId,
  Component,
  Detection,
  FindingKind,
  LegacySchemeId,
  MistakeSearch,
  Scheme,
  SchemeMistake,
  SchemeId,
  SchemeSignInput,
  SchemeVerifyInput,
} from './scheme';
import type { SchemeTrace, SchemeVerification } from './trace';
import type { Result } from './types';
import { SIGV0_SCHEME } from './v0/scheme';
import { SIGV1_SCHEME } from './v1/scheme';
import { SIGV2_SCHEME } from './v2/scheme';
import { SIGV4_S3_SCHEME, SIGV4_SCHEME, type SigV4Scheme } from './v4/scheme';
import { SIGV4A_SCHEME } from './v4a/scheme';

export type {
  AnySchemeId,
  Component,
  Detection,
  FindingKind,
  LegacySchemeId,
  MistakeSearch,
  Scheme,
  SchemeId,
  SchemeMistake,
  SigV4Scheme,
};
/** Whether a request declares an aws-chunked upload, which the SigV4-family schemes verify link by link. */
export { isChunkedUpload } from './streaming/scheme-mode';

/** A legacy scheme: the shared interface, signing synchronously (HMAC-SHA1/SHA256 without WebCrypto). */
export interface LegacyScheme extends Scheme {
  id: LegacySchemeId;
  sign(input: SchemeSignInput): Result<SchemeTrace>;
  verify(input: SchemeVerifyInput): Result<SchemeVerification>;
}

/** The SigV4 schemes, whose settings share SigV4's typed shape, in the order the picker shows them. */
export const SCHEMES: readonly SigV4Scheme[] = [SIGV4_SCHEME, SIGV4_S3_SCHEME];

/** The legacy schemes, in the order the picker shows them. */
export const LEGACY_SCHEMES: readonly LegacyScheme[] = [
  SIGV2_SCHEME,
  S3V2_SCHEME,
  SIGV1_SCHEME,
  SIGV0_SCHEME,
];

/** Every scheme, in the order the picker shows them. */
export const ALL_SCHEMES: readonly Scheme[] = [...SCHEMES, SIGV4A_SCHEME, ...LEGACY_SCHEMES];

/** Looks a SigV4 scheme up by id. */
export function findScheme(id: string): SigV4Scheme | undefined {
  return SCHEMES.find((s) => s.id === id);
}

/** Looks a legacy scheme up by id. */
export function findLegacyScheme(id: string): LegacyScheme | undefined {
  return LEGACY_SCHEMES.find((s) => s.id === id);
}

/** Looks any scheme up by id. */
export function findAnyScheme(id: string): Scheme | undefined {
  return ALL_SCHEMES.find((s) => s.id === id);
}

/** The ids case files and the CLI take, for messages. */
export const SCHEME_IDS: readonly AnySchemeId[] = ALL_SCHEMES.map((s) => s.id);

/**
 * The order schemes are asked whether they signed a request: the algorithm a SigV4-family request names first,
 * then S3 SigV2's header, the Query APIs' SignatureVersion, and last S3 SigV2's query-string auth (which names no
 * version). SigV4 answers `sigv4-s3` on an S3 host.
 */
const DETECTION_ORDER: readonly Scheme[] = [
  SIGV4_SCHEME,
  SIGV4A_SCHEME,
  SIGV2_SCHEME,
  SIGV1_SCHEME,
  SIGV0_SCHEME,
  S3V2_SCHEME,
];

/** Which scheme signed a pasted request, and why; `undefined` when it carries no signature sigscope knows. */
export function detectScheme(request: HttpRequest): Detection | undefined {
  for (const scheme of DETECTION_ORDER) {
    const found = scheme.detect(request);
    if (found) return found;
  }
  return undefined;
}
