/**
 * Any signer's log read by its labels: `CanonicalRequest:` / `Canonical Request:` / `canonical_request =`,
 * `StringToSign:` / `String to sign:`, Ruby gems' `Signed string: GET\n\n\n…` (one line, literal `\n`) and
 * `Signature: …`, whatever prefix the logger puts before them (Python logging in any format, boto3's
 * `set_stream_logger`, s3cmd `--debug` with its `Canonical Request:` and SigV2 `SignHeaders: '…'`, Ruby's Logger). A
 * log may sign many times; every signing is kept, in order.
 */

import { unescapeJsonRun } from '../server-error/json';
import { located } from '../server-error/located';
import { problem, type Problem } from '../types';
import { canonicalRequestEnd, sigv2StringToSignEnd, stringToSignEnd } from './shape';
import type { ClientLog, LoggedText, Signing } from './types';

/** A signing while it is being read: its string to sign may not have come yet. */
interface Partial {
  scheme: 'sigv4' | 'sigv2';
  canonicalRequest?: LoggedText;
  stringToSign?: LoggedText;
  signature?: LoggedText;
}
import { logged, nextMatch, valueToRecord, type Found } from './value';

const LABEL =
  /(?<![\w-])(canonical[ _-]?request|canonical[ _-]?string|string[ _-]?to[ _-]?sign|signed[ _-]?string|SignHeaders|signing plaintext)(?:[ \t]+is)?[ \t]*(?::|=|(?=\r?\n))[ \t]*/gi;
const SIGNATURE =
  /(?<![\w-])signature(?:[ \t]+is)?[ \t]*[:=][ \t]*(?:\r?\n[ \t]*)?['"]?([0-9a-f]{64}|[A-Za-z0-9+/]{27}=|[A-Za-z0-9+/]{43}=)(?![\w+/=])/gi;

type Kind = 'canonical-request' | 'string-to-sign';

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

function shapeEnd(text: string, start: number, kind: Kind): number | undefined {
  return kind === 'canonical-request'
    ? canonicalRequestEnd(text, start)
    : (stringToSignEnd(text, start) ?? sigv2StringToSignEnd(text, start));
}

const WHAT: Record<Kind, string> = {
  'canonical-request': 'the canonical request',
  'string-to-sign': 'the string to sign',
};

/** Reads the value after a label that ends at `at`: on the label's line (escaped) or on the lines after it. */
function valueAt(text: string, at: number, kind: Kind): LoggedText | undefined {
  const end1 = lineEnd(text, at);
  const rest = text.slice(at, end1).replace(/\r$/, '');
  if (rest.trim() !== '' && rest.includes('\\n')) {
    // One line with the value's line breaks written as \n (Ruby's Logger, inspect, JSON logs).
    let s = at;
    let e = at + rest.trimEnd().length;
    const q = text[s];
    if ((q === '"' || q === "'") && text[e - 1] === q && e - s >= 2) {
      s++;
      e--;
    }
    const decoded = unescapeJsonRun(located(text), s, e);
    return {
      text: decoded.text,
      span: { start: s, end: e },
      normalized: ['Literal \\n escapes were read as line breaks.'],
    };
  }
  let start = rest.trim() === '' ? end1 + 1 : at;
  if (start > text.length) return undefined;
  const quote = text[start] === '"' || text[start] === "'" || text[start] === '[' ? text[start] : '';
  if (quote) start++;
  const end = shapeEnd(text, start, kind);
  if (end !== undefined) return logged(text, start, end);
  const value = valueToRecord(text, start, WHAT[kind]);
  return value.text.trim() === '' ? undefined : value;
}

/** Reads a log by its labels; `undefined` when it holds none with a value. */
export function readLabelled(text: string): Found | undefined {
  const signings: Partial[] = [];
  const problems: Problem[] = [];
  let consumed = 0;
  let botocore = false;
  const labels: { index: number; end: number; kind: Kind }[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    const kind: Kind = /canonical/i.test(m[1]!) ? 'canonical-request' : 'string-to-sign';
    labels.push({ index: m.index, end: m.index + m[0].length, kind });
    if (labels.length > 256) break;
  }
  for (let k = 0; k < labels.length; k++) {
    const label = labels[k]!;
    if (label.index < consumed) continue;
    const value = valueAt(text, label.end, label.kind);
    if (!value) continue;
    const lineStart = text.lastIndexOf('\n', label.index - 1) + 1;
    if (/botocore/.test(text.slice(lineStart, label.index))) botocore = true;
    consumed = value.span.end;
    const current = signings[signings.length - 1];
    const scheme = label.kind === 'string-to-sign' && !value.text.startsWith('AWS4-') ? 'sigv2' : 'sigv4';
    if (label.kind === 'canonical-request') signings.push({ scheme, canonicalRequest: value });
    else if (current && !current.stringToSign && !current.signature) {
      current.stringToSign = value;
      current.scheme = scheme;
    } else signings.push({ scheme, stringToSign: value });
    // The signature logged after this value, before the next label.
    const until = labels.find((l, j) => j > k && l.index >= consumed)?.index ?? text.length;
    const sig = nextMatch(SIGNATURE, text, consumed);
    const last = signings[signings.length - 1]!;
    if (sig && sig.index < until && !last.signature) {
      const start = sig.index + sig[0].length - sig[1]!.length;
      last.signature = { text: sig[1]!, span: { start, end: start + sig[1]!.length } };
    }
  }
  const primary = signings[signings.length - 1];
  if (!primary) return undefined;
  const log: ClientLog = { source: botocore ? 'botocore' : 'signer-log' };
  if (primary.canonicalRequest) log.canonicalRequest = primary.canonicalRequest;
  if (primary.stringToSign) log.stringToSign = primary.stringToSign;
  if (primary.signature) log.signature = primary.signature;
  if (primary.scheme === 'sigv2') log.scheme = 'sigv2';
  const listed = signings.filter((s): s is Partial & Signing => s.stringToSign !== undefined);
  if (listed.length > 1 || primary.scheme === 'sigv2') {
    log.signings = listed;
  }
  const cut = [primary.canonicalRequest, primary.stringToSign].find((v) => v?.truncated)?.truncated;
  if (cut) log.truncated = cut;
  const normalized = signings
    .flatMap((s) => [s.canonicalRequest, s.stringToSign])
    .flatMap((v) => v?.normalized ?? []);
  if (normalized.length > 0) log.normalized = [...new Set(normalized)];
  if (signings.length > 1) {
    const message = `The log shows ${signings.length} signings; the last one is read as the client's, and all are listed.`;
    const span = (primary.canonicalRequest ?? primary.stringToSign)!.span;
    problems.push(problem('several-requests', message, span, { severity: 'note' }));
  }
  return { log, problems };
}
