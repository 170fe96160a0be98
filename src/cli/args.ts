/**
 * Reading the command line: a command, its flags and the case files, or a usage problem.
 */

import type { CredentialFlags } from './credentials';

/** The commands `sigscope` knows. */
export type Command = 'sign' | 'verify' | 'explain' | 'collide';

/** What the command line asks for. */
export type Invocation =
  | { kind: 'help'; command?: Command }
  | {
      kind: 'run';
      command: Command;
      json: boolean;
      showSecrets: boolean;
      files: string[];
      /** --access-key, --secret-key, --profile. */
      credentials: CredentialFlags;
      /** explain: the server's reply and the client's signing log. */
      errorFile?: string;
      clientFile?: string;
    }
  | { kind: 'usage-error'; message: string; command?: Command };

const COMMANDS: readonly Command[] = ['sign', 'verify', 'explain', 'collide'];
const isCommand = (word: string | undefined): word is Command => COMMANDS.includes(word as Command);
const HELP_FLAGS = ['-h', '--help'];
const CREDENTIAL_FLAGS: Record<string, keyof CredentialFlags> = {
  '--access-key': 'accessKey',
  '--secret-key': 'secretKey',
  '--profile': 'profile',
};

/**
 * Parses `argv` (without `node` and the script): `sigscope <command> [--json] [--show-secrets] CASE.json...`, and for
 * explain `[--error FILE] [--client FILE]`.
 */
export function parseArgs(argv: readonly string[]): Invocation {
  const [first, ...rest] = argv;
  if (first === undefined)
    return { kind: 'usage-error', message: 'Give a command: sign, verify, explain or collide.' };
  if (HELP_FLAGS.includes(first)) return { kind: 'help' };
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { kind: 'help' };
    return isCommand(topic)
      ? { kind: 'help', command: topic }
      : { kind: 'usage-error', message: `There is no command "${topic}".` };
  }
  if (!isCommand(first)) {
    return {
      kind: 'usage-error',
      message: first.startsWith('-') ? `Unknown option "${first}".` : `There is no command "${first}".`,
    };
  }
  const command = first;
  let json = false;
  let showSecrets = false;
  const files: string[] = [];
  const inputs: { errorFile?: string; clientFile?: string } = {};
  const credentials: CredentialFlags = {};
  let optionsEnded = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    // `-` alone is standard input, as every Unix tool takes it.
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) files.push(arg);
    else if (arg === '--') optionsEnded = true;
    else if (command === 'explain' && (arg === '--error' || arg === '--client')) {
      const value = rest[++i];
      if (value === undefined) return { kind: 'usage-error', message: `${arg} needs a file.`, command };
      inputs[arg === '--error' ? 'errorFile' : 'clientFile'] = value;
    } else if (arg in CREDENTIAL_FLAGS) {
      const value = rest[++i];
      if (value === undefined) return { kind: 'usage-error', message: `${arg} needs a value.`, command };
      credentials[CREDENTIAL_FLAGS[arg]!] = value;
    } else if (HELP_FLAGS.includes(arg)) return { kind: 'help', command };
    else if (arg === '--json') json = true;
    else if (arg === '--show-secrets') showSecrets = true;
    else return { kind: 'usage-error', message: `Unknown option "${arg}".`, command };
  }
  if (files.length === 0) return { kind: 'usage-error', message: 'Give at least one case file.', command };
  if (command === 'explain' && files.length > 1) {
    return { kind: 'usage-error', message: 'explain takes one case file.', command };
  }
  return { kind: 'run', command, json, showSecrets, files, credentials, ...inputs };
}
