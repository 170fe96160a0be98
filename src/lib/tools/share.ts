/**
 * Share links for the tool pages (/policy, /events): the page's text fields in the URL fragment as `#t1=` +
 * base64url(deflate-raw(JSON)), as the debugger's links are made (src/lib/state/share.ts). Secret fields are left
 * out unless the user opts in. Decoding never throws: a bad link is a notice that says what was wrong.
 */

import { fromBase64Url, toBase64Url } from '../state/share';

/** The version this code writes. */
const PREFIX = 't1=';

/** A tool's fields: every one a string. */
export type ToolFields = Record<string, string>;

/** A fragment decoded for one tool. */
export type DecodedToolShare =
  | { kind: 'none' }
  | { kind: 'ok'; fields: ToolFields; hasSecrets: boolean; issues: string[] }
  | { kind: 'bad'; notice: string };

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/**
 * The fragment (without `#`) for `fields` of `tool`; the fields named in `secrets` are dropped unless
 * `includeSecrets`.
 */
export async function encodeToolShare(
  tool: string,
  fields: ToolFields,
  secrets: readonly string[],
  includeSecrets: boolean,
): Promise<string> {
  const kept = Object.fromEntries(
    Object.entries(fields).filter(
      ([name, value]) => value !== '' && (includeSecrets || !secrets.includes(name)),
    ),
  );
  const json = JSON.stringify({ tool, fields: kept });
  return (
    PREFIX + toBase64Url(await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')))
  );
}

const damaged = (why: string): DecodedToolShare => ({
  kind: 'bad',
  notice: `This link is damaged: ${why}. Nothing was loaded.`,
});

/**
 * Reads a fragment (with or without `#`) made for `tool`: only the names in `known` are kept, each a string;
 * the others are listed in `issues`.
 */
export async function decodeToolShare(
  fragment: string,
  tool: string,
  known: readonly string[],
  secrets: readonly string[],
): Promise<DecodedToolShare> {
  const hash = fragment.replace(/^#/, '');
  const m = /^t(\d+)=(.*)$/s.exec(hash);
  if (!m) return { kind: 'none' };
  if (`t${m[1]}=` !== PREFIX)
    return {
      kind: 'bad',
      notice: `This link was made by another version of sigscope (t${m[1]}); not loaded.`,
    };
  const bytes = fromBase64Url(m[2]!);
  if (!bytes) return damaged('its data is not base64url');
  let value: unknown;
  try {
    const json = new TextDecoder('utf-8', { fatal: true }).decode(
      await pipe(bytes, new DecompressionStream('deflate-raw')),
    );
    value = JSON.parse(json);
  } catch (error) {
    // Decompressing, decoding and parsing are the throwing calls on a pasted link: each becomes the notice.
    return damaged(`it does not decode (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof value !== 'object' || value === null || !('fields' in value) || !('tool' in value))
    return damaged('it is not a sigscope tool link');
  if (value.tool !== tool)
    return { kind: 'bad', notice: `This link is for the ${String(value.tool)} page, not this one.` };
  const raw = value.fields;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return damaged('its fields are not a list');
  const fields: ToolFields = {};
  const issues: string[] = [];
  for (const [name, v] of Object.entries(raw)) {
    if (!known.includes(name)) issues.push(`the unknown field "${name}" was ignored`);
    else if (typeof v !== 'string') issues.push(`the field "${name}" was not text and was ignored`);
    else fields[name] = v;
  }
  return { kind: 'ok', fields, hasSecrets: secrets.some((s) => fields[s]), issues };
}
