/**
 * SigV2 for Query APIs against every case of tests/vectors/sigv2/query-api-sigv2.json (the AWS General Reference's
 * EMR example and botocore's TestSigV2; see SOURCES.md): canonical query, string to sign and signature asserted
 * separately, then the signed request verified.
 */

import { describe, expect, it } from 'vitest';
import { signV2, v2Signature } from '../../../src/lib/sig/v2/sign';
import { v2StringToSign } from '../../../src/lib/sig/v2/string-to-sign';
import { verifyV2 } from '../../../src/lib/sig/v2/verify';
import { http } from '../s3v2/doc-requests';
import { readVectorJson } from '../v4/vectors';

type Pairs = [string, string][];
interface V2Case {
  id: string;
  credentials: { access_key_id: string; secret_access_key: string };
  now?: string;
  request: {
    method: string;
    host?: string;
    path?: string;
    url?: string;
    params?: Pairs;
    body_params?: Pairs;
    query_params?: Pairs;
  };
  string_to_sign?: string;
  signature?: string;
  signed_url?: string;
  signature_url_encoded?: string;
  expected_canonical_query?: string;
  expected_params?: Record<string, string>;
  derived_by_collector?: { string_to_sign: string };
}

const { cases } = readVectorJson<{ cases: V2Case[] }>('sigv2', 'query-api-sigv2.json');
const byId = (id: string) => cases.find((c) => c.id === id)!;
const enc = (pairs: Pairs) =>
  pairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&');

describe('the AWS General Reference example (EMR DescribeJobFlows)', () => {
  const c = byId('aws-doc-emr-describejobflows');
  const raw = `${c.request.method} ${c.request.path}?${enc(c.request.params!)} HTTP/1.1\nHost: ${c.request.host}\n\n`;
  const credentials = {
    accessKeyId: c.credentials.access_key_id,
    secretAccessKey: c.credentials.secret_access_key,
  };

  it('string to sign, each line labelled', () => {
    const sts = v2StringToSign(http(raw));
    if (!sts.ok) throw new Error(JSON.stringify(sts.problems));
    expect(sts.value.text).toBe(c.string_to_sign);
    expect(sts.value.lines.map((l) => [l.label, l.text])).toEqual(
      ['method', 'host', 'path', 'query'].map((label, i) => [label, c.string_to_sign!.split('\n')[i]]),
    );
    // Every pair of the query line points at the pair it came from.
    const source = http(raw).source;
    expect(
      sts.value.pairs.map((p) => p.sources.map((s) => source.slice(s.start, s.end).split('=')[0])),
    ).toEqual(sts.value.pairs.map((p) => [p.name]));
  });

  it('signature, URL and verification', () => {
    const signed = signV2({ request: http(raw), credentials });
    if (!signed.ok) throw new Error(JSON.stringify(signed.problems));
    expect(signed.value.signature).toBe(c.signature);
    expect(signed.value.added.query).toEqual([['Signature', c.signature]]);
    expect(signed.value.url).toContain(`&Signature=${c.signature_url_encoded}`);
    const verified = verifyV2({
      request: http(signed.value.signedRequest),
      secretAccessKey: credentials.secretAccessKey,
    });
    expect(verified.ok && verified.value.match).toBe(true);
    // The documented signed URL, as it is, verifies too.
    const docUrl = new URL(c.signed_url!);
    const docRaw = `GET /?${c.signed_url!.split('?')[1]} HTTP/1.1\nHost: ${docUrl.host}\n\n`;
    const doc = verifyV2({ request: http(docRaw), secretAccessKey: credentials.secretAccessKey });
    expect(doc.ok && doc.value.match).toBe(true);
  });
});

describe('botocore TestSigV2', () => {
  it('calc-signature-post: the canonical query and signature of a POST with no host (no auth params added)', () => {
    const c = byId('botocore-sigv2-calc-signature-post');
    const raw = `POST / HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\n${enc(c.request.params!)}`;
    const sts = v2StringToSign(http(raw));
    if (!sts.ok) throw new Error(JSON.stringify(sts.problems));
    expect(sts.value.parts.query).toBe(c.expected_canonical_query);
    expect(sts.value.text).toBe(c.derived_by_collector!.string_to_sign);
    expect(v2Signature(c.credentials.secret_access_key, sts.value.text, 'HmacSHA256')).toBe(c.signature);
    // Re-signing skips a Signature already there.
    const again = v2StringToSign(http(`${raw}&Signature=xyz`));
    expect(again.ok && again.value.text).toBe(c.derived_by_collector!.string_to_sign);
  });

  for (const id of ['botocore-sigv2-add-auth-post', 'botocore-sigv2-add-auth-get']) {
    it(`${id}: the parameters added, the string to sign and the signature`, () => {
      const c = byId(id);
      const credentials = {
        accessKeyId: c.credentials.access_key_id,
        secretAccessKey: c.credentials.secret_access_key,
      };
      const raw = c.request.body_params
        ? `POST / HTTP/1.1\nContent-Type: application/x-www-form-urlencoded\n\n${enc(c.request.body_params)}`
        : `GET /?${enc(c.request.query_params!)} HTTP/1.1\n\n`;
      const signed = signV2({ request: http(raw), credentials, time: new Date(c.now!) });
      if (!signed.ok) throw new Error(JSON.stringify(signed.problems));
      expect(signed.value.stages.find((s) => s.id === 'string-to-sign')!.text).toBe(
        c.derived_by_collector!.string_to_sign,
      );
      expect(signed.value.signature).toBe(c.expected_params!['Signature']);
      const sent = http(signed.value.signedRequest);
      const wire = c.request.body_params ? sent.body : sent.query!;
      const params = Object.fromEntries(new URLSearchParams(wire));
      expect(params).toEqual(c.expected_params);
      const verified = verifyV2({ request: sent, secretAccessKey: credentials.secretAccessKey });
      expect(verified.ok && verified.value.match).toBe(true);
    });
  }
});
