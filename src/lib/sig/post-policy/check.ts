/**
 * Checking a form against its policy as S3 does: the policy not expired, every condition met by the form's
 * fields, and every field but the exempt ones named by some condition. Each check says which field decided it
 * and why; what the paste cannot show (the bucket, the file's size) is "cannot tell", never a guess.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */

import type { Span } from '../types';
import type { FormField, PostForm } from './form';
import type { PolicyCondition, PostPolicy } from './policy';

/** How one check came out. */
export type CheckStatus = 'pass' | 'fail' | 'unknown';

/** One condition, or one field's coverage, as checked. */
export interface ConditionCheck {
  /** `expiration`, the condition's kind, or `coverage` for a field no condition names. */
  kind: 'expiration' | PolicyCondition['kind'] | 'coverage';
  status: CheckStatus;
  /** The field the check is about, lower-case. */
  field?: string;
  /** One sentence: what was compared, and why it passes or fails. */
  reason: string;
  /** The condition's span in the policy JSON. */
  policySpan?: Span;
  /** The span of the form field's value in the form paste. */
  formSpan?: Span;
}

/** What the form cannot say by itself. */
export interface CheckContext {
  /** The time the upload is (or was) made. */
  now: Date;
  /** The bucket, when the form's action URL does not show it. */
  bucket?: string;
  /** The file's size in bytes, when the paste does not hold the file. */
  fileSize?: number;
}

/**
 * Fields a policy need not name: the signature, the policy itself, the file, and `x-ignore-*` (SigV4); SigV2's
 * `AWSAccessKeyId` and `Signature` too.
 */
export function exemptFromCoverage(lowerName: string): boolean {
  return (
    ['x-amz-signature', 'policy', 'file', 'awsaccesskeyid', 'signature'].includes(lowerName) ||
    lowerName.startsWith('x-ignore-')
  );
}

/** The bucket of an S3 POST URL: `https://bucket.s3….amazonaws.com/` or `https://s3….amazonaws.com/bucket`. */
export function bucketOfUrl(url: string): string | undefined {
  const m = /^https?:\/\/([^/:]+)(?::\d+)?(\/[^?#]*)?/i.exec(url.trim());
  if (!m) return undefined;
  const host = m[1]!.toLowerCase();
  const virtual = /^(.+?)\.s3[.-](?:[a-z0-9-]+\.)*amazonaws\.com(?:\.cn)?$/.exec(host);
  if (virtual) return virtual[1];
  if (/^s3[.-]/.test(host)) return m[2]?.split('/')[1] || undefined;
  return undefined;
}

function fieldOf(form: PostForm, lower: string): FormField | undefined {
  return form.fields.find((f) => f.name.toLowerCase() === lower);
}

/** The value S3 compares for `key`: `${filename}` replaced by the uploaded file's name, when it is known. */
function compared(field: FormField, form: PostForm): string {
  return field.name.toLowerCase() === 'key' && form.file?.filename !== undefined
    ? field.value.replace(/\$\{filename\}/g, form.file.filename)
    : field.value;
}

function checkCondition(c: PolicyCondition, form: PostForm, ctx: CheckContext): ConditionCheck {
  if (c.kind === 'content-length-range') {
    const size = form.file?.size ?? ctx.fileSize;
    const base = { kind: c.kind, policySpan: c.span, ...(form.file ? { formSpan: form.file.span } : {}) };
    if (size === undefined)
      return {
        ...base,
        status: 'unknown',
        reason: `The file must be ${c.min} to ${c.max} bytes; the paste does not show its size.`,
      };
    const inRange = size >= c.min && size <= c.max;
    return {
      ...base,
      status: inRange ? 'pass' : 'fail',
      reason: `The file is ${size} bytes; the policy allows ${c.min} to ${c.max}${inRange ? '' : size < c.min ? ': too small' : ': too large'}.`,
    };
  }
  const lower = c.field.toLowerCase();
  const wanted =
    c.kind === 'eq'
      ? `equal "${c.value}"`
      : c.prefix === ''
        ? 'be present (any value)'
        : `start with "${c.prefix}"`;
  if (lower === 'bucket') {
    const bucket = (form.action && bucketOfUrl(form.action.url)) ?? ctx.bucket;
    const base = {
      kind: c.kind,
      field: lower,
      policySpan: c.span,
      ...(form.action ? { formSpan: form.action.span } : {}),
    };
    if (bucket === undefined)
      return {
        ...base,
        status: 'unknown',
        reason: `The bucket must ${wanted}; the paste does not show which bucket the form posts to.`,
      };
    const pass = c.kind === 'eq' ? bucket === c.value : bucket.startsWith(c.prefix);
    return {
      ...base,
      status: pass ? 'pass' : 'fail',
      reason: `The form posts to bucket "${bucket}"; the policy says the bucket must ${wanted}.`,
    };
  }
  const field = fieldOf(form, lower);
  if (!field) {
    return {
      kind: c.kind,
      field: lower,
      status: 'fail',
      policySpan: c.span,
      reason: `The policy says ${c.field} must ${wanted}, but the form has no ${c.field} field.`,
    };
  }
  const value = compared(field, form);
  const pass = c.kind === 'eq' ? value === c.value : value.startsWith(c.prefix);
  const shown = value === field.value ? `"${value}"` : `"${field.value}" (read as "${value}")`;
  return {
    kind: c.kind,
    field: lower,
    status: pass ? 'pass' : 'fail',
    policySpan: c.span,
    formSpan: field.span,
    reason: pass
      ? `${field.name} is ${shown}; the policy says it must ${wanted}.`
      : `${field.name} is ${shown}, but the policy says it must ${wanted}${c.kind === 'eq' ? ' (exactly, case-sensitive)' : ''}.`,
  };
}

/** Checks the expiration, each condition, and that every field is named by a condition. */
export function checkPolicy(policy: PostPolicy, form: PostForm, ctx: CheckContext): ConditionCheck[] {
  const checks: ConditionCheck[] = [];
  const exp = policy.expiration;
  if (exp?.time) {
    const expired = ctx.now.getTime() > exp.time.getTime();
    checks.push({
      kind: 'expiration',
      status: expired ? 'fail' : 'pass',
      policySpan: exp.span,
      reason: expired
        ? `The policy expired at ${exp.time.toISOString()}; the upload is at ${ctx.now.toISOString()}.`
        : `The policy is valid until ${exp.time.toISOString()}.`,
    });
  }
  for (const c of policy.conditions) checks.push(checkCondition(c, form, ctx));
  const named = new Set(
    policy.conditions.flatMap((c) => (c.kind === 'content-length-range' ? [] : [c.field.toLowerCase()])),
  );
  for (const f of form.fields) {
    const lower = f.name.toLowerCase();
    if (exemptFromCoverage(lower) || named.has(lower)) continue;
    checks.push({
      kind: 'coverage',
      field: lower,
      status: 'fail',
      formSpan: f.span,
      reason: `The form sends ${f.name}, but no condition in the policy names it; S3 rejects fields the policy does not cover.`,
    });
  }
  return checks;
}
