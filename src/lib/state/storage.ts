/**
 * Keeping the last session on this device, only when the user asks: nothing is written to storage otherwise, and
 * turning it off deletes what was kept.
 */

import { readSnapshot, type ReadSnapshot, type SessionSnapshot } from './snapshot';

/** The storage key; versioned like share links. */
export const STORAGE_KEY = 'sigscope.session.v1';

/** Writes the session. */
export function saveSession(storage: Storage, snapshot: SessionSnapshot): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(snapshot));
}

/** Reads the kept session: `undefined` when none was kept, issues when what was kept is damaged. */
export function loadSession(storage: Storage): ReadSnapshot | undefined {
  const text = storage.getItem(STORAGE_KEY);
  if (text === null) return undefined;
  try {
    return readSnapshot(JSON.parse(text));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ...readSnapshot({}), issues: [`the kept session was damaged (${why})`] };
  }
}

/** Deletes the kept session. */
export function forgetSession(storage: Storage): void {
  storage.removeItem(STORAGE_KEY);
}
