/**
 * Loading the official vectors copied under tests/vectors (see each tests/vectors folder's SOURCES.md for origin and license).
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHttpRequest } from '../../../src/lib/sig/request/http';
import type { HttpRequest } from '../../../src/lib/sig/request/model';
import type { AwsCAuthContext } from '../../../src/lib/examples/catalog';
import type { SigV4Settings } from '../../../src/lib/sig/v4/settings';

export type { AwsCAuthContext };

/** The folder holding the copied vectors. */
export const VECTORS = join(import.meta.dirname, '../../vectors');

/** Reads a vector file as text. */
export function readVector(...path: string[]): string {
  return readFileSync(join(VECTORS, ...path), 'utf8');
}

/** Reads a vector JSON file. */
export function readVectorJson<T = unknown>(...path: string[]): T {
  return JSON.parse(readVector(...path)) as T;
}

/** The sub-folders of a vector folder, sorted. */
export function caseFolders(...path: string[]): string[] {
  const dir = join(VECTORS, ...path);
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

/** The settings an aws-c-auth context asks for. */
export function awsCAuthSettings(context: AwsCAuthContext): Partial<SigV4Settings> {
  return {
    normalizePath: context.normalize,
    contentSha256Header: context.sign_body,
    signSessionToken: !context.omit_session_token,
  };
}

/** Parses request text that the vectors give, failing the test loudly when it does not parse. */
export function mustParse(text: string): HttpRequest {
  const parsed = parseHttpRequest(text);
  if (!parsed.ok)
    throw new Error(`vector request does not parse: ${JSON.stringify(parsed.problems)}\n${text}`);
  return parsed.value;
}

/** The headers of a request as sorted `name:value` lines (lower-case names), to compare signed requests. */
export function headerLines(request: HttpRequest): string[] {
  return request.headers.map((h) => `${h.name.toLowerCase()}:${h.value}`).sort();
}

/** The query of a request as sorted `name=value` pieces, to compare presigned URLs regardless of order. */
export function queryPieces(request: HttpRequest): string[] {
  return (request.query ?? '').split('&').filter(Boolean).sort();
}
