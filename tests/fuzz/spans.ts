/** Span checks shared by the readers' fuzz tests: a span lies in the input; every located problem does. */

import { expect } from 'vitest';
import type { Problem, Span } from '../../src/lib/sig/types';

/** The span is there and lies inside `text`. */
export function within(span: Span | undefined, text: string): void {
  expect(span).toBeDefined();
  expect(0 <= span!.start && span!.start <= span!.end && span!.end <= text.length).toBe(true);
}

/** Every problem with a span, and every error, points inside `text`. */
export function placed(problems: readonly Problem[], text: string): void {
  for (const p of problems) if (p.span || p.severity === 'error') within(p.span, text);
}
