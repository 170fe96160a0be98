/**
 * Share links: versioned, compressed, and a bad link is a notice, never a crash.
 */

import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, fromBase64Url, toBase64Url } from '../../src/lib/state/share';
import { EMPTY_SNAPSHOT, withoutSecrets, type SessionSnapshot } from '../../src/lib/state/snapshot';

const SESSION: SessionSnapshot = {
  ...EMPTY_SNAPSHOT,
  request: 'GET / HTTP/1.1\r\nHost: example.amazonaws.com\r\n\r\n',
  serverError: '<Error><Code>SignatureDoesNotMatch</Code></Error>',
  scheme: 'sigv4-s3',
  action: 'verify',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'token',
  settings: { normalizePath: false, unsignedHeaders: 'botocore' },
};

describe('share links', () => {
  it('round-trip a session', async () => {
    const fragment = await encodeShare(SESSION);
    expect(fragment).toMatch(/^v1=[A-Za-z0-9_-]+$/);
    const decoded = await decodeShare('#' + fragment);
    expect(decoded).toEqual({ kind: 'ok', snapshot: SESSION, issues: [], hasSecrets: true });
  });

  it('carry no secret when made without', async () => {
    const fragment = await encodeShare(withoutSecrets(SESSION));
    const decoded = await decodeShare(fragment);
    expect(decoded.kind === 'ok' && decoded.hasSecrets).toBe(false);
    expect(decoded.kind === 'ok' && decoded.snapshot.secretAccessKey).toBeUndefined();
    expect(new TextDecoder().decode(fromBase64Url(fragment.slice(3)))).not.toContain('wJalr');
  });

  it('ignore fragments that are not share links', async () => {
    expect(await decodeShare('')).toEqual({ kind: 'none' });
    expect(await decodeShare('#main')).toEqual({ kind: 'none' });
  });

  it('turn a damaged link into a notice', async () => {
    for (const bad of [
      '#v1=!!!',
      '#v1=AAAA',
      '#v1=' + toBase64Url(new TextEncoder().encode('not deflate')),
    ]) {
      const decoded = await decodeShare(bad);
      expect(decoded.kind, bad).toBe('bad');
      expect(decoded.kind === 'bad' && decoded.notice).toMatch(/damaged/);
    }
  });

  it('turn a link from another version into a notice', async () => {
    const decoded = await decodeShare('#v9=abc');
    expect(decoded).toMatchObject({ kind: 'bad' });
    expect(decoded.kind === 'bad' && decoded.notice).toMatch(/v9/);
  });

  it('drop fields of the wrong type and say which', async () => {
    const raw = { request: 42, scheme: 'sigv9', settings: { normalizePath: 'yes', nope: true }, expires: -1 };
    const packed = new Uint8Array(
      await new Response(
        new Blob([JSON.stringify(raw)]).stream().pipeThrough(new CompressionStream('deflate-raw')),
      ).arrayBuffer(),
    );
    const decoded = await decodeShare('v1=' + toBase64Url(packed));
    expect(decoded.kind).toBe('ok');
    if (decoded.kind !== 'ok') return;
    expect(decoded.snapshot).toEqual({ ...EMPTY_SNAPSHOT, settings: {} });
    expect(decoded.issues).toEqual([
      '"request" was not text',
      'unknown scheme "sigv9"',
      '"expires" was not a whole number of seconds',
      'setting "normalizePath" had the wrong type',
      'unknown setting "nope"',
    ]);
  });
});
