/**
 * One recompute in two phases: the stages (stages.ts), then the diagnosis merged into them. The worker runs both;
 * every engine call the page makes goes through these two modules, plain async code that runs as well in Node
 * tests as in the worker.
 */

import type { Verdict } from '../diagnose/types';
import { expectedStringKind } from '../sig/server-error/expected-kind';
import { explain } from './adapters';
import type { InputProblem, RunInput, RunOutput, VerdictView } from './protocol';
import { buildDiffs } from './stages';

export { buildDiffs, readTime, runStages, SIGNED_REQUEST_LIMIT } from './stages';

/** The diagnosis's verdict wins unless it cannot tell; its leading finding explains a mismatch. */
export function mergeVerdict(ours: VerdictView, verdict: Verdict, lead: string | undefined): VerdictView {
  if (verdict === 'unknown') return ours.verdict === 'unknown' && lead ? { verdict, reason: lead } : ours;
  if (verdict === 'match') {
    return ours.verdict === 'match'
      ? ours
      : { verdict, reason: 'The signature matches what the server expects.' };
  }
  return {
    verdict,
    reason: lead ?? (ours.verdict === 'mismatch' ? ours.reason : 'The signatures do not match.'),
  };
}

/** Phase two: the diagnosis, merged into the stages' output. */
export async function runExplain(input: RunInput, stages: RunOutput): Promise<RunOutput> {
  if (input.request.trim() === '' && input.serverError.trim() === '' && input.clientLog.trim() === '')
    return stages;
  const t0 = performance.now();
  const explanation = await explain({
    scheme: stages.seen.scheme,
    ...(input.request.trim() ? { request: input.request } : {}),
    ...(input.serverError.trim() ? { serverError: input.serverError } : {}),
    ...(input.clientLog.trim() ? { clientLog: input.clientLog } : {}),
    ...(input.secretAccessKey ? { secretAccessKey: input.secretAccessKey } : {}),
    ...(input.accessKeyId ? { accessKeyId: input.accessKeyId } : {}),
    ...(input.sessionToken ? { sessionToken: input.sessionToken } : {}),
    ...(input.payloadHash ? { payloadHash: input.payloadHash.hex } : {}),
    settings: input.settings,
    now: new Date(input.now),
  });
  if (!explanation) return stages;
  const out: RunOutput = { ...stages, explained: true, findings: explanation.findings };
  if (explanation.ask) out.ask = explanation.ask;
  const sides = { ...stages.sides };
  if (!sides.client && explanation.sides.client?.canonicalRequest) sides.client = explanation.sides.client;
  // A legacy log may sign several strings: the diagnosis knows which one made the signature sent.
  if (stages.trace && explanation.sides.client?.stringToSign) sides.client = explanation.sides.client;
  if (!sides.server && explanation.sides.server) sides.server = explanation.sides.server;
  // A chunk's, the trailer's or a POST's string to sign is set beside ours for that chunk or policy, not the seed's.
  const theirs = explanation.sides.server?.stringToSign;
  if (theirs && explanation.sides.ours && !['request', 'other'].includes(expectedStringKind(theirs).kind))
    sides.ours = explanation.sides.ours;
  out.sides = sides;
  out.diffs = buildDiffs(sides);
  out.verdict = mergeVerdict(stages.verdict, explanation.verdict, explanation.findings[0]?.message);
  const known = new Set(stages.problems.map((p) => p.problem.message));
  // A reply that is not text is said to be that, once; the reader's "cannot be read" adds nothing to it.
  const notText = stages.problems.some((p) => p.problem.kind === 'reply-not-text');
  out.problems = [
    ...stages.problems,
    ...explanation.problems
      .filter((p) => p.input !== 'request' && !known.has(p.problem.message))
      .filter((p) => !(notText && p.input === 'serverError'))
      .map((p): InputProblem => ({ input: p.input === 'case' ? 'settings' : p.input, problem: p.problem })),
  ];
  out.timings = { ...stages.timings, explainMs: performance.now() - t0 };
  return out;
}
