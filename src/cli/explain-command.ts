/**
 * `sigscope explain`: read the request as sent (from the case file), the server's reply and the client's log,
 * and say what went wrong, most likely first.
 */

import { explain } from '../lib/diagnose/explain';
import type { Explanation, ExplainInput } from '../lib/diagnose/types';
import { EXIT, type CliIo, type ExitCode } from './io';
import { isSchemeCase, parseRequestCase, type CaseFile, type SchemeCaseFile } from '../lib/sig/case-file';
import { loadCase } from './load-case';
import { badInput, warningsText, type CaseOutcome } from './outcome';
import { hasError, inFile, inRequest, type Diagnostic } from './problems';
import { renderExplanation, sideBySideColumns } from './explain-report';
import type { OutputOptions } from './sign-command';

const VERDICT_EXIT: Record<string, ExitCode> = {
  match: EXIT.ok,
  mismatch: EXIT.mismatch,
  unknown: EXIT.unknown,
};

/** True when some pasted box was read into something the diagnosis used. */
function usable(e: Explanation): boolean {
  return e.request !== undefined || e.server !== undefined || e.client !== undefined;
}

/** Explains one case, with the server's reply and client log read from the files given. */
export async function explainCase(
  io: CliIo,
  file: string,
  options: OutputOptions,
  inputs: { errorFile?: string; clientFile?: string },
): Promise<CaseOutcome> {
  const loaded = await loadCase<CaseFile | SchemeCaseFile>(
    io,
    file,
    'explain',
    parseRequestCase,
    options.outside,
  );
  if (!loaded.ok) return badInput(file, loaded.diagnostics, options.json);
  const { source, caseFile, diagnostics } = loaded.value;
  const texts: { error?: string; client?: string } = {};
  for (const [key, path] of [
    ['error', inputs.errorFile],
    ['client', inputs.clientFile],
  ] as const) {
    if (path === undefined) continue;
    const read = await io.readFile(path);
    if (!read.ok)
      return badInput(
        path,
        read.problems.map((p) => inFile({ file: path, text: '' }, p)),
        options.json,
      );
    texts[key] = read.value;
  }
  const input: ExplainInput = { scheme: caseFile.scheme, request: caseFile.request };
  if (texts.error !== undefined) input.serverError = texts.error;
  if (texts.client !== undefined) input.clientLog = texts.client;
  if (caseFile.credentials.secretAccessKey) input.secretAccessKey = caseFile.credentials.secretAccessKey;
  if (caseFile.credentials.accessKeyId) input.accessKeyId = caseFile.credentials.accessKeyId;
  if (caseFile.credentials.sessionToken) input.sessionToken = caseFile.credentials.sessionToken;
  // A legacy scheme's settings are its own; the diagnosis reads them off the request's signature.
  if (caseFile.settings && !isSchemeCase(caseFile)) input.settings = caseFile.settings;
  const explanation = await explain(input);

  const placed: Diagnostic[] = [...diagnostics];
  for (const { input: which, problem } of explanation.problems) {
    if (which === 'request' || which === 'case') placed.push(inRequest(source, problem));
    else {
      const path = which === 'serverError' ? inputs.errorFile! : inputs.clientFile!;
      placed.push(
        inFile({ file: path, text: which === 'serverError' ? texts.error! : texts.client! }, problem),
      );
    }
  }
  // A box that cannot be read leaves the others: only when nothing at all was usable is the input bad.
  if (hasError(placed) && !usable(explanation)) return badInput(file, placed, options.json);
  const exit = VERDICT_EXIT[explanation.verdict] ?? EXIT.unknown;
  // In CI the log a job keeps is stderr: a mismatch puts its likeliest finding there too, as one line.
  const stderr = warningsText(placed) + ciLine(file, explanation);
  if (options.json) {
    const { verdict, findings, sides, searched, ask } = explanation;
    const view = {
      file,
      verdict,
      findings,
      ...(ask ? { ask } : {}),
      sides,
      searched,
      server: explanation.server,
      advice: explanation.server?.advice,
    };
    return { exit, stdout: JSON.stringify(view) + '\n', stderr };
  }
  const columns = sideBySideColumns(io, options.json);
  return { exit, stdout: renderExplanation(file, explanation, columns), stderr };
}

/** `file: signature mismatch: <the likeliest finding> (shown|suspected)`, or nothing when the verdict is not a mismatch. */
function ciLine(file: string, explanation: Explanation): string {
  if (explanation.verdict !== 'mismatch') return '';
  const top = explanation.findings[0];
  if (!top) return `${file}: signature mismatch\n`;
  return `${file}: signature mismatch: ${top.message} (${top.basis})\n  fix: ${top.fix}\n`;
}
