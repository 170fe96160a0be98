/**
 * SigV1 as the registry knows it: the scheme whose string to sign let two requests share a signature.
 */

import { opt, type Scheme } from '../scheme';
import type { SchemeTrace, SchemeVerification } from '../trace';
import type { Result } from '../types';
import { signatureVersionDetection } from '../v2/detect';
import { searchSha1Mistakes, V1_MISTAKES } from './mistakes';
import { signV1, verifyV1 } from './sign';
import { v1StringToSign } from './string-to-sign';
import { requestParams } from '../v2/params';
import { V1_DOC } from './stages';

/** Signature Version 1 (SimpleDB, SQS, EC2 until 2009). */
export const SIGV1_SCHEME = {
  id: 'sigv1',
  label: 'SigV1',
  summary:
    'Signature Version 1 (SimpleDB, SQS, EC2 until 2009): parameters sorted ignoring case and concatenated without delimiters, which lets two requests share a signature.',
  docUrl: V1_DOC,
  modes: ['query', 'body'],
  settings: [],
  detect: (request) => signatureVersionDetection(request, '1', 'sigv1', 'SigV1'),
  mistakes: {
    search(request, secretAccessKey) {
      const sts = v1StringToSign(request);
      if (!sts.ok) return sts;
      const params = requestParams(request, sts.value.location);
      return searchSha1Mistakes(request, secretAccessKey, V1_MISTAKES, params, sts.value.text);
    },
  },
  sign: (i): Result<SchemeTrace> =>
    signV1({ request: i.request, credentials: i.credentials, ...opt('time', i.time) }),
  verify: (i): Result<SchemeVerification> =>
    verifyV1({
      request: i.request,
      secretAccessKey: i.secretAccessKey,
      ...opt('accessKeyId', i.accessKeyId),
    }),
} as const satisfies Scheme;
