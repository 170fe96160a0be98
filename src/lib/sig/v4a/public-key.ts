/**
 * Reading a pasted P-256 public key: SEC1 hex (`04‖X‖Y`, or compressed `02`/`03‖X`), the two coordinates as
 * `X,Y` hex, or JSON `{"X": "…", "Y": "…"}` as aws-c-auth's `public-key.json` gives it.
 */

import { fromHex } from '../crypto';
import { fail, ok, problem, type Result } from '../types';
import { pointFromSec1, type P256PublicKey } from './p256';

const HEX64 = /^[0-9a-fA-F]{1,64}$/;

function coordinates(x: string, y: string): Uint8Array | undefined {
  if (!HEX64.test(x) || !HEX64.test(y)) return undefined;
  return fromHex('04' + x.padStart(64, '0') + y.padStart(64, '0'));
}

/** Pulls X and Y out of JSON text without throwing; `undefined` when the text is not such an object. */
function jsonCoordinates(text: string): [string, string] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse is the one throwing call: text that is not JSON is simply not this form.
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as Record<string, unknown>;
  const x = o['X'] ?? o['x'];
  const y = o['Y'] ?? o['y'];
  return typeof x === 'string' && typeof y === 'string' ? [x, y] : undefined;
}

/** Reads a pasted public key; problems point into the text given. */
export function parsePublicKey(text: string): Result<P256PublicKey> {
  const trimmed = text.trim();
  const span = { start: text.indexOf(trimmed), end: text.indexOf(trimmed) + trimmed.length };
  let bytes: Uint8Array | undefined;
  if (trimmed.startsWith('{')) {
    const xy = jsonCoordinates(trimmed);
    bytes = xy && coordinates(xy[0].trim(), xy[1].trim());
  } else if (/^[0-9a-fA-F]+\s*[,\s]\s*[0-9a-fA-F]+$/.test(trimmed)) {
    const [x, y] = trimmed.split(/\s*[,\s]\s*/) as [string, string];
    bytes = coordinates(x, y);
  } else {
    bytes = fromHex(trimmed.replace(/^0x/i, '').replace(/[\s:]/g, ''));
  }
  if (!bytes) {
    return fail([
      problem(
        'public-key',
        'A P-256 public key reads as hex "04" + X + Y (130 digits), compressed "02"/"03" + X, "X,Y", or {"X": …, "Y": …}.',
        span,
      ),
    ]);
  }
  const point = pointFromSec1(bytes);
  if (!point) {
    return fail([problem('public-key-point', 'These coordinates are not a point on the P-256 curve.', span)]);
  }
  return ok(point);
}
