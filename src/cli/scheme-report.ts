/**
 * The text reports of `sigscope sign` and `verify` from the shared trace (SigV4A, the legacy schemes, the modes): every stage with its rule and, line by
 * line, what each line of it is.
 */

import { formatDiagnostic } from './problems';
import { renderNotes } from './report';
import type { SchemeSignView, StageView } from './sign-view';
import { section, table, trimTrailingLines } from './text';
import type { SchemeVerifyView } from './verify-view';

/** A stage: its rule, then its lines labelled (an empty line shown as such). */
export function renderStage(stage: StageView): string {
  const labelled =
    stage.lines.length <= 1
      ? stage.text
      : table(
          stage.lines.map((l) => [
            l.label + (l.name && l.label !== l.name ? ` ${l.name}` : ''),
            l.text === '' ? '(empty)' : l.text,
          ]),
        );
  return section(`${stage.title} — ${stage.rule}`, labelled === '' ? '(empty)' : labelled);
}

/** Renders one case signed into the shared trace. */
export function renderSchemeSignReport(view: SchemeSignView): string {
  const where =
    view.authorization !== undefined
      ? section('Authorization header', view.authorization)
      : view.url !== undefined
        ? section('Signed URL', view.url)
        : '';
  const added = [
    ...view.added.headers.map(([n, v]) => ['header', `${n}: ${v}`]),
    ...view.added.query.map(([n, v]) => ['query', `${n}=${v}`]),
    ...(view.added.body ?? []).map(([n, v]) => ['body', `${n}=${v}`]),
  ];
  return [
    `${view.file}: ${view.scheme}, ${view.mode} mode\n`,
    ...view.stages.map(renderStage),
    section('String to sign (exact text)', view.stringToSign),
    where,
    section('Signed request', trimTrailingLines(view.signedRequest)),
    section('Added by the signer', added.length === 0 ? '(nothing)' : table(added)),
    renderNotes(view.notes),
  ]
    .filter((p) => p !== '')
    .join('\n');
}

/** Renders one verification of the shared trace. */
export function renderSchemeVerifyReport(view: SchemeVerifyView): string {
  return [
    `${view.file}: ${view.match ? 'match' : 'MISMATCH'} (${view.scheme}, ${view.mode})\n`,
    view.reason ? section('Why', formatDiagnostic(view.reason).trimEnd()) : '',
    section(
      'Signatures',
      table([
        ['provided', view.providedSignature],
        ['computed', view.computedSignature],
      ]),
    ),
    ...view.stages.map(renderStage),
    section('String to sign (exact text)', view.stringToSign),
    renderNotes(view.notes),
  ]
    .filter((p) => p !== '')
    .join('\n');
}
