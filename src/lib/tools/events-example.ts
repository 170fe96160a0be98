/**
 * The example the /events page opens on: aws-c-auth's event-signing test (awslabs/aws-c-auth
 * tests/test_event_signing.c @8308060ab0d908a6242afdf369f6ea2d30a08e22, as recorded in
 * tests/vectors/streaming/event-stream-signing.json; see SOURCES.md there). Four events ("A", "B", "C" and the
 * final empty one), each signed a second after the last, on the opening request's signature.
 *
 * The values below are that test's. Copyright Amazon.com, Inc. or its affiliates. All Rights Reserved.
 * Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
 *
 * The frames are assembled here from the test's payloads, times and signatures (the signatures are the test's,
 * not the engine's): each outer message carries `:date` and `:chunk-signature`, as a client sends it.
 */

import { fromHex, toBytes, toHex } from '../sig/crypto';
import { encodeMessage, dateHeader, SIGNATURE_HEADER } from '../sig/registry-sigv4-modes';

/** The opening request's signature (its x-amz-content-sha256 is STREAMING-AWS4-HMAC-SHA256-EVENTS). */
export const EXAMPLE_SEED = 'e1d8e8c8815e60969f2a34765c9a15945ffc0badbaa4b7e3b163ea19131e949b';
/** The test's secret key. */
export const EXAMPLE_EVENT_SECRET = 'secret';
export const EXAMPLE_REGION = 'us-east-1';
export const EXAMPLE_SERVICE = 'demo';

/** Each event: its payload, the second past 06:30:00 on 16 January 1981 it is signed at, its signature. */
const EVENTS: readonly [payload: string, second: number, signature: string][] = [
  ['A', 1, '7aabf85b765e6a4d0d500b6e968657b14726fa3e1eb7e839302728ffd77629a5'],
  ['B', 2, 'f72aa9642f571d24a6e1ae42f10f073ad9448d8a028b6bcd82da081335adda02'],
  ['C', 3, '632af120435b57ec241d8bfbb12e496dfd5e2730a1a02ac0ab6eaa230ae02e9a'],
  ['', 4, 'c6f679ddb3af68f5e82f0cf6761244cb2338cf11e7d01a24130aea1b7c17e53e'],
];

/** The four messages as hex, one a line. */
export const EXAMPLE_FRAMES = EVENTS.map(([payload, second, signature]) =>
  toHex(
    encodeMessage(
      [
        dateHeader(new Date(Date.UTC(1981, 0, 16, 6, 30, second))),
        { name: SIGNATURE_HEADER, value: { type: 'bytes', value: fromHex(signature)! } },
      ],
      toBytes(payload),
    ),
  ),
).join('\n');
