/**
 * SigV2 for Query APIs as the registry knows it.
 * https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html
 */

import { opt, type Scheme } from '../scheme';
import type { SchemeTrace, SchemeVerification } from '../trace';
import type { Result } from '../types';
import { signatureVersionDetection } from './detect';
import { V2_CATALOGUE } from './mistakes';
import type { V2Settings } from './settings';
import { V2_SETTINGS } from './settings-help';
import { signV2 } from './sign';
import { V2_DOC } from './stages';
import { verifyV2 } from './verify';

const LABEL = 'SigV2 (Query APIs)';

/** SigV2 on Query APIs (EC2, SQS, SimpleDB, EMR) and S3-compatible stores. */
export const SIGV2_SCHEME = {
  id: 'sigv2',
  label: LABEL,
  summary:
    'Signature Version 2 on Query APIs (EC2, SQS, SimpleDB, EMR) and S3-compatible stores: HMAC of method, host, path and the sorted query.',
  docUrl: V2_DOC,
  modes: ['query', 'body'],
  settings: V2_SETTINGS,
  detect: (request) => signatureVersionDetection(request, '2', 'sigv2', LABEL),
  mistakes: V2_CATALOGUE,
  sign: (i): Result<SchemeTrace> =>
    signV2({
      request: i.request,
      credentials: i.credentials,
      ...opt('time', i.time),
      ...opt('settings', i.settings as Partial<V2Settings> | undefined),
    }),
  verify: (i): Result<SchemeVerification> =>
    verifyV2({
      request: i.request,
      secretAccessKey: i.secretAccessKey,
      ...opt('accessKeyId', i.accessKeyId),
      ...opt('settings', i.settings as Partial<V2Settings> | undefined),
    }),
} as const satisfies Scheme;
