/**
 * SigV4A key derivation against key-derivation.json (tests/vectors/sigv4a; aws-sdk-ruby and aws-c-auth values,
 * see SOURCES.md): the private scalar and the public point for each credential pair that publishes them.
 */

import { describe, expect, it } from 'vitest';
import { toHex } from '../../../src/lib/sig/crypto';
import { deriveV4aKey, fixedInput } from '../../../src/lib/sig/v4a/index';
import { readVectorJson } from '../v4/vectors';

interface KeyVector {
  id: string;
  access_key_id: string;
  secret_access_key: string;
  private_key_d_hex?: string | null;
  public_key_x_hex?: string;
  public_key_y_hex?: string;
  access_key_id_length?: number;
}

const { vectors } = readVectorJson<{ vectors: KeyVector[] }>('sigv4a', 'key-derivation.json');

// Not every vector publishes every value (the long access key only says derivation succeeds; the AKIAIOSFODNN7
// one gives only the public point), so each check runs over the vectors that give what it checks.
describe.each(vectors)('key derivation $id', (v) => {
  it('derives a key', () => {
    expect(deriveV4aKey(v.access_key_id, v.secret_access_key)).toBeDefined();
    if (v.access_key_id_length !== undefined) expect(v.access_key_id.length).toBe(v.access_key_id_length);
  });
});

describe.each(vectors.filter((v) => !!v.private_key_d_hex))('key derivation $id', (v) => {
  it('derives the published private scalar', () => {
    expect(toHex(deriveV4aKey(v.access_key_id, v.secret_access_key)!.privateKey)).toBe(v.private_key_d_hex);
  });
});

describe.each(vectors.filter((v) => !!v.public_key_x_hex))('key derivation $id', (v) => {
  it('derives the published public point', () => {
    expect(deriveV4aKey(v.access_key_id, v.secret_access_key)!.publicKey).toEqual({
      x: v.public_key_x_hex,
      y: v.public_key_y_hex,
    });
  });
});

describe('the fixed input', () => {
  it('reads 1 ‖ label ‖ 0 ‖ access key ‖ counter ‖ 256', () => {
    const bytes = fixedInput('AKID', 7);
    const label = 'AWS4-ECDSA-P256-SHA256';
    expect(toHex(bytes)).toBe(
      '00000001' +
        toHex(new TextEncoder().encode(label)) +
        '00' +
        toHex(new TextEncoder().encode('AKID')) +
        '07' +
        '00000100',
    );
  });

  it('the trace of a derivation names its counter and keeps the scalar out of the tries', () => {
    const v = vectors[0]!;
    const key = deriveV4aKey(v.access_key_id, v.secret_access_key)!;
    expect(key.counter).toBe(1);
    expect(JSON.stringify(key.tries)).not.toContain(toHex(key.privateKey));
    expect(JSON.stringify(key.tries)).not.toContain(v.secret_access_key);
  });
});
