/**
 * Event streams as a mode of SigV4: each message signed on the one before it, the first on the opening request's
 * signature (Transcribe streaming, Bedrock, Kinesis Video).
 */

import type { DocumentMode, EventsSignInput, EventsVerifyInput } from '../scheme';

/**
 * SigV4 event-stream message signing, its engine loaded on first use: SigV4's scheme lists the mode, and a
 * request signed or checked without it (every CLI run but an events case) never loads or compiles it.
 */
export const EVENT_STREAM_MODE: DocumentMode<EventsSignInput, EventsVerifyInput> = {
  sign: async (input) => (await import('./sign')).signEventStream(input),
  verify: async (input) => (await import('./verify')).verifyEventStream(input),
};
