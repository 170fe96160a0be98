/**
 * The key chain as the CLI shows it. kSecret is the bytes of `AWS4` + the secret key, so both its input and its
 * hex spell out the secret: they are masked unless the user asks for them.
 */

import type { KeyChainStep } from '../lib/sig/registry-sigv4';

/** One link of the key chain as printed; `hex` is `null` when masked. */
export interface KeyChainView {
  name: KeyChainStep['name'];
  input: string;
  hex: string | null;
}

/** What stands in for the secret key when it is masked. */
export const MASKED_SECRET = '********';

/** The key chain with kSecret masked, unless `showSecrets`. */
export function keyChainView(chain: readonly KeyChainStep[], showSecrets: boolean): KeyChainView[] {
  return chain.map((step) =>
    step.name === 'kSecret' && !showSecrets
      ? { name: step.name, input: `AWS4${MASKED_SECRET}`, hex: null }
      : { name: step.name, input: step.input, hex: step.hex },
  );
}
