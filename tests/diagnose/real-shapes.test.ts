/**
 * The real-shape twins (tests/fixtures/real-shapes, copied from the shared fixtures; see its README): each is run
 * as its README says, `sigscope explain --json --error ERROR --client CLIENT CASE`. Every box must be read (never
 * exit 2), and the answer must be the one the twin documents: its fault as the first finding, or "cannot tell"
 * with nothing claimed as shown.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, Verdict } from '../../src/lib/diagnose/types';
import { sigscope, tempFiles } from '../cli/run-cli';

const DIR = join(import.meta.dirname, '../fixtures/real-shapes');

interface Twin {
  shape: string;
  case: unknown;
  error: string | null;
  client: string | null;
  expected: { verdict: 'unknown' } | { kind: string; component: string; name?: string };
}

const twins = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Twin] as const);

async function explainTwin(id: string, twin: Twin) {
  const files = tempFiles(`sigscope-twin-${id.slice(0, 2)}-`);
  const args = ['explain', '--json'];
  if (twin.error !== null) args.push('--error', files.write('error.txt', twin.error));
  if (twin.client !== null) args.push('--client', files.write('client.txt', twin.client));
  args.push(files.write('case.json', twin.case));
  return sigscope(...args);
}

describe.each(twins)('real-shape twin %s', (id, twin) => {
  it('reads every box and answers as the twin documents', async () => {
    const { code, stdout, stderr } = await explainTwin(id, twin);
    expect(code, stderr).not.toBe(2);
    const out = JSON.parse(stdout) as { verdict: Verdict; findings: Finding[] };
    const summary = `${twin.shape}\n${stderr}\n${JSON.stringify(out.findings, null, 1)}`;
    if ('verdict' in twin.expected) {
      expect(out.verdict, summary).toBe('unknown');
      expect(
        out.findings.filter((f) => f.basis === 'shown'),
        summary,
      ).toEqual([]);
    } else {
      expect(out.findings[0], summary).toMatchObject(twin.expected);
    }
  });
});
