import fc from 'fast-check';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { nodeCryptoBackend as node } from '../../src/cli/node-crypto';
import { toHex } from '../../src/lib/sig/crypto';

const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('the node:crypto backend', () => {
  // RFC 4231 §4.2, §4.3 and §4.7 (a key longer than a block).
  it.each([
    ['0b'.repeat(20), 'Hi There', 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    [
      toHex(utf8('Jefe')),
      'what do ya want for nothing?',
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    ],
    [
      'aa'.repeat(131),
      'Test Using Larger Than Block-Size Key - Hash Key First',
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    ],
  ])('gives RFC 4231 HMAC-SHA256 for key %s', (key, data, mac) => {
    expect(node.hmacHex(hex(key), data)).toBe(mac);
    expect(toHex(node.hmac(hex(key), utf8(data), 'SHA-256'))).toBe(mac);
  });

  it('gives the bytes @noble/hashes gives for any key and text', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.string({ unit: 'grapheme', maxLength: 600 }),
        (key, text) => {
          const mac = toHex(hmac(sha256, key, utf8(text)));
          expect(node.hmacHex(key, text)).toBe(mac);
          expect(toHex(node.hmac(key, utf8(text), 'SHA-256'))).toBe(mac);
          expect(node.sha256Hex(text)).toBe(toHex(sha256(utf8(text))));
        },
      ),
    );
  });

  it('signs with each key its own pads when keys take turns', () => {
    const [a, b] = [utf8('key a'), utf8('key b')];
    for (const [key, data] of [
      [a, 'x'],
      [a, 'y'],
      [b, 'x'],
      [a, 'x'],
    ] as const) {
      expect(node.hmacHex(key, data)).toBe(toHex(hmac(sha256, key, utf8(data))));
    }
  });

  it('resumes copies of a running hash as if each had been fed from the start', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 8 }),
        fc.string(),
        (pieces, rest) => {
          const state = node.createSha256();
          for (const p of pieces) state.update(p);
          const copy = state.clone();
          expect(copy.update(rest).digestHex()).toBe(toHex(sha256(utf8(pieces.join('') + rest))));
          expect(state.digestHex()).toBe(toHex(sha256(utf8(pieces.join('')))));
        },
      ),
    );
  });

  it('hashes a running text past the length it keeps as text', () => {
    const big = 'é'.repeat(40_000);
    const state = node.createSha256().update(big);
    const copy = state.clone().update(big).update('x');
    expect(copy.digestHex()).toBe(toHex(sha256(utf8(big + big + 'x'))));
    expect(state.digestHex()).toBe(toHex(sha256(utf8(big))));
  });
});
