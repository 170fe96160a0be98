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

/** The stage card (its element id and title) that holds the part of the signature a finding is about. */
export function stageOf(f: Finding): { anchor: string; title: string } {
  const id: keyof typeof STAGES =
    f.component === 'secret'
      ? 'keys'
      : f.component === 'timestamp' || f.component === 'scope' || f.component === 'algorithm'
        ? 'sts'
        : 'canonical';
  return { anchor: `stage-${id}`, title: STAGES[id] };
}
