/**
 * Loading one case file for a command: read it, parse it, and check it carries the secret key, with every
 * problem placed in the file.
 */

import { parseCaseFile, type CaseFile } from '../lib/sig/case-file';
import type { LocatedJson } from '../lib/sig/json-source';
import { problem } from '../lib/sig/types';
import type { CliIo } from './io';
import { hasError, inFile, type CaseSource, type Diagnostic } from './problems';

/** A case file ready to sign or verify, and the warnings met reading it. */
export interface LoadedCase {
  source: CaseSource & { located: LocatedJson };
  caseFile: CaseFile;
  secretAccessKey: string;
  diagnostics: Diagnostic[];
}

/** A loaded case, or the diagnostics that stop it. */
export type LoadResult = { ok: true; value: LoadedCase } | { ok: false; diagnostics: Diagnostic[] };

/** Reads and checks a case file; `purpose` completes "needs a secret key to …" (explain does without one). */
export async function loadCase(
  io: CliIo,
  file: string,
  purpose: 'sign' | 'verify' | 'explain',
): Promise<LoadResult> {
  const read = await io.readFile(file);
  if (!read.ok) return { ok: false, diagnostics: read.problems.map((p) => inFile({ file, text: '' }, p)) };
  // A byte-order mark is not JSON whitespace; a space keeps every offset where it was.
  const text = read.value.replace(/^\uFEFF/, ' ');
  const parsed = parseCaseFile(text);
  const diagnostics = parsed.problems.map((p) => inFile({ file, text }, p));
  if (!parsed.ok || hasError(diagnostics)) return { ok: false, diagnostics };
  const { caseFile, located } = parsed.value;
  const secretAccessKey = caseFile.credentials.secretAccessKey ?? '';
  if (secretAccessKey === '' && purpose !== 'explain') {
    const at = located.locations.get('/credentials/secretAccessKey') ?? located.locations.get('/credentials');
    diagnostics.push(
      inFile(
        { file, text },
        problem(
          'no-secret',
          `The case file needs "credentials": { "secretAccessKey" } to ${purpose}.`,
          at?.span,
          {
            hint: 'Case files exported from sigscope leave the secret key out unless you opt in; add it here.',
          },
        ),
      ),
    );
    return { ok: false, diagnostics };
  }
  return { ok: true, value: { source: { file, text, located }, caseFile, secretAccessKey, diagnostics } };
}
