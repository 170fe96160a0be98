/**
 * Turning an aws-c-auth SigV4 test vector (context.json + request.txt) into a sigscope case file.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AwsCAuthContext } from '../sig/v4/vectors';

/** Where the copied aws-c-auth vectors live. */
export const VECTORS = fileURLToPath(new URL('../vectors/sigv4/aws-c-auth-v4/', import.meta.url));

/** Reads one file of a vector as text. */
export function vectorFile(name: string, file: string): string {
  return readFileSync(`${VECTORS}${name}/${file}`, 'utf8');
}

/** The SigV4 case file an aws-c-auth context describes, signing `request` in `mode`. */
export function caseFromContext(context: AwsCAuthContext, mode: 'header' | 'query', request: string) {
  const { access_key_id, secret_access_key, token } = context.credentials;
  return {
    scheme: 'sigv4',
    mode,
    request,
    credentials: {
      accessKeyId: access_key_id,
      secretAccessKey: secret_access_key,
      ...(token ? { sessionToken: token } : {}),
    },
    region: context.region,
    service: context.service,
    time: context.timestamp,
    expires: context.expiration_in_seconds,
    settings: {
      normalizePath: context.normalize,
      contentSha256Header: context.sign_body,
      signSessionToken: !context.omit_session_token,
    },
  };
}

/** The case file for a vector, signing `request` (by default the vector's unsigned request.txt). */
export function vectorCase(
  name: string,
  mode: 'header' | 'query',
  request = vectorFile(name, 'request.txt'),
) {
  return caseFromContext(JSON.parse(vectorFile(name, 'context.json')) as AwsCAuthContext, mode, request);
}
