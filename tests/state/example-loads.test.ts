/**
 * Loading examples one after another: each load leaves the session holding exactly the example's fields (every
 * other field empty), whatever was loaded before, and the catalogue lists each suite case once with its modes.
 */

import { describe, expect, it } from 'vitest';
import { filterExamples, findExample, listExamples, LIVE_EXAMPLE } from '../../src/lib/examples/catalog';
import { DebuggerSession } from '../../src/lib/state/session.svelte';
import { EMPTY_SNAPSHOT } from '../../src/lib/state/snapshot';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SUITE = join(import.meta.dirname, '../vectors/sigv4/aws-c-auth-v4');

describe('loading every example in turn', () => {
  it('leaves only the loaded example’s fields, none from the one before', async () => {
    const modes = (await listExamples()).flatMap((g) => g.entries.flatMap((e) => e.modes));
    expect(modes.length).toBeGreaterThan(100);
    const session = new DebuggerSession();
    // Something in every field first, as a user's own session would have.
    session.load({
      ...EMPTY_SNAPSHOT,
      request: 'GET / HTTP/1.1\n\n',
      serverError: 'x',
      clientLog: 'y',
      region: 'eu-west-1',
      service: 'sqs',
      time: '20240101T000000Z',
      expires: 60,
      accessKeyId: 'AKIDMINE',
      secretAccessKey: 'mine',
      sessionToken: 'my-token',
      settings: { normalizePath: false },
    });
    for (const mode of [...modes, ...modes.slice().reverse()]) {
      const snapshot = await mode.load();
      session.load(snapshot);
      const expected = {
        ...EMPTY_SNAPSHOT,
        secretAccessKey: '',
        sessionToken: '',
        ...snapshot,
      };
      const held = {
        ...session.snapshot(true),
        secretAccessKey: session.secretAccessKey,
        sessionToken: session.sessionToken,
      };
      expect(held, mode.id).toEqual(expected);
    }
  });
});

describe('the catalogue', () => {
  it('lists each suite case once, its modes inside', async () => {
    const suite = (await listExamples())
      .flatMap((g) => g.entries)
      .filter((e) => e.key.startsWith('aws-c-auth/'));
    const cases = readdirSync(SUITE, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(suite.map((e) => e.key.replace('aws-c-auth/', ''))).toEqual(cases);
    const vanilla = suite.find((e) => e.key === 'aws-c-auth/get-vanilla')!;
    expect(vanilla.title).toBe('SigV4 suite: get-vanilla');
    expect(vanilla.modes.map((m) => m.id)).toEqual([
      'aws-c-auth/get-vanilla/header-signed-request',
      'aws-c-auth/get-vanilla/query-signed-request',
      'aws-c-auth/get-vanilla/sign',
    ]);
  });

  it('has no two modes with one id', async () => {
    const ids = (await listExamples()).flatMap((g) => g.entries.flatMap((e) => e.modes.map((m) => m.id)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('filters by every word typed, across titles, groups and sources', async () => {
    const groups = await listExamples();
    const titles = (q: string) => filterExamples(groups, q).flatMap((g) => g.entries.map((e) => e.title));
    expect(titles('get-vanilla-query')).toEqual([
      'SigV4 suite: get-vanilla-query',
      'SigV4 suite: get-vanilla-query-order-encoded',
      'SigV4 suite: get-vanilla-query-order-key-case',
      'SigV4 suite: get-vanilla-query-unreserved',
    ]);
    expect(titles('PATH twice')).toEqual([
      'S3: path encoded twice',
      'API Gateway: path must be encoded twice',
    ]);
    expect(titles('expired')).toContain('Presigned URL expired or not yet valid');
    expect(titles('no such example anywhere')).toEqual([]);
    expect(filterExamples(groups, '  ')).toEqual(groups);
  });

  it('opens a first visit on a real SignatureDoesNotMatch with its request, reply and secret', async () => {
    const live = await findExample(LIVE_EXAMPLE);
    const snapshot = await live!.load();
    expect(snapshot.request).toMatch(/^GET \/photos\//);
    expect(snapshot.serverError).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(snapshot.secretAccessKey).toBe('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  });
});
