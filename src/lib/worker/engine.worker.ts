/**
 * The engine's Web Worker: recomputes off the main thread (only the diagnosis when the page showed the stages
 * itself) and hashes dropped files. It answers each message with the id it came with; the page drops answers to
 * runs it has moved past.
 */

/// <reference lib="webworker" />

import { hashBlob } from './hash-file';
import { mbps, signFile } from './sign-file';
import type { FromWorker, ToWorker } from './protocol';
import { runExplain, runStages } from './run';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);

/** The newest run asked for; an older run still computing skips its diagnosis. */
let latest = 0;

/** Posts a file's progress at most every 50 ms, and at the end. */
function progressOf(id: number): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const t = performance.now();
    if (t - last > 50 || done === total) {
      last = t;
      post({ type: 'progress', id, done, total });
    }
  };
}

scope.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    if (message.type === 'run') {
      latest = Math.max(latest, message.id);
      const input = message.requestBytes
        ? { ...message.input, request: new TextDecoder().decode(message.requestBytes) }
        : message.input;
      const stages = await runStages(input);
      if (!message.diagnoseOnly) post({ type: 'stages', id: message.id, output: stages });
      if (input.explain && message.id === latest) {
        post({ type: 'explained', id: message.id, output: await runExplain(input, stages) });
      }
    } else if (message.type === 'hash-file') {
      const t0 = performance.now();
      const hex = await hashBlob(message.file, progressOf(message.id));
      const ms = performance.now() - t0;
      post({ type: 'hashed', id: message.id, hex, ms, mbps: mbps(message.file.size, ms) });
    } else if (message.type === 'sign-file') {
      const signed = await signFile(message.file, message.name, message.job, progressOf(message.id));
      post(
        signed.ok
          ? { type: 'signed-file', id: message.id, view: signed.value, problems: signed.problems }
          : { type: 'sign-file-failed', id: message.id, problems: signed.problems },
      );
    }
  } catch (error) {
    post({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
  }
};
