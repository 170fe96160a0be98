/**
 * The text report of `sigscope explain`: the verdict, the findings with their fixes and evidence, and the diff of
 * canonical request and string to sign against what the server expected.
 */

import type { Explanation, Side } from '../lib/diagnose/types';
import { visible } from '../lib/diagnose/visible';
import { useColor } from './color';
import type { CliIo } from './io';
import { diffLines, renderSideBySide, sideBySideRows } from './line-diff';

const VERDICT = {
  match: 'signature verified',
  mismatch: 'signature does not match',
  unknown: 'cannot tell yet',
};

/** The narrowest terminal that gets the diffs side by side; a narrower one gets them unified. */
export const SIDE_BY_SIDE_COLUMNS = 120;

/**
 * How wide to lay the diffs out side by side: the terminal's width when standard output is a coloured terminal
 * at least SIDE_BY_SIDE_COLUMNS wide; `undefined` (unified) when piped, with NO_COLOR or --json, or narrower.
 */
export function sideBySideColumns(
  io: Pick<CliIo, 'stdoutIsTty' | 'env' | 'stdoutColumns'>,
  json: boolean,
): number | undefined {
  const columns = io.stdoutColumns ?? 0;
  return useColor(io.stdoutIsTty, io.env ?? {}, json) && columns >= SIDE_BY_SIDE_COLUMNS
    ? columns
    : undefined;
}

function diffBlock(title: string, left: string, right: string, leftName: string, columns?: number): string {
  if (left === right) return `${title} (${leftName} and server agree)\n${left.replace(/^/gm, '    ')}\n`;
  const diff = diffLines(left, right).map((l) => (l.op === ' ' ? l : { op: l.op, text: visible(l.text) }));
  if (columns !== undefined) {
    const rows = renderSideBySide(sideBySideRows(diff), columns);
    return `${title} (${leftName} on the left, server on the right)\n${rows.join('\n')}\n`;
  }
  const lines = diff.map((l) => `  ${l.op} ${l.text}`);
  return `${title} (- ${leftName}, + server)\n${lines.join('\n')}\n`;
}

function sideDiffs(
  signed: Side | undefined,
  server: Side | undefined,
  name: string,
  columns: number | undefined,
): string {
  if (!signed || !server) return '';
  let out = '';
  if (signed.canonicalRequest !== undefined && server.canonicalRequest !== undefined) {
    out +=
      '\n' + diffBlock('Canonical request', signed.canonicalRequest, server.canonicalRequest, name, columns);
  }
  if (signed.stringToSign !== undefined && server.stringToSign !== undefined) {
    out += '\n' + diffBlock('String to sign', signed.stringToSign, server.stringToSign, name, columns);
  }
  return out;
}

/**
 * Renders an explanation as text, its diffs unified, or side by side in `columns` terminal columns when given
 * (sideBySideColumns).
 */
export function renderExplanation(file: string, e: Explanation, columns?: number): string {
  const code = e.server?.code ? ` (${e.server.code})` : '';
  let out = `${file}: ${VERDICT[e.verdict]}${code}\n`;
  if (e.findings.length === 0) {
    out += `\nNo finding.${e.server?.advice ? ` ${e.server.advice}` : ''}\n`;
  } else {
    out += e.verdict === 'unknown' ? '\nSuspects, none shown\n' : '\nFindings, most likely first\n';
    e.findings.forEach((f, i) => {
      const where = `${f.kind} · ${f.component}${f.name ? ` · ${f.name}` : ''}`;
      out += `  ${i + 1}. ${f.basis} [${where}] ${f.message}\n`;
      out += `     fix: ${f.fix}\n`;
      out += `     evidence: ${f.evidence.note}\n`;
      for (const side of ['client', 'ours', 'server'] as const) {
        const value = f.evidence[side];
        if (value !== undefined) out += `       ${side.padEnd(6)} ${value}\n`;
      }
    });
  }
  if (e.ask) out += `\nTo tell: ${e.ask.message}\n`;
  out += sideDiffs(e.sides.client, e.sides.server, 'client', columns);
  if (!e.sides.client?.canonicalRequest) out += sideDiffs(e.sides.ours, e.sides.server, 'ours', columns);
  if (e.searched > 0) out += `\nSearched ${e.searched} candidate canonicalizations.\n`;
  return out;
}
