/**
 * The debugger session: what it asks the worker, what it shares, what it keeps.
 */

import { describe, expect, it } from 'vitest';
import { DebuggerSession } from '../../src/lib/state/session.svelte';
import { GENERIC_SETTINGS } from '../../src/lib/sig/v4/settings';
import type { RunOutput } from '../../src/lib/worker/protocol';

describe('DebuggerSession', () => {
  it('leaves the secret and session token out of a snapshot unless asked', () => {
    const session = new DebuggerSession();
    session.request = 'GET / HTTP/1.1\n\n';
    session.secretAccessKey = 'secret';
    session.sessionToken = 'token';
    expect(session.snapshot(false)).not.toHaveProperty('secretAccessKey');
    expect(session.snapshot(false)).not.toHaveProperty('sessionToken');
    expect(session.snapshot(true)).toMatchObject({ secretAccessKey: 'secret', sessionToken: 'token' });
  });

  it('empties every field a loaded snapshot lacks, the secret and session token included', () => {
    const session = new DebuggerSession();
    session.secretAccessKey = 'mine';
    session.sessionToken = 'token of the last session';
    session.region = 'eu-west-1';
    session.clientLog = 'botocore.auth - DEBUG - CanonicalRequest: …';
    session.settings = { normalizePath: false };
    session.load({ request: 'GET /x HTTP/1.1\n\n', scheme: 'sigv4-s3' });
    expect(session.secretAccessKey).toBe('');
    expect(session.sessionToken).toBe('');
    expect(session.region).toBe('');
    expect(session.clientLog).toBe('');
    expect(session.settings).toEqual({});
    expect(session.scheme).toBe('sigv4-s3');
    expect(session.input.request).toBe('GET /x HTTP/1.1\n\n');
  });

  it('drops a setting override that equals the scheme default', () => {
    const session = new DebuggerSession();
    session.setSetting('normalizePath', false, GENERIC_SETTINGS.normalizePath);
    expect(session.input.settings).toEqual({ normalizePath: false });
    session.setSetting('normalizePath', true, GENERIC_SETTINGS.normalizePath);
    expect(session.input.settings).toEqual({});
  });

  it('asks the worker for plain data, trimmed, with a dropped file’s hash', () => {
    const session = new DebuggerSession();
    session.region = ' eu-west-1 ';
    session.bodyFile = { name: 'a.bin', size: 3, done: 3, hex: 'ab' };
    const input = session.input;
    expect(input.region).toBe('eu-west-1');
    expect(input.payloadHash).toEqual({ hex: 'ab', name: 'a.bin', size: 3 });
    expect(() => structuredClone(input)).not.toThrow();
  });

  it('keeps the last diagnosis standing while a newer run has only its stages, not past a load', () => {
    const session = new DebuggerSession();
    const answer = (reason: string, explained: boolean) =>
      ({ verdict: { verdict: 'mismatch', reason }, findings: [], explained }) as unknown as RunOutput;
    session.pending = true;
    session.receive(answer('stages 1', false), 1, false);
    expect(session.diagnosis?.verdict.reason).toBe('stages 1');
    session.receive(answer('diagnosis 1', true), 1, true);
    expect(session.pending).toBe(false);
    session.pending = true;
    session.receive(answer('stages 2', false), 2, false);
    expect(session.output?.verdict.reason).toBe('stages 2');
    expect(session.diagnosis?.verdict.reason).toBe('diagnosis 1');
    session.receive(answer('diagnosis 2', true), 2, true);
    expect(session.diagnosis?.verdict.reason).toBe('diagnosis 2');
    session.load({ request: 'GET /other HTTP/1.1\n\n' });
    session.receive(answer('stages 3', false), 3, false);
    expect(session.diagnosis?.verdict.reason).toBe('stages 3');
  });
});
