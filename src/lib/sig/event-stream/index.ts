/**
 * Event-stream message signing: the entry points the registry, the CLI and the page use.
 */

export { crc32 } from './crc32';
export { decodeFrames, type DecodedFrames } from './frames';
export {
  encodeHeaders,
  encodeMessage,
  type EventHeader,
  type EventHeaderValue,
  type ReadMessage,
} from './message';
export {
  EVENT_STREAM_DOC,
  signEventStream,
  STREAMING_EVENTS,
  type EventStreamDetails,
  type SignedEvent,
  type SignEventStreamInput,
} from './sign';
export {
  dateHeader,
  DATE_HEADER,
  EVENT_ALGORITHM,
  eventStringToSign,
  SIGNATURE_HEADER,
} from './string-to-sign';
export {
  verifyEventStream,
  type EventCheck,
  type EventStreamVerifyDetails,
  type VerifyEventStreamInput,
} from './verify';
export { readMessages } from './message-read';
