/**
 * node:crypto as the engine's crypto backend: native SHA-256 and HMAC (OpenSSL), several times faster than
 * @noble/hashes on the small texts every signature hashes. The CLI installs it at start; the engine never imports
 * node:crypto itself.
 */

import { createHash, createHmac, type Hash } from 'node:crypto';
import type { BytesLike, CryptoBackend, Sha256State } from '../lib/sig/crypto';

class NodeState implements Sha256State {
  constructor(private readonly h: Hash = createHash('sha256')) {}
  update(data: string): Sha256State {
    this.h.update(data, 'utf8');
    return this;
  }
  clone(): Sha256State {
    return new NodeState(this.h.copy());
  }
  digestHex(): string {
    return this.h.digest('hex');
  }
}

const feed = <T extends { update(data: string | Uint8Array): T }>(h: T, data: BytesLike): T => h.update(data);

/** The node:crypto backend. */
export const nodeCryptoBackend: CryptoBackend = {
  name: 'node:crypto',
  sha256: (data) => new Uint8Array(feed(createHash('sha256'), data).digest()),
  sha256Hex: (data) => feed(createHash('sha256'), data).digest('hex'),
  createSha256: () => new NodeState(),
  hmac: (key, data, hash) =>
    new Uint8Array(feed(createHmac(hash === 'SHA-256' ? 'sha256' : 'sha1', key), data).digest()),
  hmacHex: (key, data) => feed(createHmac('sha256', key), data).digest('hex'),
};
