/**
 * A request signed correctly and then changed on its way to the server (a header value, the host's port, an extra
 * query parameter, a path prefix, the body) is named as `transit`, with the right component and name, whether or
 * not the secret is given.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explain } from '../../src/lib/diagnose/explain';
import type { Finding } from '../../src/lib/diagnose/types';
import { generatedRequest } from './requests';
import { SECRET, jsonReply, s3Reply, serverView, signCorrectly } from './signed-with-mistake';

interface Change {
  id: string;
  apply: (signed: string) => string;
  expected: Partial<Finding>;
}

const CHANGES: Change[] = [
  {
    id: 'header value rewritten',
    apply: (r) => r.replace(/^(Content-Type: ).*$/m, '$1text/plain; charset=utf-8'),
    expected: { kind: 'transit', component: 'headers', name: 'content-type' },
  },
  {
    id: 'host port added',
    apply: (r) => r.replace(/^Host: ([^:\n]*)$/m, 'Host: $1:443'),
    expected: { kind: 'transit', component: 'headers', name: 'host' },
  },
  {
    id: 'query parameter added',
    apply: (r) =>
      r.replace(/^(\S+ )([^?\s]*)(\?\S*)? /, (_, m, p, q) => `${m}${p}${q ? `${q}&` : '?'}utm_source=proxy `),
    expected: { kind: 'transit', component: 'query', name: 'utm_source' },
  },
  {
    id: 'path prefix added',
    apply: (r) => r.replace(/^(\S+ )\//, '$1/prod/'),
    expected: { kind: 'transit', component: 'path' },
  },
  {
    id: 'body changed',
    apply: (r) => r + ' ',
    expected: { kind: 'transit', component: 'payload-hash' },
  },
];

describe('changes in transit are named as transit', () => {
  it.each(CHANGES)(
    '$id',
    async (change) => {
      let checked = 0;
      await fc.assert(
        fc.asyncProperty(generatedRequest, fc.boolean(), async (generated, withSecret) => {
          // The host port change needs a host without one; the header change needs a Content-Type to rewrite;
          // S3 signs the body's hash through x-amz-content-sha256, which travels with the request.
          if (change.id === 'host port added' && /^Host: .*:\d+$/m.test(generated.text)) return;
          if (change.id === 'header value rewritten' && !/^Content-Type:/m.test(generated.text)) return;
          if (change.id === 'body changed' && generated.scheme === 'sigv4-s3') return;
          const signed = await signCorrectly(generated.scheme, generated.text);
          const received = change.apply(signed);
          const view = await serverView(generated.scheme, received);
          const signature = /Signature=([0-9a-f]{64})/.exec(signed)![1]!;
          const reply = generated.scheme === 'sigv4-s3' ? s3Reply(view, signature) : jsonReply(view);
          const explanation = await explain({
            scheme: generated.scheme,
            request: signed,
            serverError: reply,
            ...(withSecret ? { secretAccessKey: SECRET } : {}),
          });
          expect(
            explanation.findings[0],
            `${received}\n${JSON.stringify(explanation.findings, null, 1)}`,
          ).toMatchObject(change.expected);
          expect(explanation.verdict).toBe('mismatch');
          checked++;
        }),
        { numRuns: 60, seed: 7 },
      );
      expect(checked).toBeGreaterThan(10);
    },
    60_000,
  );
});
