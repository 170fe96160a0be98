/**
 * Share links: the session in the URL fragment as `#v1=` + base64url(deflate-raw(JSON)). The fragment never
 * reaches a server. Decoding never throws: a bad link becomes a notice that says what was wrong.
 */

import { readSnapshot, type SessionSnapshot } from './snapshot';

/** The version this code writes; older versions are read as long as they are known. */
export const SHARE_VERSION = 1;
const PREFIX = `v${SHARE_VERSION}=`;

/** A share fragment decoded. */
export type DecodedShare =
  | { kind: 'none' }
  | { kind: 'ok'; snapshot: SessionSnapshot; issues: string[]; hasSecrets: boolean }
  | { kind: 'bad'; notice: string };

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Reads base64url (padding optional); `undefined` when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Encodes a session as a fragment (without `#`); leave the secrets out of `snapshot` unless the user opted in. */
export async function encodeShare(snapshot: SessionSnapshot): Promise<string> {
  const json = JSON.stringify(snapshot);
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return PREFIX + toBase64Url(packed);
}

/** Decodes a fragment (with or without `#`). */
export async function decodeShare(fragment: string): Promise<DecodedShare> {
  const hash = fragment.replace(/^#/, '');
  if (hash === '') return { kind: 'none' };
  const m = /^v(\d+)=(.*)$/s.exec(hash);
  if (!m) return { kind: 'none' };
  if (Number(m[1]) !== SHARE_VERSION) {
    return {
      kind: 'bad',
      notice: `This link was made by a newer or unknown version of sigscope (v${m[1]}); it was not loaded.`,
    };
  }
  const bytes = fromBase64Url(m[2]!);
  if (!bytes)
    return { kind: 'bad', notice: 'This link is damaged: its data is not base64url. Nothing was loaded.' };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(
      await pipe(bytes, new DecompressionStream('deflate-raw')),
    );
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      kind: 'bad',
      notice: `This link is damaged: it does not decompress (${why}). Nothing was loaded.`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      kind: 'bad',
      notice: `This link is damaged: its data is not JSON (${why}). Nothing was loaded.`,
    };
  }
  const read = readSnapshot(value);
  return {
    kind: 'ok',
    snapshot: read.snapshot,
    issues: read.issues,
    hasSecrets: Boolean(read.snapshot.secretAccessKey || read.snapshot.sessionToken),
  };
}
