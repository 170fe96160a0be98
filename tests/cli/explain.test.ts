import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_REQUESTS, FIXTURE_SECRET } from '../../src/lib/examples/fixture-requests';
import { sigscope, tempFiles } from './run-cli';
import { vectorCase, vectorFile } from './vector-case';

const FIXTURES = fileURLToPath(new URL('../fixtures/server-errors/', import.meta.url));
const fixture = (id: string, client = false) =>
  join(
    FIXTURES,
    readdirSync(FIXTURES).find(
      (f) => f.startsWith(`${id}-`) && f.endsWith('.client-canonical.txt') === client,
    )!,
  );

// The fixtures' documentation secret and the request F1's client sent (its SignatureProvided in Authorization).
const SECRET = FIXTURE_SECRET;
const F1_REQUEST = FIXTURE_REQUESTS.F1!;

const { dir, write } = tempFiles('sigscope-explain-');

describe('sigscope explain', () => {
  it('names the client mistake that reproduces the signature sent (F1), exit 1', async () => {
    const file = write('f1.json', {
      scheme: 'sigv4-s3',
      request: F1_REQUEST,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET },
    });
    const { code, stdout } = await sigscope('explain', '--json', '--error', fixture('F1'), file);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      verdict: string;
      findings: { kind: string; component: string; cause: string }[];
      searched: number;
    };
    expect(report.verdict).toBe('mismatch');
    expect(report.findings[0]).toMatchObject({
      kind: 'client',
      component: 'path',
      cause: 'path-double-encoded',
    });
    expect(report.searched).toBeGreaterThan(0);
  });

  it('names the same mistake from the client log alone, without the secret', async () => {
    const file = write('f1-nosecret.json', {
      scheme: 'sigv4-s3',
      request: F1_REQUEST,
      credentials: { accessKeyId: 'AKIDEXAMPLE' },
    });
    const { code, stdout } = await sigscope(
      'explain',
      '--error',
      fixture('F1'),
      '--client',
      fixture('F1', true),
      file,
    );
    expect(code).toBe(1);
    expect(stdout).toContain('[client · path] Your client encoded the path twice');
    expect(stdout).toContain('Canonical request (- client, + server)');
    expect(stdout).toContain('  - /photos/cat%2520%25281%2529.jpg');
    expect(stdout).toContain('  + /photos/cat%20%281%29.jpg');
  });

  it('says verified and exits 0 for a correctly signed request', async () => {
    const file = write(
      'vanilla.json',
      vectorCase('get-vanilla', 'header', vectorFile('get-vanilla', 'header-signed-request.txt')),
    );
    const { code, stdout } = await sigscope('explain', '--json', file);
    expect(JSON.parse(stdout)).toMatchObject({ verdict: 'match', findings: [] });
    expect(code).toBe(0);
  });

  it('exits 3 when nothing can be told (no secret, no reply, no log)', async () => {
    const file = write('unknown.json', {
      ...vectorCase('get-vanilla', 'header', vectorFile('get-vanilla', 'header-signed-request.txt')),
      credentials: { accessKeyId: 'AKIDEXAMPLE' },
    });
    const { code, stdout } = await sigscope('explain', '--json', file);
    expect(JSON.parse(stdout)).toMatchObject({ verdict: 'unknown' });
    expect(code).toBe(3);
  });

  it('reports an unreadable reply file, exit 2', async () => {
    const file = write('f1b.json', {
      scheme: 'sigv4-s3',
      request: F1_REQUEST,
      credentials: { accessKeyId: 'AKIDEXAMPLE' },
    });
    const { code, stderr } = await sigscope('explain', '--error', join(dir, 'missing.xml'), file);
    expect(code).toBe(2);
    expect(stderr).toContain('missing.xml');
  });

  it('reports a request problem at its line and column in the case file', async () => {
    const file = write(
      'bad.json',
      '{\n  "request": "GET / HTTP/1.1\\nno colon here\\n\\n",\n  "credentials": { "accessKeyId": "A" }\n}\n',
    );
    const { code, stderr } = await sigscope('explain', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.json:2:31: /);
  });

  it('prints its usage', async () => {
    const { code, stdout } = await sigscope('explain', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('sigscope explain [--json] [--error FILE] [--client FILE] CASE.json');
  });
});
