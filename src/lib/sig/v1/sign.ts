/**
 * Signing and verifying a Query API request with SigV1 (`SignatureVersion=1`, HMAC-SHA1, Base64): the parameters
 * already there are used as they are, the missing ones are added.
 * http://docs.amazonwebservices.com/AmazonSimpleDB/2007-11-07/DeveloperGuide/REST_RESTAuth.html
 */

import type { Result } from '../types';
import type { SchemeTrace, SchemeVerification } from '../trace';
import {
  sha1Signature,
  signSha1Query,
  verifySha1Query,
  type Sha1QueryScheme,
  type Sha1QuerySignInput,
  type Sha1QueryVerifyInput,
} from './sha1-query';
import { v1Stages } from './stages';
import { v1StringToSign, type V1StringToSign } from './string-to-sign';

/** What the SigV1 trace carries besides the common shape. */
export interface V1Details {
  stringToSign: V1StringToSign;
}

/** The SigV1 trace. */
export type V1Trace = SchemeTrace<V1Details>;

/** Everything a SigV1 signature depends on. */
export type V1SignInput = Sha1QuerySignInput;

/** What verifying SigV1 needs. */
export type V1VerifyInput = Sha1QueryVerifyInput;

const SIGV1: Sha1QueryScheme<V1StringToSign> = {
  id: 'sigv1',
  version: '1',
  stringToSign: v1StringToSign,
  stages: v1Stages,
};

/** Base64 HMAC-SHA1 of a SigV1 string to sign. */
export const v1Signature = sha1Signature;

/** Signs a request with SigV1 and returns every stage. */
export function signV1(input: V1SignInput): Result<V1Trace> {
  return signSha1Query(SIGV1, input);
}

/** Recomputes the SigV1 signature a request carries and says whether it matches. */
export function verifyV1(input: V1VerifyInput): Result<SchemeVerification<V1Details>> {
  return verifySha1Query(SIGV1, input);
}
