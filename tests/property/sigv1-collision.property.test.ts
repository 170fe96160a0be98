/**
 * The SigV1 collision on thousands of random parameter lists: every forged request differs from the original,
 * verifies under SigV1 with the original's signature, and does not verify under SigV2 with the original's SigV2
 * signature.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHttpRequest } from '../../src/lib/sig/request/http';
import { collide } from '../../src/lib/sig/v1/collide';
import { verifyV1 } from '../../src/lib/sig/v1/sign';
import { verifyV2 } from '../../src/lib/sig/v2/verify';
import { anyText } from './legacy-model';
import { escapeUri } from './request-model';

const RUNS = Number(process.env['LEGACY_ORACLE_RUNS'] ?? 3000);

const name = fc.oneof(
  fc.constantFrom(
    'Action',
    'ItemName',
    'DomainName',
    'Attribute.1.Name',
    'Attribute.1.Value',
    'QueueName',
    'Version',
  ),
  anyText.filter((n) => n !== '' && n !== 'Signature'),
);
const params = fc.uniqueArray(fc.tuple(name, anyText), {
  selector: ([n]) => n.toLowerCase(),
  minLength: 1,
  maxLength: 6,
});

describe('collide', () => {
  it(`forges a request that SigV1 accepts and SigV2 rejects, on ${RUNS} parameter lists`, () => {
    const kinds: Record<string, number> = {};
    fc.assert(
      fc.property(
        params,
        fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 20 }),
        (pairs, secret) => {
          const query = pairs.map(([n, v]) => `${escapeUri(n)}=${escapeUri(v)}`).join('&');
          const raw = `GET /?${query}&SignatureVersion=1 HTTP/1.1\nHost: sdb.amazonaws.com\n\n`;
          const parsed = parseHttpRequest(raw);
          if (!parsed.ok) throw new Error(raw);
          const c = collide({ request: parsed.value, secretAccessKey: secret });
          if (!c.ok) throw new Error(`${raw}\n${JSON.stringify(c.problems)}`);
          kinds[c.value.kind] = (kinds[c.value.kind] ?? 0) + 1;
          expect(c.value.forged.params).not.toEqual(c.value.original.params);
          const forged = parseHttpRequest(c.value.forged.request);
          if (!forged.ok) throw new Error(c.value.forged.request);
          const v1 = verifyV1({ request: forged.value, secretAccessKey: secret });
          expect(v1.ok && v1.value.match, c.value.forged.request).toBe(true);
          expect(v1.ok && v1.value.provided).toBe(c.value.original.signature);
          // The forged request carrying the original's SigV2 signature instead.
          const withV2 = c.value.forged.request.replace(
            `Signature=${escapeUri(c.value.original.signature)}`,
            `Signature=${escapeUri(c.value.sigv2.original.signature)}`,
          );
          const reSigned = parseHttpRequest(withV2);
          if (!reSigned.ok) throw new Error(withV2);
          const v2 = verifyV2({ request: reSigned.value, secretAccessKey: secret });
          expect(v2.ok && v2.value.provided).toBe(c.value.sigv2.original.signature);
          expect(v2.ok && v2.value.match).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
    console.log(`SigV1 collision: ${RUNS} lists, forgeries by kind ${JSON.stringify(kinds)}`);
  }, 60_000);
});
