/**
 * The `sigscope` command: reads the command line and runs `sign`, `verify` or `collide` on each case file in turn, or
 * `explain` on one.
 * `run` takes its arguments and I/O as values, so tests call it in-process; `entry.ts` wires it to the process.
 */

import { parseArgs } from './args';
import { colorize, useColor } from './color';
import { outsideCredentials } from './credentials';
import { EXIT, type CliIo, type ExitCode } from './io';
import { worstExit, type CaseOutcome } from './outcome';
import { signCase, type OutputOptions } from './sign-command';
import { verifyCase } from './verify-command';
import { collideCase } from './collide-command';
import { usage } from './usage';

/** The case commands; `explain` (the diagnosis, most of the code) is loaded only when it runs. */
const COMMANDS = { sign: signCase, verify: verifyCase, collide: collideCase };

/** Runs `sigscope` with `argv` (the arguments after the program name) and returns the exit code. */
export async function run(argv: readonly string[], given: CliIo): Promise<ExitCode> {
  const invocation = parseArgs(argv);
  const color = useColor(given.stdoutIsTty, given.env ?? {}, invocation.kind === 'run' && invocation.json);
  const io: CliIo = color ? { ...given, stdout: (text) => given.stdout(colorize(text)) } : given;
  if (invocation.kind === 'help') {
    io.stdout(usage(invocation.command));
    return EXIT.ok;
  }
  if (invocation.kind === 'usage-error') {
    io.stderr(`sigscope: ${invocation.message}\n\n${usage(invocation.command)}`);
    return EXIT.badInput;
  }
  const options: OutputOptions = { json: invocation.json, showSecrets: invocation.showSecrets };
  const outside = await outsideCredentials(invocation.credentials, {
    env: io.env ?? {},
    readFile: io.readFile,
  });
  if (!outside.ok) {
    // The messages name flags, variables, files and profiles, never a key's value.
    io.stderr(
      outside.problems.map((p) => `sigscope: ${p.message}${p.hint ? `\n  ${p.hint}` : ''}\n`).join(''),
    );
    return EXIT.badInput;
  }
  if (outside.value) options.outside = outside.value;
  if (invocation.command === 'explain') {
    const { explainCase } = await import('./explain-command');
    const outcome = await explainCase(io, invocation.files[0]!, options, invocation);
    io.stdout(outcome.stdout);
    io.stderr(outcome.stderr);
    return outcome.exit;
  }
  const runCase = COMMANDS[invocation.command];
  const codes: ExitCode[] = [];
  for (const [i, file] of invocation.files.entries()) {
    const outcome: CaseOutcome = await runCase(io, file, options);
    // Text reports of several cases are set apart by a blank line.
    if (outcome.stdout !== '') io.stdout(!options.json && i > 0 ? `\n${outcome.stdout}` : outcome.stdout);
    if (outcome.stderr !== '') io.stderr(outcome.stderr);
    codes.push(outcome.exit);
  }
  return worstExit(codes);
}
