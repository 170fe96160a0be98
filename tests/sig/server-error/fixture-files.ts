/**
 * Reads the shared fixtures (tests/fixtures, a copy of ../shared/fixtures) by their short name: `F1`, `F14`, `L2`.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const DIRS = ['server-errors', 'client-logs'];

function pathOf(name: string, clientCanonical: boolean): string {
  for (const dir of DIRS) {
    const file = readdirSync(ROOT + dir).find(
      (f) => f.startsWith(`${name}-`) && f.endsWith('.client-canonical.txt') === clientCanonical,
    );
    if (file) return `${ROOT}${dir}/${file}`;
  }
  throw new Error(`No fixture ${name}${clientCanonical ? ' (client canonical)' : ''}`);
}

/** The text of fixture `name` (`F1` … `F14`, `L1` … `L3`). */
export function fixture(name: string): string {
  return readFileSync(pathOf(name, false), 'utf8');
}

/** The client-side canonical request (or signing log) that sits beside server fixture `name`. */
export function clientCanonical(name: string): string {
  return readFileSync(pathOf(name, true), 'utf8');
}

/** Every server-error fixture name. */
export const SERVER_FIXTURES = Array.from({ length: 14 }, (_, i) => `F${i + 1}`);

/** The raw text of the first `<name>…</name>` element in an XML fixture, entities left as written. */
export function rawElement(xml: string, name: string): string {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  if (!m) throw new Error(`No <${name}> in the fixture`);
  return m[1]!;
}
