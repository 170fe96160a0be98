/**
 * Links from the debugger into the lessons: a stage card's "what is this?" goes to the lesson step of the same
 * stage. Carries no engine code, so the debugger's first page stays within its size budget.
 */

import { resolve } from '$app/paths';
import { isLessonId } from './ids';

/** The debugger's SigV4 card ids, as the lesson's step ids (v4/trace.ts). */
const V4_STEPS: Record<string, string> = {
  canonical: 'canonical-request',
  hash: 'canonical-request-hash',
  sts: 'string-to-sign',
  keys: 'signing-key',
  signature: 'signature',
};

/** The lesson step explaining `stage` of `scheme` (a debugger card id or a trace stage id), if there is a lesson. */
export function lessonHref(scheme: string | undefined, stage: string): string | undefined {
  if (!scheme || !isLessonId(scheme)) return undefined;
  const step = scheme === 'sigv4' || scheme === 'sigv4-s3' ? (V4_STEPS[stage] ?? stage) : stage;
  return `${resolve('/learn/[scheme]', { scheme })}#step-${step}`;
}
