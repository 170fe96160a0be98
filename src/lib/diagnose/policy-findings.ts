/**
 * Findings about a POST upload, in the vocabulary of the others: each refusal S3 sent (a condition failed, the
 * policy expired, a field the policy does not cover, a file outside content-length-range, a policy it cannot read,
 * a signature that does not sign the policy) mapped to the check of the POST policy engine that fails. Shown when
 * the check of the pasted policy and form fails as S3 says; suspected when it does not, or nothing was pasted.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */

import type { ConditionCheck, PostPolicyVerifyDetails } from '../sig/registry-sigv4-modes';
import type { SigningReply } from '../sig/server-error/signing-reply';
import type { Basis, Finding } from './types';

const RESIGN = 'and sign the policy again';
const FILENAME = /\$\{filename\}/;

/** The finding for one check of the form against its policy. */
function checkFinding(check: ConditionCheck, basis: Basis, said: string, message?: string): Finding {
  const note =
    basis === 'shown'
      ? 'The check of the pasted form against its policy fails here.'
      : 'S3 says so; the check of the pasted form does not reproduce it.';
  // S3 fills in `${filename}` itself; as evidence it would read as a placeholder someone left, so it is quoted.
  const evidence = FILENAME.test(said)
    ? { note: `${note} S3 said: ${said}` }
    : { ...(said ? { server: said } : {}), note };
  const field = check.field ?? 'content-length';
  const base = { basis, evidence, message: message ?? check.reason };
  switch (check.kind) {
    case 'expiration':
      return {
        ...base,
        kind: 'clock',
        component: 'timestamp',
        cause: 'policy-expired',
        fix: "Sign a new policy whose expiration is after the upload reaches S3 (S3 judges it by its own clock), and check the signer's clock.",
      };
    case 'coverage':
      return {
        ...base,
        kind: 'client',
        component: 'headers',
        name: field,
        cause: 'policy-field-not-covered',
        fix: `Add a condition for ${field} to the policy (["starts-with", "$${field}", ""] allows any value) ${RESIGN}, or stop sending the field.`,
      };
    case 'content-length-range':
      return {
        ...base,
        kind: 'client',
        component: 'headers',
        name: 'content-length',
        cause: 'policy-size-out-of-range',
        fix: `Upload a file within the policy's content-length-range, or widen the range ${RESIGN}.`,
      };
    default:
      return {
        ...base,
        kind: 'client',
        component: 'headers',
        name: field,
        cause: 'policy-condition-failed',
        fix: `Send ${field} as the policy's condition requires, or change the condition ${RESIGN}.`,
      };
  }
}

/** A finding from the server's words alone (no form pasted, or none of its checks is about this). */
function saidOnly(
  kind: ConditionCheck['kind'],
  field: string | undefined,
  message: string,
  said: string,
): Finding {
  const check: ConditionCheck = { kind, status: 'unknown', reason: message, ...(field ? { field } : {}) };
  return checkFinding(check, 'suspected', said, message);
}

const failing = (d: PostPolicyVerifyDetails | undefined, test: (c: ConditionCheck) => boolean) =>
  d?.checks.find((c) => test(c) && c.status === 'fail') ?? d?.checks.find(test);

function fromCheck(
  check: ConditionCheck | undefined,
  fallback: () => Finding,
  said: string,
  pass: (c: ConditionCheck) => string,
): Finding {
  if (!check) return fallback();
  if (check.status === 'fail') return checkFinding(check, 'shown', said);
  return checkFinding(check, 'suspected', said, pass(check));
}

