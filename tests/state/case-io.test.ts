/**
 * Case files to and from the page's session: the CLI's format, read back by the engine's own parser.
 */

import { describe, expect, it } from 'vitest';
import { parseCaseFile } from '../../src/lib/sig/case-file';
import { fromCaseFile, toCaseFile } from '../../src/lib/state/case-io';
import { EMPTY_SNAPSHOT, withoutSecrets } from '../../src/lib/state/snapshot';

describe('case files', () => {
  const session = {
    ...EMPTY_SNAPSHOT,
    request: 'GET / HTTP/1.1\nHost: example.amazonaws.com\n\n',
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'secret',
    region: 'us-east-1',
    service: 'service',
    time: '2015-08-30T12:36:00Z',
    settings: { normalizePath: false },
  };

  it('are written in the format the CLI reads', () => {
    const text = JSON.stringify(toCaseFile(session, 'sigv4', 'header'));
    const parsed = parseCaseFile(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(fromCaseFile(parsed.value.caseFile)).toEqual({
        ...session,
        scheme: 'sigv4',
        location: 'header',
      });
  });

  it('leave the secret out when the session has none', () => {
    const file = toCaseFile(withoutSecrets(session), 'sigv4', 'query');
    expect(file.credentials).toEqual({ accessKeyId: 'AKIDEXAMPLE' });
    expect(file.mode).toBe('query');
  });
});
