/**
 * Event streams as a mode of SigV4: each message signed on the one before it, the first on the opening request's
 * signature (Transcribe streaming, Bedrock, Kinesis Video).
 */

import type { DocumentMode, EventsSignInput, EventsVerifyInput } from '../scheme';
import { signEventStream } from './sign';
import { verifyEventStream } from './verify';

/** SigV4 event-stream message signing. */
export const EVENT_STREAM_MODE: DocumentMode<EventsSignInput, EventsVerifyInput> = {
  sign: (input) => signEventStream(input),
  verify: (input) => verifyEventStream(input),
};
