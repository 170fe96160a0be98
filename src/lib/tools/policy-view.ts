/**
 * The /policy page as a pure function: the pasted policy, form, secret and time in; the policy decoded, each
 * condition checked, the string to sign, the key chain and the signature verdict out, as plain data the
 * components only render. Never throws: every problem is a `SpotProblem` pointing into the box it is about.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html
 */

import { fromBase64 } from '../sig/crypto';
import {
  parseCredential,
  deriveSigningKey,
  renderScope,
  type KeyChainStep,
  parseHttpDate,
  readPostForm,
  type PostForm,
} from '../sig/registry-sigv4';
import {
  verifyPostPolicy,
  type CheckStatus,
  type ConditionCheck,
  type PolicySignatureCheck,
} from '../sig/registry-sigv4-modes';
import { problem, type Problem, type Span } from '../sig/types';
import { s3Replies } from './policy-replies';
import { bySeverity, spot, type SpotProblem } from './spot';

/** What the page's boxes hold. */
export interface PolicyViewInput {
  /** The policy, JSON or Base64; empty to use the form's Policy field. */
  policy: string;
  form: string;
  secretAccessKey: string;
  /** The time of the upload: ISO 8601 or `YYYYMMDDTHHMMSSZ`. */
  time: string;
  /**
   * The line endings a pasted JSON policy is encoded with. A text box holds LF only, but a policy written on
   * Windows (the S3 documentation's example among them) was Base64-encoded with CRLF.
   */
  lineEndings: 'lf' | 'crlf';
  /** The bucket, when the form does not show it (no action URL, no Host). */
  bucket: string;
  /** The file's size in bytes, when the paste does not hold the file. */
  fileSize: string;
}

/** One row of the conditions table. */
export interface CheckRow {
  status: CheckStatus;
  /** `expiration`, `eq`, `starts-with`, `content-length-range`, or `not covered`. */
  label: string;
  field?: string;
  /** The condition as written in the policy. */
  condition?: string;
  /** Where the condition is in the decoded policy as shown (`PolicyView.policy.json`). */
  policySpan?: Span;
  /** What the form sends, as pasted. */
  value?: string;
  reason: string;
  /** The first failing check: the one S3's AccessDenied is about. */
  first: boolean;
}

/** The signature, as verified. */
export interface SignatureView {
  version: 'sigv4' | 'sigv2';
  /** How the signature is made, in one sentence. */
  rule: string;
  provided: string;
  expected?: string;
  valid?: boolean;
  accessKeyId?: string;
  /** `date/region/s3/aws4_request`, from X-Amz-Credential (SigV4). */
  scope?: string;
  keyChain: KeyChainStep[];
}

/** Everything the page shows. */
export interface PolicyView {
  verdict: 'accepted' | 'rejected' | 'unknown' | 'unreadable';
  summary: string;
  /** What S3 would reply to a refused upload, in its words. */
  replies: string[];
  problems: SpotProblem[];
  policy?: { json: string; from: string; lineEndings: 'LF' | 'CRLF' | 'none'; expiration?: string };
  form: { shape: string; fields: { name: string; value: string }[]; file?: string; action?: string };
  checks: CheckRow[];
  /** The Base64 policy the signature covers: the form's Policy field, or the pasted policy's. */
  stringToSign?: string;
  signature?: SignatureView;
}

const LABEL: Record<ConditionCheck['kind'], string> = {
  expiration: 'expiration',
  eq: 'eq',
  'starts-with': 'starts-with',
  'content-length-range': 'content-length-range',
  coverage: 'not covered',
};

const V4_RULE =
  "Hex HMAC-SHA256 of the Base64 policy under the signing key of X-Amz-Credential's scope (date/region/s3/aws4_request).";
const V2_RULE = 'Base64 of HMAC-SHA1 of the Base64 policy under the secret access key (S3 SigV2).';

/** Problems the policy reader raises; they point into the policy's JSON. */
const isPolicyKind = (kind: string) =>
  kind === 'json' || kind === 'no-policy' || (kind.startsWith('policy-') && kind !== 'policy-differs');

/** The pasted JSON with its LF line endings as CRLF, and the way back from a span in it. */
function encodeLineEndings(text: string, endings: 'lf' | 'crlf') {
  if (endings === 'lf' || !text.trim().startsWith('{') || text.includes('\r'))
    return { text, back: (s: Span) => s };
  const crlf = text.replace(/\n/g, '\r\n');
  return { text: crlf, back: withoutCr(crlf) };
}

