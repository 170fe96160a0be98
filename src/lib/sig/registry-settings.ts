/**
 * The schemes' settings as data — SigV4's named settings, their help and modes, the legacy schemes' setting types —
 * for the page's first load, which keeps state and share links before any signer is loaded (registry.ts brings
 * every signer). Outside the scheme folders and the registry nothing imports them (eslint.config.js enforces it).
 */

export type { S3V2Settings } from './s3v2/settings';
export type { V2Settings } from './v2/settings';
export { GENERIC_SETTINGS, UNSIGNED_HEADER_PROFILES, resolveSettings } from './v4/settings';
export type { SigV4Settings } from './v4/settings';
export { SETTING_HELP } from './v4/settings-help';
export type { Credentials, SigV4Mode, SigV4Trace } from './v4/types';
