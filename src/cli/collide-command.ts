/**
 * `sigscope collide`: the SigV1 collision of a case's request. The request is signed with SigV1 first (adding
 * what SigV1 adds), then a different parameter list with the same SigV1 string to sign is forged; SigV2's
 * strings and signatures for both show why SigV2 replaced it.
 */

import { parseRequestCase } from '../lib/sig/case-file';
import { collideText } from '../lib/sig/scheme-text';
import type { Collision } from '../lib/sig/registry-legacy';
import { EXIT, type CliIo } from './io';
import { loadCase } from './load-case';
import { badInput, warningsText, type CaseOutcome } from './outcome';
import { hasError, inRequest, type Diagnostic } from './problems';
import { renderNotes } from './report';
import type { OutputOptions } from './sign-command';
import { section, table, trimTrailingLines } from './text';

/** What `collide --json` prints for one case. */
export type CollideView = { file: string; ok: true; notes: Diagnostic[] } & Collision;

function renderSide(title: string, side: Collision['original']): string {
  return [
    section(
      `${title}: parameters (decoded, in SigV1 order)`,
      table(side.params.map(([n, v]) => [n, v === '' ? '(empty)' : v])),
    ),
    section(`${title}: SigV1 string to sign`, side.stringToSign),
    section(`${title}: SigV1 signature`, side.signature),
  ].join('\n');
}

/** Renders the collision as text. */
export function renderCollideReport(view: CollideView): string {
  return [
    `${view.file}: a SigV1 collision (${view.kind}): ${view.description}\n`,
    renderSide('Original', view.original),
    renderSide('Forged', view.forged),
    section('Forged request (carries the original signature)', trimTrailingLines(view.forged.request)),
    section('SigV2 string to sign, original', view.sigv2.original.stringToSign),
    section('SigV2 string to sign, forged', view.sigv2.forged.stringToSign),
    section(
      'SigV2 signatures',
      table([
        ['original', view.sigv2.original.signature],
        ['forged', view.sigv2.forged.signature],
      ]),
    ),
    renderNotes(view.notes),
  ]
    .filter((p) => p !== '')
    .join('\n');
}

/** Collides one case file. */
export async function collideCase(io: CliIo, file: string, options: OutputOptions): Promise<CaseOutcome> {
  const loaded = await loadCase(io, file, 'collide', parseRequestCase, options.outside);
  if (!loaded.ok) return badInput(file, loaded.diagnostics, options.json);
  const { source, caseFile, secretAccessKey } = loaded.value;
  const result = collideText({
    request: caseFile.request,
    credentials: { accessKeyId: caseFile.credentials.accessKeyId, secretAccessKey },
    ...(caseFile.time !== undefined ? { time: new Date(caseFile.time) } : {}),
  });
  const diagnostics = [...loaded.value.diagnostics, ...result.problems.map((p) => inRequest(source, p))];
  if (!result.ok || hasError(diagnostics)) return badInput(file, diagnostics, options.json);
  const view: CollideView = { file, ok: true, ...result.value, notes: diagnostics };
  return options.json
    ? { exit: EXIT.ok, stdout: JSON.stringify(view) + '\n', stderr: warningsText(diagnostics) }
    : { exit: EXIT.ok, stdout: renderCollideReport(view), stderr: '' };
}
