/**
 * The harness for one browser test file, with the checks every test's pages must pass: no request left the
 * page's origin (data: and blob: URLs stay in the page), no dialog opened, nothing threw.
 */

import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { Harness } from './harness';

/** Starts the server and browser around the file's tests and checks, then closes, each test's pages. */
export function useHarness(): Harness {
  const harness = new Harness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());
  afterEach(async () => {
    for (const w of harness.take()) {
      const foreign = w.requests.filter(
        (url) => !url.startsWith(harness.server.origin + '/') && !/^(data|blob):/.test(url),
      );
      expect(foreign, 'requests that left the page’s origin').toEqual([]);
      expect(w.dialogs, 'dialogs opened by pasted content').toEqual([]);
      expect(w.errors, 'uncaught page errors').toEqual([]);
      await w.context.close();
    }
  });
  return harness;
}
