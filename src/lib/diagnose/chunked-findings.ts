/**
 * Findings about an aws-chunked upload: where its chain of signatures first breaks and why (as the streaming
 * engine shows it), the lengths it declares, and what a server's chunk string to sign differs in from ours.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */

import type { ExpectedStringKind } from '../sig/server-error/signing-reply';
import type { ChainContext, ChunkedVerifyDetails } from '../sig/registry-sigv4-modes';
import type { Problem, Span } from '../sig/types';
import type { Finding } from './types';

/** One chunk as sent: the signature it chains on and its data's SHA-256. */
export interface SentChunk {
  index: number;
  size: number;
  /** The signature before it as sent (the seed's for chunk 1), unpadded, lower-case. */
  previous: string;
  dataSha256: string;
  /** Its header line in the paste. */
  span: Span;
}

/** The trailing headers as sent: the signature they chain on, their canonical form and its SHA-256. */
export interface SentTrailer {
  previous: string;
  canonical: string;
  sha256: string;
}

const KEEP_CHUNKS =
  'Send each chunk exactly as it was signed: nothing between the signer and S3 may re-chunk, compress or re-encode an aws-chunked body (or sign the whole payload, or UNSIGNED-PAYLOAD, instead).';

/** The client mistakes the engine reproduces, by the words of its reason. */
const REPRODUCED: [RegExp, string, string][] = [
  [
    /did not carry the chain on/,
    'chunk-chain-not-carried',
    "Sign each chunk on the signature of the chunk before it (the seed's only for the first chunk).",
  ],
  [
    /previous signature the server expects/,
    'chunk-previous-differs',
    'Chain each chunk on the signature actually sent before it.',
  ],
  [
    /hashed the framing/,
    'chunk-framing-hashed',
    "Hash only the chunk's data in its string to sign, not the CRLF after it.",
  ],
  [
    /hashed the encoded chunk/,
    'chunk-frame-hashed',
    "Hash only the chunk's data in its string to sign, not its size line and framing.",
  ],
];

function fromBreak(details: ChunkedVerifyDetails, p: Problem, index?: number): Finding | undefined {
  const reproduced = p.hint?.startsWith('Shown:') ? REPRODUCED.find(([re]) => re.test(p.message)) : undefined;
  if (reproduced) {
    return {
      kind: 'client',
      basis: 'shown',
      component: 'payload-hash',
      cause: reproduced[1],
      message: p.message,
      fix: reproduced[2],
      evidence: { note: "This string to sign reproduces the chunk's signature sent." },
    };
  }
  if (p.kind === 'chunk-signature') {
    const check = details.chunks.find((c) => c.index === index);
    return {
      kind: 'transit',
      basis: 'shown',
      component: 'payload-hash',
      cause: 'chunk-data-not-signed',
      message: `${p.message} ${p.hint ?? ''}`.trim(),
      fix: KEEP_CHUNKS,
      evidence: {
        ...(check ? { ours: check.dataSha256 } : {}),
        note: `The seed and the chunks before chunk ${index} verify with this key, so the key and scope are right.`,
      },
    };
  }
  return ruleFinding(p);
}

/** A rule of the encoding the upload breaks (trailer, lengths, framing), as the engine states it. */
function ruleFinding(p: Problem): Finding | undefined {
  const place: Record<string, { component: Finding['component']; name?: string; fix: string }> = {
    'trailer-signature': {
      component: 'payload-hash',
      fix: "Sign the trailer on the final chunk's signature over the canonical trailing headers (name:value\\n each).",
    },
    'trailer-unsigned': {
      component: 'payload-hash',
      fix: 'Send x-amz-trailer-signature after the trailing headers, or declare STREAMING-UNSIGNED-PAYLOAD-TRAILER.',
    },
    'trailer-checksum': {
      component: 'payload-hash',
      fix: 'Checksum the data exactly as it is sent (after any change to it), or do not change it after checksumming.',
    },
    'decoded-length': {
      component: 'headers',
      name: 'x-amz-decoded-content-length',
      fix: 'Send x-amz-decoded-content-length as the sum of the chunk sizes (the object size), and sign that value.',
    },
    'content-length': {
      component: 'headers',
      name: 'content-length',
      fix: 'Send Content-Length as the length of the encoded body (sizes, signatures and CRLFs included).',
    },
    'chunk-unsigned': { component: 'payload-hash', fix: 'Add ;chunk-signature= to every chunk.' },
  };
  const at = place[p.kind];
  if (!at) return undefined;
  return {
    kind: p.kind === 'trailer-checksum' ? 'transit' : 'client',
    basis: 'shown',
    component: at.component,
    ...(at.name ? { name: at.name } : {}),
    cause: p.kind,
    message: p.message,
    fix: at.fix,
    evidence: { note: 'The streaming engine reads this from the body pasted.' },
  };
}

/** The first break of the chain and the length rules the upload breaks, as findings. */
export function chainBreakFindings(details: ChunkedVerifyDetails, notes: readonly Problem[]): Finding[] {
  const out: Finding[] = [];
  const b = details.firstBreak;
  if (b && b.at !== 'seed') {
    const f = fromBreak(details, b.problem, b.index);
    if (f) out.push(f);
  }
  for (const n of notes) {
    if (n === b?.problem) continue;
    const f = ['decoded-length', 'content-length', 'trailer-checksum'].includes(n.kind) && ruleFinding(n);
    if (f) out.push(f);
  }
  return out;
}

