/**
 * The result of `sigscope verify` for one case as plain data: `--json` prints it as is, the text report renders it.
 */

import type { SchemeId, SigV4Mode, SigV4Verification } from '../lib/sig/index';
import type { AnySchemeId } from '../lib/sig/registry';
import type { SchemeVerification } from '../lib/sig/trace';
import { renderScope } from '../lib/sig/registry-sigv4';
import { stageText, stageViews, type StageView } from './sign-view';
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

/** `sigscope verify` from the shared trace (SigV4A, the legacy schemes, the modes): the verdict and the stages recomputed from the request as sent. */
export interface SchemeVerifyView {
  file: string;
  ok: true;
  scheme: AnySchemeId;
  match: boolean;
  mode: string;
  providedSignature: string;
  /** What we computed; for SigV4A, whose signatures are randomized, the signature checked (the one provided). */
  computedSignature: string;
  accessKeyId?: string;
  /** For schemes with one (SigV4A). */
  canonicalRequest?: string;
  stringToSign: string;
  /** SigV4A: the public key the signature was checked with, SEC1 uncompressed hex. */
  publicKey?: string;
  /** When the scheme can tell: the first thing that breaks the signature, placed in the case file. */
  reason?: Diagnostic;
  stages: StageView[];
  notes: Diagnostic[];
}

/** Builds the view of a verification of the shared trace. */
export function schemeVerifyView(
  file: string,
  scheme: AnySchemeId,
  v: SchemeVerification,
  notes: Diagnostic[],
): SchemeVerifyView {
  const view: SchemeVerifyView = {
    file,
    ok: true,
    scheme,
    match: v.match,
    mode: v.trace.mode,
    providedSignature: v.provided,
    computedSignature: v.trace.signature,
    stringToSign: stageText(v.trace, 'string-to-sign') ?? stageText(v.trace, 'seed-string-to-sign') ?? '',
    stages: stageViews(v.trace.stages),
    notes,
  };
  if (v.accessKeyId !== undefined) view.accessKeyId = v.accessKeyId;
  const canonical = v.trace.stages.find((s) => s.id === 'canonical-request');
  if (canonical) view.canonicalRequest = canonical.text;
  if (v.trace.publicKey !== undefined) view.publicKey = v.trace.publicKey;
  return view;
}
