/**
 * The SHA-256 of a large file, read in slices so that memory stays bounded whatever its size. WebCrypto's
 * `digest` takes the whole input at once and has no streaming form, so an incremental hasher (hash-wasm) does it.
 */

import { createSHA256 } from 'hash-wasm';

/** Bytes read per slice. */
export const CHUNK = 4 * 1024 * 1024;

/** Hashes a Blob slice by slice, reporting progress after each. */
export async function hashBlob(
  blob: Blob,
  onProgress: (done: number, total: number) => void,
): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  for (let offset = 0; offset < blob.size; offset += CHUNK) {
    const slice = blob.slice(offset, Math.min(offset + CHUNK, blob.size));
    hasher.update(new Uint8Array(await slice.arrayBuffer()));
    onProgress(Math.min(offset + CHUNK, blob.size), blob.size);
  }
  if (blob.size === 0) onProgress(0, 0);
  return hasher.digest('hex');
}
