/**
 * `sigscope verify`: check the signature a request already carries against the case file's secret key.
 */

import {
  isDocumentCase,
  isSchemeCase,
  parseAnyCaseFile,
  type CaseFile,
  type SchemeCaseFile,
} from '../lib/sig/case-file';
import { verifyText, type VerifyTextInput } from '../lib/sig/index';
import { isChunkedUploadText, verifySchemeText } from '../lib/sig/scheme-text';
import { EXIT, type CliIo } from './io';
import { verifyDocumentCase } from './document-command';
import type { DocumentCase } from '../lib/sig/document-case';
import { renderSchemeVerifyReport } from './scheme-report';
import { loadCase, type LoadedCase } from './load-case';
import { badInput, warningsText, type CaseOutcome } from './outcome';
import { hasError, inRequest } from './problems';
import type { OutputOptions } from './sign-command';
import { renderVerifyReport } from './verify-report';
import { schemeVerifyView, verifyView } from './verify-view';

/** Verifies one case under SigV4A or a legacy scheme, or a chunked upload, through the registry's shared trace. */
async function verifySchemeCase(
  loaded: LoadedCase<SchemeCaseFile | CaseFile>,
  file: string,
  options: OutputOptions,
): Promise<CaseOutcome> {
  const { source, caseFile, secretAccessKey } = loaded;
  const result = await verifySchemeText({
    scheme: caseFile.scheme,
    request: caseFile.request,
    secretAccessKey,
    ...(caseFile.credentials.accessKeyId ? { accessKeyId: caseFile.credentials.accessKeyId } : {}),
    ...(caseFile.settings ? { settings: caseFile.settings } : {}),
    ...('publicKey' in caseFile && caseFile.publicKey ? { publicKey: caseFile.publicKey } : {}),
  });
  const diagnostics = [...loaded.diagnostics, ...result.problems.map((p) => inRequest(source, p))];
  if (!result.ok || hasError(diagnostics)) return badInput(file, diagnostics, options.json);
  const view = schemeVerifyView(file, caseFile.scheme, result.value, diagnostics);
  if (result.value.reason) view.reason = inRequest(source, result.value.reason);
  const exit = view.match ? EXIT.ok : EXIT.mismatch;
  return options.json
    ? { exit, stdout: JSON.stringify(view) + '\n', stderr: warningsText(diagnostics) }
    : { exit, stdout: renderSchemeVerifyReport(view), stderr: '' };
}

/** Verifies one case file: exit 0 on a match, 1 on a mismatch, 2 on bad input. */
export async function verifyCase(io: CliIo, file: string, options: OutputOptions): Promise<CaseOutcome> {
  const any = await loadCase(io, file, 'verify', parseAnyCaseFile, options.outside);
  if (!any.ok) return badInput(file, any.diagnostics, options.json);
  if (isDocumentCase(any.value.caseFile))
    // A policy's expiration is judged now unless the case gives a time: the clock is read here, at the edge.
    return verifyDocumentCase(any.value as LoadedCase<DocumentCase>, file, options, new Date());
  if (isSchemeCase(any.value.caseFile))
    return verifySchemeCase(any.value as LoadedCase<SchemeCaseFile>, file, options);
  const loaded = any.value as LoadedCase<CaseFile>;
  if (isChunkedUploadText(loaded.caseFile.request)) return verifySchemeCase(loaded, file, options);
  const { source, caseFile, secretAccessKey } = loaded;
  const input: VerifyTextInput = {
    scheme: caseFile.scheme,
    request: caseFile.request,
    secretAccessKey,
    ...(caseFile.credentials.accessKeyId ? { accessKeyId: caseFile.credentials.accessKeyId } : {}),
    ...(caseFile.settings ? { settings: caseFile.settings } : {}),
  };
  const result = await verifyText(input);
  const diagnostics = [...loaded.diagnostics, ...result.problems.map((p) => inRequest(source, p))];
  if (!result.ok || hasError(diagnostics)) return badInput(file, diagnostics, options.json);
  const view = verifyView(file, caseFile.scheme, result.value, diagnostics, options.showSecrets);
  const exit = view.match ? EXIT.ok : EXIT.mismatch;
  return options.json
    ? { exit, stdout: JSON.stringify(view) + '\n', stderr: warningsText(diagnostics) }
    : { exit, stdout: renderVerifyReport(view), stderr: '' };
}
