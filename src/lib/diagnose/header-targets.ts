/**
 * Mistakes made on one header while the others were right: its value not trimmed or not collapsed, its name not
 * lower-cased, a repeated header joined otherwise, the header left out, a header added that clients, HTTP
 * libraries or proxies add, a Content-Type changed after signing.
 */

import type { Mistake } from './catalogue';
import type { VariantContext } from './variant';

/** Headers a client, its HTTP library or a proxy adds, with the values they usually carry. */
function plausibleAdds(ctx: VariantContext): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [
    { name: 'x-amz-content-sha256', value: ctx.bodyHash },
    { name: 'x-amz-content-sha256', value: ctx.payloadHash },
    { name: 'x-amz-content-sha256', value: 'UNSIGNED-PAYLOAD' },
  ];
  if (ctx.bodyLength !== undefined) out.push({ name: 'content-length', value: String(ctx.bodyLength) });
  if (ctx.sessionToken) out.push({ name: 'x-amz-security-token', value: ctx.sessionToken });
  out.push(
    { name: 'content-type', value: 'application/x-www-form-urlencoded; charset=utf-8' },
    { name: 'content-type', value: 'application/json' },
    { name: 'content-type', value: 'application/octet-stream' },
    { name: 'expect', value: '100-continue' },
    { name: 'connection', value: 'keep-alive' },
    { name: 'connection', value: 'close' },
    { name: 'accept-encoding', value: 'gzip' },
    { name: 'accept-encoding', value: 'identity' },
    { name: 'accept-encoding', value: 'gzip, deflate' },
  );
  return out.filter((h) => h.value !== '');
}

const JOINS = [
  { as: ', ' as const, id: 'repeated-headers-comma-space', what: 'joined its values with ", "' },
  { as: 'first' as const, id: 'repeated-headers-first', what: 'signed only its first value' },
  { as: 'last' as const, id: 'repeated-headers-last', what: 'signed only its last value' },
];

function joinMistakes(name: string): Mistake[] {
  return JOINS.map((j) =>
    oneHeader(
      name,
      j.id,
      { joinHeader: { name, as: j.as } },
      `Your client sent ${name} more than once and ${j.what}; SigV4 joins all of them with "," in order.`,
      `Sign every value of ${name}, joined with "," and no space, in the order sent.`,
    ),
  );
}

/**
 * A mistake on one header, every field set in one literal of one shape: a search makes a hundred per request, and
 * a spread base object grown field by field costs several times as much to make.
 */
function oneHeader(
  name: string,
  id: string,
  variant: Mistake['variant'],
  message: string,
  fix: string,
  kind: Mistake['kind'] = 'client',
): Mistake {
  return { kind, component: 'headers', name, id, variant, message, fix };
}

/** The one-header mistakes for a request's headers. */
export function headerMistakes(ctx: VariantContext): Mistake[] {
  const out: Mistake[] = [];
  // Each header name once, in the order first sent, with its fields: one pass, not one per name.
  const byName = new Map<string, VariantContext['headers']>();
  for (const h of ctx.headers) {
    const name = h.name.toLowerCase();
    const fields = byName.get(name);
    if (fields) fields.push(h);
    else byName.set(name, [h]);
  }
  const seen = new Set(byName.keys());
  for (const [name, fields] of byName) {
    const h = fields[0]!;
    const values = fields.map((x) => x.raw ?? x.value);
    const whole = fields.some((x) => x.rawWhole !== undefined);
    for (const untrimmedWhole of whole ? [false, true] : [false]) {
      if (!untrimmedWhole && !values.some((v) => v !== v.replace(/^[ \t]+|[ \t]+$/g, ''))) continue;
      out.push(
        oneHeader(
          name,
          'header-untrimmed',
          untrimmedWhole ? { untrimmedHeader: name, untrimmedWhole } : { untrimmedHeader: name },
          `Your client did not trim the spaces around the value of ${name}, though it trimmed the other headers.`,
          `Trim leading and trailing whitespace from the ${name} value in the canonical headers, as for every header.`,
        ),
      );
    }
    if (values.some((v) => /[ \t]{2,}|\t/.test(v.trim()))) {
      out.push(
        oneHeader(
          name,
          'header-spaces-not-collapsed',
          { uncollapsedHeader: name },
          `Your client did not collapse the runs of spaces inside the value of ${name} into one.`,
          `Replace each run of spaces or tabs inside the ${name} value with a single space before signing.`,
        ),
      );
    }
    if (values.length > 1) out.push(...joinMistakes(name));
    if (h.name !== name) {
      out.push(
        oneHeader(
          name,
          'header-names-not-lowercased',
          { headerCaseAsSent: name },
          `Your client signed the header name "${h.name}" as written; SigV4 wants it lower-cased (${name}).`,
          'Lower-case every header name in CanonicalHeaders and SignedHeaders.',
        ),
      );
    }
    out.push(
      oneHeader(
        name,
        'header-left-out',
        { omitHeader: name },
        `Your client left ${name} out of the headers it signed, but the request says ${name} is signed.`,
        `Sign ${name} with the value it is sent with (set it before signing), or leave it out of SignedHeaders.`,
      ),
    );
  }
  out.push(...changedAfterSigning(ctx));
  const adds = [
    ...(ctx.unsigned ?? []).map((h) => ({ name: h.name.toLowerCase(), value: h.value })),
    ...plausibleAdds(ctx),
  ];
  const added = new Set<string>();
  for (const add of adds) {
    const key = `${add.name}:${add.value}`;
    if (seen.has(add.name) || added.has(key) || add.name === 'authorization') continue;
    added.add(key);
    out.push(
      oneHeader(
        add.name,
        'header-added',
        { addHeader: add },
        `Your client signed a ${add.name} header ("${add.value}") that the request's signature does not list.`,
        `Sign only the headers you send and list in SignedHeaders: either drop ${add.name} before signing, or sign it and send it.`,
      ),
    );
  }
  return out;
}

/**
 * Headers an HTTP library rewrites after the request was signed, with the value the signer likely saw: a
 * Content-Type before the library added its charset, or before it dropped it.
 */
function changedAfterSigning(ctx: VariantContext): Mistake[] {
  const out: Mistake[] = [];
  for (const h of ctx.headers) {
    if (h.name.toLowerCase() !== 'content-type') continue;
    const bare = h.value.split(';')[0]!.trim();
    const signedAs = new Set([
      bare,
      `${bare}; charset=UTF-8`,
      `${bare}; charset=utf-8`,
      `${bare};charset=UTF-8`,
    ]);
    signedAs.delete(h.value);
    for (const value of signedAs) {
      out.push(
        oneHeader(
          'content-type',
          'header-changed-in-transit',
          { headerSignedAs: { name: 'content-type', value } },
          `The request was signed with Content-Type "${value}", then sent with "${h.value}": the HTTP client changed it after signing.`,
          'Sign after the HTTP client has set its final headers, or set the exact Content-Type (charset included) yourself before signing.',
          'transit',
        ),
      );
    }
  }
  return out;
}
