/**
 * S3's refusals of a browser POST upload, read from the reply: `AccessDenied` with "Invalid according to
 * Policy: Policy Condition failed: ["eq", "$bucket", "x"]", "… Policy expired.", "… Extra input fields: name",
 * "Invalid Policy: …" for a policy it cannot read, and `EntityTooLarge` / `EntityTooSmall` with the proposed size
 * and the bound from `content-length-range`. MinIO says "Access Denied. (Invalid according to Policy: Policy
 * Condition failed)" without naming the condition.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */

import type { Span } from '../types';
import { readSizeMember } from './members';
import type { ServerError } from './types';

/** The condition S3 names, as it prints it: `["eq", "$bucket", "x"]`, `["starts-with", "$key", "u/"]`, … */
export interface DeniedCondition {
  /** `eq`, `starts-with`, `content-length-range`, or what the server wrote. */
  op: string;
  /** The field without its `$`, lower-case (`bucket`, `key`, `content-type`); absent for a range. */
  field?: string;
  /** The value (`eq`) or prefix (`starts-with`); for a range, "min,max". */
  value: string;
  /** The condition as the reply wrote it, whitespace collapsed. */
  text: string;
}

/** A POST refusal, by kind. */
export type PolicyDenial =
  | { kind: 'policy-condition'; condition?: DeniedCondition }
  | { kind: 'policy-expired' }
  | { kind: 'policy-extra-fields'; fields: string[] }
  | { kind: 'policy-invalid'; reason: string }
  | { kind: 'entity-size'; too: 'large' | 'small'; proposed?: number; limit?: number };

const CONDITION = /Policy Condition failed(?::\s*(\[[^\]]*\]))?/i;
const EXTRA = /Extra input fields:\s*([^<\n]+)/i;

function condition(raw: string): DeniedCondition | undefined {
  const text = raw.replace(/\s+/g, ' ').trim();
  let parts: unknown;
  try {
    parts = JSON.parse(text);
  } catch {
    // Not JSON as printed (a quote cut by the paste): the condition is named but cannot be read into parts.
    return undefined;
  }
  if (!Array.isArray(parts) || parts.length < 2) return undefined;
  const [op, a, b] = parts.map((p) => (typeof p === 'string' || typeof p === 'number' ? String(p) : ''));
  if (op === 'content-length-range') return { op, value: `${a},${b ?? ''}`, text };
  const field = a?.replace(/^\$/, '').toLowerCase();
  return { op: op!.toLowerCase(), ...(field ? { field } : {}), value: b ?? '', text };
}

/** Reads a POST refusal from a reply; `undefined` when the reply is not one. `paste` holds the reply's members. */
export function readPolicyDenial(server: ServerError, paste: string, span: Span): PolicyDenial | undefined {
  const message = server.message ?? '';
  if (server.code === 'EntityTooLarge' || server.code === 'EntityTooSmall') {
    const too = server.code === 'EntityTooLarge' ? 'large' : 'small';
    const proposed = readSizeMember(paste, span, 'ProposedSize');
    const limit = readSizeMember(paste, span, too === 'large' ? 'MaxSizeAllowed' : 'MinSizeAllowed');
    return {
      kind: 'entity-size',
      too,
      ...(proposed !== undefined ? { proposed } : {}),
      ...(limit !== undefined ? { limit } : {}),
    };
  }
  if (!/Invalid (according to )?Policy/i.test(message)) return undefined;
  if (/Policy expired/i.test(message)) return { kind: 'policy-expired' };
  const extra = EXTRA.exec(message);
  if (extra) {
    const fields = extra[1]!
      .split(/[,\s]+/)
      .map((f) => f.replace(/[.)]+$/, '').toLowerCase())
      .filter(Boolean);
    return { kind: 'policy-extra-fields', fields };
  }
  const failed = CONDITION.exec(message);
  if (failed) {
    const c = failed[1] !== undefined ? condition(failed[1]) : undefined;
    return { kind: 'policy-condition', ...(c ? { condition: c } : {}) };
  }
  return { kind: 'policy-invalid', reason: message.replace(/^.*?Invalid (according to )?Policy:?\s*/i, '') };
}
