/**
 * The SigV1 collision (C. Percival, 2008): SigV1 concatenates names and values with no delimiter, so another
 * parameter list with the same concatenation has the same string to sign, and so the same signature. `collide`
 * finds one that matters (a changed value and an added parameter where it can), and shows that SigV2, which keeps
 * `=` and `&` and encodes both, tells the two apart.
 * http://www.daemonology.net/blog/2008-12-18-AWS-signature-version-1-is-insecure.html
 */

import { parseHttpRequest } from '../request/http';
import type { HttpRequest } from '../request/model';
import { fail, ok, problem, type Result } from '../types';
import { paramLocation, requestParams, type QueryApiParam } from '../v2/params';
import { AUTH_PARAMS, placeSignature } from '../v2/query-request';
import { v2Signature } from '../v2/sign';
import { v2StringToSign } from '../v2/string-to-sign';
import { v1Signature } from './sign';
import { compareV1, v1StringToSignOf } from './string-to-sign';

/** One side of the collision: its parameters (decoded), SigV1 string to sign and signature. */
export interface CollisionSide {
  params: [string, string][];
  stringToSign: string;
  signature: string;
}

/** How the forged list differs: a value split into a shorter value and a new parameter, two merged, a name cut. */
export type ForgeryKind = 'split' | 'merge' | 'shift';

/** A forged request whose SigV1 signature is the original's, and the two SigV2 strings that differ. */
export interface Collision {
  original: CollisionSide;
  forged: CollisionSide & { request: string };
  kind: ForgeryKind;
  /** One sentence on what changed. */
  description: string;
  sigv2: {
    original: { stringToSign: string; signature: string };
    forged: { stringToSign: string; signature: string };
  };
}

/** SigV1's own parameters: changing them does not make a forgery that matters. */
const AUTH: ReadonlySet<string> = new Set(Object.values(AUTH_PARAMS));

/** Offsets of code point boundaries in `text`, so that no split cuts a surrogate pair. */
function boundaries(text: string): number[] {
  const out: number[] = [];
  let i = 0;
  for (const ch of text) {
    out.push(i);
    i += ch.length;
  }
  out.push(text.length);
  return out;
}

/** Whether `name` would sort strictly between the neighbours and clash with no name in the list. */
function fits(
  name: string,
  before: string | undefined,
  after: string | undefined,
  all: readonly QueryApiParam[],
): boolean {
  if (name === '' || name === AUTH_PARAMS.signature) return false;
  if (before !== undefined && compareV1(before, name) >= 0) return false;
  if (after !== undefined && compareV1(name, after) >= 0) return false;
  return !all.some((p) => p.name.toLowerCase() === name.toLowerCase());
}

type Forgery = { params: QueryApiParam[]; kind: ForgeryKind; description: string };

/** A value split into a shorter value and a new parameter made of its tail. */
function splitValue(sorted: QueryApiParam[], onlyOrdinary: boolean): Forgery | undefined {
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    if (onlyOrdinary && AUTH.has(p.name)) continue;
    const cuts = boundaries(p.value);
    // A value that keeps its first character, then the longest new name; emptying the value comes last.
    const starts = [...cuts.keys()].slice(1, -1).concat([0]);
    for (const a of starts) {
      for (let b = cuts.length - 1; b > a; b--) {
        const name = p.value.slice(cuts[a], cuts[b]);
        if (!fits(name, p.name, sorted[i + 1]?.name, sorted)) continue;
        const value = p.value.slice(0, cuts[a]);
        const added = { name, value: p.value.slice(cuts[b]) };
        const params = [...sorted.slice(0, i), { name: p.name, value }, added, ...sorted.slice(i + 1)];
        return {
          params,
          kind: 'split',
          description: `${p.name} changed from "${p.value}" to "${value}" and a parameter ${name}="${added.value}" was added.`,
        };
      }
    }
  }
  return undefined;
}

