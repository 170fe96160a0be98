/**
 * The result of `sigscope verify` for one case as plain data: `--json` prints it as is, the text report renders it.
 */

import type { SchemeId, SigV4Mode, SigV4Verification } from '../lib/sig/index';
import { renderScope } from '../lib/sig/v4/signing-key';
import { keyChainView, type KeyChainView } from './key-chain';
import type { Diagnostic } from './problems';

/** The verdict on one signed request and the stages we recomputed, to compare with the server's. */
export interface VerifyView {
  file: string;
  ok: true;
  scheme: SchemeId;
  match: boolean;
  /** Where the request carries its signature. */
  mode: SigV4Mode;
  providedSignature: string;
  computedSignature: string;
  accessKeyId: string;
  /** `date/region/service/aws4_request`, as the request's credential says. */
  credentialScope: string;
  amzDate: string;
  signedHeaders: string[];
  canonicalRequest: string;
  canonicalRequestHash: string;
  stringToSign: string;
  keyChain: KeyChainView[];
  signingKey: string;
  notes: Diagnostic[];
}

/** Builds the view of a verification; `notes` are the diagnostics already placed in the case file. */
export function verifyView(
  file: string,
  scheme: SchemeId,
  v: SigV4Verification,
  notes: Diagnostic[],
  showSecrets: boolean,
): VerifyView {
  return {
    file,
    ok: true,
    scheme,
    match: v.match,
    mode: v.provided.mode,
    providedSignature: v.provided.signature,
    computedSignature: v.stages.signature,
    accessKeyId: v.provided.credential.accessKeyId,
    credentialScope: renderScope(v.provided.credential.scope),
    amzDate: v.amzDate,
    signedHeaders: v.provided.signedHeaders,
    canonicalRequest: v.stages.canonicalRequestText,
    canonicalRequestHash: v.stages.canonicalRequestHash,
    stringToSign: v.stages.stringToSignText,
    keyChain: keyChainView(v.stages.keyChain, showSecrets),
    signingKey: v.stages.signingKey,
    notes,
  };
}
