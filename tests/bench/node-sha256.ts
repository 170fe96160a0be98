/**
 * SHA-256 and HMAC-SHA256 over `node:crypto` in the shape smithy's signer takes (`ChecksumConstructor`), as
 * `@smithy/hash-node` provides it to the AWS SDK in Node.
 */

import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';

/** What smithy hands a hash: a key or data as text (UTF-8) or bytes. */
type SourceData = string | ArrayBuffer | ArrayBufferView;

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** A hash (no secret) or an HMAC (with one), digested asynchronously as smithy expects. */
export class NodeSha256 {
  private readonly secret: Buffer | undefined;
  private hash: Hash | Hmac;

  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : toBuffer(secret);
    this.hash = this.start();
  }

  update(data: Uint8Array): void {
    this.hash.update(data);
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }

  reset(): void {
    this.hash = this.start();
  }

  private start(): Hash | Hmac {
    return this.secret ? createHmac('sha256', this.secret) : createHash('sha256');
  }
}
