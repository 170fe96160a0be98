/**
 * The debugger session: every input on the page, the engine's newest answer, and the notices shown to the user.
 * Components read it and call its methods; the engine worker fills in `output`.
 */

import type { AnySchemeId } from '../sig/registry';
import type { SigV4Mode } from '../sig/registry-settings';
import type { Action, RunInput, RunOutput, SettingValues } from '../worker/protocol';
import { now } from './clock';
import { keepUnchanged } from './keep-unchanged';
import { EMPTY_SNAPSHOT, type SessionSnapshot } from './snapshot';

/** A message for the user: what happened to a link, a file, an import. */
export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  text: string;
}

/** A file dropped as the request body, hashed in the worker. */
export interface BodyFile {
  name: string;
  size: number;
  done: number;
  hex?: string;
  ms?: number;
  /** Hashing throughput as the worker measured it, MB/s. */
  mbps?: number;
  error?: string;
}

/** Which part of the request or the canonical request the pointer or focus is on. */
export type Hover = { from: 'canonical'; line: number } | { from: 'request'; offset: number } | null;

/** One setting's value: on/off, a choice, or a list. */
export type SettingValue = boolean | string | readonly string[];

let nextNotice = 1;

/** Every input of the debugger page, and what the engine made of them. */
export class DebuggerSession {
  request = $state('');
  serverError = $state('');
  clientLog = $state('');
  scheme = $state<AnySchemeId | 'auto'>('auto');
  action = $state<Action | 'auto'>('auto');
  location = $state<SigV4Mode | 'auto'>('auto');
  accessKeyId = $state('');
  secretAccessKey = $state('');
  sessionToken = $state('');
  region = $state('');
  service = $state('');
  time = $state('');
  expires = $state<number | null>(null);
  /** SigV4A: the regions to sign for; empty means the host's region (else every region). */
  regionSet = $state('');
  /** SigV4A: a public key to verify with instead of the secret. */
  publicKey = $state('');
  settings = $state<SettingValues>({});
  /** The time the page last read the clock, ISO 8601. */
  now = $state(now().toISOString());
  bodyFile = $state<BodyFile | null>(null);

  /** Show the secret key, session token and kSecret instead of dots. */
  showSecrets = $state(false);
  /** Put the secret key and session token in share links, case files and the kept session. */
  includeSecrets = $state(false);
  /** Keep the session in this browser's storage. */
  remember = $state(false);

  /** The example the inputs hold, until something else is loaded: the page offers to clear it. */
  example = $state.raw<{ id: string; label: string } | null>(null);

  output = $state.raw<RunOutput | null>(null);
  /** The run id of `output`, for tests and the bench. */
  outputId = $state(0);
  /** The newest answer whose diagnosis is in (or that needed none). */
  diagnosed = $state.raw<RunOutput | null>(null);
  /** A run is in flight whose diagnosis has not arrived yet. */
  pending = $state(false);
  notices = $state<Notice[]>([]);
  hover = $state<Hover>(null);

  /** What the worker is asked to compute: reading this tracks every input. */
  get input(): RunInput {
    const s = this.snapshot(false);
    const input: RunInput = {
      ...s,
      accessKeyId: s.accessKeyId.trim(),
      secretAccessKey: this.secretAccessKey.trim(),
      sessionToken: this.sessionToken.trim(),
      region: s.region.trim(),
      service: s.service.trim(),
      time: s.time.trim(),
      now: this.now,
      explain: true,
    };
    const body = this.bodyFile;
    if (body?.hex) input.payloadHash = { hex: body.hex, name: body.name, size: body.size };
    return input;
  }

  /** The inputs as data; the secrets only when asked for. */
  snapshot(includeSecrets: boolean): SessionSnapshot {
    const s: SessionSnapshot = {
      request: this.request,
      serverError: this.serverError,
      clientLog: this.clientLog,
      scheme: this.scheme,
      action: this.action,
      location: this.location,
      accessKeyId: this.accessKeyId,
      region: this.region,
      service: this.service,
      time: this.time,
      expires: this.expires,
      settings: $state.snapshot(this.settings) as SettingValues,
    };
    if (this.regionSet) s.regionSet = this.regionSet;
    if (this.publicKey) s.publicKey = this.publicKey;
    if (includeSecrets && this.secretAccessKey) s.secretAccessKey = this.secretAccessKey;
    if (includeSecrets && this.sessionToken) s.sessionToken = this.sessionToken;
    return s;
  }

  /**
   * Replaces every input with a snapshot's: a field the snapshot lacks (a secret left out of a link, a token an
   * example has none of) is emptied, so that nothing of the session before carries over into the loaded one.
   */
  load(snapshot: Partial<SessionSnapshot>): void {
    const s = { ...EMPTY_SNAPSHOT, ...snapshot };
    this.request = s.request;
    this.serverError = s.serverError;
    this.clientLog = s.clientLog;
    this.scheme = s.scheme;
    this.action = s.action;
    this.location = s.location;
    this.accessKeyId = s.accessKeyId;
    this.secretAccessKey = s.secretAccessKey ?? '';
    this.sessionToken = s.sessionToken ?? '';
    this.region = s.region;
    this.service = s.service;
    this.time = s.time;
    this.expires = s.expires;
    this.regionSet = s.regionSet ?? '';
    this.publicKey = s.publicKey ?? '';
    this.settings = { ...s.settings };
    this.bodyFile = null;
    this.hover = null;
    this.example = null;
    // Another session altogether: its diagnosis is not the last one's, which must not stand in for it.
    this.diagnosed = null;
    this.refreshNow();
  }

  /** Reads the clock again (for requests without a date and for presigned URL expiry). */
  refreshNow(): void {
    this.now = now().toISOString();
  }

  /** Sets one setting of the scheme, or removes the override when it equals the scheme's default. */
  setSetting(name: string, value: SettingValue, schemeDefault: SettingValue): void {
    const next: SettingValues = { ...this.settings };
    if (JSON.stringify(value) === JSON.stringify(schemeDefault)) delete next[name];
    else next[name] = value;
    this.settings = next;
  }

  /**
   * What the verdict, the diffs and the findings are read from: the newest diagnosed answer. The stages of a run
   * come a frame before its diagnosis; until that arrives the last one stands (marked as busy by `pending`), rather
   * than the findings flashing empty on every keystroke.
   */
  get diagnosis(): RunOutput | null {
    return this.diagnosed ?? this.output;
  }

  /** Takes the engine's answer for the newest run, keeping the parts that did not change as they were. */
  receive(output: RunOutput, id: number, final: boolean): void {
    this.output = keepUnchanged(this.output, output);
    this.outputId = id;
    if (final) {
      this.diagnosed = this.output;
      this.pending = false;
    }
  }

  /** Shows a notice; returns its id. */
  notify(tone: Notice['tone'], text: string): number {
    const id = nextNotice++;
    this.notices = [...this.notices, { id, tone, text }];
    return id;
  }

  /** Removes a notice. */
  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }
}
