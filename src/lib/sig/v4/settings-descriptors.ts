/**
 * SigV4's settings as the descriptors every scheme gives the settings form, case files and the CLI's help: the
 * typed defaults with each setting's doc comment and the services that need the value.
 */

import type { SettingDescriptor } from '../trace';
import { UNSIGNED_HEADER_PROFILES, type SigV4Settings } from './settings';
import { SETTING_HELP } from './settings-help';

/** The choices of the settings that are not on/off. */
export const SETTING_CHOICES: Partial<Record<keyof SigV4Settings, readonly string[]>> = {
  payload: ['auto', 'hash', 'unsigned'],
  unsignedHeaders: Object.keys(UNSIGNED_HEADER_PROFILES),
};

/** Which services need a setting on, for the settings that some do and some do not. */
const NEEDED_BY: Partial<Record<keyof SigV4Settings, string>> = {
  doubleEncodePath: 'every service but S3',
  normalizePath: 'every service but S3',
  presignedPayloadUnsigned: 'S3',
  contentSha256Header: 'S3',
};

/** The descriptors of a SigV4 settings object, its values as the defaults. */
export function describeSettings<S extends SigV4Settings>(
  defaults: Readonly<S>,
  help: Readonly<Record<string, string>> = SETTING_HELP,
  choices: Readonly<Record<string, readonly string[]>> = SETTING_CHOICES,
): SettingDescriptor[] {
  return Object.entries(defaults).map(([name, value]) => {
    const values = choices[name];
    const neededBy = NEEDED_BY[name as keyof SigV4Settings];
    return {
      name,
      type: typeof value === 'boolean' ? 'boolean' : 'enum',
      ...(typeof value === 'boolean' ? {} : { values: values ?? [String(value)] }),
      default: value as boolean | string,
      doc: help[name] ?? '',
      ...(neededBy ? { neededBy } : {}),
    } satisfies SettingDescriptor;
  });
}
