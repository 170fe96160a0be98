/**
 * SigV0 as the registry knows it: HMAC-SHA1 of Action and Timestamp.
 */

import { opt, type Scheme } from '../scheme';
import type { SchemeTrace, SchemeVerification } from '../trace';
import type { Result } from '../types';
import { signatureVersionDetection } from '../v2/detect';
import { searchSha1Mistakes, V0_MISTAKES } from '../v1/mistakes';
import { requestParams } from '../v2/params';
import { signV0, V0_DOC, verifyV0 } from './sign';
import { v0StringToSign } from './string-to-sign';

/** Signature Version 0. */
export const SIGV0_SCHEME = {
  id: 'sigv0',
  label: 'SigV0',
  summary: 'Signature Version 0: HMAC-SHA1 of Action followed by Timestamp; no other parameter is signed.',
  docUrl: V0_DOC,
  modes: ['query', 'body'],
  settings: [],
  detect: (request) => signatureVersionDetection(request, '0', 'sigv0', 'SigV0'),
  mistakes: {
    search(request, secretAccessKey) {
      const sts = v0StringToSign(request);
      if (!sts.ok) return sts;
      const params = requestParams(request, sts.value.location);
      return searchSha1Mistakes(request, secretAccessKey, V0_MISTAKES, params, sts.value.text);
    },
  },
  sign: (i): Result<SchemeTrace> =>
    signV0({ request: i.request, credentials: i.credentials, ...opt('time', i.time) }),
  verify: (i): Result<SchemeVerification> =>
    verifyV0({
      request: i.request,
      secretAccessKey: i.secretAccessKey,
      ...opt('accessKeyId', i.accessKeyId),
    }),
} as const satisfies Scheme;
