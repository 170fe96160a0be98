/**
 * Signing a POST policy with SigV4: the policy's JSON as UTF-8, Base64-encoded, is the string to sign; the
 * signature is hex HMAC-SHA256 under the scoped signing key (date/region/s3/aws4_request). The form then carries
 * the Policy, X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date and X-Amz-Signature fields.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html
 */

import { hmacWithKey, toHex } from '../crypto';
import type { SchemeCredentials, SchemeTrace, TraceStage } from '../trace';
import { fail, ok, problem, type Problem, type Result } from '../types';
import { deriveSigningKey, renderScope, scopeOf, type CredentialScope } from '../v4/signing-key';
import { ALGORITHM } from '../v4/string-to-sign';
import { toAmzDate } from '../v4/time';
import { POLICY_DOC, readPolicy, type PostPolicy } from './policy';

/** The S3 page on SigV4 POST authentication. */
export const POST_AUTH_DOC =
  'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html';

/** What signing a policy takes. */
export interface SignPostPolicyInput {
  /** The policy's JSON exactly as it is to be encoded (line endings matter), or its Base64. */
  policy: string;
  credentials: SchemeCredentials;
  region: string;
  /** `s3` unless given. */
  service?: string;
  /** The signing time: its day is the scope's, and it is the X-Amz-Date field. */
  time: Date;
}

/** What the policy trace carries besides the common shape. */
export interface PostPolicyDetails {
  policy: PostPolicy;
  scope: CredentialScope;
  credential: string;
  amzDate: string;
}

/** Hex HMAC-SHA256 of the Base64 policy under the signing key of a scope. */
export function postPolicySignature(secretAccessKey: string, scope: CredentialScope, base64: string): string {
  return toHex(hmacWithKey(deriveSigningKey(secretAccessKey, scope).key, base64));
}

/** The fields the policy must name for the form's own SigV4 fields, and what they must equal. */
export function requiredSigningConditions(policy: PostPolicy, fields: Record<string, string>): Problem[] {
  const out: Problem[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const c = policy.conditions.find((x) => x.kind === 'eq' && x.field.toLowerCase() === name);
    if (!c)
      out.push(
        problem(
          'policy-signing-condition',
          `The policy has no {"${name}": "${value}"} condition; S3 requires one.`,
          undefined,
          { severity: 'warning' },
        ),
      );
    else if (c.kind === 'eq' && c.value !== value)
      out.push(
        problem(
          'policy-signing-condition',
          `The policy says ${name} is "${c.value}", but the form will send "${value}".`,
          c.span,
          { severity: 'warning' },
        ),
      );
  }
  return out;
}

/** The policy stages: decoded JSON and the Base64 string to sign. */
export function policyStages(policy: PostPolicy): TraceStage[] {
  return [
    {
      id: 'policy',
      title: 'Policy',
      rule: 'A JSON document: an expiration and the conditions every form field must meet.',
      docUrl: POLICY_DOC,
      text: policy.json,
      lines: policy.json.split('\n').map((text) => ({ label: 'policy', text, sources: [] })),
    },
    {
      id: 'string-to-sign',
      title: 'String to sign (Base64 of the policy)',
      rule: "The policy's UTF-8 bytes, exactly as sent (line endings included), in Base64: the form's Policy field.",
      docUrl: POST_AUTH_DOC,
      text: policy.base64,
      lines: [{ label: 'policy-base64', text: policy.base64, sources: [] }],
    },
  ];
}

/** Signs a POST policy and returns the form fields to send. */
export function signPostPolicy(input: SignPostPolicyInput): Result<SchemeTrace<PostPolicyDetails>> {
  if (Number.isNaN(input.time.getTime()))
    return fail([problem('time', 'The signing time is not a valid date.')]);
  const read = readPolicy(input.policy);
  if (!read.ok) return fail(read.problems);
  const policy = read.value;
  const amzDate = toAmzDate(input.time);
  const scope = scopeOf(amzDate, input.region, input.service ?? 's3');
  const credential = `${input.credentials.accessKeyId}/${renderScope(scope)}`;
  const key = deriveSigningKey(input.credentials.secretAccessKey, scope);
  const signature = toHex(hmacWithKey(key.key, policy.base64));
  const fields: Record<string, string> = {
    'x-amz-algorithm': ALGORITHM,
    'x-amz-credential': credential,
    'x-amz-date': amzDate,
  };
  if (input.credentials.sessionToken) fields['x-amz-security-token'] = input.credentials.sessionToken;
  const notes = [...read.problems, ...requiredSigningConditions(policy, fields)];
  const body: [string, string][] = [
    ['X-Amz-Algorithm', ALGORITHM],
    ['X-Amz-Credential', credential],
    ['X-Amz-Date', amzDate],
    ...(input.credentials.sessionToken
      ? [['X-Amz-Security-Token', input.credentials.sessionToken] as [string, string]]
      : []),
    ['Policy', policy.base64],
    ['X-Amz-Signature', signature],
  ];
  return ok(
    {
      scheme: 'sigv4-s3',
      mode: 'policy',
      stages: [
        ...policyStages(policy),
        {
          id: 'signature',
          title: 'Signature',
          rule: 'Hex HMAC-SHA256 of the Base64 policy under the signing key of date/region/s3/aws4_request.',
          docUrl: POST_AUTH_DOC,
          text: signature,
          lines: [{ label: 'signature', text: signature, sources: [] }],
        },
      ],
      keyChain: key.chain.map((k) => ({ label: k.name, hex: k.hex })),
      signature,
      signatureEncoding: 'hex',
      added: { headers: [], query: [], body },
      signedRequest: body.map(([n, v]) => `${n}=${v}`).join('\n'),
      notes,
      details: { policy, scope, credential, amzDate },
    },
    notes,
  );
}
