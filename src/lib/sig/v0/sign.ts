/**
 * Signing and verifying a Query API request with SigV0 (`SignatureVersion=0`): Base64 HMAC-SHA1 of Action +
 * Timestamp.
 * http://docs.amazonwebservices.com/AmazonSimpleDB/2007-11-07/DeveloperGuide/REST_RESTAuth.html
 */

import type { Result } from '../types';
import type { SchemeTrace, SchemeVerification, TraceStage } from '../trace';
import {
  signSha1Query,
  verifySha1Query,
  type Sha1QueryScheme,
  type Sha1QuerySignInput,
  type Sha1QueryVerifyInput,
} from '../v1/sha1-query';
import { v0StringToSign, type V0StringToSign } from './string-to-sign';

/** The SimpleDB 2007-11-07 guide's page on signing, versions 0 and 1. */
export const V0_DOC =
  'http://docs.amazonwebservices.com/AmazonSimpleDB/2007-11-07/DeveloperGuide/REST_RESTAuth.html';

/** What the SigV0 trace carries besides the common shape. */
export interface V0Details {
  stringToSign: V0StringToSign;
}

/** The SigV0 trace. */
export type V0Trace = SchemeTrace<V0Details>;

function v0Stages(sts: V0StringToSign, signature: string): TraceStage[] {
  return [
    {
      id: 'string-to-sign',
      title: 'String to sign',
      rule: 'The Action value followed by the Timestamp value, with nothing between; no other parameter is signed.',
      docUrl: V0_DOC,
      text: sts.text,
      lines: sts.lines,
    },
    {
      id: 'signature',
      title: 'Signature',
      rule: 'Base64 of HMAC-SHA1 of the string to sign under the secret access key.',
      docUrl: V0_DOC,
      text: signature,
      lines: [{ label: 'signature', text: signature, sources: [] }],
    },
  ];
}

const SIGV0: Sha1QueryScheme<V0StringToSign> = {
  id: 'sigv0',
  version: '0',
  stringToSign: v0StringToSign,
  stages: v0Stages,
};

/** Signs a request with SigV0 and returns every stage. */
export function signV0(input: Sha1QuerySignInput): Result<V0Trace> {
  return signSha1Query(SIGV0, input);
}

/** Recomputes the SigV0 signature a request carries and says whether it matches. */
export function verifyV0(input: Sha1QueryVerifyInput): Result<SchemeVerification<V0Details>> {
  return verifySha1Query(SIGV0, input);
}
