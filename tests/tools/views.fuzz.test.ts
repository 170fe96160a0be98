/**
 * The tool pages' view-models on random and mutated input: whatever is pasted, a view comes back (never an
 * exception), with a verdict, and every problem's excerpt is text from the box it names.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_FRAMES } from '../../src/lib/tools/events-example';
import { eventsView } from '../../src/lib/tools/events-view';
import { EXAMPLE_FORM, EXAMPLE_POLICY } from '../../src/lib/tools/policy-example';
import { policyView } from '../../src/lib/tools/policy-view';
import type { SpotProblem } from '../../src/lib/tools/spot';

const RUNS = 300;

/** Each excerpt's marked text is in the box it names (ellipses aside). */
function excerptsFrom(problems: SpotProblem[], boxes: Record<string, string>): void {
  for (const p of problems) {
    const text = boxes[p.where];
    if (!p.excerpt || text === undefined) continue;
    expect(text).toContain(p.excerpt.marked.replace(/…$/, ''));
  }
}

/** A text with a few characters replaced, inserted or cut, at random places. */
const mutated = (base: string) =>
  fc
    .array(fc.tuple(fc.nat(base.length), fc.nat(3), fc.string({ maxLength: 3 })), { maxLength: 4 })
    .map((edits) => edits.reduce((t, [at, cut, add]) => t.slice(0, at) + add + t.slice(at + cut), base));

describe('the policy view', () => {
  it('always answers, on a mutated example policy, form and time', () => {
    fc.assert(
      fc.property(mutated(EXAMPLE_POLICY), mutated(EXAMPLE_FORM), fc.string(), (policy, form, time) => {
        const v = policyView({
          policy,
          form,
          time,
          secretAccessKey: 'k',
          lineEndings: 'crlf',
          bucket: '',
          fileSize: '',
        });
        expect(v.verdict).toMatch(/^(accepted|rejected|unknown|unreadable)$/);
        excerptsFrom(v.problems, { Form: form });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the events view', () => {
  it('always answers, on mutated example frames and random text', () => {
    fc.assert(
      fc.property(fc.oneof(mutated(EXAMPLE_FRAMES), fc.string()), fc.string(), (frames, seed) => {
        const v = eventsView({ frames, seed, secretAccessKey: 'secret', region: 'r', service: 's' });
        expect(v.verdict).toMatch(/^(valid|broken|unknown|unreadable)$/);
        excerptsFrom(v.problems, { Messages: frames });
      }),
      { numRuns: RUNS },
    );
  });
});
