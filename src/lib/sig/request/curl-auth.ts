/**
 * What a curl command says about credentials: `--aws-sigv4 provider1[:provider2[:region[:service]]]` with
 * `--user KEY:SECRET` (or `user:password@` in the URL) sign with SigV4; without `--aws-sigv4` they are Basic auth.
 * https://curl.se/docs/manpage.html#--aws-sigv4
 */

import { percentDecodeText } from '../encoding';
import { problem, type Problem, type Span } from '../types';
import type { CurlOption } from './curl-options';
import type { SigningHints } from './pasted';

/** A `user:password` as given, and where. */
export interface CurlUser {
  value: string;
  span: Span;
}

/** Reads `--aws-sigv4 provider1[:provider2[:region[:service]]]` and `--user KEY:SECRET` into hints. */
function sigV4Hints(aws: CurlOption, user: CurlUser | undefined, notes: Problem[]): SigningHints {
  const [provider, , region, service] = (aws.value ?? '').split(':');
  const hints: SigningHints = { mode: 'header' };
  if (region) hints.region = region;
  if (service) hints.service = service;
  if (service) hints.scheme = service === 's3' ? 'sigv4-s3' : 'sigv4';
  if (provider !== 'aws') {
    notes.push(
      problem(
        'curl-aws-provider',
        `curl signs for provider "${provider}", not "aws": the algorithm and header names follow it.`,
        aws.span,
        { severity: 'warning' },
      ),
    );
  }
  const colon = user?.value.indexOf(':') ?? -1;
  if (user && colon >= 0) {
    hints.accessKeyId = user.value.slice(0, colon);
    hints.secretAccessKey = user.value.slice(colon + 1);
  }
  notes.push(
    problem(
      'curl-aws-sigv4',
      'curl --aws-sigv4 signs when it runs, adding X-Amz-Date and Authorization; this request is unsigned.',
      aws.span,
      {
        severity: 'note',
        hint: 'Sign it here with the same keys and compare with what curl -v printed.',
      },
    ),
  );
  return hints;
}

/** The signing hints a command gives, or the Basic credentials curl sends when it does not sign. */
export function curlAuth(
  options: readonly CurlOption[],
  userinfo: string | undefined,
  urlSpan: Span,
  notes: Problem[],
): { hints: SigningHints; basicUser?: CurlUser } {
  const user = options.findLast((o) => o.name === 'user');
  const credentials: CurlUser | undefined =
    user?.value !== undefined
      ? { value: user.value, span: user.span }
      : userinfo !== undefined
        ? { value: percentDecodeText(userinfo), span: urlSpan }
        : undefined;
  const aws = options.findLast((o) => o.name === 'aws-sigv4');
  if (aws) return { hints: sigV4Hints(aws, credentials, notes) };
  // curl asks for a password when --user has none; that prompt is not in the paste.
  return credentials?.value.includes(':') ? { hints: {}, basicUser: credentials } : { hints: {} };
}
