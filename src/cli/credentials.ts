/**
 * Credentials from where every AWS tool reads them: `--access-key`/`--secret-key`, the environment
 * (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), or a profile of the shared files
 * (`~/.aws/credentials`, `~/.aws/config`, moved by `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE`, chosen by
 * `--profile` or `AWS_PROFILE`). Static keys only: a profile that gets its keys from SSO, a process or a role says
 * so plainly. No message here ever carries a key's value.
 */

import { fail, ok, problem, type Result } from '../lib/sig/types';

/** The credential flags of the command line. */
export interface CredentialFlags {
  accessKey?: string;
  secretKey?: string;
  profile?: string;
}

/** Credentials found outside the case file, and where (for messages: never the values). */
export interface OutsideCredentials {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  region?: string;
  /** `--access-key/--secret-key`, `the environment`, or `profile "NAME"`. */
  from: string;
  /** Given on the command line (flags or `--profile`): it overrides the case file's keys. */
  explicit: boolean;
}

/** What credential lookup reads: the environment and a text file reader. */
export interface CredentialWorld {
  env: Readonly<Record<string, string | undefined>>;
  readFile(path: string): Promise<Result<string>>;
}

/** Reads an AWS shared file (INI): sections and their `key = value` pairs; `#` and `;` start comments. */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([^\]]*?)\s*\]$/.exec(line);
    if (header) {
      const name = header[1]!;
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0 || !current) continue;
    current.set(line.slice(0, eq).trim().toLowerCase(), line.slice(eq + 1).trim());
  }
  return sections;
}

/** The settings that mean a profile gets its keys some other way than static keys, and how to say it. */
const NOT_STATIC: readonly [string, string][] = [
  ['sso_session', 'AWS IAM Identity Center (SSO)'],
  ['sso_start_url', 'AWS IAM Identity Center (SSO)'],
  ['credential_process', 'a credential_process'],
  ['role_arn', 'an assumed role (role_arn)'],
  ['web_identity_token_file', 'a web identity token'],
];

function home(env: CredentialWorld['env']): string {
  return env['HOME'] ?? env['USERPROFILE'] ?? '';
}

async function readIni(world: CredentialWorld, path: string): Promise<Map<string, Map<string, string>>> {
  const read = await world.readFile(path);
  return read.ok ? parseIni(read.value) : new Map();
}

async function fromProfile(
  world: CredentialWorld,
  name: string,
  explicit: boolean,
): Promise<Result<OutsideCredentials | undefined>> {
  const { env } = world;
  const credentialsFile = env['AWS_SHARED_CREDENTIALS_FILE'] ?? `${home(env)}/.aws/credentials`;
  const configFile = env['AWS_CONFIG_FILE'] ?? `${home(env)}/.aws/config`;
  const creds = (await readIni(world, credentialsFile)).get(name);
  const config = (await readIni(world, configFile)).get(name === 'default' ? 'default' : `profile ${name}`);
  if (!creds && !config) {
    if (!explicit) return ok(undefined);
    return fail([
      problem('no-profile', `There is no profile "${name}" in ${credentialsFile} or ${configFile}.`),
    ]);
  }
  const get = (key: string) => creds?.get(key) ?? config?.get(key);
  const accessKeyId = get('aws_access_key_id');
  const secretAccessKey = get('aws_secret_access_key');
  if (!accessKeyId || !secretAccessKey) {
    const other = NOT_STATIC.find(([key]) => get(key) !== undefined);
    const why = other
      ? `gets its keys from ${other[1]}, and sigscope reads static keys only`
      : 'has no aws_access_key_id and aws_secret_access_key';
    return fail([
      problem('profile-not-static', `The profile "${name}" ${why}.`, undefined, {
        hint: `Export static keys for it (aws configure export-credentials --profile ${name} --format env) and run sigscope with those environment variables.`,
      }),
    ]);
  }
  const out: OutsideCredentials = { accessKeyId, secretAccessKey, from: `profile "${name}"`, explicit };
  const token = get('aws_session_token');
  if (token) out.sessionToken = token;
  const region = config?.get('region') ?? creds?.get('region');
  if (region) out.region = region;
  return ok(out);
}

/**
 * The credentials from outside the case file, or `undefined` when there are none, in the AWS tools' order: the
 * flags, `--profile`, the environment's keys, `AWS_PROFILE`, the default profile. The region comes from
 * `AWS_REGION`, `AWS_DEFAULT_REGION` or the profile.
 */
export async function outsideCredentials(
  flags: CredentialFlags,
  world: CredentialWorld,
): Promise<Result<OutsideCredentials | undefined>> {
  const { env } = world;
  const envRegion = env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || undefined;
  const withRegion = (r: Result<OutsideCredentials | undefined>) => {
    if (r.ok && r.value && envRegion) r.value.region = envRegion;
    return r;
  };
  if (flags.accessKey !== undefined || flags.secretKey !== undefined) {
    if (!flags.secretKey) {
      return fail([problem('no-secret', '--access-key needs --secret-key with it.')]);
    }
    const out: OutsideCredentials = {
      secretAccessKey: flags.secretKey,
      from: '--access-key/--secret-key',
      explicit: true,
    };
    if (flags.accessKey) out.accessKeyId = flags.accessKey;
    return withRegion(ok(out));
  }
  if (flags.profile !== undefined) return withRegion(await fromProfile(world, flags.profile, true));
  const secret = env['AWS_SECRET_ACCESS_KEY'];
  if (secret) {
    const out: OutsideCredentials = { secretAccessKey: secret, from: 'the environment', explicit: false };
    if (env['AWS_ACCESS_KEY_ID']) out.accessKeyId = env['AWS_ACCESS_KEY_ID'];
    if (env['AWS_SESSION_TOKEN']) out.sessionToken = env['AWS_SESSION_TOKEN'];
    return withRegion(ok(out));
  }
  if (env['AWS_PROFILE']) return withRegion(await fromProfile(world, env['AWS_PROFILE'], true));
  return withRegion(await fromProfile(world, 'default', false));
}