/** Moves a span in `text` to the same characters in `text` with its CRLFs as LFs. */
function withoutCr(text: string): (span: Span) => Span {
  const undo = (at: number) => at - (text.slice(0, at).match(/\r(?=\n)/g)?.length ?? 0);
  return (s) => ({ start: undo(s.start), end: undo(s.end) });
}

/** Where a policy problem points: the pasted JSON, or the JSON decoded from pasted Base64. */
function placePolicyProblem(p: Problem, pasted: string, encoded: ReturnType<typeof encodeLineEndings>) {
  if (pasted.trim().startsWith('{'))
    return spot(p.span ? { ...p, span: encoded.back(p.span) } : p, 'Policy', pasted);
  if (p.kind === 'policy-encoding') return spot(p, 'Policy', pasted);
  const bytes = fromBase64(pasted.trim());
  return spot(p, 'Policy (decoded from Base64)', bytes && new TextDecoder().decode(bytes));
}

/** Why a pasted policy may differ from the form's: the same JSON with other line endings. */
function lineEndingHint(form: PostForm, pasted: string): string {
  const field = form.fields.find((f) => f.name.toLowerCase() === 'policy')?.value.trim() ?? '';
  const bytes = fromBase64(field);
  const sent = bytes ? new TextDecoder().decode(bytes) : '';
  const lf = (t: string) => t.replace(/\r\n/g, '\n').trim();
  if (sent !== '' && lf(sent) === lf(pasted))
    return sent.includes('\r\n')
      ? "The form's Policy is this JSON with CRLF line endings: choose CRLF."
      : "The form's Policy is this JSON with LF line endings: choose LF.";
  return "Paste the form's own Policy value to see what was signed.";
}

function readNumber(text: string, what: string, problems: SpotProblem[]): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text.trim());
  if (Number.isInteger(n) && n >= 0) return n;
  problems.push(spot(problem('number', `${what} is a whole number of bytes.`), what));
  return undefined;
}

function signatureView(
  form: PostForm,
  check: PolicySignatureCheck | undefined,
  secret: string,
): SignatureView | undefined {
  if (!check) return undefined;
  const get = (name: string) => form.fields.find((f) => f.name.toLowerCase() === name)?.value;
  const base = {
    version: check.version,
    provided: check.provided,
    ...(check.expected !== undefined ? { expected: check.expected } : {}),
    ...(check.valid !== undefined ? { valid: check.valid } : {}),
  };
  if (check.version === 'sigv2') {
    const id = get('awsaccesskeyid');
    return { ...base, rule: V2_RULE, keyChain: [], ...(id ? { accessKeyId: id } : {}) };
  }
  const credential = parseCredential(get('x-amz-credential') ?? '');
  if (!credential.ok) return { ...base, rule: V4_RULE, keyChain: [] };
  const { scope, accessKeyId } = credential.value;
  const keyChain = secret === '' ? [] : deriveSigningKey(secret, scope).chain;
  return { ...base, rule: V4_RULE, accessKeyId, scope: renderScope(scope), keyChain };
}

function rows(checks: ConditionCheck[], json: string, form: string, timeKnown: boolean): CheckRow[] {
  const first = checks.find((c) => c.status === 'fail');
  return checks.map((c) => {
    const unknownTime = c.kind === 'expiration' && !timeKnown;
    return {
      status: unknownTime ? 'unknown' : c.status,
      label: LABEL[c.kind],
      ...(c.field ? { field: c.field } : {}),
      ...(c.policySpan
        ? {
            condition: json.slice(c.policySpan.start, c.policySpan.end).replace(/\s+/g, ' '),
            policySpan: withoutCr(json)(c.policySpan),
          }
        : {}),
      ...(c.formSpan ? { value: form.slice(c.formSpan.start, c.formSpan.end) } : {}),
      reason: unknownTime ? 'Give the time of the upload to check the expiration.' : c.reason,
      first: c === first && !unknownTime,
    };
  });
}

