/**
 * Case files (the CLI's format) to and from a session snapshot: SigV4's, and SigV4A's or a legacy scheme's with
 * that scheme's own settings (SigV4A's `regionSet` in place of a region).
 */

import type { CaseFile, SchemeCaseFile } from '../sig/case-file';
import type { AnySchemeId } from '../sig/registry';
import type { SigV4Settings, SigV4Mode } from '../sig/registry-settings';
import type { SettingValues } from '../worker/protocol';
import { EMPTY_SNAPSHOT, type SessionSnapshot } from './snapshot';

const isV4 = (scheme: AnySchemeId): scheme is CaseFile['scheme'] =>
  scheme === 'sigv4' || scheme === 'sigv4-s3';

/** A case file for the session; `scheme` and `mode` as the page resolved them. */
export function toCaseFile(
  snapshot: SessionSnapshot,
  scheme: AnySchemeId,
  mode: SigV4Mode,
): CaseFile | SchemeCaseFile {
  const credentials: CaseFile['credentials'] = { accessKeyId: snapshot.accessKeyId };
  if (snapshot.secretAccessKey) credentials.secretAccessKey = snapshot.secretAccessKey;
  if (snapshot.sessionToken) credentials.sessionToken = snapshot.sessionToken;
  const caseFile = { scheme, mode, request: snapshot.request, credentials } as CaseFile | SchemeCaseFile;
  if (isV4(scheme) && snapshot.region) (caseFile as CaseFile).region = snapshot.region;
  if (scheme === 'sigv4a') {
    const legacy = caseFile as SchemeCaseFile;
    if (snapshot.regionSet) legacy.regionSet = snapshot.regionSet;
    if (snapshot.publicKey) legacy.publicKey = snapshot.publicKey;
  }
  if (snapshot.service) caseFile.service = snapshot.service;
  if (snapshot.time) caseFile.time = snapshot.time;
  if (snapshot.expires !== null) caseFile.expires = snapshot.expires;
  if (Object.keys(snapshot.settings).length > 0)
    caseFile.settings = { ...snapshot.settings } as Partial<SigV4Settings>;
  return caseFile;
}

/** A session for a case file of any scheme. */
export function fromCaseFile(caseFile: CaseFile | SchemeCaseFile): SessionSnapshot {
  const snapshot: SessionSnapshot = {
    ...EMPTY_SNAPSHOT,
    request: caseFile.request,
    scheme: caseFile.scheme,
    location: caseFile.mode === 'query' ? 'query' : 'header',
    accessKeyId: caseFile.credentials.accessKeyId,
    region: 'region' in caseFile ? (caseFile.region ?? '') : '',
    service: caseFile.service ?? '',
    time: caseFile.time ?? '',
    expires: caseFile.expires ?? null,
    settings: { ...(caseFile.settings ?? {}) } as SettingValues,
  };
  if ('regionSet' in caseFile && caseFile.regionSet !== undefined)
    snapshot.regionSet = Array.isArray(caseFile.regionSet)
      ? caseFile.regionSet.join(',')
      : (caseFile.regionSet as string);
  if ('publicKey' in caseFile && caseFile.publicKey) snapshot.publicKey = caseFile.publicKey;
  if (caseFile.credentials.secretAccessKey) snapshot.secretAccessKey = caseFile.credentials.secretAccessKey;
  if (caseFile.credentials.sessionToken) snapshot.sessionToken = caseFile.credentials.sessionToken;
  return snapshot;
}
