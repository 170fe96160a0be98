import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lineColumn } from '../../src/lib/sig/types';
import { sigscope, tempFiles } from './run-cli';
import { vectorCase, vectorFile } from './vector-case';

const { dir, write } = tempFiles('sigscope-cli-');

/** The `--json` lines of a run, parsed. */
const jsonLines = (stdout: string) =>
  stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const SIGNED_VECTORS = [
  'get-vanilla',
  'get-vanilla-query-order-key-case',
  'get-vanilla-with-session-token',
  'post-sts-header-after',
  'post-x-www-form-urlencoded',
];

describe('sigscope sign --json', () => {
  for (const name of SIGNED_VECTORS) {
    for (const mode of ['header', 'query'] as const) {
      it(`signs the aws-c-auth ${name} vector in ${mode} mode as the vector expects`, async () => {
        const file = write(`${name}-${mode}.json`, vectorCase(name, mode));
        const { code, stdout, stderr } = await sigscope('sign', '--json', file);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const [out] = jsonLines(stdout);
        expect(out).toMatchObject({ file, ok: true, scheme: 'sigv4', mode });
        expect(out!.canonicalRequest).toBe(vectorFile(name, `${mode}-canonical-request.txt`));
        expect(out!.stringToSign).toBe(vectorFile(name, `${mode}-string-to-sign.txt`));
        expect(out!.signature).toBe(vectorFile(name, `${mode}-signature.txt`).trim());
        if (mode === 'header') expect(out!.authorization).toContain(`Signature=${out!.signature}`);
        else expect(out!.url).toContain(`X-Amz-Signature=${out!.signature}`);
      });
    }
  }

  it('prints every field a script needs, with the key chain ending in the signing key', async () => {
    const file = write('fields.json', vectorCase('get-vanilla', 'header'));
    const [out] = jsonLines((await sigscope('sign', '--json', file)).stdout);
    for (const key of [
      'canonicalRequestHash',
      'signingKey',
      'signedRequest',
      'signedHeaders',
      'unsignedHeaders',
      'added',
      'notes',
    ])
      expect(out).toHaveProperty(key);
    const chain = out!.keyChain as { name: string; hex: string | null }[];
    expect(chain.map((s) => s.name)).toEqual(['kSecret', 'kDate', 'kRegion', 'kService', 'kSigning']);
    expect(chain[4]!.hex).toBe(out!.signingKey);
    expect(out!.signedHeaders).toEqual(['host', 'x-amz-date']);
  });

  it('prints one line per case, in the order given', async () => {
    const a = write('order-a.json', vectorCase('get-vanilla', 'query'));
    const b = write('order-b.json', vectorCase('get-vanilla', 'header'));
    const lines = jsonLines((await sigscope('sign', '--json', a, b)).stdout);
    expect(lines.map((l) => [l.file, l.mode])).toEqual([
      [a, 'query'],
      [b, 'header'],
    ]);
  });

  it('never prints the secret key unless asked', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
    const file = write('secret.json', vectorCase('get-vanilla', 'header'));
    for (const args of [['sign'], ['sign', '--json'], ['verify'], ['verify', '--json']]) {
      const { stdout, stderr } = await sigscope(...args, file);
      expect(stdout + stderr).not.toContain(secret);
      expect(stdout).not.toContain(Buffer.from(secret).toString('hex'));
    }
    expect((await sigscope('sign', '--show-secrets', file)).stdout).toContain(`AWS4${secret}`);
  });
});

