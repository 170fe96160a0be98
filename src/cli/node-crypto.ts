/**
 * node:crypto as the engine's crypto backend: native SHA-256 and HMAC (OpenSSL), several times faster than
 * @noble/hashes on the small texts every signature hashes. The CLI installs it at start; the engine never imports
 * node:crypto itself. Each digest is one call of node's one-shot `hash()`: on inputs of a few blocks a native call
 * costs far more than the blocks, and `createHash`/`createHmac` make three calls and two objects where it makes one.
 */

import { createHash, createHmac, hash, type Hash } from 'node:crypto';
import type { BytesLike, CryptoBackend, Sha256State } from '../lib/sig/crypto';

/** Past this many UTF-16 units a running state feeds a native hash instead of keeping its text. */
const TEXT_LIMIT = 64 * 1024;

/**
 * A running SHA-256 kept as the text fed so far, hashed in one call when finished: copying it copies a string
 * reference, where copying a native state costs a call (a search resumes thousands of copies of a few states).
 */
class NodeState implements Sha256State {
  constructor(
    private text = '',
    private h: Hash | undefined = undefined,
  ) {}
  update(data: string): Sha256State {
    if (this.h) this.h.update(data, 'utf8');
    else if (this.text.length + data.length <= TEXT_LIMIT) this.text += data;
    else {
      this.h = createHash('sha256').update(this.text, 'utf8').update(data, 'utf8');
      this.text = '';
    }
    return this;
  }
  clone(): Sha256State {
    return new NodeState(this.text, this.h?.copy());
  }
  digestHex(): string {
    return this.h ? this.h.digest('hex') : hash('sha256', this.text, 'hex');
  }
}

const BLOCK = 64;
/** Reused for every HMAC: the key's inner pad then the message; the outer pad then the inner digest. */
let inner = Buffer.allocUnsafe(1024);
const outer = Buffer.allocUnsafe(BLOCK + 32);
/** Views of `inner` by length: messages of one length (strings to sign) come in runs, and a view costs a call. */
let views: Buffer[] = [];
/** The key whose pads `inner` and `outer` start with (keys are not changed in place once made). */
let padded: Uint8Array | undefined;

/**
 * HMAC-SHA256 (RFC 2104) as two one-shot hashes over reused buffers: H(key ^ opad || H(key ^ ipad || data)).
 * A key longer than a block is hashed first, as RFC 2104 says.
 */
function hmacSha256(key: Uint8Array, data: BytesLike): Buffer;
function hmacSha256(key: Uint8Array, data: BytesLike, encoding: 'hex'): string;
function hmacSha256(key: Uint8Array, data: BytesLike, encoding?: 'hex'): Buffer | string {
  const k = key.length > BLOCK ? hash('sha256', key, 'buffer') : key;
  // At most 3 bytes a UTF-16 unit.
  const room = BLOCK + (typeof data === 'string' ? data.length * 3 : data.length);
  if (room > inner.length) {
    inner = Buffer.allocUnsafe(room);
    views = [];
    padded = undefined;
  }
  // A search signs hundreds of strings with one key: its pads stay in the buffers until another key comes.
  if (k !== padded) {
    for (let i = 0; i < BLOCK; i++) {
      const b = i < k.length ? k[i]! : 0;
      inner[i] = b ^ 0x36;
      outer[i] = b ^ 0x5c;
    }
    padded = k.length > BLOCK ? undefined : k;
  }
  let end = BLOCK;
  if (typeof data === 'string') end += inner.write(data, BLOCK, 'utf8');
  else {
    inner.set(data, BLOCK);
    end += data.length;
  }
  // The inner digest as Latin-1 text (one byte a character): a string costs less to make than a Buffer.
  outer.write(hash('sha256', (views[end] ??= inner.subarray(0, end)), 'binary'), BLOCK, 'binary');
  return encoding ? hash('sha256', outer, encoding) : hash('sha256', outer, 'buffer');
}

/** The node:crypto backend. */
export const nodeCryptoBackend: CryptoBackend = {
  name: 'node:crypto',
  sha256: (data) => new Uint8Array(hash('sha256', data, 'buffer')),
  sha256Hex: (data) => hash('sha256', data, 'hex'),
  createSha256: () => new NodeState(),
  hmac: (key, data, algorithm) =>
    new Uint8Array(
      algorithm === 'SHA-256' ? hmacSha256(key, data) : createHmac('sha1', key).update(data).digest(),
    ),
  hmacHex: (key, data) => hmacSha256(key, data, 'hex'),
};
