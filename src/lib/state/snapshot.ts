/**
 * A debugger session as plain data: what a share link, a saved session and a case file carry. Reading one back
 * checks every field, because links and storage are input like any other.
 */

import type { AnySchemeId } from '../sig/registry';
import type { S3V2Settings, V2Settings } from '../sig/registry-settings';
import { GENERIC_SETTINGS, UNSIGNED_HEADER_PROFILES } from '../sig/registry-settings';
import type { RunInput, SettingValues } from '../worker/protocol';

/**
 * Everything the page's inputs hold: what a run is asked, less what the page adds itself (its clock, a dropped
 * file's hash, whether to diagnose). Secrets are present only when the user chose to include them.
 */
export interface SessionSnapshot extends Omit<
  RunInput,
  'secretAccessKey' | 'sessionToken' | 'now' | 'payloadHash' | 'explain'
> {
  secretAccessKey?: string;
  sessionToken?: string;
}

/** A snapshot of a page with nothing in it. */
export const EMPTY_SNAPSHOT: Readonly<SessionSnapshot> = Object.freeze({
  request: '',
  serverError: '',
  clientLog: '',
  scheme: 'auto',
  action: 'auto',
  location: 'auto',
  accessKeyId: '',
  region: '',
  service: '',
  time: '',
  expires: null,
  settings: {},
});

/** A snapshot read back, and what was wrong with it (fields dropped, with the reason). */
export interface ReadSnapshot {
  snapshot: SessionSnapshot;
  issues: string[];
}

/**
 * The scheme ids a link or a kept session may name. Typed against the registry's `SchemeId`, so the compiler keeps
 * the two in step; not the registry itself, whose module carries every signer (the first page reads links and
 * kept sessions before it loads any).
 */
const SCHEME_IDS: Readonly<Record<AnySchemeId, true>> = {
  sigv4: true,
  'sigv4-s3': true,
  sigv4a: true,
  sigv2: true,
  s3v2: true,
  sigv1: true,
  sigv0: true,
};
const isSchemeId = (id: string): id is AnySchemeId => Object.hasOwn(SCHEME_IDS, id);

/**
 * The settings of the other schemes, by name and type (their choices are checked by the scheme when it runs).
 * Typed against each scheme's settings, so the compiler keeps the names in step without loading the schemes.
 */
const OTHER_SETTINGS: Readonly<
  Record<keyof V2Settings | keyof S3V2Settings | 'nonce', 'boolean' | 'string' | 'list'>
> = {
  signatureMethod: 'string',
  sort: 'string',
  encoding: 'string',
  hostCase: 'string',
  hostPort: 'string',
  path: 'string',
  includeSignature: 'boolean',
  hostStyle: 'string',
  subResources: 'list',
  amzDateInDateLine: 'boolean',
  hoistAmzHeaders: 'boolean',
  nonce: 'string',
};

/** Whether `v` has the type a setting of another scheme takes. */
function otherSettingFits(type: 'boolean' | 'string' | 'list', v: unknown): boolean {
  if (type === 'list') return Array.isArray(v) && v.every((x) => typeof x === 'string');
  return typeof v === type;
}

const CHOICES: Record<string, readonly string[]> = {
  payload: ['auto', 'hash', 'unsigned'],
  unsignedHeaders: Object.keys(UNSIGNED_HEADER_PROFILES),
};

function readSettings(value: unknown, issues: string[]): SettingValues {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push('the settings were not an object');
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const def = (GENERIC_SETTINGS as unknown as Record<string, unknown>)[key];
    const other = Object.hasOwn(OTHER_SETTINGS, key)
      ? OTHER_SETTINGS[key as keyof typeof OTHER_SETTINGS]
      : undefined;
    if (def === undefined && other !== undefined) {
      if (otherSettingFits(other, v)) out[key] = v;
      else issues.push(`setting "${key}" had the wrong type`);
    } else if (def === undefined) issues.push(`unknown setting "${key}"`);
    else if (typeof v !== typeof def) issues.push(`setting "${key}" had the wrong type`);
    else if (CHOICES[key] && !CHOICES[key].includes(v as string))
      issues.push(`setting "${key}" had no such choice`);
    else out[key] = v;
  }
  return out as SettingValues;
}

/** Checks untrusted data (a decoded link, stored JSON) field by field; bad fields are dropped and named. */
export function readSnapshot(value: unknown): ReadSnapshot {
  const issues: string[] = [];
  const snapshot: SessionSnapshot = { ...EMPTY_SNAPSHOT, settings: {} };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { snapshot, issues: ['it held no session'] };
  }
  const v = value as Record<string, unknown>;
  const text = (key: keyof SessionSnapshot & string): string | undefined => {
    const x = v[key];
    if (x === undefined) return undefined;
    if (typeof x !== 'string') {
      issues.push(`"${key}" was not text`);
      return undefined;
    }
    return x;
  };
  for (const key of [
    'request',
    'serverError',
    'clientLog',
    'accessKeyId',
    'region',
    'service',
    'time',
  ] as const) {
    const x = text(key);
    if (x !== undefined) snapshot[key] = x;
  }
  for (const key of ['regionSet', 'publicKey'] as const) {
    const x = text(key);
    if (x !== undefined) snapshot[key] = x;
  }
  for (const key of ['secretAccessKey', 'sessionToken'] as const) {
    const x = text(key);
    if (x) snapshot[key] = x;
  }
  const scheme = text('scheme');
  if (scheme !== undefined) {
    if (scheme === 'auto' || isSchemeId(scheme)) snapshot.scheme = scheme;
    else issues.push(`unknown scheme "${scheme}"`);
  }
  const action = text('action');
  if (action !== undefined) {
    if (action === 'auto' || action === 'sign' || action === 'verify') snapshot.action = action;
    else issues.push(`unknown action "${action}"`);
  }
  const location = text('location');
  if (location !== undefined) {
    if (location === 'auto' || location === 'header' || location === 'query') snapshot.location = location;
    else issues.push(`unknown location "${location}"`);
  }
  if (v.expires !== undefined && v.expires !== null) {
    if (typeof v.expires === 'number' && Number.isInteger(v.expires) && v.expires > 0)
      snapshot.expires = v.expires;
    else issues.push('"expires" was not a whole number of seconds');
  }
  snapshot.settings = readSettings(v.settings, issues);
  return { snapshot, issues };
}

/** A snapshot without its secret key and session token. */
export function withoutSecrets(snapshot: SessionSnapshot): SessionSnapshot {
  const { secretAccessKey: _s, sessionToken: _t, ...rest } = snapshot;
  void _s;
  void _t;
  return rest;
}
