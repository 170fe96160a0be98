/**
 * The result of `sigscope sign` for one case as plain data: `--json` prints it as is, the text report renders it.
 */

import type { AnySchemeId, SchemeId } from '../lib/sig/registry';
import { findStage, type SchemeTrace, type TraceStage } from '../lib/sig/trace';
import type { SigV4Settings, SigV4Mode, SigV4Trace } from '../lib/sig/registry-settings';
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

/** The text of a trace's stage, if the trace has it. */
export function stageText(trace: Pick<SchemeTrace, 'stages'>, id: string): string | undefined {
  return findStage(trace, id)?.text;
}

/** One stage of a signature, as printed: its rule, text and labelled lines. */
export interface StageView {
  id: string;
  title: string;
  rule: string;
  docUrl: string;
  text: string;
  lines: { label: string; name?: string; text: string }[];
}

/** The stages of a trace, without their source spans (the CLI prints positions as file:line:col instead). */
export function stageViews(stages: readonly TraceStage[]): StageView[] {
  return stages.map((s) => ({
    id: s.id,
    title: s.title,
    rule: s.rule,
    docUrl: s.docUrl,
    text: s.text,
    lines: s.lines.map((l) => ({
      label: l.label,
      ...(l.name === undefined ? {} : { name: l.name }),
      text: l.text,
    })),
  }));
}

/** `sigscope sign` for SigV4A or a legacy scheme (SigV2, S3 SigV2, SigV1, SigV0), from the shared trace. */
export interface SchemeSignView {
  file: string;
  ok: true;
  scheme: AnySchemeId;
  mode: string;
  /** For schemes with one (SigV4A). */
  canonicalRequest?: string;
  stringToSign: string;
  /** As it goes on the wire, before URL encoding: Base64 for the legacy schemes, DER hex for SigV4A. */
  signature: string;
  signatureEncoding: 'hex' | 'base64';
  authorization?: string;
  url?: string;
  /** SigV4A: the public key a server checks the signature with, SEC1 uncompressed hex. */
  publicKey?: string;
  keyChain?: SchemeTrace['keyChain'];
  signedRequest: string;
  added: SchemeTrace['added'];
  stages: StageView[];
  notes: Diagnostic[];
}

/** Builds the view of a shared trace. */
export function schemeSignView(
  file: string,
  scheme: AnySchemeId,
  trace: SchemeTrace,
  notes: Diagnostic[],
): SchemeSignView {
  const canonical = trace.stages.find((s) => s.id === 'canonical-request');
  const view: SchemeSignView = {
    file,
    ok: true,
    scheme,
    mode: trace.mode,
    stringToSign: stageText(trace, 'string-to-sign') ?? stageText(trace, 'seed-string-to-sign') ?? '',
    signature: trace.signature,
    signatureEncoding: trace.signatureEncoding,
    signedRequest: trace.signedRequest,
    added: trace.added,
    stages: stageViews(trace.stages),
    notes,
  };
  if (canonical) view.canonicalRequest = canonical.text;
  if (trace.authorization !== undefined) view.authorization = trace.authorization;
  if (trace.url !== undefined) view.url = trace.url;
  if (trace.publicKey !== undefined) view.publicKey = trace.publicKey;
  if (trace.keyChain !== undefined) view.keyChain = trace.keyChain;
  return view;
}