function verdictOf(
  checks: CheckRow[],
  sig: SignatureView | undefined,
): Pick<PolicyView, 'verdict' | 'summary'> {
  const failed = checks.find((c) => c.first);
  const unknown = checks.filter((c) => c.status === 'unknown').length;
  const parts: string[] = [];
  if (sig?.valid === false) parts.push('the signature does not match the policy');
  if (failed) parts.push(`the ${failed.label} check fails: ${failed.reason}`);
  if (parts.length > 0)
    return { verdict: 'rejected', summary: `S3 would refuse this upload: ${parts.join('; ')}` };
  if (!sig) return { verdict: 'unknown', summary: 'The form has no signature field to verify.' };
  if (sig.valid === undefined)
    return {
      verdict: 'unknown',
      summary: 'The conditions the paste shows are met; give the secret access key to verify the signature.',
    };
  if (unknown > 0)
    return {
      verdict: 'unknown',
      summary: `The signature is valid and no condition fails, but ${unknown} cannot be checked from the paste.`,
    };
  return {
    verdict: 'accepted',
    summary: 'The signature is valid and every condition is met: S3 would accept it.',
  };
}

/** The page's view of a POST policy and its form. */
export function policyView(input: PolicyViewInput): PolicyView {
  const problems: SpotProblem[] = [];
  const time = parseHttpDate(input.time);
  if (!time)
    problems.push(
      spot(
        problem(
          'time',
          input.time.trim() === ''
            ? 'Give the time of the upload to check the expiration.'
            : `"${input.time.trim()}" is not a time: write 2015-12-29T00:00:00Z or 20151229T000000Z.`,
        ),
        'Time',
      ),
    );
  const fileSize = readNumber(input.fileSize, 'File size', problems);
  const pasted = input.policy.trim() === '' ? undefined : input.policy;
  const encoded = encodeLineEndings(input.policy, input.lineEndings);
  const form = readPostForm(input.form);
  const v = verifyPostPolicy({
    form: input.form,
    ...(pasted !== undefined ? { policy: encoded.text } : {}),
    ...(input.secretAccessKey !== '' ? { secretAccessKey: input.secretAccessKey } : {}),
    now: time ?? new Date(NaN),
    ...(input.bucket.trim() !== '' ? { bucket: input.bucket.trim() } : {}),
    ...(fileSize !== undefined ? { fileSize } : {}),
  });
  // verifyPostPolicy reads the same form first: its first problems are the form reader's.
  for (const found of v.problems.slice(form.problems.length)) {
    const p =
      found.kind === 'policy-differs' && pasted !== undefined
        ? { ...found, hint: lineEndingHint(form, pasted) }
        : found;
    problems.push(
      pasted !== undefined && isPolicyKind(p.kind)
        ? placePolicyProblem(p, pasted, encoded)
        : spot(p, 'Form', input.form),
    );
  }
  problems.unshift(...form.problems.map((p) => spot(p, 'Form', input.form)));
  const formView = {
    shape: { html: 'an HTML form', multipart: 'a multipart/form-data body', fields: 'name=value fields' }[
      form.shape
    ],
    fields: form.fields.map((f) => ({ name: f.name, value: f.value })),
    ...(form.file ? { file: form.file.filename ?? form.file.name } : {}),
    ...(form.action ? { action: form.action.url } : {}),
  };
  const d = v.ok ? v.value.trace.details : undefined;
  if (!d)
    return {
      verdict: 'unreadable',
      summary: 'The policy cannot be read: see the problem marked below.',
      replies: [],
      problems: bySeverity(problems),
      form: formView,
      checks: [],
    };
  const checks = rows(d.checks, d.policy.json, input.form, time !== undefined);
  const signature = signatureView(form, d.signature, input.secretAccessKey);
  const policyField = form.fields.find((f) => f.name.toLowerCase() === 'policy');
  const json = d.policy.json;
  return {
    ...verdictOf(checks, signature),
    // A time that cannot be read leaves the expiration unjudged: no reply is said about it.
    replies: s3Replies(
      d.checks.filter((c) => c.kind !== 'expiration' || time !== undefined),
      d.policy,
      signature?.valid,
    ),
    problems: bySeverity(problems),
    policy: {
      json: json.replace(/\r\n/g, '\n'),
      from:
        pasted === undefined ? "the form's Policy field" : pasted.trim().startsWith('{') ? 'JSON' : 'Base64',
      lineEndings: json.includes('\r\n') ? 'CRLF' : json.includes('\n') ? 'LF' : 'none',
      ...(d.policy.expiration ? { expiration: d.policy.expiration.value } : {}),
    },
    form: formView,
    checks,
    stringToSign: policyField?.value.trim() ?? d.policy.base64,
    ...(signature ? { signature } : {}),
  };
}
