/**
 * Turning a reproduction (the catalogue mistakes that give exactly what the client signed) into findings with
 * evidence: the canonical request line where the mistake shows, as the client had it and as it should be.
 */

import { parseCanonicalRequest } from '../sig/registry-sigv4';
import type { Mistake } from './catalogue';
import { compareCanonicalRequests } from './compare';
import type { Reproduction } from './search';
import type { Finding } from './types';
import { visible } from './visible';

function firstDifferentLine(a: string, b: string): [string, string] | undefined {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return [la[i] ?? '', lb[i] ?? ''];
  }
  return undefined;
}

function nameOf(mistake: Mistake, reproduced: string, correct: string): string | undefined {
  if (mistake.name) return mistake.name;
  const a = parseCanonicalRequest(reproduced);
  const b = parseCanonicalRequest(correct);
  if (!a.ok || !b.ok) return undefined;
  return compareCanonicalRequests(a.value, b.value).find((d) => d.component === mistake.component)?.name;
}

/**
 * Findings for a reproduction. `correct` is the canonical request the scheme gives (ours or the server's), and
 * `how` says what was reproduced (the signature sent, or the client's logged canonical request).
 */
export function mistakeFindings(rep: Reproduction, correct: string, how: 'signature' | 'log'): Finding[] {
  const line = firstDifferentLine(rep.canonicalRequest, correct);
  const together = rep.mistakes.length > 1 ? ` together with ${rep.mistakes.length - 1} other mistake` : '';
  return rep.mistakes.map((m) => {
    const name = nameOf(m, rep.canonicalRequest, correct);
    const finding: Finding = {
      kind: m.kind,
      basis: 'shown',
      component: m.component,
      cause: m.id,
      message: m.message,
      fix: m.fix,
      evidence: {
        note:
          how === 'signature'
            ? `The signature you sent is exactly what this mistake produces${together}.`
            : `Your client's logged canonical request is exactly what this mistake produces${together}.`,
        ...(line ? { client: visible(line[0]), server: visible(line[1]) } : {}),
      },
    };
    if (name) finding.name = name;
    if (m.setting) finding.setting = m.setting;
    return finding;
  });
}