/** What each POST refusal rests on; with no reply, every check of the pasted form that fails. */
export function policyDenialFindings(
  reply: SigningReply | undefined,
  details: PostPolicyVerifyDetails | undefined,
  said: string,
  timed: boolean,
): Finding[] {
  if (!reply)
    return (details?.checks ?? [])
      .filter((c) => c.status === 'fail')
      .map((c) => checkFinding(c, 'shown', ''));
  const notSent = (c: ConditionCheck) =>
    `S3 says this failed, but the form pasted meets it (${c.reason}): the form sent is not the one pasted.`;
  switch (reply.kind) {
    case 'policy-condition': {
      const cond = reply.condition;
      if (!cond) {
        const first = failing(details, (c) => c.kind !== 'expiration' && c.kind !== 'coverage');
        if (first?.status === 'fail') return [checkFinding(first, 'shown', said)];
        return [
          saidOnly('eq', undefined, 'S3 says a condition of the policy failed, without naming it.', said),
        ];
      }
      const range = cond.op === 'content-length-range';
      const check = failing(details, (c) =>
        range ? c.kind === cond.op : c.field === cond.field && c.kind === cond.op,
      );
      const fallback = () =>
        saidOnly(
          range ? 'content-length-range' : cond.op === 'starts-with' ? 'starts-with' : 'eq',
          cond.field,
          `S3 says the policy's condition ${cond.text} is not met by the form sent${details ? ', and the policy pasted has no such condition: the form sent carries another policy' : ''}.`,
          said,
        );
      return [fromCheck(check, fallback, said, notSent)];
    }
    case 'policy-expired': {
      const check = failing(details, (c) => c.kind === 'expiration');
      const later = (c: ConditionCheck) =>
        `S3 says the policy expired. ${c.reason.replace(/\.$/, '')}${timed ? '' : " (judged at the form's X-Amz-Date)"}: the upload reached S3 after the expiration, or S3's clock and the signer's disagree.`;
      return [
        fromCheck(
          check,
          () => saidOnly('expiration', undefined, 'S3 says the policy expired.', said),
          said,
          later,
        ),
      ];
    }
    case 'policy-extra-fields':
      return reply.fields.map((name) =>
        fromCheck(
          failing(details, (c) => c.kind === 'coverage' && c.field === name),
          () =>
            saidOnly(
              'coverage',
              name,
              `S3 received a field ${name} that no condition of the policy names${details ? ', and the form pasted has no such field: something adds it (a framework, the browser)' : ''}.`,
              said,
            ),
          said,
          notSent,
        ),
      );
    case 'entity-size': {
      const bound =
        reply.limit !== undefined
          ? ` (${reply.too === 'large' ? 'at most' : 'at least'} ${reply.limit})`
          : '';
      const message = `S3 says the upload${reply.proposed !== undefined ? ` of ${reply.proposed} bytes` : ''} is too ${reply.too} for the policy's content-length-range${bound}.`;
      return [
        fromCheck(
          failing(details, (c) => c.kind === 'content-length-range'),
          () => saidOnly('content-length-range', undefined, message, said),
          said,
          () => message,
        ),
      ];
    }
    case 'policy-invalid':
      return [
        {
          kind: 'client',
          basis: 'shown',
          component: 'headers',
          name: 'policy',
          cause: 'policy-invalid',
          message: `S3 could not read the policy: ${reply.reason || said}`,
          fix: 'Send Policy as the Base64 of a JSON document with "expiration" and "conditions", each condition an object or an array S3 knows.',
          evidence: { server: said, note: "The server's reply states it." },
        },
      ];
    default:
      return [];
  }
}

/** A SignatureDoesNotMatch on a POST: S3's string to sign is the Base64 policy it received. */
export function policySignatureFindings(
  serverBase64: string,
  details: PostPolicyVerifyDetails | undefined,
  hasSecret: boolean,
): Finding[] {
  if (!details) return [];
  const ours =
    details.form.fields.find((f) => f.name.toLowerCase() === 'policy')?.value.replace(/\s+/g, '') ?? '';
  if (ours !== serverBase64) {
    return [
      {
        kind: 'transit',
        basis: 'shown',
        component: 'headers',
        name: 'policy',
        cause: 'policy-changed-in-transit',
        message:
          "S3 checked the signature over a Policy other than the form's: the field changed between the form and S3.",
        fix: 'Send the Policy field exactly as it was signed: no re-encoding, added line breaks or URL-encoding of its Base64.',
        evidence: { ours, server: serverBase64, note: "S3's StringToSign is the Policy it received." },
      },
    ];
  }
  if (!hasSecret || details.signature?.valid === undefined) return [];
  const valid = details.signature.valid;
  return [
    {
      kind: 'credentials',
      basis: 'suspected',
      component: 'secret',
      cause: valid ? 'wrong-secret' : 'post-signature-mismatch',
      message: valid
        ? 'The form signs its policy correctly with this secret, yet S3 rejects it: the secret is not the one S3 holds for this access key.'
        : "S3 checked the same Policy as the form's, and the signature does not sign it under the key of X-Amz-Credential's scope: the client signed with another secret, date or region, or signed something other than the Base64 policy.",
      fix: 'Sign the Base64 Policy itself with the signing key of the scope in X-Amz-Credential (the secret that belongs to its access key, its date and region).',
      evidence: { note: "S3's StringToSign equals the form's Policy." },
    },
  ];
}
