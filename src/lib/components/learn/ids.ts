/**
 * The schemes a lesson teaches, in lesson order: SigV4 and its S3 form, SigV4A, then the legacy schemes. No engine
 * code here, so that the debugger can link to lessons without loading the signers.
 */

import type { LegacySchemeId, SchemeId } from '$lib/sig/registry';

/** Every scheme a lesson teaches. */
export type LessonId = SchemeId | LegacySchemeId | 'sigv4a';

/** The lessons in order. */
export const LESSON_IDS: readonly LessonId[] = [
  'sigv4',
  'sigv4-s3',
  'sigv4a',
  'sigv2',
  's3v2',
  'sigv1',
  'sigv0',
];

/** Whether `id` names a lesson. */
export const isLessonId = (id: string): id is LessonId => (LESSON_IDS as readonly string[]).includes(id);
