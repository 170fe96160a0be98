/**
 * The canonical headers block and SignedHeaders a variant gives, rendered once per context and per the header
 * fields of the variant.
 */

import { canonicalHeaderValue } from '../sig/registry-sigv4';
import type { Variant, VariantContext } from './variant';
import { cmp, fieldKey, memo, numbered, prepare, type Part } from './variant-parts';

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

type Group = ReturnType<typeof prepare>['groups'][number];

/** What a variant may change on every header at once; the rest names one header. */
const GLOBAL_FIELDS = new Set([
  'untrimmedHeaderValues',
  'uncollapsedHeaderSpaces',
  'headerNamesAsSent',
  'repeatedHeaderJoin',
]);
/** The variant fields variantHeaders reads. */
export const HEADER_FIELDS: ReadonlySet<string> = new Set([
  ...GLOBAL_FIELDS,
  'hostPort',
  'untrimmedHeader',
  'untrimmedWhole',
  'uncollapsedHeader',
  'headerCaseAsSent',
  'omitHeader',
  'addHeader',
  'headerSignedAs',
  'joinHeader',
]);

/** Whether a variant changes this header in particular (not only as it changes every header). */
function touches(v: Variant, lower: string): boolean {
  return (
    v.untrimmedHeader === lower ||
    v.uncollapsedHeader === lower ||
    v.headerCaseAsSent === lower ||
    v.headerSignedAs?.name === lower ||
    v.joinHeader?.name === lower ||
    (lower === 'host' && v.hostPort !== undefined)
  );
}

/** One header's canonical line as a variant gives it, rendered once per context and per what it depends on. */
function headerLine(
  ctx: VariantContext,
  v: Variant,
  g: Group,
  i: number,
  row: (Part | undefined)[],
  globals: string,
): Part {
  // A line the variant does not change on its own is the same for every variant with the same global fields.
  if (!touches(v, g.lower))
    return (row[i] ??= memo(ctx, `l|${g.lower}${globals}`, () => renderLine(ctx, v, g)));
  // One the variant changes is rendered for that variant alone (a search asks for it once): not kept.
  return numbered(ctx, renderLine(ctx, v, g));
}

function renderLine(ctx: VariantContext, v: Variant, g: Group): string {
  const as = v.headerSignedAs?.name === g.lower ? v.headerSignedAs.value : undefined;
  const whole = !!v.untrimmedWhole && v.untrimmedHeader === g.lower;
  const untrimmed = !!v.untrimmedHeaderValues || v.untrimmedHeader === g.lower;
  const uncollapsed = !!v.uncollapsedHeaderSpaces || v.uncollapsedHeader === g.lower;
  const how = v.joinHeader?.name === g.lower ? v.joinHeader.as : v.repeatedHeaderJoin;
  const asSent = !!v.headerNamesAsSent || v.headerCaseAsSent === g.lower;
  const sent = as !== undefined ? [as] : whole ? g.whole : g.values;
  const values = sent.map((raw) =>
    headerValue(g.lower === 'host' ? hostValue(raw, v, ctx.defaultPort) : raw, untrimmed, uncollapsed),
  );
  const joined =
    how === 'first' ? values[0]! : how === 'last' ? values[values.length - 1]! : values.join(how ?? ',');
  return `${asSent ? g.sent : g.lower}:${joined}\n`;
}

/**
 * A headers block: its lines and what follows them. Its text is joined on first read: a search hashes the lines
 * one by one and reads the whole text only of the candidate that reproduces.
 */
class HeadersBlock implements Part {
  private joined: string | undefined;
  constructor(
    readonly id: number,
    readonly lines: readonly Part[],
    readonly tail: string,
  ) {}
  get text(): string {
    return (this.joined ??= this.lines.map((l) => l.text).join('') + this.tail);
  }
}

/**
 * The canonical headers block, a blank line and SignedHeaders, as a variant gives them. Blocks are numbered by
 * their lines' numbers (a line starts with the name SignedHeaders lists), so that no block text is built or
 * compared to tell two apart.
 */
export function variantHeaders(ctx: VariantContext, v: Variant): Part {
  const { groups, rows, blocks } = prepare(ctx);
  const globals = fieldKey('', v, GLOBAL_FIELDS);
  let row = rows.get(globals);
  if (!row) rows.set(globals, (row = []));
  let add = v.addHeader;
  if (add && groups.some((g) => g.lower === add!.name)) add = undefined;
  // Where the added header sorts: before the first header whose lower-case name sorts after its own.
  const addAt = add ? groups.findIndex((g) => cmp(g.lower, add!.name.toLowerCase()) > 0) : -1;
  const lines: Part[] = [];
  let names = '';
  let key = '';
  for (let i = 0; i <= groups.length; i++) {
    if (add && (i === addAt || (addAt < 0 && i === groups.length))) {
      const { name, value } = add;
      const line = memo(ctx, `a|${name}:${value}`, () => `${name}:${canonicalHeaderValue(value)}\n`);
      lines.push(line);
      names += (names ? ';' : '') + name;
      key += line.id + ',';
    }
    const g = groups[i];
    if (!g || g.lower === v.omitHeader) continue;
    const line = headerLine(ctx, v, g, i, row, globals);
    lines.push(line);
    names += (names ? ';' : '') + (v.headerNamesAsSent || v.headerCaseAsSent === g.lower ? g.sent : g.lower);
    key += line.id + ',';
  }
  let block = blocks.get(key);
  if (!block) blocks.set(key, (block = new HeadersBlock(blocks.size, lines, '\n' + names)));
  return block;
}
