import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { vectorCase, vectorFile } from './vector-case';

const bin = fileURLToPath(new URL('../../bin/sigscope.js', import.meta.url));

/** Runs the real `sigscope` with `input` piped to its standard input. */
function piped(input: string, ...argv: string[]) {
  return spawnSync(process.execPath, [bin, ...argv], { input, encoding: 'utf8', timeout: 55_000 });
}

describe('sigscope reads `-` as standard input', () => {
  it('signs a case file piped in, as the aws-c-auth vector expects', { timeout: 60_000 }, () => {
    const child = piped(JSON.stringify(vectorCase('get-vanilla', 'header')), 'sign', '--json', '-');
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout.trim()).signature).toBe(
      vectorFile('get-vanilla', 'header-signature.txt').trim(),
    );
  });

  it(
    'verifies a signed request piped in (exit 0) and tells a changed one (exit 1)',
    { timeout: 60_000 },
    () => {
      const signed = vectorFile('get-vanilla', 'header-signed-request.txt');
      expect(piped(JSON.stringify(vectorCase('get-vanilla', 'header', signed)), 'verify', '-').status).toBe(
        0,
      );
      const changed = signed.replace(/^Host:.*$/m, 'Host:example.org');
      expect(changed).not.toBe(signed);
      expect(piped(JSON.stringify(vectorCase('get-vanilla', 'header', changed)), 'verify', '-').status).toBe(
        1,
      );
    },
  );

  it('reports empty standard input as bad input (exit 2), not a crash', { timeout: 60_000 }, () => {
    const child = piped('', 'verify', '-');
    expect(child.status).toBe(2);
    expect(child.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
