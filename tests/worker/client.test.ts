/**
 * The page's engine client: every run gets an id, and answers to any run but the newest are dropped.
 */

import { describe, expect, it } from 'vitest';
import { EngineClient, LOCAL_LIMIT, TRANSFER_AT, type LocalStages } from '../../src/lib/worker/client';
import type {
  FromWorker,
  RunInput,
  RunOutput,
  SignedFileView,
  ToWorker,
} from '../../src/lib/worker/protocol';

class FakeWorker {
  sent: { message: ToWorker; transfer?: Transferable[] }[] = [];
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: ToWorker, transfer?: Transferable[]) {
    this.sent.push({ message, ...(transfer ? { transfer } : {}) });
  }
  answer(message: FromWorker) {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
  terminate() {}
}

const INPUT = { request: 'GET / HTTP/1.1\nHost: x\n\n', serverError: '', clientLog: '' } as RunInput;
const output = (tag: string) => ({ verdict: { verdict: 'unknown', reason: tag } }) as RunOutput;

function setup(local: LocalStages | null = null) {
  const worker = new FakeWorker();
  const heard: { phase: string; reason: string; id: number }[] = [];
  const client = new EngineClient(
    {
      output: (phase, out, id) => heard.push({ phase, reason: out.verdict.reason, id }),
      failed: (message) => heard.push({ phase: 'failed', reason: message, id: -1 }),
    },
    worker as unknown as Worker,
    local ? () => Promise.resolve(local) : null,
  );
  return { worker, heard, client };
}

/** Lets the page's own stages (and the loading of them) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('EngineClient', () => {
  it('stamps each run with a new id', () => {
    const { worker, client } = setup();
    const a = client.run(INPUT);
    const b = client.run(INPUT);
    expect(b).toBeGreaterThan(a);
    expect(worker.sent.map((s) => (s.message.type === 'run' ? s.message.id : 0))).toEqual([a, b]);
  });

  it('drops the answers of runs it has moved past, even when they arrive last', () => {
    const { worker, heard, client } = setup();
    const old = client.run(INPUT);
    const latest = client.run(INPUT);
    worker.answer({ type: 'stages', id: latest, output: output('new') });
    worker.answer({ type: 'stages', id: old, output: output('old') });
    worker.answer({ type: 'explained', id: old, output: output('old explained') });
    worker.answer({ type: 'explained', id: latest, output: output('new explained') });
    expect(heard).toEqual([
      { phase: 'stages', reason: 'new', id: latest },
      { phase: 'explained', reason: 'new explained', id: latest },
    ]);
  });

  it('sends a large request as transferred bytes', () => {
    const { worker, client } = setup();
    client.run({ ...INPUT, request: 'x'.repeat(TRANSFER_AT + 1) });
    const { message, transfer } = worker.sent[0]!;
    expect(message.type === 'run' && message.input.request).toBe('');
    expect(message.type === 'run' && message.requestBytes?.byteLength).toBe(TRANSFER_AT + 1);
    expect(transfer).toHaveLength(1);
  });

  it('reports hashing progress and the hash of a file', async () => {
    const { worker, client } = setup();
    const progress: number[] = [];
    const hashed = client.hashFile(new Blob(['abc']), 'a.txt', (done) => progress.push(done));
    const id = worker.sent[0]!.message.id;
    worker.answer({ type: 'progress', id, done: 3, total: 3 });
    worker.answer({ type: 'hashed', id, hex: 'ba7816bf', ms: 1 });
    expect(await hashed).toEqual({ hex: 'ba7816bf', ms: 1 });
    expect(progress).toEqual([3]);
  });

  it('signs a file into chunks in the worker: progress, then the chain, or the problems', async () => {
    const { worker, client } = setup();
    const progress: number[] = [];
    const job = { input: INPUT, chunkSize: 65536, kind: 'signed' as const };
    const signed = client.signFile(new Blob(['abc']), 'a.txt', job, (done) => progress.push(done));
    const failed = client.signFile(new Blob(['abc']), 'b.txt', job, () => undefined);
    const [first, second] = worker.sent.map((s) => s.message);
    expect(first).toMatchObject({ type: 'sign-file', name: 'a.txt', job });
    const view = { name: 'a.txt', mbps: 12 } as SignedFileView;
    const problem = { kind: 'scope', severity: 'error' as const, message: 'Give the region.' };
    worker.answer({ type: 'progress', id: first!.id, done: 3, total: 3 });
    worker.answer({ type: 'sign-file-failed', id: second!.id, problems: [problem] });
    worker.answer({ type: 'signed-file', id: first!.id, view, problems: [] });
    expect(await signed).toEqual({ ok: true, view, problems: [] });
    expect(await failed).toEqual({ ok: false, problems: [problem] });
    expect(progress).toEqual([3]);
  });

  it('computes a small paste’s stages on the page and asks the worker only for the diagnosis', async () => {
    const { worker, heard, client } = setup(async (input) => output(`local ${input.request.length}`));
    await settle();
    const id = client.run({ ...INPUT, explain: true });
    await settle();
    expect(heard).toEqual([{ phase: 'stages', reason: `local ${INPUT.request.length}`, id }]);
    const sent = worker.sent[0]!.message;
    expect(sent.type === 'run' && sent.diagnoseOnly).toBe(true);
    worker.answer({ type: 'explained', id, output: output('explained') });
    expect(heard.at(-1)).toEqual({ phase: 'explained', reason: 'explained', id });
  });

  it('leaves a large paste to the worker, stages and all', async () => {
    const { worker, heard, client } = setup(async () => output('local'));
    await settle();
    client.run({ ...INPUT, request: 'x'.repeat(LOCAL_LIMIT + 1), explain: true });
    await settle();
    expect(heard).toEqual([]);
    const sent = worker.sent[0]!.message;
    expect(sent.type === 'run' && sent.diagnoseOnly).toBeUndefined();
  });

  it('drops the page’s stages of a run once a newer run started or its diagnosis arrived', async () => {
    const answers: ((out: RunOutput) => void)[] = [];
    const { worker, heard, client } = setup(() => new Promise<RunOutput>((resolve) => answers.push(resolve)));
    await settle();
    const old = client.run({ ...INPUT, explain: true });
    const latest = client.run({ ...INPUT, explain: true });
    answers[0]!(output('old'));
    worker.answer({ type: 'explained', id: latest, output: output('explained') });
    answers[1]!(output('late'));
    await settle();
    expect(heard).toEqual([{ phase: 'explained', reason: 'explained', id: latest }]);
    expect(old).toBeLessThan(latest);
  });

  it('reports a bug in the page’s stages as a failure', async () => {
    const { heard, client } = setup(() => Promise.reject(new Error('boom')));
    await settle();
    client.run({ ...INPUT, explain: true });
    await settle();
    expect(heard).toEqual([{ phase: 'failed', reason: 'boom', id: -1 }]);
  });
});
