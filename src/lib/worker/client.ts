/**
 * The page's handle on the engine worker. Each recompute is stamped with a run id; an answer to any run but the
 * newest is dropped, so a slow recompute never overwrites a newer one.
 *
 * A small paste's stages are also computed on the page itself, in the task that handled the keystroke: after
 * discrete input Chromium runs no other task until it has drawn the next frame, so an answer posted by the worker
 * waits for that frame and the stages trail the keystroke by one. The worker then only diagnoses.
 */

import type { Problem } from '../sig/types';
import type { FromWorker, RunInput, RunOutput, SignedFileView, SignFileJob, ToWorker } from './protocol';

/** Requests longer than this go to the worker as transferred UTF-8 bytes rather than a copied string. */
export const TRANSFER_AT = 256 * 1024;

/** Pastes up to this many characters in all have their stages computed on the page (a few milliseconds). */
export const LOCAL_LIMIT = 32 * 1024;

/** Phase one of a recompute, run on the page: `runStages`. */
export type LocalStages = (input: RunInput) => Promise<RunOutput>;

const loadStages = (): Promise<LocalStages> => import('./stages').then((m) => m.runStages);

const pastedLength = (input: RunInput) =>
  input.request.length + input.serverError.length + input.clientLog.length;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What the page hears back. */
export interface EngineListener {
  /** The newest run's output: `stages` first, then `explained` when the diagnosis ran. */
  output(phase: 'stages' | 'explained', output: RunOutput, id: number): void;
  /** A bug in the engine (bad input never throws, it is reported as problems). */
  failed(message: string): void;
}

/** A file hashed in the worker: its SHA-256, and how long it took (ms, MB/s). */
export interface HashedFile {
  hex: string;
  ms: number;
  /** Reported by the worker (the bench reads it). */
  mbps?: number;
}

/** A file signed into chunks in the worker, or why it could not be. */
export type SignedFile = { ok: boolean; view?: SignedFileView; problems: Problem[] };

interface PendingFile {
  /** Takes the worker's last word on the file; false when it is not one. */
  settle: (message: FromWorker) => boolean;
  reject: (error: Error) => void;
  progress: (done: number, total: number) => void;
}

/** Runs the engine in a Web Worker (a small paste's stages on the page too) and keeps only the newest answer. */
export class EngineClient {
  #worker: Worker;
  #latest = 0;
  #nextId = 1;
  #files = new Map<number, PendingFile>();
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
  hashFile(file: Blob, name: string, progress: (done: number, total: number) => void): Promise<HashedFile> {
    return this.#fileJob({ type: 'hash-file', file, name }, progress, (m) =>
      m.type === 'hashed'
        ? { hex: m.hex, ms: m.ms, ...(m.mbps !== undefined ? { mbps: m.mbps } : {}) }
        : undefined,
    );
  }

  /** Signs a file into an aws-chunked upload in the worker, slice by slice. */
  signFile(
    file: Blob,
    name: string,
    job: SignFileJob,
    progress: (done: number, total: number) => void,
  ): Promise<SignedFile> {
    return this.#fileJob({ type: 'sign-file', file, name, job }, progress, (m) =>
      m.type === 'signed-file'
        ? { ok: true, view: m.view, problems: m.problems }
        : m.type === 'sign-file-failed'
          ? { ok: false, problems: m.problems }
          : undefined,
    );
  }

  #fileJob<T>(
    message: DistributiveOmit<Extract<ToWorker, { file: Blob }>, 'id'>,
    progress: (done: number, total: number) => void,
    result: (message: FromWorker) => T | undefined,
  ): Promise<T> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const settle = (m: FromWorker) => {
        const value = result(m);
        if (value !== undefined) resolve(value);
        return value !== undefined;
      };
      this.#files.set(id, { settle, reject, progress });
      this.#worker.postMessage({ ...message, id } as ToWorker);
    });
  }

  #receive(message: FromWorker): void {
    const file = this.#files.get(message.id);
    if (file) {
      if (message.type === 'progress') file.progress(message.done, message.total);
      else if (message.type === 'error') {
        this.#files.delete(message.id);
        file.reject(new Error(message.message));
      } else if (file.settle(message)) this.#files.delete(message.id);
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
    for (const pending of this.#files.values()) pending.reject(new Error('The engine was stopped.'));
    this.#files.clear();
  }
}
