// A worker thread that classifies posted records, so that a slow or hostile record never blocks the event loop.
import { parentPort, workerData } from 'node:worker_threads';
import type { License, Reading } from '../core/licenses.js';
import type { ModelRecord } from '../core/model.js';
import { buildRegistry } from '../core/registry.js';
import { classifyPosted } from './classify-posted.js';

export interface WorkerInput { licenses: License[]; models: ModelRecord[]; families: Record<string, string> }
export interface Job { id: number; bytes: Uint8Array; reading: Reading; asOf: string }
export type JobResult = { id: number; status: number; body: string };

const { licenses, models, families } = workerData as WorkerInput;
const registry = buildRegistry(licenses, models, families);
// One record classified at start, so the code is compiled before the first real one runs against its budget.
const sample = models[0];
if (sample) classifyPosted(new TextEncoder().encode(JSON.stringify(sample)), registry, 'strict', '2026-01-01');

parentPort!.postMessage({ ready: true });

parentPort!.on('message', (job: Job) => {
  let result: JobResult;
  try {
    const answer = classifyPosted(job.bytes, registry, job.reading, job.asOf);
    result = { id: job.id, status: answer.status, body: JSON.stringify(answer.body) };
  } catch (e) {
    // A bug, not bad input: logged where the operator sees it, answered as a 500 without details.
    console.error(e);
    result = { id: job.id, status: 500, body: JSON.stringify({ error: 'internal error' }) };
  }
  parentPort!.postMessage(result);
});