type ChunkString = Extract<ExpectedStringKind, { kind: 'chunk' }>;

/** S3 rejected a chunk or the trailer, and the request was pasted without its aws-chunked body. */
export function noBody(server: Extract<ExpectedStringKind, { kind: 'chunk' | 'trailer' }>): Finding {
  return {
    kind: 'client',
    basis: 'suspected',
    component: 'payload-hash',
    cause: 'chunk-body-missing',
    message: `S3 rejected ${server.kind === 'chunk' ? 'a chunk' : 'the trailer'} of this aws-chunked upload, but the request is pasted without its body, so which link breaks and why cannot be told.`,
    fix: 'Paste the request with its aws-chunked body exactly as sent (load it from a file to keep every byte), and give the secret.',
    evidence: {
      server: server.previous,
      note: 'The server names the signature the rejected link chains on.',
    },
  };
}

/** What the server's chunk string to sign differs in from the chunk as sent (and our context, when known). */
export function chunkLineFindings(
  server: ChunkString,
  chunk: SentChunk | undefined,
  ctx: ChainContext | undefined,
): Finding[] {
  if (!chunk) {
    return [
      {
        kind: 'client',
        basis: 'suspected',
        component: 'payload-hash',
        cause: 'chunk-chain-unknown',
        message: `S3 rejected the chunk it chained on signature ${server.previous.slice(0, 16)}…, which no chunk of the body pasted follows: the body pasted is not the one sent.`,
        fix: 'Paste the request with the body exactly as it was sent (load it from a file to keep every byte).',
        evidence: { server: server.previous, note: "The server's previous-signature line matches no chunk." },
      },
    ];
  }
  const out: Finding[] = [];
  if (server.chunkHash.toLowerCase() !== chunk.dataSha256) {
    out.push({
      kind: 'transit',
      basis: 'shown',
      component: 'payload-hash',
      cause: 'chunk-changed-in-transit',
      message: `S3 hashed chunk ${chunk.index}'s data as ${server.chunkHash}, but chunk ${chunk.index} as sent (${chunk.size} bytes) hashes to ${chunk.dataSha256}: its bytes changed on the way.`,
      fix: KEEP_CHUNKS,
      evidence: {
        ours: chunk.dataSha256,
        server: server.chunkHash,
        note: `Line 6 of chunk ${chunk.index}'s string to sign differs.`,
      },
    });
  }
  if (ctx && server.amzDate !== ctx.amzDate) {
    out.push({
      kind: 'clock',
      basis: 'shown',
      component: 'timestamp',
      cause: 'timestamp-differs',
      message: `Chunk ${chunk.index} was signed with the seed's time ${ctx.amzDate}, but S3 used ${server.amzDate}.`,
      fix: "Sign every chunk with the seed request's X-Amz-Date.",
      evidence: {
        ours: ctx.amzDate,
        server: server.amzDate,
        note: 'Line 2 of the chunk string to sign differs.',
      },
    });
  }
  if (ctx && server.scope !== ctx.scope) {
    out.push({
      kind: 'scope',
      basis: 'shown',
      component: 'scope',
      cause: 'chunk-scope-differs',
      message: `Chunk ${chunk.index} was signed in scope ${ctx.scope}, but S3 used ${server.scope}.`,
      fix: "Sign every chunk with the seed request's credential scope.",
      evidence: {
        ours: ctx.scope,
        server: server.scope,
        note: 'Line 3 of the chunk string to sign differs.',
      },
    });
  }
  return out;
}

type TrailerString = Extract<ExpectedStringKind, { kind: 'trailer' }>;

/** What the server's trailer string to sign differs in from the trailing headers as sent. */
export function trailerLineFindings(server: TrailerString, sent: SentTrailer | undefined): Finding[] {
  if (!sent) {
    return [
      {
        kind: 'client',
        basis: 'suspected',
        component: 'payload-hash',
        cause: 'trailer-chain-unknown',
        message: `S3 rejected the trailer it chained on signature ${server.previous.slice(0, 16)}…, which is not the final chunk's signature in the body pasted: the body pasted is not the one sent.`,
        fix: 'Paste the request with the body exactly as it was sent (load it from a file to keep every byte).',
        evidence: {
          server: server.previous,
          note: "The trailer's previous-signature line matches no final chunk.",
        },
      },
    ];
  }
  if (server.trailersHash.toLowerCase() === sent.sha256) return [];
  return [
    {
      kind: 'transit',
      basis: 'shown',
      component: 'payload-hash',
      cause: 'trailer-changed-in-transit',
      message: `S3 hashed the trailing headers as ${server.trailersHash}, but those sent (${sent.canonical.trim().replace(/\n/g, ', ')}) hash to ${sent.sha256}: they changed on the way.`,
      fix: 'Send the trailing headers exactly as they were signed: nothing on the way may rewrite or reorder them.',
      evidence: {
        ours: sent.sha256,
        server: server.trailersHash,
        note: "Line 5 of the trailer's string to sign differs.",
      },
    },
  ];
}
