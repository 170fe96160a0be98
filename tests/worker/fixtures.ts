/**
 * Reading the server-error fixtures by id, for the worker and browser tests.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, '../fixtures/server-errors');

/** A fixture's server reply and, where there is one, the canonical request the client signed. */
export function serverFixture(id: string): { serverError: string; clientLog: string } {
  const files = readdirSync(DIR);
  const reply = files.find((f) => f.startsWith(`${id}-`) && !f.endsWith('.client-canonical.txt'));
  const client = files.find((f) => f.startsWith(`${id}-`) && f.endsWith('.client-canonical.txt'));
  if (!reply) throw new Error(`no fixture ${id} in ${DIR}`);
  return {
    serverError: readFileSync(join(DIR, reply), 'utf8'),
    clientLog: client ? readFileSync(join(DIR, client), 'utf8') : '',
  };
}
