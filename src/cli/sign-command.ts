/**
 * `sigscope sign`: sign one case file and report every stage.
 */

import { signText, type SignTextInput } from '../lib/sig/index';
import {
  isDocumentCase,
  isSchemeCase,
  parseAnyCaseFile,
  type CaseFile,
  type SchemeCaseFile,
} from '../lib/sig/case-file';
import { signSchemeText } from '../lib/sig/scheme-text';
import type { OutsideCredentials } from './credentials';
import { EXIT, type CliIo } from './io';
import { signDocumentCase } from './document-command';
import type { DocumentCase } from '../lib/sig/document-case';
import { renderSchemeSignReport } from './scheme-report';
import { loadCase, type LoadedCase } from './load-case';
import { badInput, warningsText, type CaseOutcome } from './outcome';
import { hasError, inRequest } from './problems';
import { renderSignReport } from './report';
import { schemeSignView, signView } from './sign-view';

/** How the command prints. */
export interface OutputOptions {
  json: boolean;
  showSecrets: boolean;
  /** Credentials from the command line, the environment or a profile, to complete each case file's. */
  outside?: OutsideCredentials;
}

/** The case file's credentials with the secret key to sign with. */
function signingCredentials(credentials: CaseFile['credentials'], secretAccessKey: string) {
  return {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey,
    ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
  };
}

/** The engine's input for a case file. */
export function signInput(caseFile: CaseFile, secretAccessKey: string): SignTextInput {
  const { credentials } = caseFile;
  const input: SignTextInput = {
    scheme: caseFile.scheme,
    mode: caseFile.mode,
    request: caseFile.request,
    credentials: signingCredentials(credentials, secretAccessKey),
  };
  if (caseFile.region !== undefined) input.region = caseFile.region;
  if (caseFile.service !== undefined) input.service = caseFile.service;
  if (caseFile.time !== undefined) input.time = new Date(caseFile.time);
  if (caseFile.expires !== undefined) input.expires = caseFile.expires;
  if (caseFile.settings !== undefined) input.settings = caseFile.settings;
  return input;
}

/** Signs one case under SigV4A or a legacy scheme, or as a chunked upload, through the registry's shared trace. */
async function signSchemeCase(
  loaded: LoadedCase<SchemeCaseFile | CaseFile>,
  file: string,
  options: OutputOptions,
): Promise<CaseOutcome> {
  const { source, caseFile, secretAccessKey } = loaded;
  const { credentials } = caseFile;
  const result = await signSchemeText({
    scheme: caseFile.scheme,
    mode: caseFile.mode,
    request: caseFile.request,
    credentials: signingCredentials(credentials, secretAccessKey),
    ...(caseFile.time !== undefined ? { time: new Date(caseFile.time) } : {}),
    ...(caseFile.expires !== undefined ? { expires: caseFile.expires } : {}),
    ...(caseFile.settings !== undefined ? { settings: caseFile.settings } : {}),
    ...('regionSet' in caseFile && caseFile.regionSet !== undefined ? { regionSet: caseFile.regionSet } : {}),
    ...('region' in caseFile && caseFile.region !== undefined ? { region: caseFile.region } : {}),
    ...(caseFile.service !== undefined ? { service: caseFile.service } : {}),
    ...(caseFile.chunked !== undefined ? { chunked: caseFile.chunked } : {}),
  });
  const diagnostics = [...loaded.diagnostics, ...result.problems.map((p) => inRequest(source, p))];
  if (!result.ok || hasError(diagnostics)) return badInput(file, diagnostics, options.json);
  const view = schemeSignView(file, caseFile.scheme, result.value, diagnostics);
  return options.json
    ? { exit: EXIT.ok, stdout: JSON.stringify(view) + '\n', stderr: warningsText(diagnostics) }
    : { exit: EXIT.ok, stdout: renderSchemeSignReport(view), stderr: '' };
}

/** Signs one case file. */
export async function signCase(io: CliIo, file: string, options: OutputOptions): Promise<CaseOutcome> {
  const any = await loadCase(io, file, 'sign', parseAnyCaseFile, options.outside);
  if (!any.ok) return badInput(file, any.diagnostics, options.json);
  if (isDocumentCase(any.value.caseFile))
    return signDocumentCase(any.value as LoadedCase<DocumentCase>, file, options);
  if (isSchemeCase(any.value.caseFile))
    return signSchemeCase(any.value as LoadedCase<SchemeCaseFile>, file, options);
  const loaded = any.value as LoadedCase<CaseFile>;
  if (loaded.caseFile.chunked) return signSchemeCase(loaded, file, options);
  const { source, caseFile, secretAccessKey } = loaded;
  const result = await signText(signInput(caseFile, secretAccessKey));
  const diagnostics = [...loaded.diagnostics, ...result.problems.map((p) => inRequest(source, p))];
  if (!result.ok || hasError(diagnostics)) return badInput(file, diagnostics, options.json);
  const view = signView(source, caseFile.scheme, result.value, diagnostics, options.showSecrets);
  return options.json
    ? { exit: EXIT.ok, stdout: JSON.stringify(view) + '\n', stderr: warningsText(diagnostics) }
    : { exit: EXIT.ok, stdout: renderSignReport(view), stderr: '' };
}
