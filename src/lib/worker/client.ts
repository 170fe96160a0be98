/**
 * The page's handle on the engine worker. Each recompute is stamped with a run id; an answer to any run but the
 * newest is dropped, so a slow recompute never overwrites a newer one.
 *
 * A small paste's stages are also computed on the page itself, in the task that handled the keystroke: after
 * discrete input Chromium runs no other task until it has drawn the next frame, so an answer posted by the worker
 * waits for that frame and the stages trail the keystroke by one. The worker then only diagnoses.
 */

import type { FromWorker, RunInput, RunOutput, ToWorker } from './protocol';

/** Requests longer than this go to the worker as transferred UTF-8 bytes rather than a copied string. */
export const TRANSFER_AT = 256 * 1024;

/** Pastes up to this many characters in all have their stages computed on the page (a few milliseconds). */
export const LOCAL_LIMIT = 32 * 1024;

/** Phase one of a recompute, run on the page: `runStages`. */
export type LocalStages = (input: RunInput) => Promise<RunOutput>;

const loadStages = (): Promise<LocalStages> => import('./stages').then((m) => m.runStages);

const pastedLength = (input: RunInput) =>
  input.request.length + input.serverError.length + input.clientLog.length;

/** What the page hears back. */
export interface EngineListener {
  /** The newest run's output: `stages` first, then `explained` when the diagnosis ran. */
  output(phase: 'stages' | 'explained', output: RunOutput, id: number): void;
  /** A bug in the engine (bad input never throws, it is reported as problems). */
  failed(message: string): void;
}

interface PendingHash {
  resolve: (value: { hex: string; ms: number }) => void;
  reject: (error: Error) => void;
  progress: (done: number, total: number) => void;
}

/** Runs the engine in a Web Worker (a small paste's stages on the page too) and keeps only the newest answer. */
export class EngineClient {
  #worker: Worker;
  #latest = 0;
  #nextId = 1;
  #hashes = new Map<number, PendingHash>();
  #listener: EngineListener;

  #local: LocalStages | undefined;
  /** The newest run whose diagnosis has been heard: its stages, if they come later, are older news. */
  #explained = 0;

  /**
   * Starts the worker (or takes the one given) and loads phase one for the page; `loadLocal: null` leaves every
   * run to the worker.
   */
  constructor(
    listener: EngineListener,
    worker?: Worker,
    loadLocal: (() => Promise<LocalStages>) | null = loadStages,
  ) {
    this.#listener = listener;
    loadLocal?.().then(
      (local) => (this.#local = local),
      () => undefined, // the worker still answers everything
    );
    this.#worker =
      worker ??
      new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
    this.#worker.onmessage = (event: MessageEvent<FromWorker>) => this.#receive(event.data);
    this.#worker.onerror = (event) => listener.failed(event.message || 'The engine worker failed to start.');
  }

  /** The id of the newest run. */
  get latest(): number {
    return this.#latest;
  }

  /** Starts a recompute; earlier runs still in flight are dropped when they answer. */
  run(input: RunInput): number {
    const id = this.#nextId++;
    this.#latest = id;
    const local = pastedLength(input) <= LOCAL_LIMIT ? this.#local : undefined;
    let message: ToWorker;
    if (input.request.length > TRANSFER_AT) {
      const bytes = new TextEncoder().encode(input.request);
      message = { type: 'run', id, input: { ...input, request: '' }, requestBytes: bytes.buffer };
      this.#worker.postMessage(message, [bytes.buffer]);
    } else if (!local || input.explain) {
      message = { type: 'run', id, input, ...(local ? { diagnoseOnly: true } : {}) };
      this.#worker.postMessage(message);
    }
    if (local) {
      local(input).then(
        (output) => {
          if (id === this.#latest && id > this.#explained) this.#listener.output('stages', output, id);
        },
        (error: unknown) => {
          if (id === this.#latest)
            this.#listener.failed(error instanceof Error ? error.message : String(error));
        },
      );
    }
    return id;
  }

  /** Hashes a file in the worker, slice by slice. */
  hashFile(
    file: Blob,
    name: string,
    progress: (done: number, total: number) => void,
  ): Promise<{ hex: string; ms: number }> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#hashes.set(id, { resolve, reject, progress });
      const message: ToWorker = { type: 'hash-file', id, file, name };
      this.#worker.postMessage(message);
    });
  }

  #receive(message: FromWorker): void {
    const hash = this.#hashes.get(message.id);
    if (hash) {
      if (message.type === 'progress') hash.progress(message.done, message.total);
      else if (message.type === 'hashed') {
        this.#hashes.delete(message.id);
        hash.resolve({ hex: message.hex, ms: message.ms });
      } else if (message.type === 'error') {
        this.#hashes.delete(message.id);
        hash.reject(new Error(message.message));
      }
      return;
    }
    if (message.id !== this.#latest) return; // stale: a newer run was started
    if (message.type === 'stages' || message.type === 'explained') {
      if (message.type === 'explained') this.#explained = message.id;
      this.#listener.output(message.type, message.output, message.id);
    } else if (message.type === 'error') {
      this.#listener.failed(message.message);
    }
  }

  /** Stops the worker. */
  dispose(): void {
    this.#worker.terminate();
    for (const pending of this.#hashes.values()) pending.reject(new Error('The engine was stopped.'));
    this.#hashes.clear();
  }
}
