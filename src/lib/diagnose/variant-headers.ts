/**
 * The canonical headers block and SignedHeaders a variant gives, rendered once per context and per the header
 * fields of the variant.
 */

import { canonicalHeaderValue } from '../sig/v4/canonical-headers';
import type { Variant, VariantContext } from './variant';
import { cmp, memo, prepare, type Part } from './variant-parts';

/** SigV4's header value (folds as spaces, runs collapsed, ends trimmed), less the steps a variant skips. */
function headerValue(value: string, untrimmed: boolean, uncollapsed: boolean): string {
  let out = value.replace(/\r?\n/g, ' ');
  if (!uncollapsed) out = out.replace(/[ \t]+/g, ' ');
  return untrimmed ? out : out.replace(/^[ \t]+|[ \t]+$/g, '');
}

function hostValue(value: string, v: Variant, defaultPort: string): string {
  if (v.hostPort === 'strip') return value.replace(/:\d+$/, '');
  if (v.hostPort === 'add-default' && !/:\d+$/.test(value)) return `${value}:${defaultPort}`;
  return value;
}

/** The canonical headers block, a blank line and SignedHeaders, as a variant gives them. */
export function variantHeaders(ctx: VariantContext, v: Variant): Part {
  const add = v.addHeader;
  const as = v.headerSignedAs;
  const join = v.joinHeader;
  const key = `h|${+!!v.untrimmedHeaderValues}${+!!v.uncollapsedHeaderSpaces}${+!!v.headerNamesAsSent}|${v.repeatedHeaderJoin ?? ''}|${v.hostPort ?? ''}|${v.untrimmedHeader ?? ''}${v.untrimmedWhole ? '+' : ''}|${v.uncollapsedHeader ?? ''}|${v.headerCaseAsSent ?? ''}|${v.omitHeader ?? ''}|${add ? `${add.name}:${add.value}` : ''}|${as ? `${as.name}:${as.value}` : ''}|${join ? `${join.name}:${join.as}` : ''}`;
  return memo(ctx, key, () => {
    const lines: { name: string; line: string }[] = [];
    for (const g of prepare(ctx).groups) {
      if (g.lower === v.omitHeader) continue;
      const whole = v.untrimmedWhole && v.untrimmedHeader === g.lower;
      const sent = as?.name === g.lower ? [as.value] : whole ? g.whole : g.values;
      const values = sent.map((raw) =>
        headerValue(
          g.lower === 'host' ? hostValue(raw, v, ctx.defaultPort) : raw,
          !!v.untrimmedHeaderValues || v.untrimmedHeader === g.lower,
          !!v.uncollapsedHeaderSpaces || v.uncollapsedHeader === g.lower,
        ),
      );
      const how = join?.name === g.lower ? join.as : v.repeatedHeaderJoin;
      const joined =
        how === 'first' ? values[0]! : how === 'last' ? values[values.length - 1]! : values.join(how ?? ',');
      const name = v.headerNamesAsSent || v.headerCaseAsSent === g.lower ? g.sent : g.lower;
      lines.push({ name, line: `${name}:${joined}\n` });
    }
    if (add && !prepare(ctx).groups.some((g) => g.lower === add.name)) {
      lines.push({ name: add.name, line: `${add.name}:${canonicalHeaderValue(add.value)}\n` });
      lines.sort((a, b) => cmp(a.name.toLowerCase(), b.name.toLowerCase()));
    }
    return lines.map((l) => l.line).join('') + '\n' + lines.map((l) => l.name).join(';');
  });
}
