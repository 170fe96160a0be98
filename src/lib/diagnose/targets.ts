/**
 * Mistakes made on one header or query parameter while the rest were right: a value not trimmed, a name not
 * lower-cased, a header left out or one added, a parameter left out or its value encoded another way. They are
 * enumerated per request, since which ones exist depends on its headers and parameters.
 */

import { percentDecode, uriEncode } from '../sig/encoding';
import type { Mistake } from './catalogue';
import { headerMistakes } from './header-targets';
import type { ValueEncoding, VariantContext } from './variant';

const ENCODINGS: readonly { as: ValueEncoding; id: string; message: (n: string) => string; fix: string }[] = [
  {
    as: 'reserved-raw',
    id: 'reserved-unencoded',
    message: (n) =>
      `Your client left reserved characters (such as : / , = +) unencoded in the value of ${n}.`,
    fix: "Percent-encode every byte of the value except A-Z a-z 0-9 - _ . ~ (encodeURIComponent plus ! ' ( ) *).",
  },
  {
    as: 'space-as-plus',
    id: 'space-as-plus',
    message: (n) => `Your client encoded the spaces in the value of ${n} as "+"; SigV4 wants "%20".`,
    fix: 'Encode a space as %20, never "+", in the canonical query.',
  },
  {
    as: 'lower-hex',
    id: 'lowercase-hex',
    message: (n) =>
      `Your client wrote the percent-escapes in the value of ${n} in lower case; SigV4 wants upper case.`,
    fix: 'Use upper-case hex digits in percent-encoding (%2F, not %2f).',
  },
  {
    as: 'raw',
    id: 'query-value-unencoded',
    message: (n) => `Your client signed the value of ${n} decoded, without percent-encoding it.`,
    fix: 'URI-encode each query value in the canonical query (every byte but A-Z a-z 0-9 - _ . ~).',
  },
  {
    as: 'twice',
    id: 'query-value-double-encoded',
    message: (n) => `Your client encoded the already-encoded value of ${n} again (its "%" became "%25").`,
    fix: 'Decode the query value once before encoding it for the canonical query, or encode the raw value only once.',
  },
];

/** A mistake on one query parameter, in one literal of one shape (as oneHeader). */
function oneParam(
  name: string,
  id: string,
  variant: Mistake['variant'],
  message: string,
  fix: string,
): Mistake {
  return { kind: 'client', component: 'query', name, id, variant, message, fix };
}

function paramMistakes(ctx: VariantContext): Mistake[] {
  const out: Mistake[] = [];
  const seen = new Set<string>();
  for (const p of ctx.query) {
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    // Named as a canonical query names it (encoded), as the comparison of canonical requests does.
    const name = uriEncode(percentDecode(p.name).bytes).toLowerCase();
    out.push(
      oneParam(
        name,
        'query-param-left-out',
        { omitParam: p.name },
        `Your client left ${name} out of the canonical query, then sent it in the URL.`,
        `Add ${name} to the query before computing the signature (or send it only after signing, unsigned, where the service allows).`,
      ),
    );
    if (!p.value) continue;
    for (const e of ENCODINGS) {
      out.push(oneParam(name, e.id, { paramEncoding: { name: p.name, as: e.as } }, e.message(name), e.fix));
    }
  }
  return out;
}

/** The single-target mistakes for a request, headers first, then query parameters. */
export function targetedMistakes(ctx: VariantContext): Mistake[] {
  return [...headerMistakes(ctx), ...paramMistakes(ctx)];
}
