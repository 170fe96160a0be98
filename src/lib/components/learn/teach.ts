/**
 * The teaching pages' one door to the engine: sign and verify an example under any scheme (SigV4 through its
 * SchemeTrace adapter, SigV4A, the legacy schemes through the registry), so that every lesson, the lab and the
 * side-by-side view show values the engine computed, never written by hand. No DOM here.
 */

import { inferEndpoint } from '$lib/sig/endpoint';
import { signText, verifyText } from '$lib/sig';
import { signLegacyText, verifyLegacyText } from '$lib/sig/scheme-text';
import { findLegacyScheme, findScheme, type SchemeId } from '$lib/sig/registry';
import type { LessonId } from './ids';

export { LESSON_IDS, type LessonId } from './ids';
import { parseHttpRequest } from '$lib/sig/request/http';
import { requestHost } from '$lib/sig/request/model';
import type { SchemeTrace, SettingDescriptor } from '$lib/sig/trace';
import { fail, ok, problem, type Result } from '$lib/sig/types';
import { v4SchemeTrace } from '$lib/sig/registry-sigv4';
import { signV4a, verifyV4a } from '$lib/sig/registry-sigv4-modes';
import { UNSIGNED_HEADER_PROFILES, SETTING_HELP } from '$lib/sig/registry-settings';

/** What signing an example takes. */
export interface Example {
  request: string;
  accessKeyId: string;
  secretAccessKey: string;
  settings: Record<string, unknown>;
}

/** A scheme's label, summary and doc link, from the registry (SigV4A's from its module, not in the registry yet). */
export function schemeInfo(id: LessonId): { label: string; summary: string; docUrl: string } {
  if (id === 'sigv4a')
    return {
      label: 'SigV4A',
      summary:
        'Signature Version 4A: SigV4’s canonical request signed with ECDSA P-256 under a key derived from the secret, valid in a set of regions (multi-Region access points, global endpoints).',
      docUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html',
    };
  const s = findScheme(id) ?? findLegacyScheme(id)!;
  return { label: s.label, summary: s.summary, docUrl: s.docUrl };
}

const isV4 = (id: LessonId): id is SchemeId => id === 'sigv4' || id === 'sigv4-s3';

/** The settings a lesson lets the reader flip: SigV4's from its defaults and doc comments, the others' descriptors. */
export function settingsOf(id: LessonId): readonly SettingDescriptor[] {
  if (id === 'sigv4a') return [];
  if (!isV4(id)) return findLegacyScheme(id)!.settings;
  const defaults = findScheme(id)!.defaults;
  return (Object.keys(defaults) as (keyof typeof defaults)[]).map((name) => {
    const value = defaults[name];
    const doc = SETTING_HELP[name].split('\n')[0]!;
    if (typeof value === 'boolean') return { name, type: 'boolean', default: value, doc };
    const values = name === 'payload' ? ['auto', 'hash', 'unsigned'] : Object.keys(UNSIGNED_HEADER_PROFILES);
    return { name, type: 'enum', values, default: value, doc };
  });
}

/** Where the example's request is signed for, read off its host (SigV4A signs for every region). */
function serviceOf(text: string): string | undefined {
  const parsed = parseHttpRequest(text);
  const host = parsed.ok ? requestHost(parsed.value) : undefined;
  return host ? inferEndpoint(host)?.service : undefined;
}

/** Signs an example under a scheme; problems are data, never thrown. */
export async function signAs(id: LessonId, ex: Example, time?: Date): Promise<Result<SchemeTrace>> {
  const credentials = { accessKeyId: ex.accessKeyId, secretAccessKey: ex.secretAccessKey };
  if (isV4(id)) {
    const signed = await signText({
      scheme: id,
      mode: 'header',
      request: ex.request,
      credentials,
      settings: ex.settings,
      ...(time ? { time } : {}),
    });
    return signed.ok ? ok(v4SchemeTrace(signed.value, id), signed.problems) : signed;
  }
  if (id === 'sigv4a') {
    const parsed = parseHttpRequest(ex.request);
    if (!parsed.ok) return fail(parsed.problems);
    const service = serviceOf(ex.request);
    if (!service) return fail([problem('scope', 'The service cannot be read off this host.')]);
    return signV4a({
      request: parsed.value,
      credentials,
      regionSet: '*',
      service,
      mode: 'header',
      ...(time ? { time } : {}),
    });
  }
  return signLegacyText({
    scheme: id,
    request: ex.request,
    credentials,
    settings: ex.settings,
    ...(time ? { time } : {}),
  });
}

/** Whether a signed request's signature verifies under a scheme with this secret; `undefined` when unreadable. */
export async function verifiesAs(
  id: LessonId,
  request: string,
  secretAccessKey: string,
  settings: Record<string, unknown> = {},
): Promise<boolean | undefined> {
  if (isV4(id)) {
    const v = await verifyText({ scheme: id, request, secretAccessKey, settings });
    return v.ok ? v.value.match : undefined;
  }
  if (id === 'sigv4a') {
    const parsed = parseHttpRequest(request);
    if (!parsed.ok) return undefined;
    const v = await verifyV4a({ request: parsed.value, secretAccessKey });
    return v.ok ? v.value.match : undefined;
  }
  const v = verifyLegacyText({ scheme: id, request, secretAccessKey, settings });
  return v.ok ? v.value.match : undefined;
}
