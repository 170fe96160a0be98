/**
 * `sigscope sign` and `verify` in the document modes, against vectors nobody here wrote: the S3 API Reference's
 * SigV4 POST example (tests/vectors/s3/sigv4-post-policy-examples.json) and aws-c-auth's event signing test
 * (tests/vectors/streaming/event-stream-signing.json); see each folder's SOURCES.md.
 */

import { describe, expect, it } from 'vitest';
import { readVectorJson } from '../sig/v4/vectors';
import { sigscope, tempFiles } from './run-cli';

interface DocCase {
  credentials: { access_key_id: string; secret_access_key: string };
  region: string;
  policy_json_crlf: string;
  policy_base64: string;
  signature: string;
  form_fields: [string, string][];
}
const doc = readVectorJson<{ cases: DocCase[] }>('s3', 'sigv4-post-policy-examples.json').cases[0]!;
const credentials = {
  accessKeyId: doc.credentials.access_key_id,
  secretAccessKey: doc.credentials.secret_access_key,
};
const fields = (edit: (f: [string, string][]) => [string, string][] = (f) => f) =>
  edit(
    doc.form_fields.map(([n, v]): [string, string] => [
      n,
      v === '<policy_base64>' ? doc.policy_base64 : v === '<signature>' ? doc.signature : v,
    ]),
  )
    .map(([n, v]) => `${n}=${v}`)
    .join('\n');

interface EventCase {
  credentials: { access_key_id: string; secret_access_key: string };
  region: string;
  service: string;
  initial_request: { expected_signature?: string; expected_authorization: string };
  events: {
    index: number;
    signing_date: string;
    payload: string;
    prior_signature: string;
    expected_signature: string;
  }[];
}
const events = readVectorJson<{ cases: EventCase[] }>('streaming', 'event-stream-signing.json').cases[0]!;
const seed = /Signature=([0-9a-f]{64})/.exec(events.initial_request.expected_authorization)![1]!;
const { write } = tempFiles('sigscope-documents-');

describe('sigscope with mode "post-policy"', () => {
  it("signs the S3 guide's policy into its Base64 and signature", async () => {
    const file = write('policy.json', {
      scheme: 'sigv4-s3',
      mode: 'post-policy',
      policy: doc.policy_json_crlf,
      credentials,
      region: doc.region,
      time: '2015-12-29T00:00:00Z',
    });
    const r = await sigscope('sign', '--json', file);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const view = JSON.parse(r.stdout);
    expect(view.signature).toBe(doc.signature);
    expect(view.stages.map((s: { text: string }) => s.text)).toContain(doc.policy_base64);
  });

  it("accepts the guide's form before the policy expires (exit 0), and names the failing condition otherwise (exit 1)", async () => {
    const at = { scheme: 'sigv4-s3', mode: 'post-policy', credentials, time: '2015-12-29T12:00:00Z' };
    const good = await sigscope('verify', '--json', write('form.json', { ...at, form: fields() }));
    expect(good.code, good.stderr + good.stdout).toBe(0);
    const acl = (f: [string, string][]) =>
      f.map(([n, v]): [string, string] => [n, n === 'acl' ? 'private' : v]);
    const bad = await sigscope('verify', '--json', write('acl.json', { ...at, form: fields(acl) }));
    expect(bad.code, bad.stderr + bad.stdout).toBe(1);
    expect(JSON.parse(bad.stdout).reason.message).toMatch(/acl/);
    const late = await sigscope(
      'verify',
      write('late.json', { ...at, time: '2016-01-01T00:00:00Z', form: fields() }),
    );
    expect(late.code).toBe(1);
    expect(late.stdout).toMatch(/expir/i);
  });

  it('says which schemes take the mode', async () => {
    const r = await sigscope(
      'sign',
      write('v2mode.json', { scheme: 'sigv2', mode: 'post-policy', credentials }),
    );
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('sigv4-s3 and s3v2');
  });
});

describe('sigscope with mode "event-stream"', () => {
  it("chains aws-c-auth's four events on the opening request's signature", async () => {
    const file = write('events.json', {
      scheme: 'sigv4',
      mode: 'event-stream',
      credentials: {
        accessKeyId: events.credentials.access_key_id,
        secretAccessKey: events.credentials.secret_access_key,
      },
      region: events.region,
      service: events.service,
      seedSignature: seed,
      events: events.events.map((e) => ({
        payload: e.payload,
        time: new Date(e.signing_date).toISOString(),
      })),
    });
    const r = await sigscope('sign', '--json', file);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const view = JSON.parse(r.stdout);
    // Each signature is the next message's prior, in its string to sign; the last is the trace's signature.
    const text = JSON.stringify(view.stages);
    for (const e of events.events.slice(0, -1)) expect(text).toContain(e.expected_signature);
    expect(view.signature).toBe(events.events.at(-1)!.expected_signature);
  });
});