describe('sigscope sign (text)', () => {
  it('labels every stage', async () => {
    const file = write('text.json', vectorCase('get-vanilla', 'header'));
    const { code, stdout } = await sigscope('sign', file);
    expect(code).toBe(0);
    for (const label of [
      'Canonical request',
      'Canonical request SHA-256',
      'String to sign',
      'Key chain',
      'kSigning',
      'Signature',
      'Authorization header',
      'Signed request',
      'Signed headers',
      'Never signed',
    ])
      expect(stdout).toContain(label);
    expect(stdout).toContain(vectorFile('get-vanilla', 'header-signature.txt').trim());
  });

  it('shows the presigned URL in query mode and why a header was never signed', async () => {
    const request = 'GET /test.txt HTTP/1.1\nHost: examplebucket.s3.amazonaws.com\nUser-Agent: curl/8\n\n';
    const text = JSON.stringify({
      scheme: 'sigv4-s3',
      mode: 'query',
      request,
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' },
      time: '2013-05-24T00:00:00Z',
    });
    const file = write('presign.json', text);
    const { code, stdout } = await sigscope('sign', file);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Presigned URL\n  https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=',
    );
    const at = lineColumn(text, text.indexOf('User-Agent'));
    expect(stdout).toMatch(new RegExp(`user-agent .*never signs it.*\\(${file}:${at.line}:${at.column}\\)`));
  });
});

describe('sigscope verify', () => {
  it('exits 0 when the header signature matches', async () => {
    const signed = vectorFile('get-vanilla', 'header-signed-request.txt');
    const file = write('verify-ok.json', vectorCase('get-vanilla', 'header', signed));
    const { code, stdout } = await sigscope('verify', file);
    expect(code).toBe(0);
    expect(stdout).toContain('MATCH');
  });

  it('exits 0 when a presigned URL signature matches', async () => {
    const signed = vectorFile('get-vanilla', 'query-signed-request.txt');
    const file = write('verify-query.json', vectorCase('get-vanilla', 'header', signed));
    const { code, stdout } = await sigscope('verify', '--json', file);
    expect(code).toBe(0);
    expect(jsonLines(stdout)[0]).toMatchObject({ match: true, mode: 'query' });
  });

  it('exits 1 when a signed header was changed, showing both signatures and our stages', async () => {
    const signed = vectorFile('get-vanilla', 'header-signed-request.txt').replace(
      'Host:example.amazonaws.com',
      'Host:example2.amazonaws.com',
    );
    const file = write('verify-bad.json', vectorCase('get-vanilla', 'header', signed));
    const { code, stdout } = await sigscope('verify', file);
    expect(code).toBe(1);
    expect(stdout).toContain('MISMATCH');
    expect(stdout).toContain(`provided  ${vectorFile('get-vanilla', 'header-signature.txt').trim()}`);
    expect(stdout).toMatch(/computed {2}[0-9a-f]{64}/);
    expect(stdout).toContain('Canonical request (computed)\n  GET\n  /\n\n  host:example2.amazonaws.com');
    expect(stdout).toContain('String to sign (computed)\n  AWS4-HMAC-SHA256');

    const json = await sigscope('verify', '--json', file);
    expect(json.code).toBe(1);
    const [out] = jsonLines(json.stdout);
    expect(out).toMatchObject({
      match: false,
      providedSignature: vectorFile('get-vanilla', 'header-signature.txt').trim(),
    });
    expect(out!.computedSignature).not.toBe(out!.providedSignature);
  });

  it('exits 2 when the request carries no signature', async () => {
    const file = write('verify-unsigned.json', vectorCase('get-vanilla', 'header'));
    const { code, stderr } = await sigscope('verify', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^${file}:\\d+:\\d+: The request carries no signature`));
  });
});

describe('bad input', () => {
  it('reports bad JSON at its line and column, exit 2', async () => {
    const file = write(
      'bad.json',
      '{\n  "scheme": "sigv4",\n  "mode": "header"\n  "request": "GET / HTTP/1.1\\n\\n"\n}\n',
    );
    const { code, stdout, stderr } = await sigscope('sign', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^${file}:4:3: Expected "," or "}"`));
  });

  it('reports a problem inside the request string at its line and column in the JSON file', async () => {
    const text = [
      '{',
      '  "scheme": "sigv4",',
      `  "request": ${JSON.stringify('GET / HTTP/1.1\nHost example.amazonaws.com\n\n')},`,
      '  "credentials": { "accessKeyId": "AKID", "secretAccessKey": "secret" }',
      '}',
    ].join('\n');
    const file = write('bad-request.json', text);
    const { code, stderr } = await sigscope('sign', file);
    expect(code).toBe(2);
    const at = lineColumn(text, text.indexOf('Host example'));
    expect(at).toEqual({ line: 3, column: 31 });
    expect(stderr).toContain(`${file}:3:31: This header line has no ":"`);
  });

  it('reports a missing secret key at the credentials, exit 2', async () => {
    const text =
      '{\n  "request": "GET / HTTP/1.1\\nHost: iam.amazonaws.com\\n\\n",\n  "credentials": { "accessKeyId": "AKID" }\n}';
    const file = write('no-secret.json', text);
    const { code, stderr } = await sigscope('sign', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(`^${file}:3:18: The case file needs "credentials": \\{ "secretAccessKey" \\}`),
    );
  });

  it('reports a missing field and an unreadable file, and still signs the good case', async () => {
    const missing = write(
      'no-request.json',
      '{ "credentials": { "accessKeyId": "A", "secretAccessKey": "s" } }',
    );
    const good = write('good.json', vectorCase('get-vanilla', 'header'));
    const { code, stdout, stderr } = await sigscope('sign', '--json', missing, join(dir, 'nope.json'), good);
    expect(code).toBe(2);
    expect(stderr).toContain(`${missing}:1:1: The case file needs "request".`);
    expect(stderr).toContain(`${join(dir, 'nope.json')}: There is no such file.`);
    expect(jsonLines(stdout).map((l) => l.ok)).toEqual([false, false, true]);
  });

  it('prints warnings as file:line:col: warning: without failing', async () => {
    const text = JSON.stringify(
      { ...vectorCase('get-vanilla', 'header'), settings: { bogus: true } },
      null,
      2,
    );
    const file = write('warn.json', text);
    const { code, stderr } = await sigscope('sign', '--json', file);
    expect(code).toBe(0);
    const at = lineColumn(text, text.indexOf('true', text.indexOf('bogus')));
    expect(stderr).toContain(`${file}:${at.line}:${at.column}: warning: Unknown setting "bogus"`);
  });
});

