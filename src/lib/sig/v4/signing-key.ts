/**
 * The derived key chain: kSecret → kDate → kRegion → kService → kSigning.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#derive-signing-key
 */

import { hmac, prepareHmacKey, toBytes, toHex, type HmacKey } from '../crypto';

/** The credential scope: the day, region and service a signature is valid for. */
export interface CredentialScope {
  /** `YYYYMMDD`. */
  date: string;
  region: string;
  service: string;
  /** Always `aws4_request` for SigV4. */
  terminator: string;
}

/** The scope of a signature made at `amzDate` (`YYYYMMDDTHHMMSSZ`). */
export function scopeOf(amzDate: string, region: string, service: string): CredentialScope {
  return { date: amzDate.slice(0, 8), region, service, terminator: 'aws4_request' };
}

/** Renders `date/region/service/aws4_request`. */
export function renderScope(scope: CredentialScope): string {
  return `${scope.date}/${scope.region}/${scope.service}/${scope.terminator}`;
}

/** One link of the key chain: which HMAC input made it and the key as hex. */
export interface KeyChainStep {
  name: 'kSecret' | 'kDate' | 'kRegion' | 'kService' | 'kSigning';
  /** What was signed to make this key (for kSecret: the text `AWS4` + secret, shown masked by the UI). */
  input: string;
  hex: string;
}

/** The derived signing key, its chain, and the key imported for HMAC. */
export interface SigningKey {
  chain: KeyChainStep[];
  hex: string;
  key: HmacKey;
}

const cache = new Map<string, SigningKey>();
const CACHE_LIMIT = 64;

function derive(secret: string, scope: CredentialScope): SigningKey {
  const kSecret = toBytes('AWS4' + secret);
  const kDate = hmac(kSecret, scope.date);
  const kRegion = hmac(kDate, scope.region);
  const kService = hmac(kRegion, scope.service);
  const kSigning = hmac(kService, scope.terminator);
  const hex = toHex(kSigning);
  return {
    chain: [
      { name: 'kSecret', input: 'AWS4' + secret, hex: toHex(kSecret) },
      { name: 'kDate', input: scope.date, hex: toHex(kDate) },
      { name: 'kRegion', input: scope.region, hex: toHex(kRegion) },
      { name: 'kService', input: scope.service, hex: toHex(kService) },
      { name: 'kSigning', input: scope.terminator, hex },
    ],
    hex,
    key: prepareHmacKey(kSigning),
  };
}

/**
 * Derives the signing key for a secret and scope. The key only changes daily, so derived keys are kept in memory
 * (never stored) for the most recent scopes, as the AWS SDKs do.
 */
export function deriveSigningKey(secret: string, scope: CredentialScope): SigningKey {
  const id = [secret, scope.date, scope.region, scope.service, scope.terminator].join('\n');
  let found = cache.get(id);
  if (!found) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    found = derive(secret, scope);
    cache.set(id, found);
  }
  return found;
}
