import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sigscopeIn, tempFiles } from './run-cli';
import { vectorCase, vectorFile } from './vector-case';

const { dir, write } = tempFiles('sigscope-creds-');
// The aws-c-auth vectors' key pair (context.json), and the signature the vector expects with it.
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const EXPECTED = vectorFile('get-vanilla', 'header-signature.txt').trim();

/** A case file for the vector with its secret key left out. */
function keyless(name: string): string {
  const c = vectorCase('get-vanilla', 'header');
  delete (c.credentials as { secretAccessKey?: string }).secretAccessKey;
  return write(name, c);
}

/** A HOME of its own with these ~/.aws files. */
function home(name: string, files: { credentials?: string; config?: string }): string {
  const path = join(dir, name);
  mkdirSync(join(path, '.aws'), { recursive: true });
  if (files.credentials) writeFileSync(join(path, '.aws', 'credentials'), files.credentials);
  if (files.config) writeFileSync(join(path, '.aws', 'config'), files.config);
  return path;
}

const sigscope = sigscopeIn;

const signature = (stdout: string) => (JSON.parse(stdout.trim()) as { signature: string }).signature;
const EMPTY_HOME = home('empty', {});

describe('credentials from outside the case file', () => {
  it('takes the secret key from AWS_SECRET_ACCESS_KEY', async () => {
    const out = await sigscope(
      { HOME: EMPTY_HOME, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: SECRET },
      'sign',
      '--json',
      keyless('env.json'),
    );
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(signature(out.stdout)).toBe(EXPECTED);
  });

  it('signs a case file with no "credentials" at all from the environment, and asks for a missing access key', async () => {
    const { credentials: _given, ...bare } = vectorCase('get-vanilla', 'header');
    void _given;
    const file = write('bare.json', bare);
    const out = await sigscope(
      { HOME: EMPTY_HOME, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: SECRET },
      'sign',
      '--json',
      file,
    );
    expect(out.code, out.stderr).toBe(0);
    expect(signature(out.stdout)).toBe(EXPECTED);
    const keyOnly = await sigscope({ HOME: EMPTY_HOME, AWS_SECRET_ACCESS_KEY: SECRET }, 'sign', file);
    expect(keyOnly.code).toBe(2);
    expect(keyOnly.stderr).toContain('Signing needs an access key id');
  });

  it('takes them from --access-key/--secret-key, and never prints the secret', async () => {
    const out = await sigscope(
      { HOME: EMPTY_HOME },
      'sign',
      '--access-key',
      'AKIDEXAMPLE',
      '--secret-key',
      SECRET,
      keyless('flags.json'),
    );
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(EXPECTED);
    expect(out.stdout + out.stderr).not.toContain(SECRET);
  });

  it('reads --profile NAME from ~/.aws/credentials in the HOME given', async () => {
    const h = home('profile', {
      credentials: `[default]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = not-this-one\n\n[work]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = ${SECRET}\n`,
    });
    const out = await sigscope({ HOME: h }, 'sign', '--json', '--profile', 'work', keyless('profile.json'));
    expect(out.stderr).toBe('');
    expect(signature(out.stdout)).toBe(EXPECTED);
    // AWS_PROFILE chooses the same profile; without either, the default one is read.
    const byEnv = await sigscope({ HOME: h, AWS_PROFILE: 'work' }, 'sign', '--json', keyless('p2.json'));
    expect(signature(byEnv.stdout)).toBe(EXPECTED);
    const byDefault = await sigscope({ HOME: h }, 'sign', '--json', keyless('p3.json'));
    expect(signature(byDefault.stdout)).not.toBe(EXPECTED);
  });

  it('reads a profile from ~/.aws/config and the files AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE name', async () => {
    const h = home('config', {
      config: `[profile ci]\nregion = us-east-1\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = ${SECRET}\n`,
    });
    const out = await sigscope({ HOME: h }, 'sign', '--json', '--profile', 'ci', keyless('config.json'));
    expect(signature(out.stdout)).toBe(EXPECTED);
    const elsewhere = write(
      'elsewhere-credentials',
      `[moved]\naws_access_key_id=AKIDEXAMPLE\naws_secret_access_key=${SECRET}\n`,
    );
    const moved = await sigscope(
      { HOME: EMPTY_HOME, AWS_SHARED_CREDENTIALS_FILE: elsewhere, AWS_CONFIG_FILE: join(dir, 'none') },
      'sign',
      '--json',
      '--profile',
      'moved',
      keyless('moved.json'),
    );
    expect(signature(moved.stdout)).toBe(EXPECTED);
  });

  it('says plainly that an SSO or credential_process profile is not read, exit 2, no secret shown', async () => {
    const h = home('sso', {
      config: `[profile sso]\nsso_session = corp\nsso_account_id = 111122223333\n\n[profile proc]\ncredential_process = /bin/get-keys\n`,
      credentials: `[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = ${SECRET}\n`,
    });
    const sso = await sigscope({ HOME: h }, 'sign', '--profile', 'sso', keyless('sso.json'));
    expect(sso.code).toBe(2);
    expect(sso.stderr).toMatch(/SSO/);
    expect(sso.stderr).toMatch(/static keys only/);
    const proc = await sigscope({ HOME: h }, 'sign', '--profile', 'proc', keyless('proc.json'));
    expect(proc.code).toBe(2);
    expect(proc.stderr).toMatch(/credential_process/);
    const missing = await sigscope({ HOME: h }, 'sign', '--profile', 'nope', keyless('nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no profile "nope"/);
    for (const r of [sso, proc, missing]) expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it('still asks for a secret key when none is anywhere (exit 2)', async () => {
    const out = await sigscope({ HOME: EMPTY_HOME }, 'sign', keyless('none.json'));
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/secretAccessKey/);
  });
});
