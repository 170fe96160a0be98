/**
 * `sigscope verify`: check the signature a request already carries against the case file's secret key.
 */

import { verifyText, type VerifyTextInput } from '../lib/sig/index';
import { EXIT, type CliIo } from './io';
import { loadCase } from './load-case';
import { badInput, warningsText, type CaseOutcome } from './outcome';
import { hasError, inRequest } from './problems';
import type { OutputOptions } from './sign-command';
import { renderVerifyReport } from './verify-report';
import { verifyView } from './verify-view';

/** Verifies one case file: exit 0 on a match, 1 on a mismatch, 2 on bad input. */
export async function verifyCase(io: CliIo, file: string, options: OutputOptions): Promise<CaseOutcome> {
  const loaded = await loadCase(io, file, 'verify');
  if (!loaded.ok) return badInput(file, loaded.diagnostics, options.json);
  const { source, caseFile, secretAccessKey } = loaded.value;
  const input: VerifyTextInput = {
    scheme: caseFile.scheme,
    request: caseFile.request,
    secretAccessKey,
    ...(caseFile.credentials.accessKeyId ? { accessKeyId: caseFile.credentials.accessKeyId } : {}),
    ...(caseFile.settings ? { settings: caseFile.settings } : {}),
  };
  const result = await verifyText(input);
  const diagnostics = [...loaded.value.diagnostics, ...result.problems.map((p) => inRequest(source, p))];
  if (!result.ok || hasError(diagnostics)) return badInput(file, diagnostics, options.json);
  const view = verifyView(file, caseFile.scheme, result.value, diagnostics, options.showSecrets);
  const exit = view.match ? EXIT.ok : EXIT.mismatch;
  return options.json
    ? { exit, stdout: JSON.stringify(view) + '\n', stderr: warningsText(diagnostics) }
    : { exit, stdout: renderVerifyReport(view), stderr: '' };
}