describe('usage', () => {
  for (const args of [
    ['--help'],
    ['help'],
    ['-h'],
    ['sign', '--help'],
    ['verify', '--help'],
    ['help', 'verify'],
  ]) {
    it(`prints usage for "${args.join(' ')}" and exits 0`, async () => {
      const { code, stdout, stderr } = await sigscope(...args);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toContain('Usage:');
      expect(stdout).toContain('Exit codes:');
      expect(stdout).toContain('"credentials"');
    });
  }

  it('puts usage on stderr and exits 2 for an unknown command, an unknown option or no file', async () => {
    for (const args of [['frobnicate'], [], ['sign', '--jsn', 'x.json'], ['verify']]) {
      const { code, stdout, stderr } = await sigscope(...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^sigscope: .*\n\n.*Usage:/s);
    }
  });
});

describe('bin/sigscope.js', () => {
  it('runs as a child process', { timeout: 60_000 }, () => {
    const file = write('e2e.json', vectorCase('get-vanilla', 'header'));
    const bin = fileURLToPath(new URL('../../bin/sigscope.js', import.meta.url));
    const child = spawnSync(process.execPath, [bin, 'sign', '--json', file], {
      encoding: 'utf8',
      timeout: 55_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(jsonLines(child.stdout)[0]!.signature).toBe(
      vectorFile('get-vanilla', 'header-signature.txt').trim(),
    );

    const bad = spawnSync(process.execPath, [bin, 'verify', join(dir, 'missing.json')], {
      encoding: 'utf8',
      timeout: 55_000,
    });
    expect(bad.status).toBe(2);
  });
});
