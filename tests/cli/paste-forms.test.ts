import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { readTextFile } from '../../src/cli/node-io';

const dir = mkdtempSync(join(tmpdir(), 'sigscope-forms-'));
const example = JSON.parse(
  readFileSync(join(import.meta.dirname, '../vectors/s3/sigv4-presigned-url-example.json'), 'utf8'),
) as { presigned_url: string; credentials: { access_key_id: string; secret_access_key: string } };

async function sigscope(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: readTextFile,
  });
  return { code, stdout, stderr };
}

function caseWith(request: string, name: string): string {
  const path = join(dir, name);
  const credentials = {
    accessKeyId: example.credentials.access_key_id,
    secretAccessKey: example.credentials.secret_access_key,
  };
  writeFileSync(path, JSON.stringify({ scheme: 'sigv4-s3', request, credentials }));
  return path;
}

describe('case files whose request is pasted in another form', () => {
  it('verifies a presigned URL given as the request', async () => {
    const { code, stdout } = await sigscope('verify', '--json', caseWith(example.presigned_url, 'url.json'));
    expect(JSON.parse(stdout)).toMatchObject({ match: true });
    expect(code).toBe(0);
  });

  it('verifies the same URL as a curl command', async () => {
    const { code } = await sigscope('verify', caseWith(`curl -s '${example.presigned_url}'`, 'curl.json'));
    expect(code).toBe(0);
  });

  it('reports a bad curl option at its place in the case file', async () => {
    const { code, stderr } = await sigscope('verify', caseWith(`curl -H`, 'bad-curl.json'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad-curl\.json:1:\d+: /);
  });
});
