/**
 * The chain's trace stages: each chunk's string to sign and signature as one line of a table, then the trailer.
 * The page draws the table from `details.chunks`; these stages are the same data as text.
 */

import type { TraceLine, TraceStage } from '../trace';
import type { ChunkLink } from './chain';
import type { StreamingMode } from './payload-mode';

/** The S3 page on streaming uploads. */
export const STREAMING_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html';
/** The S3 page on streaming uploads with trailers. */
export const TRAILER_DOC = 'https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html';

/** What the stages need of a chain. */
export interface ChainView {
  mode: StreamingMode;
  chunks: readonly ChunkLink[];
  trailer?: { canonical: string; stringToSign?: string; signature?: string };
}

/** The chain and trailer stages. */
export function chainStages(chain: ChainView): TraceStage[] {
  const lines: TraceLine[] = chain.chunks.map((c) => ({
    label: 'chunk',
    name: String(c.index),
    text: `chunk ${c.index}: ${c.size} bytes, sha256 ${c.dataSha256}${c.signature ? `, signature ${c.signature}` : ''}`,
    sources: [],
  }));
  const stages: TraceStage[] = [
    {
      id: 'chunk-chain',
      title: chain.mode.signedChunks ? 'Chunk signatures' : 'Chunks (unsigned)',
      rule: chain.mode.signedChunks
        ? 'Each chunk signs "<algorithm>-PAYLOAD", the seed time and scope, the previous signature (the seed for chunk 1), the SHA-256 of the empty string and the SHA-256 of its data; the final chunk is empty.'
        : 'The chunks carry no signatures: only the seed request and the trailer are covered.',
      docUrl: STREAMING_DOC,
      text: lines.map((l) => l.text).join('\n'),
      lines,
    },
  ];
  const first = chain.chunks.find((c) => c.stringToSign !== '');
  if (first) {
    stages.push({
      id: 'chunk-string-to-sign',
      title: `String to sign of chunk ${first.index}`,
      rule: 'Algorithm, time, scope, previous signature, SHA-256 of "", SHA-256 of the chunk data.',
      docUrl: STREAMING_DOC,
      text: first.stringToSign,
      lines: first.stringToSign.split('\n').map((text, i) => ({
        label:
          [
            'algorithm',
            'request-date-time',
            'credential-scope',
            'previous-signature',
            'empty-hash',
            'chunk-hash',
          ][i] ?? 'line',
        text,
        sources: [],
      })),
    });
  }
  if (chain.trailer) {
    const t = chain.trailer;
    stages.push({
      id: 'trailer',
      title: 'Trailer',
      rule: chain.mode.signedTrailer
        ? 'The trailing headers as canonical headers; the trailer signs "<algorithm>-TRAILER", time, scope, the final chunk\'s signature and their SHA-256.'
        : 'The trailing headers, unsigned (STREAMING-UNSIGNED-PAYLOAD-TRAILER).',
      docUrl: TRAILER_DOC,
      text: t.stringToSign ?? t.canonical,
      lines: [
        ...t.canonical
          .split('\n')
          .filter(Boolean)
          .map((text) => ({ label: 'trailer-header', text, sources: [] })),
        ...(t.signature ? [{ label: 'trailer-signature', text: t.signature, sources: [] }] : []),
      ],
    });
  }
  return stages;
}
