/**
 * The SigV2 settings as descriptors for the settings form and the CLI's help: doc comments are gone at run time,
 * so each is kept here, the same as its comment in settings.ts.
 */

import type { SettingDescriptor } from '../trace';
import { V2_DEFAULTS, type V2Settings } from './settings';

/** Every SigV2 setting, in the order the form shows them. */
export const V2_SETTINGS: readonly SettingDescriptor<keyof V2Settings>[] = [
  {
    name: 'signatureMethod',
    type: 'enum',
    values: ['HmacSHA256', 'HmacSHA1'],
    default: V2_DEFAULTS.signatureMethod,
    doc: 'The HMAC when the request names none in SignatureMethod (a SignatureMethod on the request always wins). HmacSHA256 is what the spec recommends and every SDK sends; HmacSHA1 is older clients’ and some stores’.',
  },
  {
    name: 'sort',
    type: 'enum',
    values: ['byte', 'case-insensitive'],
    default: V2_DEFAULTS.sort,
    doc: 'How parameters are sorted. byte: by the encoded name’s bytes, as the spec says (upper case before lower case). case-insensitive: SigV1’s rule, a habit of clients ported from SigV1.',
  },
  {
    name: 'encoding',
    type: 'enum',
    values: ['rfc3986', 'plus-for-space', 'encode-uri-component'],
    default: V2_DEFAULTS.encoding,
    doc: "How names and values are percent-encoded. rfc3986: every byte but A-Z a-z 0-9 - _ . ~ as upper-case %XX, as the spec says. plus-for-space: the same with + for a space. encode-uri-component: JavaScript’s encodeURIComponent, which leaves ! ' ( ) * unencoded.",
  },
  {
    name: 'hostCase',
    type: 'enum',
    values: ['lower', 'as-sent'],
    default: V2_DEFAULTS.hostCase,
    doc: 'The host line’s case: lower-cased, as the spec says, or the Host header as written.',
  },
  {
    name: 'hostPort',
    type: 'enum',
    values: ['non-default', 'always', 'never'],
    default: V2_DEFAULTS.hostPort,
    doc: 'The host line’s port: kept unless it is the scheme’s default (443 for https, 80 for http), as the services check; always kept as written; or dropped.',
  },
  {
    name: 'path',
    type: 'enum',
    values: ['as-sent', 'root'],
    default: V2_DEFAULTS.path,
    doc: 'The path line: the request path (/ when empty), as the spec says, or always / (a client that signs / for an SQS queue URL path).',
  },
  {
    name: 'includeSignature',
    type: 'boolean',
    default: V2_DEFAULTS.includeSignature,
    doc: 'Sign the Signature parameter too when the request already has one (a re-signing bug); off per the spec.',
  },
];