/** The first name of a pair cut short, its tail moved into its value. */
function shiftName(sorted: QueryApiParam[]): Forgery | undefined {
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    const cuts = boundaries(p.name);
    for (let j = cuts.length - 2; j > 0; j--) {
      const name = p.name.slice(0, cuts[j]);
      const others = sorted.filter((_, k) => k !== i);
      if (!fits(name, sorted[i - 1]?.name, sorted[i + 1]?.name, others)) continue;
      const value = p.name.slice(cuts[j]) + p.value;
      return {
        params: [...sorted.slice(0, i), { name, value }, ...sorted.slice(i + 1)],
        kind: 'shift',
        description: `${p.name}="${p.value}" became ${name}="${value}".`,
      };
    }
  }
  return undefined;
}

/** Two neighbours merged: the second's name and value swallowed by the first's value (ordinary ones first). */
function mergePair(sorted: QueryApiParam[]): Forgery | undefined {
  const ordinary = (k: number) => Number(AUTH.has(sorted[k]!.name)) + Number(AUTH.has(sorted[k + 1]!.name));
  const i = [...sorted.keys()].slice(0, -1).sort((x, y) => ordinary(x) - ordinary(y))[0];
  if (i === undefined) return undefined;
  const p = sorted[i]!;
  const q = sorted[i + 1]!;
  const value = p.value + q.name + q.value;
  return {
    params: [...sorted.slice(0, i), { name: p.name, value }, ...sorted.slice(i + 2)],
    kind: 'merge',
    description: `${q.name} was removed and ${p.name} changed from "${p.value}" to "${value}".`,
  };
}

const pairs = (params: readonly QueryApiParam[]): [string, string][] => params.map((p) => [p.name, p.value]);

/** What colliding needs: a SigV1 request (its Signature, if any, is ignored) and the secret to sign both sides. */
export interface CollideInput {
  request: HttpRequest;
  secretAccessKey: string;
}

/** Finds a different parameter list with the same SigV1 signature, and the SigV2 strings that tell them apart. */
export function collide(input: CollideInput): Result<Collision> {
  const { request, secretAccessKey } = input;
  const location = paramLocation(request);
  const params = requestParams(request, location);
  const original = v1StringToSignOf(params, location);
  const sorted = original.params;
  const forgery =
    splitValue(sorted, true) ?? mergePair(sorted) ?? shiftName(sorted) ?? splitValue(sorted, false);
  if (!forgery)
    return fail([
      problem(
        'no-collision',
        'No other parameter list gives this string to sign: a single one-letter parameter cannot be rearranged.',
        request.targetSpan,
      ),
    ]);
  const forged = v1StringToSignOf(forgery.params, location);
  const signature = v1Signature(secretAccessKey, original.text);
  if (forged.text !== original.text)
    throw new Error('collide: the forged list does not give the same string to sign');
  const rest = { ...request, params: [], body: '' };
  const forgedText = placeSignature(rest, location, pairs(forged.params), signature).signedRequest;
  const forgedRequest = parseHttpRequest(forgedText);
  if (!forgedRequest.ok) throw new Error('collide: the forged request does not parse');
  const v2Original = v2StringToSign(request, { location });
  const v2Forged = v2StringToSign(forgedRequest.value, { location });
  if (!v2Original.ok || !v2Forged.ok) return fail([...v2Original.problems, ...v2Forged.problems]);
  const v2Side = (sts: typeof v2Original.value) => ({
    stringToSign: sts.text,
    signature: v2Signature(secretAccessKey, sts.text, sts.signatureMethod),
  });
  return ok({
    original: { params: pairs(original.params), stringToSign: original.text, signature },
    forged: { params: pairs(forged.params), stringToSign: forged.text, signature, request: forgedText },
    kind: forgery.kind,
    description: forgery.description,
    sigv2: { original: v2Side(v2Original.value), forged: v2Side(v2Forged.value) },
  });
}
