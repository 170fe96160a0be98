/**
 * The search renders each header line once per context and per the rendering bits that can change it, and shares
 * the line when a mistake's bits cannot (variant-headers.ts). For random requests with padded, tabbed and
 * repeated headers, every candidate's headers block is exactly the block written here from SigV4's rules and the
 * mistake's own description, header by header, with nothing shared.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidates } from '../../src/lib/diagnose/search';
import { variantParts, type Variant, type VariantContext } from '../../src/lib/diagnose/variant';
import { canonicalHeaderValue } from '../../src/lib/sig/registry-sigv4';
import { generatedRequest, richRequest } from './requests';
import { serverView, signCorrectly } from './signed-with-mistake';

/** The canonical headers, blank line and SignedHeaders a client making mistake `v` writes, from scratch. */
function written(ctx: VariantContext, v: Variant): string {
  const groups = new Map<string, { sent: string; values: string[]; whole: string[] }>();
  for (const h of ctx.headers) {
    const lower = h.name.toLowerCase();
    const g = groups.get(lower) ?? { sent: h.name, values: [], whole: [] };
    g.values.push(h.raw ?? h.value);
    g.whole.push(h.rawWhole ?? h.raw ?? h.value);
    groups.set(lower, g);
  }
  const rows: { name: string; line: string }[] = [];
  for (const [lower, g] of groups) {
    if (v.omitHeader === lower) continue;
    const as = v.headerSignedAs?.name === lower ? v.headerSignedAs.value : undefined;
    const whole = v.untrimmedWhole && v.untrimmedHeader === lower;
    const untrimmed = v.untrimmedHeaderValues || v.untrimmedHeader === lower;
    const uncollapsed = v.uncollapsedHeaderSpaces || v.uncollapsedHeader === lower;
    const how = v.joinHeader?.name === lower ? v.joinHeader.as : v.repeatedHeaderJoin;
    const name = v.headerNamesAsSent || v.headerCaseAsSent === lower ? g.sent : lower;
    const values = (as !== undefined ? [as] : whole ? g.whole : g.values).map((raw) => {
      let x = raw;
      if (lower === 'host' && v.hostPort === 'strip') x = x.replace(/:\d+$/, '');
      if (lower === 'host' && v.hostPort === 'add-default' && !/:\d+$/.test(x)) x += `:${ctx.defaultPort}`;
      x = x.split('\r\n').join(' ').split('\n').join(' ');
      if (!uncollapsed) x = x.replace(/[ \t]+/g, ' ');
      if (!untrimmed) x = x.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
      return x;
    });
    const value = how === 'first' ? values[0] : how === 'last' ? values.at(-1) : values.join(how ?? ',');
    rows.push({ name: lower, line: `${name}:${value}\n` });
  }
  const add = v.addHeader;
  if (add && !groups.has(add.name))
    rows.push({ name: add.name, line: `${add.name}:${canonicalHeaderValue(add.value)}\n` });
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return rows.map((r) => r.line).join('') + '\n' + rows.map((r) => r.line.split(':')[0]).join(';');
}

describe('header lines shared between mistakes', () => {
  it.each([
    ['generated', generatedRequest],
    ['rich', richRequest],
  ])(
    'give every candidate the headers block its mistakes describe (%s requests)',
    async (_, requests) => {
      let changed = 0;
      await fc.assert(
        fc.asyncProperty(requests, async (generated) => {
          const signed = await signCorrectly(generated.scheme, generated.text);
          const { ctx } = await serverView(generated.scheme, signed);
          const own = written(ctx, {});
          for (const mistakes of candidates(ctx, generated.scheme === 'sigv4-s3')) {
            const merged: Variant = Object.assign({}, ...mistakes.map((m) => m.variant));
            const expected = written(ctx, merged);
            expect(variantParts(ctx, merged).headers.text, mistakes.map((m) => m.id).join(' + ')).toBe(
              expected,
            );
            if (expected !== own) changed++;
          }
        }),
        { numRuns: 12, seed: 20261202 },
      );
      expect(changed).toBeGreaterThan(200);
    },
    60_000,
  );
});
