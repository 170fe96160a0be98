/**
 * The named settings of Signature Version 2 for Query APIs (EC2, SQS, SimpleDB, EMR, and S3-compatible stores that
 * kept it). The defaults are the spec; each other value is a client habit that some client has had, kept as a
 * setting so that a diagnosis can name the one that reproduces a signature.
 * https://docs.aws.amazon.com/general/latest/gr/signature-version-2.html
 */

/** The HMAC a SigV2 signature uses, as named in `SignatureMethod`. */
export type V2SignatureMethod = 'HmacSHA256' | 'HmacSHA1';

/** The quirks of SigV2, as named settings. */
export interface V2Settings {
  /**
   * The HMAC when the request names none in `SignatureMethod` (a `SignatureMethod` on the request always wins).
   * HmacSHA256 is what the spec recommends and every SDK sends; HmacSHA1 is older clients' and some stores'.
   */
  signatureMethod: V2SignatureMethod;
  /**
   * How parameters are sorted. `byte`: by the encoded name's bytes, as the spec says (upper case before lower
   * case). `case-insensitive`: ignoring case, SigV1's rule, a habit of clients ported from SigV1.
   */
  sort: 'byte' | 'case-insensitive';
  /**
   * How names and values are percent-encoded. `rfc3986`: every byte but `A-Z a-z 0-9 - _ . ~` as upper-case
   * `%XX`, as the spec says. `plus-for-space`: the same with `+` for a space (a form encoder's habit).
   * `encode-uri-component`: JavaScript's encodeURIComponent, which leaves `! ' ( ) *` unencoded.
   */
  encoding: 'rfc3986' | 'plus-for-space' | 'encode-uri-component';
  /** The host line's case. `lower`: lower-cased, as the spec says; `as-sent`: the Host header as written. */
  hostCase: 'lower' | 'as-sent';
  /**
   * The host line's port. `non-default`: kept unless it is the scheme's default (443 for https, 80 for http),
   * as the services check; `always`: kept as written; `never`: dropped.
   */
  hostPort: 'non-default' | 'always' | 'never';
  /**
   * The path line. `as-sent`: the request path (`/` when empty), as the spec says; `root`: always `/`, a client
   * that signs `/` for an SQS queue URL path.
   */
  path: 'as-sent' | 'root';
  /** Sign the `Signature` parameter too when the request already has one (a re-signing bug); off per the spec. */
  includeSignature: boolean;
}

/** SigV2 as the spec and the services define it. */
export const V2_DEFAULTS: Readonly<V2Settings> = {
  signatureMethod: 'HmacSHA256',
  sort: 'byte',
  encoding: 'rfc3986',
  hostCase: 'lower',
  hostPort: 'non-default',
  path: 'as-sent',
  includeSignature: false,
};

/** The defaults with the given overrides. */
export function resolveV2Settings(overrides: Partial<V2Settings> = {}): V2Settings {
  return { ...V2_DEFAULTS, ...overrides };
}
