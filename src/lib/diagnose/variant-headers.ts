/**
 * The canonical headers block and SignedHeaders a variant gives, rendered once per context and per the header
 * fields of the variant.
 */

import { canonicalHeaderValue } from '../sig/registry-sigv4';
import type { Variant, VariantContext } from './variant';
import { cmp, memo, numbered, prepare, type Part } from './variant-parts';

/** SigV4's header value (folds as spaces, runs collapsed, ends trimmed), less the steps a variant skips. */
function headerValue(value: string, untrimmed: boolean, uncollapsed: boolean): string {
  let out = value.replace(/\r?\n/g, ' ');
  if (!uncollapsed) out = out.replace(/[ \t]+/g, ' ');
  return untrimmed ? out : out.replace(/^[ \t]+|[ \t]+$/g, '');
}

function hostValue(value: string, how: 'strip' | 'add-default', defaultPort: string): string {
  if (how === 'strip') return value.replace(/:\d+$/, '');
  if (!/:\d+$/.test(value)) return `${value}:${defaultPort}`;
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

/**
 * How one header's line is rendered, a bit or two each: with the space after the colon as part of the value, not
 * trimmed, runs of spaces not collapsed, the name as sent, repeated values joined otherwise (two bits), the host's
 * port stripped or added (two bits). A line is known by its header's place and these bits: a number, not a text.
 */
const WHOLE = 1;
const UNTRIMMED = 2;
const UNCOLLAPSED = 4;
const AS_SENT = 8;
const JOIN = 16;
const HOST = 64;
const JOIN_BITS = 3 * JOIN;
const HOST_BITS = 3 * HOST;
const JOINS = [undefined, ', ', 'first', 'last'] as const;

function joinCode(how: Variant['repeatedHeaderJoin']): number {
  return how === undefined ? 0 : JOINS.indexOf(how) * JOIN;
}

/** The bits a variant sets on every header alike (GLOBAL_FIELDS). */
function globalsOf(v: Variant): number {
  return (
    (v.untrimmedHeaderValues ? UNTRIMMED : 0) |
    (v.uncollapsedHeaderSpaces ? UNCOLLAPSED : 0) |
    (v.headerNamesAsSent ? AS_SENT : 0) |
    joinCode(v.repeatedHeaderJoin)
  );
}

/** The bits a variant sets on one header's line. */
function lineBits(v: Variant, g: Group): number {
  const own = v.untrimmedHeader === g.lower;
  let bits = globalsOf(v);
  if (own) bits |= UNTRIMMED | (v.untrimmedWhole ? WHOLE : 0);
  if (v.uncollapsedHeader === g.lower) bits |= UNCOLLAPSED;
  if (v.headerCaseAsSent === g.lower) bits |= AS_SENT;
  if (v.joinHeader?.name === g.lower) bits = (bits & ~JOIN_BITS) | joinCode(v.joinHeader.as);
  if (v.hostPort !== undefined && g.lower === 'host') bits |= (v.hostPort === 'strip' ? 1 : 2) * HOST;
  return bits;
}

const EDGES = /^[ \t]|[ \t]$|[\r\n]/;
const RUNS = /[ \t]{2}|\t|[\r\n]/;

/**
 * The bits that can change this header's line: not trimming a value with no space at its ends changes nothing,
 * nor joining otherwise a header sent once. Bits that cannot are dropped, so that the line is the one already
 * rendered, found by number, not rendered again (most mistakes leave most lines as they are).
 */
function bitsThatMatter(g: Group): number {
  const all = [...g.values, ...g.whole];
  return (
    (g.whole.some((w, i) => w !== g.values[i]) ? WHOLE : 0) |
    (all.some((x) => EDGES.test(x)) ? UNTRIMMED : 0) |
    (all.some((x) => RUNS.test(x)) ? UNCOLLAPSED : 0) |
    (g.sent !== g.lower ? AS_SENT : 0) |
    (g.values.length > 1 ? JOIN_BITS : 0) |
    (g.lower === 'host' ? HOST_BITS : 0)
  );
}

function renderLine(ctx: VariantContext, g: Group, bits: number, as: string | undefined): string {
  const untrimmed = (bits & UNTRIMMED) !== 0;
  const uncollapsed = (bits & UNCOLLAPSED) !== 0;
  const how = JOINS[(bits & JOIN_BITS) / JOIN];
  const host = (bits & HOST_BITS) / HOST;
  const sent = as !== undefined ? [as] : bits & WHOLE ? g.whole : g.values;
  const values = sent.map((raw) =>
    headerValue(
      host === 0 ? raw : hostValue(raw, host === 1 ? 'strip' : 'add-default', ctx.defaultPort),
      untrimmed,
      uncollapsed,
    ),
  );
  const joined =
    how === 'first' ? values[0]! : how === 'last' ? values[values.length - 1]! : values.join(how ?? ',');
  return `${bits & AS_SENT ? g.sent : g.lower}:${joined}\n`;
}

/** The line of the header at `i` rendered with `bits`, once per context and per the bits that can change it. */
function lineWith(ctx: VariantContext, i: number, bits: number): Part {
  const prepared = prepare(ctx);
  const masks = (prepared.lineMasks ??= prepared.groups.map(bitsThatMatter));
  const key = i * 256 + (bits & masks[i]!);
  let line = prepared.lines.get(key);
  if (line === undefined) {
    const text = renderLine(ctx, prepared.groups[i]!, key & 255, undefined);
    prepared.lines.set(key, (line = numbered(ctx, text)));
  }
  return line;
}

/** The line of the header at `i` as a variant gives it. */
function lineOf(ctx: VariantContext, v: Variant, i: number): Part {
  const g = prepare(ctx).groups[i]!;
  const bits = lineBits(v, g);
  if (v.headerSignedAs?.name !== g.lower) return lineWith(ctx, i, bits);
  const as = v.headerSignedAs.value;
  // Signed with another value than sent: the bits that matter are the other value's, so only WHOLE is dropped.
  const kept = bits & ~WHOLE;
  return memo(ctx, `s|${i}|${kept}|${as}`, () => renderLine(ctx, g, kept, as));
}

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

function template(ctx: VariantContext, globals: number): HeadersTemplate {
  const prepared = prepare(ctx);
  let t = prepared.templates.get(globals);
  if (t) return t;
  const lines = prepared.groups.map((_, i) => lineWith(ctx, i, globals));
  const names = prepared.groups.map((g) => (globals & AS_SENT ? g.sent : g.lower));
  prepared.templates.set(globals, (t = { block: blockOf(ctx, lines, names), names }));
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
  const t = template(ctx, globalsOf(v));
  const own = ownNames(v);
  let add = v.addHeader;
  if (add && index.has(add.name)) add = undefined;
  if (own.length === 0 && v.omitHeader === undefined && !add) return t.block;
  const lines = [...t.block.lines!];
  const names = [...t.names];
  for (const name of own) {
    const i = index.get(name);
    if (i === undefined) continue;
    lines[i] = lineOf(ctx, v, i);
    if (v.headerCaseAsSent === name) names[i] = groups[i]!.sent;
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
  const globals = globalsOf(a);
  const ownA = ownNames(a);
  const ownB = ownNames(b);
  const simple =
    globals === globalsOf(b) &&
    !a.omitHeader &&
    !b.omitHeader &&
    !a.addHeader &&
    !b.addHeader &&
    !ownA.some((n) => ownB.includes(n));
  if (!simple) return variantHeaders(ctx, { ...a, ...b });
  const { groups, index } = prepare(ctx);
  const t = template(ctx, globals);
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
