/**
 * Reading and writing what a signed request carries: the `Authorization` header
 * (`AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`) and the credential `AKID/date/region/service/aws4_request`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#add-signature-to-request
 */

import { fail, ok, problem, type Problem, type Result, type Span } from '../types';
import { renderScope, type CredentialScope } from './signing-key';

/** A parsed credential: the access key and the scope. */
export interface Credential {
  accessKeyId: string;
  scope: CredentialScope;
}

/** What a SigV4 `Authorization` header says, with the span of each part in the pasted request. */
export interface SigV4Authorization {
  algorithm: string;
  credential: Credential;
  signedHeaders: string[];
  signature: string;
  spans: { algorithm: Span; credential: Span; signedHeaders: Span; signature: Span };
}

/**
 * Parses `AKID/20150830/us-east-1/service/aws4_request`; `offset` places spans in the source. A `regionless`
 * credential (SigV4A) reads `AKID/20150830/service/aws4_request` and gives the scope an empty region.
 */
export function parseCredential(text: string, offset = 0, regionless = false): Result<Credential> {
  const parts = text.split('/');
  const span = { start: offset, end: offset + text.length };
  if (parts.length !== (regionless ? 4 : 5) || parts.some((p) => p === '')) {
    const shape = regionless ? 'YYYYMMDD/service' : 'YYYYMMDD/region/service';
    return fail([
      problem(
        'credential',
        `The credential should read "ACCESS_KEY/${shape}/aws4_request"; got "${text}".`,
        span,
      ),
    ]);
  }
  if (regionless) parts.splice(2, 0, '');
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  const problems: Problem[] = [];
  if (!/^\d{8}$/.test(date)) {
    const start = offset + accessKeyId.length + 1;
    problems.push(
      problem('credential-date', `The scope date "${date}" should be YYYYMMDD.`, {
        start,
        end: start + date.length,
      }),
    );
  }
  if (terminator !== 'aws4_request') {
    const start = offset + text.length - terminator.length;
    problems.push(
      problem('credential-terminator', `The scope should end in "aws4_request", not "${terminator}".`, {
        start,
        end: offset + text.length,
      }),
    );
  }
  return problems.length > 0
    ? fail(problems)
    : ok({ accessKeyId, scope: { date, region, service, terminator } });
}

/** Renders the credential as it appears in `Authorization` and `X-Amz-Credential`. */
export function renderCredential(credential: Credential): string {
  return `${credential.accessKeyId}/${renderScope(credential.scope)}`;
}

/**
 * Parses an `Authorization` header value. `offset` is where the value starts in the pasted text. Components may be
 * separated by `,` with or without spaces, in any order. `regionless` reads a SigV4A credential.
 */
export function parseAuthorization(
  value: string,
  offset = 0,
  regionless = false,
): Result<SigV4Authorization> {
  const whole = { start: offset, end: offset + value.length };
  const algoMatch = /^\s*(\S+)/.exec(value);
  if (!algoMatch) return fail([problem('authorization', 'The Authorization header is empty.', whole)]);
  const algorithm = algoMatch[1]!;
  const algorithmStart = offset + algoMatch[0].length - algorithm.length;
  const fields = new Map<string, { text: string; span: Span }>();
  const re = /(\w+)=([^,\s]*)/g;
  re.lastIndex = algoMatch[0].length;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const start = offset + m.index + m[1]!.length + 1;
    fields.set(m[1]!, { text: m[2]!, span: { start, end: start + m[2]!.length } });
  }
  const problems: Problem[] = [];
  for (const name of ['Credential', 'SignedHeaders', 'Signature']) {
    if (!fields.has(name)) {
      problems.push(problem('authorization', `The Authorization header has no ${name}=… component.`, whole));
    }
  }
  if (problems.length > 0) return fail(problems);
  const cred = fields.get('Credential')!;
  const signed = fields.get('SignedHeaders')!;
  const sig = fields.get('Signature')!;
  const credential = parseCredential(cred.text, cred.span.start, regionless);
  if (!credential.ok) return fail(credential.problems);
  return ok({
    algorithm,
    credential: credential.value,
    signedHeaders: signed.text === '' ? [] : signed.text.split(';'),
    signature: sig.text,
    spans: {
      algorithm: { start: algorithmStart, end: algorithmStart + algorithm.length },
      credential: cred.span,
      signedHeaders: signed.span,
      signature: sig.span,
    },
  });
}

/** Renders the `Authorization` header value the way the AWS SDKs do; the credential parsed or as text. */
export function renderAuthorization(
  algorithm: string,
  credential: Credential | string,
  signedHeaders: readonly string[],
  signature: string,
): string {
  return `${algorithm} Credential=${typeof credential === 'string' ? credential : renderCredential(credential)}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
}
