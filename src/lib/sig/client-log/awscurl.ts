/**
 * `awscurl -v`: it pretty-prints (Python `pprint`) `'\nCANONICAL REQUEST = ' + canonical_request` and
 * `'\nSTRING_TO_SIGN = ' + string_to_sign`, so each value is a Python string repr, often split into
 * parenthesised fragments, one per line: `('\n'\n 'CANONICAL REQUEST = GET\n'\n '/\n' …)`. Plain, unquoted
 * output is read too, its end judged from its shape.
 */

import { decodedFrom, located, pasteSpan, type Located } from '../server-error/located';
import { readPythonLiteral } from '../server-error/python-literal';
import type { Problem } from '../types';
import type { ClientLog, LoggedText } from './types';
import { closedValueEnd, lastMatch, logged, type Found } from './value';

const MARKERS = {
  canonicalRequest: { re: /CANONICAL REQUEST = /g, label: 'CANONICAL REQUEST = ' },
  stringToSign: { re: /STRING_TO_SIGN = /g, label: 'STRING_TO_SIGN = ' },
} as const;

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function firstNonBlank(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}

/** Reads Python string literals that follow each other (separated by whitespace) from `at`, joined. */
function adjacentLiterals(text: string, at: number): { decoded: Located; problems: Problem[] } | undefined {
  const problems: Problem[] = [];
  let joined = '';
  const positions: number[] = [];
  let i = at;
  let end = at;
  for (;;) {
    const literal = readPythonLiteral(text, i);
    if (!literal) break;
    joined += literal.text;
    for (let k = 0; k < literal.positions.length - 1; k++) positions.push(literal.positions[k]!);
    for (const p of literal.problems) problems.push(p);
    end = literal.positions[literal.positions.length - 1]!;
    if (!literal.closed) break;
    i = literal.end;
    while (i < text.length && /\s/.test(text[i]!)) i++;
  }
  if (joined === '') return undefined;
  positions.push(end);
  return { decoded: decodedFrom(located(text), joined, positions), problems };
}

/** Decodes the pprint output (one repr, or `(` fragments `)`) around the marker at `at`. */
function reprAround(text: string, at: number): { decoded: Located; problems: Problem[] } | undefined {
  let start = firstNonBlank(text, lineStartOf(text, at));
  if (text[start] !== '(' && start > 0) {
    const previous = firstNonBlank(text, lineStartOf(text, start - 1));
    if (text[previous] === '(') start = previous;
  }
  return adjacentLiterals(text, text[start] === '(' ? start + 1 : start);
}

/** Reads one value: the decoded repr after its label, or the plain text up to where its shape ends. */
function readValue(text: string, key: keyof typeof MARKERS, problems: Problem[]): LoggedText | undefined {
  const marker = lastMatch(MARKERS[key].re, text);
  if (!marker) return undefined;
  const repr = reprAround(text, marker.index);
  const label = repr?.decoded.text.indexOf(MARKERS[key].label) ?? -1;
  if (repr && label >= 0) {
    for (const p of repr.problems) problems.push(p);
    const start = label + MARKERS[key].label.length;
    const end = repr.decoded.text.length;
    return { text: repr.decoded.text.slice(start, end), span: pasteSpan(repr.decoded, start, end) };
  }
  const start = marker.index + marker[0].length;
  const artefact = key === 'canonicalRequest' ? 'canonical-request' : 'string-to-sign';
  const end = closedValueEnd(text, start, artefact, '');
  return end === undefined ? undefined : logged(text, start, end);
}

/** Reads `awscurl -v` output. */
export function readAwscurl(text: string): Found | undefined {
  const problems: Problem[] = [];
  const canonicalRequest = readValue(text, 'canonicalRequest', problems);
  const stringToSign = readValue(text, 'stringToSign', problems);
  if (!canonicalRequest && !stringToSign) return undefined;
  const log: ClientLog = { source: 'awscurl' };
  if (canonicalRequest) log.canonicalRequest = canonicalRequest;
  if (stringToSign) log.stringToSign = stringToSign;
  // The headers dict pprint splits the Authorization value into fragments.
  const header = lastMatch(/'Authorization': /g, text);
  const value = header && adjacentLiterals(text, header.index + header[0].length);
  const signature = value && /Signature=([0-9a-f]{64})/.exec(value.decoded.text);
  if (value && signature) {
    const d = value.decoded;
    log.authorization = { text: d.text, span: pasteSpan(d, 0, d.text.length) };
    const start = signature.index + signature[0].length - 64;
    log.signature = { text: signature[1]!, span: pasteSpan(d, start, start + 64) };
  }
  return { log, problems };
}
