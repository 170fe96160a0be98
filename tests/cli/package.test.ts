/**
 * The CLI as people install it: `npm pack` yields a package whose bin is the built bundle, and
 * `npm install -g` of that tarball into a fresh prefix gives a `sigscope` that signs an official vector, with no
 * TypeScript, no tsx and no dependency installed beside it.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vectorCase, vectorFile } from './vector-case';
import { tempFiles } from './run-cli';

const ROOT = new URL('../..', import.meta.url).pathname;

function npm(args: string[], cwd = ROOT) {
  const run = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel', 'error'], {
    cwd,
    encoding: 'utf8',
    timeout: 170_000,
  });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')}: ${run.stderr}`);
  return run;
}

describe('the packed CLI', () => {
  it('installs from its tarball into an empty prefix and signs a vector', { timeout: 180_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigscope-pack-'));
    npm(['pack', '--pack-destination', dir]);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const prefix = join(dir, 'prefix');
    npm(['install', '-g', '--prefix', prefix, join(dir, tarball)], dir);

    const installed = join(prefix, 'lib', 'node_modules', 'sigscope');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(existsSync(join(installed, 'src'))).toBe(false);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);

    const { write } = tempFiles('sigscope-pack-case-');
    const file = write('case.json', vectorCase('get-vanilla', 'header'));
    const bin = join(prefix, 'bin', 'sigscope');
    const signed = spawnSync(bin, ['sign', '--json', file], { encoding: 'utf8', cwd: dir });
    expect(signed.stderr).toBe('');
    expect(signed.status).toBe(0);
    expect(JSON.parse(signed.stdout.split('\n')[0]!).signature).toBe(
      vectorFile('get-vanilla', 'header-signature.txt').trim(),
    );
    const help = spawnSync(bin, ['--help'], { encoding: 'utf8', cwd: dir });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^sigscope/);
  });
});
