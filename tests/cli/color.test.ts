import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_REQUESTS, FIXTURE_SECRET } from '../../src/lib/examples/fixture-requests';
import { sigscopeWith, tempFiles } from './run-cli';
import { vectorCase, vectorFile } from './vector-case';

const { write } = tempFiles('sigscope-color-');
const ESC = '\x1b[';
const signed = vectorFile('get-vanilla', 'header-signed-request.txt');
const okCase = write('ok.json', vectorCase('get-vanilla', 'header', signed));
// F1's client signed the path encoded twice: explain says "signature does not match".
const f1 = write('f1.txt', FIXTURE_REQUESTS.F1!);

describe('colours', () => {
  it('colours the verdict on a terminal', async () => {
    const out = await sigscopeWith({ tty: true }, 'verify', okCase);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`${ESC}1m${ESC}32mMATCH`);
  });

  it('prints no colour with NO_COLOR, when not a terminal, or with --json', async () => {
    const noColor = await sigscopeWith({ tty: true, env: { NO_COLOR: '1' } }, 'verify', okCase);
    const piped = await sigscopeWith({ tty: false }, 'verify', okCase);
    const json = await sigscopeWith({ tty: true }, 'verify', '--json', okCase);
    for (const r of [noColor, piped, json]) {
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain(ESC);
    }
    // Without colour the text is exactly what a terminal shows, less the escapes.
    const tty = await sigscopeWith({ tty: true }, 'verify', okCase);
    const plain = ['1', '31', '32', '0'].reduce((t, c) => t.replaceAll(`${ESC}${c}m`, ''), tty.stdout);
    expect(plain).toBe(piped.stdout);
  });

  it('colours an explain verdict red on a terminal, none when piped from a real process', async () => {
    const tty = await sigscopeWith(
      { tty: true, env: { AWS_SECRET_ACCESS_KEY: FIXTURE_SECRET } },
      'explain',
      f1,
    );
    expect(tty.code).toBe(1);
    expect(tty.stdout).toContain(`${ESC}31m`);
    const bin = fileURLToPath(new URL('../../bin/sigscope.js', import.meta.url));
    const child = spawnSync(process.execPath, [bin, 'verify', okCase], {
      encoding: 'utf8',
      timeout: 55_000,
      env: { ...process.env, NO_COLOR: '' },
    });
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/MATCH/);
    expect(child.stdout).not.toContain(ESC);
  });
});
