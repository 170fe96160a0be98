/**
 * Each fixture in tests/fixtures (a copy of the shared fixtures; see its README) yields its documented fault as the
 * first finding. The fixture's *.client-canonical.txt, where there is one, is pasted as the client's log.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/lib/diagnose/explain';
import type { Finding } from '../../src/lib/diagnose/types';

const DIR = join(import.meta.dirname, '../fixtures/server-errors');
const files = readdirSync(DIR);

function fixture(id: string): { serverError: string; clientLog?: string } {
  const body = files.find((f) => f.startsWith(`${id}-`) && !f.endsWith('.client-canonical.txt'))!;
  const client = files.find((f) => f.startsWith(`${id}-`) && f.endsWith('.client-canonical.txt'));
  const out: { serverError: string; clientLog?: string } = {
    serverError: readFileSync(join(DIR, body), 'utf8'),
  };
  if (client) out.clientLog = readFileSync(join(DIR, client), 'utf8');
  return out;
}

/**
 * The fault each fixture encodes (from tests/fixtures/README.md), as the first finding should state it, and its
 * basis: F4 holds only the server's string to sign, which shows the Content-Type the server saw but not what the
 * URL was presigned with, so its fault is suspected and the verdict cannot tell yet.
 */
const DOCUMENTED: Record<string, Partial<Finding>> = {
  F1: { kind: 'client', component: 'path', cause: 'path-double-encoded', basis: 'shown' },
  F2: {
    kind: 'client',
    component: 'query',
    name: 'x-amz-security-token',
    cause: 'token-unsigned',
    basis: 'shown',
  },
  F3: { kind: 'client', component: 'path', cause: 's3v2-resource-missing-bucket', basis: 'shown' },
  F4: { kind: 'transit', component: 'headers', name: 'content-type', basis: 'suspected' },
  F5: { kind: 'client', component: 'path', cause: 'path-single-encoded', basis: 'shown' },
  F6: { kind: 'transit', component: 'headers', name: 'content-type', basis: 'shown' },
  F10: { kind: 'clock', component: 'timestamp', cause: 'clock-skew', basis: 'shown' },
  F11: { kind: 'clock', component: 'timestamp', cause: 'url-expired', basis: 'shown' },
  F12: { kind: 'clock', component: 'timestamp', cause: 'clock-skew', basis: 'shown' },
  F13: { kind: 'scope', component: 'scope', name: 'region', cause: 'wrong-region', basis: 'shown' },
};

describe.each(Object.entries(DOCUMENTED))('fixture %s', (id, expected) => {
  it('yields its documented fault first, shown or suspected', async () => {
    const explanation = await explain(fixture(id));
    expect(explanation.findings[0], JSON.stringify(explanation.findings.map((f) => f.cause))).toMatchObject(
      expected,
    );
    expect(explanation.verdict).toBe(expected.basis === 'shown' ? 'mismatch' : 'unknown');
  });
});

describe('fixtures with more than one reply', () => {
  it('F11 also reads the not-yet-valid reply', async () => {
    const second = fixture('F11').serverError.split(/\n\n(?=<\?xml)/)[1]!;
    const explanation = await explain({ serverError: second });
    expect(explanation.findings[0]).toMatchObject({ kind: 'clock', cause: 'not-yet-valid' });
  });

  it('F13 names the wrong service in the JSON reply', async () => {
    const last = fixture('F13').serverError.trim().split('\n\n').pop()!;
    const explanation = await explain({ serverError: last });
    expect(explanation.findings[0]).toMatchObject({ kind: 'scope', name: 'service', cause: 'wrong-service' });
  });
});

describe.each(['F7', 'F8', 'F9', 'F14'])('fixture %s (nothing to diff without the client side)', (id) => {
  it('makes no finding it cannot back, and says what the server expected or what to paste', async () => {
    const explanation = await explain({ serverError: fixture(id).serverError });
    expect(explanation.findings).toEqual([]);
    expect(explanation.server).toBeDefined();
    const server = explanation.server!;
    expect(server.comparable ? explanation.sides.server?.canonicalRequest : server.advice).toBeTruthy();
  });
});
