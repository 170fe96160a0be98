/**
 * `sigscope sign`: sign one case file and report every stage.
 */

import { signText, type SignTextInput } from '../lib/sig/index';
import type { CaseFile } from '../lib/sig/case-file';
import { EXIT, type CliIo } from './io';
import { loadCase } from './load-case';
import { badInput, warningsText, type CaseOutcome } from './outcome';
import { hasError, inRequest } from './problems';
import { renderSignReport } from './report';
import { signView } from './sign-view';

/** How the command prints. */
export interface OutputOptions {
  json: boolean;
  showSecrets: boolean;
}

/** The engine's input for a case file. */
export function signInput(caseFile: CaseFile, secretAccessKey: string): SignTextInput {
  const { credentials } = caseFile;
  const input: SignTextInput = {
    scheme: caseFile.scheme,
    mode: caseFile.mode,
    request: caseFile.request,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey,
      ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
    },
  };
  if (caseFile.region !== undefined) input.region = caseFile.region;
  if (caseFile.service !== undefined) input.service = caseFile.service;
  if (caseFile.time !== undefined) input.time = new Date(caseFile.time);
  if (caseFile.expires !== undefined) input.expires = caseFile.expires;
  if (caseFile.settings !== undefined) input.settings = caseFile.settings;
  return input;
}

/** Signs one case file. */
export async function signCase(io: CliIo, file: string, options: OutputOptions): Promise<CaseOutcome> {
  const loaded = await loadCase(io, file, 'sign');
  if (!loaded.ok) return badInput(file, loaded.diagnostics, options.json);
  const { source, caseFile, secretAccessKey } = loaded.value;
  const result = await signText(signInput(caseFile, secretAccessKey));
  const diagnostics = [...loaded.value.diagnostics, ...result.problems.map((p) => inRequest(source, p))];
  if (!result.ok || hasError(diagnostics)) return badInput(file, diagnostics, options.json);
  const view = signView(source, caseFile.scheme, result.value, diagnostics, options.showSecrets);
  return options.json
    ? { exit: EXIT.ok, stdout: JSON.stringify(view) + '\n', stderr: warningsText(diagnostics) }
    : { exit: EXIT.ok, stdout: renderSignReport(view), stderr: '' };
}
