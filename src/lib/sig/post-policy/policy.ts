/**
 * A POST policy as a typed value: its expiration and its conditions, each with the span of the JSON it came
 * from. Read from the JSON or from its Base64 (as the form's `Policy` field carries it); bad input is problems.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */

import { fromBase64, toBase64, toBytes } from '../crypto';
import { parseLocatedJson, type Json } from '../json-source';
import { fail, ok, problem, type Problem, type Result, type Span } from '../types';

/** One condition of a policy. Field names are kept without `$` and compared case-insensitively. */
export type PolicyCondition =
  | { kind: 'eq'; field: string; value: string; span: Span }
  | { kind: 'starts-with'; field: string; prefix: string; span: Span }
  | { kind: 'content-length-range'; min: number; max: number; span: Span };

/** A policy as read. */
export interface PostPolicy {
  /** The JSON text (decoded from the Base64 when that was given). */
  json: string;
  /** The Base64 the signature signs: as given, or the JSON's UTF-8 encoded. */
  base64: string;
  expiration?: { value: string; time?: Date; span: Span };
  conditions: PolicyCondition[];
}

/** The policy page of the S3 API reference. */
export const POLICY_DOC =
  'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html';

/** Reads a pasted policy: JSON, or its Base64. Spans of problems point into the JSON text. */
export function readPolicy(text: string): Result<PostPolicy> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return readPolicyJson(text, toBase64(toBytes(text)));
  const bytes = fromBase64(trimmed);
  const json = bytes && new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!json || !json.trim().startsWith('{')) {
    return fail([
      problem(
        'policy-encoding',
        'A POST policy is JSON ({"expiration": …, "conditions": […]}) or the Base64 of it.',
        {
          start: 0,
          end: text.length,
        },
      ),
    ]);
  }
  return readPolicyJson(json, trimmed);
}

function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Reads the policy's JSON; `base64` is what the signature covers. */
export function readPolicyJson(json: string, base64: string): Result<PostPolicy> {
  const parsed = parseLocatedJson(json);
  if (!parsed.ok) return fail(parsed.problems);
  const doc = parsed.value;
  const at = (pointer: string): Span => doc.locations.get(pointer)?.span ?? { start: 0, end: json.length };
  const root = doc.value;
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    return fail([
      problem('policy-shape', 'A POST policy is a JSON object with "expiration" and "conditions".', at('')),
    ]);
  }
  const problems: Problem[] = [];
  const policy: PostPolicy = { json, base64, conditions: [] };
  const expiration = root['expiration'];
  if (expiration === undefined) {
    problems.push(
      problem('policy-expiration', 'The policy has no "expiration"; S3 requires one.', at(''), {
        severity: 'warning',
      }),
    );
  } else if (typeof expiration !== 'string') {
    problems.push(
      problem(
        'policy-expiration',
        '"expiration" is an ISO 8601 time in a string, such as "2015-12-30T12:00:00.000Z".',
        at('/expiration'),
      ),
    );
  } else {
    const ms = Date.parse(expiration);
    const span = at('/expiration');
    policy.expiration = { value: expiration, span, ...(Number.isNaN(ms) ? {} : { time: new Date(ms) }) };
    if (Number.isNaN(ms))
      problems.push(problem('policy-expiration', `"${expiration}" is not an ISO 8601 time.`, span));
  }
  const conditions = root['conditions'];
  if (!Array.isArray(conditions)) {
    problems.push(problem('policy-conditions', 'The policy has no "conditions" list.', at('')));
    return fail(problems);
  }
  conditions.forEach((c, i) => readCondition(c, `/conditions/${i}`, at, policy.conditions, problems));
  return problems.some((p) => p.severity === 'error') ? fail(problems) : ok(policy, problems);
}

function readCondition(
  c: Json,
  pointer: string,
  at: (p: string) => Span,
  out: PolicyCondition[],
  problems: Problem[],
): void {
  const span = at(pointer);
  if (typeof c === 'object' && c !== null && !Array.isArray(c)) {
    const entries = Object.entries(c);
    if (entries.length !== 1 || typeof entries[0]![1] !== 'string') {
      problems.push(
        problem('policy-condition', 'An exact-match condition is one {"field": "value"} pair.', span),
      );
      return;
    }
    out.push({ kind: 'eq', field: entries[0]![0].replace(/^\$/, ''), value: entries[0]![1], span });
    return;
  }
  if (!Array.isArray(c) || c.length !== 3) {
    problems.push(
      problem(
        'policy-condition',
        'A condition is {"field": "value"}, ["eq" | "starts-with", "$field", "value"] or ["content-length-range", min, max].',
        span,
      ),
    );
    return;
  }
  const op = str(c[0])?.toLowerCase();
  if (op === 'content-length-range') {
    const [min, max] = [c[1], c[2]].map((v) =>
      typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN,
    );
    if (!Number.isInteger(min) || !Number.isInteger(max) || min! > max!) {
      problems.push(
        problem(
          'policy-condition',
          'content-length-range takes two whole numbers of bytes, the smaller first.',
          span,
        ),
      );
      return;
    }
    out.push({ kind: 'content-length-range', min: min!, max: max!, span });
    return;
  }
  const field = str(c[1]);
  const value = str(c[2]);
  if ((op !== 'eq' && op !== 'starts-with') || field === undefined || value === undefined) {
    problems.push(
      problem(
        'policy-condition',
        `"${String(c[0])}" is not a condition S3 knows: use eq, starts-with or content-length-range, with a "$field" and a value.`,
        span,
      ),
    );
    return;
  }
  if (!field.startsWith('$')) {
    problems.push(
      problem('policy-condition', `The field is written with a $: "$${field}".`, at(`${pointer}/1`), {
        severity: 'warning',
      }),
    );
  }
  const name = field.replace(/^\$/, '');
  out.push(
    op === 'eq'
      ? { kind: 'eq', field: name, value, span }
      : { kind: 'starts-with', field: name, prefix: value, span },
  );
}
