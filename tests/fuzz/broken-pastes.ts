/**
 * Pastes broken the way real ones break: cut short, a character flipped, junk inserted. Shared by the parsers'
 * fuzz tests; each supplies the tokens its parser looks for, so that the junk is the kind that misleads it.
 */

import fc from 'fast-check';

type Edit = { kind: 'cut' | 'flip' | 'insert'; at: number; text: string };

function apply(text: string, edits: readonly Edit[], flipFallback: string): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    if (e.kind === 'cut') out = out.slice(0, at);
    else if (e.kind === 'flip')
      out = out.slice(0, at) + (e.text.slice(0, 1) || flipFallback) + out.slice(at + 1);
    else out = out.slice(0, at) + e.text + out.slice(at);
  }
  return out;
}

/** Seeds broken by one to four edits whose junk is made of `tokens`. */
export function brokenPastes(
  seeds: readonly string[],
  tokens: readonly string[],
  { maxJunk = 10, flipFallback = '\n' }: { maxJunk?: number; flipFallback?: string } = {},
): fc.Arbitrary<string> {
  const edit: fc.Arbitrary<Edit> = fc.record({
    kind: fc.constantFrom('cut', 'flip', 'insert') as fc.Arbitrary<Edit['kind']>,
    at: fc.nat(),
    text: fc.string({ unit: fc.constantFrom(...tokens), maxLength: maxJunk }),
  });
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 4 }))
    .map(([seed, edits]) => apply(seed, edits, flipFallback));
}
