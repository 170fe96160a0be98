/**
 * The result of `sigscope sign` for one case as plain data: `--json` prints it as is, the text report renders it.
 */

import type { SchemeId } from '../lib/sig/registry';
import type { SigV4Settings } from '../lib/sig/v4/settings';
import type { SigV4Mode, SigV4Trace } from '../lib/sig/v4/types';
import { keyChainView, type KeyChainView } from './key-chain';
import { inRequest, type CaseSource, type Diagnostic } from './problems';

/** A header the signature leaves out, why, and where it sits in the case file. */
export interface UnsignedHeaderView {
  name: string;
  reason: string;
  line?: number;
  column?: number;
}

/** Every stage of one signature, ready to print. */
export interface SignView {
  file: string;
  ok: true;
  scheme: SchemeId;
  mode: SigV4Mode;
  region: string;
  service: string;
  /** The signing time, ISO 8601. */
  time: string;
  amzDate: string;
  /** `AKID/date/region/service/aws4_request`. */
  credential: string;
  canonicalRequest: string;
  canonicalRequestHash: string;
  stringToSign: string;
  keyChain: KeyChainView[];
  signingKey: string;
  signature: string;
  authorization?: string;
  url?: string;
  signedRequest: string;
  signedHeaders: string[];
  unsignedHeaders: UnsignedHeaderView[];
  added: { headers: [string, string][]; query: [string, string][] };
  settings: SigV4Settings;
  notes: Diagnostic[];
}

/** Builds the view of a trace; `notes` are the diagnostics already placed in the case file. */
export function signView(
  source: CaseSource,
  scheme: SchemeId,
  trace: SigV4Trace,
  notes: Diagnostic[],
  showSecrets: boolean,
): SignView {
  const view: SignView = {
    file: source.file,
    ok: true,
    scheme,
    mode: trace.mode,
    region: trace.scope.region,
    service: trace.scope.service,
    time: trace.time,
    amzDate: trace.amzDate,
    credential: trace.credential,
    canonicalRequest: trace.canonicalRequestText,
    canonicalRequestHash: trace.canonicalRequestHash,
    stringToSign: trace.stringToSignText,
    keyChain: keyChainView(trace.keyChain, showSecrets),
    signingKey: trace.signingKey,
    signature: trace.signature,
    signedRequest: trace.signedRequest,
    signedHeaders: trace.signedHeaders,
    unsignedHeaders: trace.unsignedHeaders.map((h) => {
      const { line, column } = h.span
        ? inRequest(source, { kind: 'unsigned-header', severity: 'note', message: '', span: h.span })
        : {};
      return { name: h.name, reason: h.reason, ...(line === undefined ? {} : { line, column }) };
    }),
    added: trace.added,
    settings: trace.settings,
    notes,
  };
  if (trace.authorization !== undefined) view.authorization = trace.authorization;
  if (trace.url !== undefined) view.url = trace.url;
  return view;
}
