// A small pool of classify workers: a time budget per record (the worker is replaced when it runs over) and a bounded queue.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Reading } from '../core/licenses.js';
import type { Registry } from '../core/registry.js';
import type { Job, JobResult, WorkerInput } from './classify-worker.js';

export interface PoolOptions {
  /** Worker threads; default: one per core beyond the first (at least one), so the event loop keeps a core. */
  workers?: number;
  /** Milliseconds one record may take; over it, the answer is 503 and the worker is replaced. */
  budgetMs?: number;
  /** Records waiting for a worker; more are refused at once (503). */
  queue?: number;
}

export type PoolAnswer =
  | { ok: true; status: number; body: string }
  | { ok: false; reason: 'timeout' | 'busy' | 'closed' | 'crashed' };

interface Pending { job: Job; resolve: (a: PoolAnswer) => void }
interface Slot { worker: Worker; job?: Pending; timer?: NodeJS.Timeout; ready?: boolean }

/** How long a worker may take to load its code and build the registry before it is given up. */
const STARTUP_MS = 30_000;

// Under tsx (tests, benchmarks) the worker is the TypeScript source; compiled, it is the .js beside this file.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(FROM_SOURCE ? './classify-worker.ts' : './classify-worker.js', import.meta.url);
/** tsx hooks the main thread only: a worker started from the sources registers it, then loads the worker module. */
function startWorker(workerData: WorkerInput): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL, { workerData });
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => { t.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

export class ClassifyPool {
  readonly budgetMs: number;
  private readonly size: number;
  private readonly queueLimit: number;
  private readonly input: WorkerInput;
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(registry: Registry, options: PoolOptions = {}) {
    this.size = Math.max(1, options.workers ?? Math.min(4, availableParallelism() - 1));
    this.budgetMs = options.budgetMs ?? 2000;
    this.queueLimit = options.queue ?? 64;
    this.input = { licenses: [...registry.licenses], models: [...registry.models], families: Object.fromEntries(registry.families) };
  }

  /** Classifies a posted record's bytes in a worker. */
  run(bytes: Uint8Array, reading: Reading, asOf: string): Promise<PoolAnswer> {
    if (this.closed) return Promise.resolve({ ok: false, reason: 'closed' });
    if (this.waiting.length >= this.queueLimit) return Promise.resolve({ ok: false, reason: 'busy' });
    return new Promise((resolve) => {
      this.waiting.push({ job: { id: this.nextId++, bytes, reading, asOf }, resolve });
      this.dispatch();
    });
  }

  /** Starts every worker now (a server does so when it starts listening), so the first records wait for none. */
  warm(): void {
    while (!this.closed && this.slots.length < this.size) this.spawn();
  }

  /** Records waiting and running, for tests and health checks. */
  get load(): { waiting: number; running: number; workers: number } {
    return { waiting: this.waiting.length, running: this.slots.filter((s) => s.job).length, workers: this.slots.length };
  }

  /** Refuses new records, answers the waiting ones 503, and ends the workers once they are idle. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.waiting.splice(0)) p.resolve({ ok: false, reason: 'closed' });
    await Promise.all(this.slots.map((s) => (s.job ? new Promise<void>((r) => s.worker.once('exit', () => r())) : s.worker.terminate().then(() => undefined))));
  }

  private spawn(): Slot {
    const worker = startWorker(this.input);
    // Idle workers never keep the process alive: a server's socket does that.
    worker.unref();
    const slot: Slot = { worker };
    // The budget is the record's, not the worker's start-up (loading the code, building the registry): a job
    // posted before the worker says it is ready starts its clock then; a worker that never gets ready is replaced.
    const startup = setTimeout(() => { void worker.terminate(); this.replace(slot, 'crashed'); }, STARTUP_MS);
    startup.unref();
    worker.on('message', (result: JobResult | { ready: true }) => {
      if ('ready' in result) {
        clearTimeout(startup);
        slot.ready = true;
        if (slot.job && !slot.timer) slot.timer = setTimeout(() => this.replace(slot, 'timeout'), this.budgetMs);
        return;
      }
      const pending = slot.job;
      if (!pending || pending.job.id !== result.id) return;
      this.finish(slot, { ok: true, status: result.status, body: result.body });
      if (this.closed) void worker.terminate();
    });
    worker.on('error', (e) => { console.error(e); this.replace(slot, 'crashed'); });
    worker.on('exit', () => this.replace(slot, 'crashed'));
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot, answer: PoolAnswer): void {
    clearTimeout(slot.timer);
    const pending = slot.job;
    slot.job = undefined;
    slot.timer = undefined;
    if (pending) pending.resolve(answer);
    slot.worker.unref();
    this.dispatch();
  }

  /** Drops a worker (over budget, crashed or exited) and answers its record; a fresh one starts on demand. */
  private replace(slot: Slot, reason: 'timeout' | 'crashed'): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    if (reason === 'timeout') void slot.worker.terminate();
    this.finish(slot, { ok: false, reason });
  }

  private dispatch(): void {
    while (this.waiting.length && !this.closed) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const pending = this.waiting.shift()!;
      slot.job = pending;
      slot.worker.ref();
      if (slot.ready) slot.timer = setTimeout(() => this.replace(slot, 'timeout'), this.budgetMs);
      slot.worker.postMessage(pending.job);
    }
  }
}
