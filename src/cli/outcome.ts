/**
 * What running a command on one case file produced: its exit code and the text for each stream.
 */

import { EXIT, type ExitCode } from './io';
import { formatDiagnostic, type Diagnostic } from './problems';

/** One case's exit code, output and diagnostics. */
export interface CaseOutcome {
  exit: ExitCode;
  stdout: string;
  stderr: string;
}

/** The outcome of a case stopped by bad input: diagnostics on stderr and, with `--json`, a line saying so. */
export function badInput(file: string, diagnostics: readonly Diagnostic[], json: boolean): CaseOutcome {
  return {
    exit: EXIT.badInput,
    stdout: json ? JSON.stringify({ file, ok: false, problems: diagnostics }) + '\n' : '',
    stderr: warningsText(diagnostics),
  };
}

/** The errors and warnings among diagnostics (notes left out), formatted for stderr. */
export function warningsText(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .filter((d) => d.severity !== 'note')
    .map(formatDiagnostic)
    .join('');
}

/** The exit code of several cases: the worst of them. */
export function worstExit(codes: readonly ExitCode[]): ExitCode {
  return codes.reduce<ExitCode>((worst, code) => (code > worst ? code : worst), EXIT.ok);
}
