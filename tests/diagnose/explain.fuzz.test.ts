/**
 * explain() never throws, whatever is pasted where: random text, and real pastes cut, mixed up and put in the
 * wrong box. Every problem it returns points inside the input it belongs to.
 */

import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/lib/diagnose/explain';
import type { ExplainInput } from '../../src/lib/diagnose/types';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const PASTES = ['server-errors', 'client-logs'].flatMap((d) =>
  readdirSync(join(FIXTURES, d)).map((f) => readFileSync(join(FIXTURES, d, f), 'utf8')),
);
PASTES.push(
  readFileSync(
    join(import.meta.dirname, '../vectors/sigv4/aws-c-auth-v4/get-vanilla/header-signed-request.txt'),
    'utf8',
  ),
);

const mutated = fc
  .tuple(fc.constantFrom(...PASTES), fc.nat(), fc.nat(), fc.string({ maxLength: 8 }))
  .map(([text, a, b, junk]) => {
    const i = a % (text.length + 1);
    const j = Math.min(text.length, i + (b % 40));
    return text.slice(0, i) + junk + text.slice(j);
  });
const paste = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom(...PASTES), mutated);

describe('explain on anything', () => {
  it('never throws and places every problem inside its input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            request: paste,
            serverError: paste,
            clientLog: paste,
            secret: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
          },
          { requiredKeys: [] },
        ),
        async ({ request, serverError, clientLog, secret }) => {
          const input: ExplainInput = {};
          if (request !== undefined) input.request = request;
          if (serverError !== undefined) input.serverError = serverError;
          if (clientLog !== undefined) input.clientLog = clientLog;
          if (secret !== undefined) input.secretAccessKey = secret;
          const explanation = await explain(input);
          expect(['match', 'mismatch', 'unknown']).toContain(explanation.verdict);
          for (const { input: which, problem } of explanation.problems) {
            const text = which === 'serverError' ? serverError : which === 'clientLog' ? clientLog : request;
            if (problem.span) expect(problem.span.end).toBeLessThanOrEqual((text ?? '').length);
          }
        },
      ),
      { numRuns: 10_000 },
    );
  }, 120_000);
});
