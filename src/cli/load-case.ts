/**
 * Loading one case file for a command: read it, parse it, and check it carries the secret key, with every
 * problem placed in the file.
 */

import { parseCaseFile, type CaseFile, type SchemeCaseFile } from '../lib/sig/case-file';
import type { DocumentCase } from '../lib/sig/document-case';
import type { LocatedJson } from '../lib/sig/json-source';
import { problem, type Result } from '../lib/sig/types';
import type { OutsideCredentials } from './credentials';
import type { CliIo } from './io';
import { isCaseFileText, parseRequestFile } from './request-file';
import { hasError, inFile, type CaseSource, type Diagnostic } from './problems';

/** A case file ready to sign or verify, and the warnings met reading it. */
export interface LoadedCase<C extends CaseFile | SchemeCaseFile | DocumentCase = CaseFile> {
  source: CaseSource & { located: LocatedJson };
  caseFile: C;
  secretAccessKey: string;
  diagnostics: Diagnostic[];
}

/** A loaded case, or the diagnostics that stop it. */
export type LoadResult<C extends CaseFile | SchemeCaseFile | DocumentCase = CaseFile> =
  { ok: true; value: LoadedCase<C> } | { ok: false; diagnostics: Diagnostic[] };

/** A case-file reader: parseCaseFile (SigV4), or parseAnyCaseFile (every scheme). */
export type CaseParser<C> = (text: string) => Result<{ caseFile: C; located: LocatedJson }>;

/**
 * The case file's credentials completed from outside it: keys given on the command line (or its `--profile`)
 * replace the file's; the environment's and the default profile's only fill what the file leaves out. The region
 * fills a case without one.
 */
function withOutside<C extends CaseFile | SchemeCaseFile | DocumentCase>(
  caseFile: C,
  outside: OutsideCredentials,
): C {
  const mine = caseFile.credentials;
  const pick = (inFile: string | undefined, other: string | undefined) =>
    outside.explicit ? (other ?? inFile) : inFile || other;
  const credentials: CaseFile['credentials'] = {
    accessKeyId: pick(mine.accessKeyId || undefined, outside.accessKeyId) ?? '',
  };
  const secret = pick(mine.secretAccessKey, outside.secretAccessKey);
  if (secret) credentials.secretAccessKey = secret;
  // A token belongs with the keys it came with.
  const token = outside.explicit || !mine.secretAccessKey ? outside.sessionToken : mine.sessionToken;
  if (token ?? mine.sessionToken) credentials.sessionToken = (token ?? mine.sessionToken)!;
  const out = { ...caseFile, credentials } as C & { region?: string };
  if (!out.region && outside.region) out.region = outside.region;
  return out;
}

/** Reads and checks a case file; `purpose` completes "needs a secret key to …" (explain does without one). */
export async function loadCase<C extends CaseFile | SchemeCaseFile | DocumentCase = CaseFile>(
  io: CliIo,
  file: string,
  purpose: 'sign' | 'verify' | 'explain' | 'collide',
  parse: CaseParser<C> = parseCaseFile as unknown as CaseParser<C>,
  outside?: OutsideCredentials,
): Promise<LoadResult<C>> {
  const read = await io.readFile(file);
  if (!read.ok) return { ok: false, diagnostics: read.problems.map((p) => inFile({ file, text: '' }, p)) };
  // A byte-order mark is not JSON whitespace; a space keeps every offset where it was.
  const text = read.value.replace(/^\uFEFF/, ' ');
  // Not a case file: a request as pasted anywhere, read as a case of its own.
  const parsed = isCaseFileText(text) ? parse(text) : (parseRequestFile(text) as ReturnType<CaseParser<C>>);
  const diagnostics = parsed.problems.map((p) => inFile({ file, text }, p));
  if (!parsed.ok || hasError(diagnostics)) return { ok: false, diagnostics };
  const { located } = parsed.value;
  const caseFile = outside ? withOutside(parsed.value.caseFile, outside) : parsed.value.caseFile;
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
            hint: 'Or give it outside the file: --secret-key, AWS_SECRET_ACCESS_KEY or --profile. Case files exported from sigscope leave the secret key out unless you opt in.',
          },
        ),
      ),
    );
    return { ok: false, diagnostics };
  }
  // A signature names its access key: signing needs one; verifying and explaining read it off the request.
  if (purpose === 'sign' && caseFile.credentials.accessKeyId === '') {
    const at = located.locations.get('/credentials') ?? located.locations.get('');
    diagnostics.push(
      inFile(
        { file, text },
        problem(
          'no-access-key',
          'Signing needs an access key id: "credentials": { "accessKeyId" }.',
          at?.span,
          {
            hint: 'Or give it outside the file: --access-key, AWS_ACCESS_KEY_ID or --profile.',
          },
        ),
      ),
    );
    return { ok: false, diagnostics };
  }
  return { ok: true, value: { source: { file, text, located }, caseFile, secretAccessKey, diagnostics } };
}
