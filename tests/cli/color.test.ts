import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_REQUESTS, FIXTURE_SECRET } from '../../src/lib/examples/fixture-requests';
import { colorize } from '../../src/cli/color';
import { sigscopeWith, tempFiles } from './run-cli';
import { vectorCase, vectorFile } from './vector-case';

const { write } = tempFiles('sigscope-color-');
const ESC = '\x1b[';
/** The text less the escapes the CLI writes. */
const strip = (text: string) =>
  ['1', '31', '32', '0'].reduce((t, c) => t.replaceAll(`${ESC}${c}m`, ''), text);
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
    expect(strip(tty.stdout)).toBe(piped.stdout);
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

// F1's server reply and client log: explain diffs the client's canonical request against the server's.
const ERRORS = fileURLToPath(new URL('../fixtures/server-errors/', import.meta.url));
const [f1Log, f1Reply] = readdirSync(ERRORS)
  .filter((f) => f.startsWith('F1-'))
  .sort()
  .map((f) => join(ERRORS, f));
const explainF1 = (world: { tty: boolean; columns?: number; env?: Record<string, string> }) =>
  sigscopeWith(world, 'explain', '--error', f1Reply!, '--client', f1Log!, f1);

describe('side-by-side diffs', () => {
  it('lays the diffs side by side on a terminal at least 120 columns wide, changed rows red then green', async () => {
    const wide = await explainF1({ tty: true, columns: 150 });
    expect(wide.code).toBe(1);
    const text = strip(wide.stdout);
    expect(text).toContain('Canonical request (client on the left, server on the right)');
    const row = text.split('\n').find((l) => l.startsWith('  ~ /photos/'))!;
    expect(row).toMatch(/^ {2}~ \/photos\/cat%2520%25281%2529\.jpg +│ \/photos\/cat%20%281%29\.jpg$/);
    expect(row.length).toBeLessThanOrEqual(150);
    expect(text).not.toContain('(- client, + server)');
    expect(wide.stdout).toContain(`${ESC}31m/photos/cat%2520%25281%2529.jpg`);
    expect(wide.stdout).toContain(`│ ${ESC}32m/photos/cat%20%281%29.jpg`);
  });

  it('keeps the unified diff when narrower, piped or with NO_COLOR, whatever the width', async () => {
    for (const world of [
      { tty: true, columns: 100 },
      { tty: true },
      { tty: false, columns: 150 },
      { tty: true, columns: 150, env: { NO_COLOR: '1' } },
    ]) {
      const { stdout } = await explainF1(world);
      expect(strip(stdout)).toContain('Canonical request (- client, + server)');
      expect(strip(stdout)).toContain('  - /photos/cat%2520%25281%2529.jpg');
      expect(stdout).not.toContain(' │ ');
    }
  });

  it('colours only the two sides of a changed row, and nothing in an unchanged one', () => {
    expect(colorize('  ~ a·b   │ a b')).toBe(`  ~ ${ESC}31ma·b  ${ESC}0m │ ${ESC}32ma b${ESC}0m`);
    expect(colorize('    GET │ GET')).toBe('    GET │ GET');
  });
});
