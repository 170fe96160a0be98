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

/** The headers a variant changes on their own (lower-case names), beside what it changes on every header. */
function ownNames(v: Variant): string[] {
  const out: string[] = [];
  if (v.untrimmedHeader !== undefined) out.push(v.untrimmedHeader);
  if (v.uncollapsedHeader !== undefined) out.push(v.uncollapsedHeader);
  if (v.headerCaseAsSent !== undefined) out.push(v.headerCaseAsSent);
  if (v.headerSignedAs !== undefined) out.push(v.headerSignedAs.name);
  if (v.joinHeader !== undefined) out.push(v.joinHeader.name);
  if (v.hostPort !== undefined) out.push('host');
  return out;
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
export class HeadersBlock implements Part {
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

/** A headers block as a variant's global fields alone give it: its lines, their numbers and the names signed. */
export interface HeadersTemplate {
  block: Part;
  names: string[];
}

function template(ctx: VariantContext, globals: string, v: Variant): HeadersTemplate {
  const { groups, templates } = prepare(ctx);
  let t = templates.get(globals);
  if (t) return t;
  const only: Variant = {};
  for (const field of GLOBAL_FIELDS) {
    const x = v[field as keyof Variant];
    if (x !== undefined) Object.assign(only, { [field]: x });
  }
  const lines = groups.map((g) => memo(ctx, `l|${g.lower}${globals}`, () => renderLine(ctx, only, g)));
  const names = groups.map((g) => (only.headerNamesAsSent ? g.sent : g.lower));
  templates.set(globals, (t = { block: blockOf(ctx, lines, names), names }));
  return t;
}

function sameLines(a: readonly Part[], b: readonly Part[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id) return false;
  return true;
}

/**
 * The block of these lines and names, numbered by the lines' numbers: one object for equal lines. Blocks are
 * found by a hash of the numbers (FNV-1a), then compared number by number: no key text is built.
 */
function blockOf(ctx: VariantContext, lines: readonly Part[], names: readonly string[]): Part {
  const prepared = prepare(ctx);
  let h = 0x811c9dc5;
  for (const line of lines) h = Math.imul(h ^ line.id, 0x01000193);
  let bucket = prepared.blocks.get(h);
  if (!bucket) prepared.blocks.set(h, (bucket = []));
  for (const block of bucket) if (sameLines(block.lines, lines)) return block;
  const block = new HeadersBlock(prepared.blockCount++, lines, '\n' + names.join(';'));
  bucket.push(block);
  return block;
}

/**
 * The canonical headers block, a blank line and SignedHeaders, as a variant gives them: the block of its global
 * fields (made once per context), with the lines of the headers it changes on its own rendered again, the header
 * it leaves out taken out and the one it adds put in. Blocks are numbered by their lines' numbers (a line starts
 * with the name SignedHeaders lists), so that no block text is built or compared to tell two apart.
 */
export function variantHeaders(ctx: VariantContext, v: Variant): Part {
  const { groups, index } = prepare(ctx);
  const t = template(ctx, fieldKey('', v, GLOBAL_FIELDS), v);
  const own = ownNames(v);
  let add = v.addHeader;
  if (add && index.has(add.name)) add = undefined;
  if (own.length === 0 && v.omitHeader === undefined && !add) return t.block;
  const lines = [...t.block.lines!];
  const names = [...t.names];
  for (const name of own) {
    const i = index.get(name);
    if (i === undefined) continue;
    const g = groups[i]!;
    lines[i] = numbered(ctx, renderLine(ctx, v, g));
    if (v.headerCaseAsSent === name) names[i] = g.sent;
  }
  // Taken out and put in from the end, so that the indexes of the groups before stay right.
  const omitted = v.omitHeader === undefined ? undefined : index.get(v.omitHeader);
  // Where the added header sorts: before the first header whose lower-case name sorts after its own.
  let addAt = add ? groups.findIndex((g) => cmp(g.lower, add!.name.toLowerCase()) > 0) : -1;
  if (add && addAt < 0) addAt = groups.length;
  if (omitted !== undefined && omitted >= addAt) {
    lines.splice(omitted, 1);
    names.splice(omitted, 1);
  }
  if (add) {
    const { name, value } = add;
    lines.splice(
      addAt,
      0,
      memo(ctx, `a|${name}:${value}`, () => `${name}:${canonicalHeaderValue(value)}\n`),
    );
    names.splice(addAt, 0, name);
  }
  if (omitted !== undefined && omitted < addAt) {
    lines.splice(omitted, 1);
    names.splice(omitted, 1);
  }
  return blockOf(ctx, lines, names);
}

/**
 * The headers block of two variants made together, exactly `variantHeaders(ctx, {...a, ...b})`, taken from their
 * blocks where it can be: when both change every header alike (the same global fields), neither leaves a header
 * out or adds one, and they change different headers on their own, each changed line is the one its variant
 * rendered. Otherwise the union is rendered.
 */
export function unionHeaders(ctx: VariantContext, a: Variant, aBlock: Part, b: Variant, bBlock: Part): Part {
  const globals = fieldKey('', a, GLOBAL_FIELDS);
  const ownA = ownNames(a);
  const ownB = ownNames(b);
  const simple =
    globals === fieldKey('', b, GLOBAL_FIELDS) &&
    !a.omitHeader &&
    !b.omitHeader &&
    !a.addHeader &&
    !b.addHeader &&
    !ownA.some((n) => ownB.includes(n));
  if (!simple) return variantHeaders(ctx, { ...a, ...b });
  const { groups, index } = prepare(ctx);
  const t = template(ctx, globals, a);
  const lines = [...t.block.lines!];
  const names = [...t.names];
  for (const [own, block, v] of [
    [ownA, aBlock, a],
    [ownB, bBlock, b],
  ] as const) {
    for (const name of own) {
      const i = index.get(name);
      if (i === undefined) continue;
      lines[i] = block.lines![i]!;
      if (v.headerCaseAsSent === name) names[i] = groups[i]!.sent;
    }
  }
  return blockOf(ctx, lines, names);
}
