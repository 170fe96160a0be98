/**
 * The words the page uses for a finding: what its basis means, and which stage card shows the part it is about.
 */

import type { Finding } from '../diagnose/types';

/** A finding's basis in words (never colour alone). */
export const BASIS = {
  shown: { word: 'Shown', means: 'a diff shows it, or the search reproduced the signature sent' },
  suspected: { word: 'Suspected', means: 'it fits the evidence, but nothing reproduced it' },
} as const;

/** A finding's basis; anything but a stated `shown` (a finding from an older case file, say) is suspected. */
export const basisOf = (f: Finding): keyof typeof BASIS => (f.basis === 'shown' ? 'shown' : 'suspected');

const STAGES = {
  canonical: 'canonical request',
  sts: 'string to sign',
  keys: 'signing key',
} as const;

/** Where the part of the signature a finding is about sits in a scheme's own stages (SigV4A, the legacy ones). */
function traceStageIds(f: Finding): readonly string[] {
  switch (f.component) {
    case 'secret':
      return ['signing-key', 'signature'];
    case 'timestamp':
    case 'scope':
    case 'algorithm':
      return ['string-to-sign'];
    case 'headers':
      return ['canonical-request', 'canonical-amz-headers', 'string-to-sign'];
    case 'path':
      return ['canonical-request', 'canonical-resource', 'string-to-sign'];
    case 'query':
      return [
        'canonical-request',
        'canonical-query',
        'canonical-resource',
        'sorted-params',
        'string-to-sign',
      ];
    default:
      return ['canonical-request', 'string-to-sign'];
  }
}

/**
 * The stage card (its element id and title) that holds the part of the signature a finding is about: one of
 * SigV4's cards, or, for a request read under another scheme, that scheme's own stage.
 */
export function stageOf(
  f: Finding,
  trace?: { stages: readonly { id: string; title: string }[] },
): { anchor: string; title: string } {
  const id: keyof typeof STAGES =
    f.component === 'secret'
      ? 'keys'
      : f.component === 'timestamp' || f.component === 'scope' || f.component === 'algorithm'
        ? 'sts'
        : 'canonical';
  if (trace) {
    const stage = traceStageIds(f)
      .map((sid) => trace.stages.find((st) => st.id === sid))
      .find((st) => st !== undefined);
    if (stage) return { anchor: `stage-trace-${stage.id}`, title: stage.title.toLowerCase() };
  }
  return { anchor: `stage-${id}`, title: STAGES[id] };
}
