import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_REQUESTS, FIXTURE_SECRET } from '../../src/lib/examples/fixture-requests';
import { sigscopeIn, tempFiles } from './run-cli';
import { vectorFile } from './vector-case';

const { write } = tempFiles('sigscope-request-file-');
// The aws-c-auth vectors' secret key (context.json).
const VECTOR_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const FIXTURES = fileURLToPath(new URL('../fixtures/server-errors/', import.meta.url));
const F1_ERROR = join(
  FIXTURES,
  readdirSync(FIXTURES).find((f) => f.startsWith('F1-') && !f.endsWith('.client-canonical.txt'))!,
);

describe('a request file instead of a case file', () => {
  it('verifies a raw signed request with the key from --secret-key: match, exit 0; a changed one, exit 1', async () => {
    const signed = vectorFile('get-vanilla', 'header-signed-request.txt');
    const ok = await sigscopeIn({}, 'verify', '--secret-key', VECTOR_SECRET, write('ok.txt', signed));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/MATCH/);
    const changed = signed.replace(/^Host:.*$/m, 'Host:example.org');
    expect(changed).not.toBe(signed);
    const bad = await sigscopeIn({}, 'verify', '--secret-key', VECTOR_SECRET, write('bad.txt', changed));
    expect(bad.code).toBe(1);
  });

  it('reads a presigned request as query mode, the scheme read off its signature', async () => {
    const signed = vectorFile('get-vanilla', 'query-signed-request.txt');
    const out = await sigscopeIn(
      { AWS_SECRET_ACCESS_KEY: VECTOR_SECRET },
      'verify',
      '--json',
      write('query.txt', signed),
    );
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout.trim())).toMatchObject({ match: true, mode: 'query' });
  });

  it('explain --error reply.xml request.txt: exit 1 in CI with the finding on stderr, the secret never shown', async () => {
    const request = write('f1.txt', FIXTURE_REQUESTS.F1!);
    const out = await sigscopeIn(
      { AWS_SECRET_ACCESS_KEY: FIXTURE_SECRET },
      'explain',
      '--error',
      F1_ERROR,
      request,
    );
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/signature mismatch: .*path twice.*\(shown\)/);
    expect(out.stdout + out.stderr).not.toContain(FIXTURE_SECRET);
  });

  it('reports a file that is no request as bad input (exit 2)', async () => {
    const out = await sigscopeIn({}, 'verify', '--secret-key', 'x', write('junk.txt', 'hello there\n'));
    expect(out.code).toBe(2);
    expect(out.stderr).not.toBe('');
  });
});
