/**
 * The text report of `sigscope sign`: every stage with its label, in the order the algorithm runs.
 */

import type { SigV4Settings } from '../lib/sig/registry-settings';
import type { KeyChainView } from './key-chain';
import { formatDiagnostic, type Diagnostic } from './problems';
import type { SignView } from './sign-view';
import { section, table, trimTrailingLines } from './text';

/** Renders the key chain as a table: each key is HMAC-SHA256 of its input under the key before it. */
export function renderKeyChain(chain: readonly KeyChainView[]): string {
  const rows = chain.map((step, i) => {
    const made = i === 0 ? `bytes of "${step.input}"` : `HMAC(${chain[i - 1]!.name}, "${step.input}")`;
    return [step.name, made, step.hex ?? '(masked: it spells out the secret key; --show-secrets shows it)'];
  });
  return table(rows);
}

/** Renders the effective settings as `name=value` words, wrapped to lines of at most `width` characters. */
export function renderSettings(settings: SigV4Settings, width = 100): string {
  const lines: string[] = [];
  for (const word of Object.entries(settings).map(([k, v]) => `${k}=${String(v)}`)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** Renders notes and warnings as `file:line:col: warning: message` lines, or '' when there are none. */
export function renderNotes(notes: readonly Diagnostic[]): string {
  return notes.length === 0 ? '' : section('Notes', notes.map(formatDiagnostic).join('').trimEnd());
}

function renderSigned(view: SignView): string {
  const unsigned =
    view.unsignedHeaders.length === 0
      ? '(none on this request)'
      : table(
          view.unsignedHeaders.map((h) => [
            h.name,
            h.reason + (h.line === undefined ? '' : ` (${view.file}:${h.line}:${h.column})`),
          ]),
        );
  const added = [
    ...view.added.headers.map(([name, value]) => ['header', `${name}: ${value}`]),
    ...view.added.query.map(([name, value]) => ['query', `${name}=${value}`]),
  ];
  return [
    section('Signed headers', view.signedHeaders.join(';')),
    section('Never signed', unsigned),
    section('Added by the signer', added.length === 0 ? '(nothing)' : table(added)),
  ].join('\n');
}

/** Renders one signed case. */
export function renderSignReport(view: SignView): string {
  const crlf = view.signedRequest.includes('\r\n') ? ' (CRLF line ends)' : '';
  const where =
    view.mode === 'header'
      ? section('Authorization header', view.authorization ?? '')
      : section('Presigned URL', view.url ?? '');
  const parts = [
    `${view.file}: ${view.scheme}, ${view.mode} mode, signed for ${view.region}/${view.service} at ` +
      `${view.amzDate} (${view.time})\n`,
    section('Canonical request', view.canonicalRequest),
    section('Canonical request SHA-256', view.canonicalRequestHash),
    section('String to sign', view.stringToSign),
    section('Key chain (HMAC-SHA256)', renderKeyChain(view.keyChain)),
    section('Signature', view.signature),
    where,
    section(`Signed request${crlf}`, trimTrailingLines(view.signedRequest)),
    renderSigned(view),
    section('Settings', renderSettings(view.settings)),
    renderNotes(view.notes),
  ];
  return parts.filter((p) => p !== '').join('\n');
}
