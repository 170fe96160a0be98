/**
 * Real pastes changed the way tools and people change them: cut off, prefixed line by line (docker compose,
 * Terraform, CI timestamps, log records), rewrapped (line breaks turned into spaces, doubled, CRLF, hard wraps),
 * and escaped into another container (a JSON string, Python bytes chunks, Node's `'…' +` concatenation). Shared by
 * the readers' fuzz tests; the seeds come from the real-shape twins and the hand-written shapes.
 */

import fc from 'fast-check';

type Mutation = (text: string, n: number) => string;

const PREFIXES = [
  'worker-1  | ',
  '│ ',
  '2024-03-04T09:22:31.2071234Z ',
  '* ',
  '> ',
  '\t',
  '    ',
  'DEBUG: ',
  '',
];

function pyChunks(text: string, width: number): string {
  const body = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  const chunks: string[] = [];
  for (let i = 0; i < body.length; i += width) chunks.push(`b'${body.slice(i, i + width)}'`);
  return `{'data': ${chunks.join('\n         ')}, 'status': 403}`;
}

function jsConcat(text: string): string {
  const lines = text.split('\n').map((l) => `'${l.replace(/'/g, "\\'")}\\n'`);
  return `SignatureDoesNotMatch: x\n    at f (/a.js:1:1) {\n  Code: 'SignatureDoesNotMatch',\n  StringToSign: ${lines.join(' +\n    ')}\n}`;
}

const MUTATIONS: readonly Mutation[] = [
  // cut off anywhere
  (t, n) => t.slice(0, n % (t.length + 1)),
  // a prefix before every line, or only the first
  (t, n) => t.replace(/^/gm, PREFIXES[n % PREFIXES.length]!),
  (t, n) => `${PREFIXES[n % PREFIXES.length]}${t}`,
  // line breaks turned into spaces, doubled, CRLF
  (t) => t.replace(/\n/g, ' '),
  (t) => t.replace(/\n/g, '\n\n'),
  (t) => t.replace(/\n/g, '\r\n'),
  // a hard wrap every n characters
  (t, n) => t.replace(new RegExp(`([^\\n]{${20 + (n % 60)}})`, 'g'), '$1\n'),
  // escaped into a JSON string, bare or inside an object
  (t) => JSON.stringify(t).slice(1, -1),
  (t) => JSON.stringify({ error: t }),
  (t) => `CONTEXT=x, jsonResult=${JSON.stringify({ message: t })}`,
  // Python bytes chunks, Node concatenation
  (t, n) => pyChunks(t, 10 + (n % 70)),
  (t) => jsConcat(t),
  // a character flipped or removed
  (t, n) => t.slice(0, n % (t.length + 1)) + t.slice((n % (t.length + 1)) + 1),
  (t, n) => `${t.slice(0, n % (t.length + 1))}'"{<\\${t.slice(n % (t.length + 1))}`,
];

/** Seeds changed by one to three of the mutations above. */
export function mutatedShapes(seeds: readonly string[]): fc.Arbitrary<string> {
  const step = fc.tuple(fc.nat(MUTATIONS.length - 1), fc.nat(100_000));
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(step, { minLength: 1, maxLength: 3 }))
    .map(([seed, steps]) => steps.reduce((t, [m, n]) => MUTATIONS[m]!(t, n), seed));
}
