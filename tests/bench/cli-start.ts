/**
 * The CLI's start-up: median wall time of `sigscope --help` and of `sigscope sign` on one official vector case,
 * each against a bare `node -e 0` measured in the same run, interleaved so that load on the machine falls on all
 * three alike. Runs the bundle an installed package runs (dist/cli, built afresh first). Prints one JSON object.
 * `npx tsx tests/bench/cli-start.ts`; part of `npm run bench`.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { vectorCase } from '../cli/vector-case';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist', 'cli', 'sigscope.js');
const RUNS = 31;

if (!process.env.NO_BUILD) execFileSync('npm', ['run', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
const file = join(mkdtempSync(join(tmpdir(), 'sigscope-start-')), 'case.json');
writeFileSync(file, JSON.stringify(vectorCase('get-vanilla', 'header')));

const commands: Record<string, string[]> = {
  node: ['-e', '0'],
  help: [BIN, '--help'],
  sign: [BIN, 'sign', file],
};
const times: Record<string, number[]> = { node: [], help: [], sign: [] };
for (let i = 0; i < RUNS; i++) {
  for (const [name, args] of Object.entries(commands)) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    times[name]!.push(performance.now() - t0);
    if (run.status !== 0) throw new Error(`${name} exited ${run.status}: ${run.stderr}`);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const node = median(times.node!);
console.log(
  JSON.stringify({
    cliStart: {
      runs: RUNS,
      nodeMs: +node.toFixed(1),
      helpMs: +median(times.help!).toFixed(1),
      signMs: +median(times.sign!).toFixed(1),
      helpRatio: +(median(times.help!) / node).toFixed(2),
      signRatio: +(median(times.sign!) / node).toFixed(2),
      target: '<= 1.5',
    },
  }),
);
