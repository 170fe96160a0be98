/**
 * The engine's front door: sign or verify pasted request text under a scheme. The browser, the Web Worker, the
 * CLI and the tests all come through here.
 */

import { inferEndpoint } from './endpoint';
import { findScheme, type SchemeId } from './registry';
import { parseHttpRequest } from './request/http';
import { requestHost, type HttpRequest } from './request/model';
import { fail, problem, type Problem, type Result } from './types';
import { resolveSettings, type SigV4Settings } from './v4/settings';
import { signV4 } from './v4/sign';
import type { Credentials, SigV4Mode, SigV4Trace } from './v4/types';
import { verifyV4, type SigV4Verification } from './v4/verify';

/** Pasted request text and what to sign it with. */
export interface SignTextInput {
  scheme: SchemeId;
  mode: SigV4Mode;
  request: string;
  /** The body's bytes, when they are not the UTF-8 of the body in `request` (binary data, a dropped file). */
  body?: Uint8Array;
  credentials: Credentials;
  /** By default read off the host (`service.region.amazonaws.com`). */
  region?: string;
  service?: string;
  time?: Date;
  expires?: number;
  settings?: Partial<SigV4Settings>;
}

/** Pasted signed request text and the secret to check it with. */
export interface VerifyTextInput {
  scheme: SchemeId;
  request: string;
  secretAccessKey: string;
  accessKeyId?: string;
  settings?: Partial<SigV4Settings>;
}

function prepare(schemeId: SchemeId, text: string, overrides: Partial<SigV4Settings> | undefined) {
  const scheme = findScheme(schemeId);
  if (!scheme)
    return fail<{ request: HttpRequest; settings: SigV4Settings; problems: Problem[] }>([
      problem('scheme', `Unknown scheme "${schemeId}".`),
    ]);
  const parsed = parseHttpRequest(text);
  if (!parsed.ok) return fail<never>(parsed.problems);
  return {
    ok: true as const,
    value: {
      request: parsed.value,
      settings: resolveSettings(scheme.defaults, overrides),
      problems: parsed.problems,
    },
    problems: parsed.problems,
  };
}

/** Parses and signs request text, returning every stage. */
export async function signText(input: SignTextInput): Promise<Result<SigV4Trace>> {
  const prepared = prepare(input.scheme, input.request, input.settings);
  if (!prepared.ok) return prepared;
  const { request, settings, problems } = prepared.value;
  if (input.body) request.bodyBytes = input.body;
  let { region, service } = input;
  if (region === undefined || service === undefined) {
    const host = requestHost(request);
    const endpoint = host ? inferEndpoint(host) : undefined;
    if (!endpoint) {
      return fail([
        ...problems,
        problem(
          'scope',
          'Give the region and service: they cannot be read off this host.',
          request.targetSpan,
          {
            hint: 'Services are named as in the endpoint: s3, iam, execute-api, es, dynamodb…',
          },
        ),
      ]);
    }
    region ??= endpoint.region;
    service ??= endpoint.service;
    problems.push(
      problem(
        'scope-inferred',
        `Signing for region ${region} and service ${service}, read off the host.`,
        undefined,
        { severity: 'note' },
      ),
    );
  }
  const signed = await signV4({
    request,
    credentials: input.credentials,
    region,
    service,
    mode: input.mode,
    settings,
    ...(input.time ? { time: input.time } : {}),
    ...(input.expires !== undefined ? { expires: input.expires } : {}),
  });
  return signed.ok
    ? { ...signed, problems: [...problems, ...signed.problems] }
    : fail([...problems, ...signed.problems]);
}

/** Parses a signed request and checks the signature it carries. */
export async function verifyText(input: VerifyTextInput): Promise<Result<SigV4Verification>> {
  const prepared = prepare(input.scheme, input.request, input.settings);
  if (!prepared.ok) return prepared;
  const { request, settings, problems } = prepared.value;
  const verified = await verifyV4({
    request,
    secretAccessKey: input.secretAccessKey,
    settings,
    ...(input.accessKeyId ? { accessKeyId: input.accessKeyId } : {}),
  });
  return verified.ok
    ? { ...verified, problems: [...problems, ...verified.problems] }
    : fail([...problems, ...verified.problems]);
}

export type { Credentials, SigV4Mode, SigV4Trace, SigV4Verification, SigV4Settings, SchemeId };
