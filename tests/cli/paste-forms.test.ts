import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sigscope, tempFiles } from './run-cli';

const { write } = tempFiles('sigscope-forms-');
const example = JSON.parse(
  readFileSync(join(import.meta.dirname, '../vectors/s3/sigv4-presigned-url-example.json'), 'utf8'),
) as { presigned_url: string; credentials: { access_key_id: string; secret_access_key: string } };

function caseWith(request: string, name: string): string {
  const credentials = {
    accessKeyId: example.credentials.access_key_id,
    secretAccessKey: example.credentials.secret_access_key,
  };
  return write(name, { scheme: 'sigv4-s3', request, credentials });
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
    expect(stderr).toMatch(/bad-curl\.json:3:20: The option -H needs a value/);
  });
});
