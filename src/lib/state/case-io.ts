/**
 * Case files (the CLI's format) to and from a session snapshot.
 */

import type { CaseFile } from '../sig/case-file';
import type { SchemeId } from '../sig/registry';
import type { SigV4Mode } from '../sig/v4/types';
import { EMPTY_SNAPSHOT, type SessionSnapshot } from './snapshot';

/** A case file for the session; `scheme` and `mode` as the page resolved them. */
export function toCaseFile(snapshot: SessionSnapshot, scheme: SchemeId, mode: SigV4Mode): CaseFile {
  const caseFile: CaseFile = {
    scheme,
    mode,
    request: snapshot.request,
    credentials: { accessKeyId: snapshot.accessKeyId },
  };
  if (snapshot.secretAccessKey) caseFile.credentials.secretAccessKey = snapshot.secretAccessKey;
  if (snapshot.sessionToken) caseFile.credentials.sessionToken = snapshot.sessionToken;
  if (snapshot.region) caseFile.region = snapshot.region;
  if (snapshot.service) caseFile.service = snapshot.service;
  if (snapshot.time) caseFile.time = snapshot.time;
  if (snapshot.expires !== null) caseFile.expires = snapshot.expires;
  if (Object.keys(snapshot.settings).length > 0) caseFile.settings = { ...snapshot.settings };
  return caseFile;
}

/** A session for a case file. */
export function fromCaseFile(caseFile: CaseFile): SessionSnapshot {
  const snapshot: SessionSnapshot = {
    ...EMPTY_SNAPSHOT,
    request: caseFile.request,
    scheme: caseFile.scheme,
    location: caseFile.mode,
    accessKeyId: caseFile.credentials.accessKeyId,
    region: caseFile.region ?? '',
    service: caseFile.service ?? '',
    time: caseFile.time ?? '',
    expires: caseFile.expires ?? null,
    settings: { ...(caseFile.settings ?? {}) },
  };
  if (caseFile.credentials.secretAccessKey) snapshot.secretAccessKey = caseFile.credentials.secretAccessKey;
  if (caseFile.credentials.sessionToken) snapshot.sessionToken = caseFile.credentials.sessionToken;
  return snapshot;
}
