// Store benchmarks against PGlite and a PostgreSQL server in one run: submission latency under 50 submitters, approval to served, page GETs while writes run, open time, serve's RSS.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { loadRegistry } from '../src/registry/load.js';
import { createLivingApp } from '../src/server/living.js';
import { LiveRegistry } from '../src/store/live-registry.js';
import { Store } from '../src/store/store.js';
import type { DbOptions } from '../src/store/db.js';
import { ROOT } from '../test/helpers.js';
import { listen } from '../test/server/helpers.js';
import { postgresServer } from '../test/store/databases.js';
import { exampleRecord, registryCopy } from '../test/store/fixtures.js';

interface Row { backend: string; name: string; value: number; unit: string; baseline?: string; baselineValue?: number; target: string; ok: boolean }

async function cannon(url: string, options: { method?: 'GET' | 'POST'; body?: string; connections: number; amount?: number; duration?: number; headers?: Record<string, string> }) {
  const result = await autocannon({ url, timeout: 30, method: options.method ?? 'GET', connections: options.connections, ...(options.body ? { body: options.body } : {}), ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 5 }), headers: options.headers ?? {} });
  if (result.errors) throw new Error(`${url}: ${result.errors} errors`);
  return { p99: result.latency.p99, rps: result.requests.average, non2xx: result.non2xx };
}

async function backendRows(name: string, db: DbOptions): Promise<Row[]> {
  console.error(`bench: ${name}`);
  const rows: Row[] = [];
  const dir = registryCopy();
  const { registry } = await loadRegistry(dir);
  const live = new LiveRegistry(registry, dir);
  // The open time of a store that exists: a first open (PGlite's initdb, the migrations) is done once before.
  await (await Store.open({ ...db, registryDir: dir, registry: () => live.current() })).close();
  const t0 = performance.now();
  const store = await Store.open({ ...db, registryDir: dir, registry: () => live.current(), onRegistryChange: (ids) => live.refresh(ids) });
  const openMs = performance.now() - t0;
  rows.push({ backend: name, name: 'store opens', value: openMs, unit: 'ms', target: '< 1000 ms', ok: openMs < 1000 });
  const { token } = await store.createUser('bench', 'reviewer');
  const server = await listen(createLivingApp({ live, store, writeLimits: { address: 1e9, account: 1e9 } }));
  try {
    const record = exampleRecord('bench-model');
    const classify = await cannon(`${server.url}/api/v1/classify`, { method: 'POST', body: record, connections: 50, amount: 250 });
    const submit = await cannon(`${server.url}/api/v1/submissions`, { method: 'POST', body: record, connections: 50, amount: 250 });
    if (submit.non2xx) throw new Error(`${submit.non2xx} submissions refused`);
    rows.push({ backend: name, name: 'submission accepted → queued, p99, 50 concurrent submitters', value: submit.p99, unit: 'ms', baseline: 'POST /api/v1/classify, same body', baselineValue: classify.p99, target: '< 50 ms', ok: submit.p99 < 50 });

    const sent = await (await fetch(`${server.url}/api/v1/submissions`, { method: 'POST', body: exampleRecord('bench-served') })).json() as { id: number };
    const t1 = performance.now();
    const approved = await fetch(`${server.url}/api/v1/submissions/${sent.id}/approve`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    if (approved.status !== 200) throw new Error(`approve: ${approved.status}`);
    const served = await fetch(`${server.url}/models/bench-served`);
    const approvalMs = performance.now() - t1;
    if (served.status !== 200) throw new Error(`served: ${served.status}`);
    rows.push({ backend: name, name: 'approval → served by the index', value: approvalMs, unit: 'ms', target: '< 1000 ms', ok: approvalMs < 1000 });

    const page = `${server.url}/models/llama-2`;
    await cannon(page, { connections: 10, duration: 2 });
    const quiet = await cannon(page, { connections: 10, duration: 5 });
    let writes = 0;
    const inFlight = new Set<Promise<unknown>>();
    const writer = setInterval(() => {
      writes++;
      const w = fetch(`${server.url}/api/v1/submissions`, { method: 'POST', body: record }).then((r) => r.body?.cancel(), () => undefined);
      inFlight.add(w);
      void w.finally(() => inFlight.delete(w));
    }, 50);
    const busy = await cannon(page, { connections: 10, duration: 5 });
    clearInterval(writer);
    await Promise.all(inFlight);
    const ratio = busy.p99 / Math.max(quiet.p99, 1);
    rows.push({ backend: name, name: `page GET p99 while ${Math.round(writes / 5)} writes/s run`, value: busy.p99, unit: 'ms', baseline: 'the same GETs with no writes', baselineValue: quiet.p99, target: '≤ 1.5× baseline', ok: ratio <= 1.5 });
  } finally {
    await server.close();
    await store.close();
  }
  return rows;
}

/** RSS of a real `howopen serve` with the store, after it has answered the pages once. */
async function serveRss(name: string, env: Record<string, string>, args: string[]): Promise<Row> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/howopen.js'), 'serve', '--port', '0', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { out += c.toString(); });
  try {
    const end = Date.now() + 120_000;
    while (!/the store is/.test(out)) { if (Date.now() > end) throw new Error(`serve did not open its store:\n${out}`); await new Promise((r) => setTimeout(r, 100)); }
    const url = /(http:\/\/[^\s/]+)\//.exec(out)![1]!;
    for (const path of ['/', '/models/llama-2', '/submit', '/stats', '/api/v1/models']) await (await fetch(url + path)).text();
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;
    return { backend: name, name: '`howopen serve` RSS with the store', value: rss, unit: 'MB', target: '< 300 MB', ok: rss < 300 };
  } finally {
    child.kill();
  }
}

async function main() {
  const { url } = await postgresServer();
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE DATABASE bench');
  await client.end();
  const serverUrl = url.replace(/\/postgres$/, '/bench');
  const data = mkdtempSync(join(tmpdir(), 'howopen-bench-'));
  const rows = [
    ...await backendRows('PGlite', { dataDir: data }),
    ...await backendRows('PostgreSQL', { databaseUrl: serverUrl }),
    // The data folder the PGlite rows used: an existing store, as a server restarts on.
    await serveRss('PGlite', {}, ['--data', data]),
    await serveRss('PostgreSQL', { DATABASE_URL: serverUrl }, []),
  ];
  const lines = ['| store | measure | value | baseline (same run) | target | met |', '|---|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.backend} | ${r.name} | ${r.value.toFixed(r.value < 10 ? 1 : 0)} ${r.unit} | ${r.baseline ? `${r.baseline}: ${r.baselineValue!.toFixed(1)} ${r.unit}` : '—'} | ${r.target} | ${r.ok ? 'yes' : 'no'} |`);
  console.log(lines.join('\n'));
  process.exit(0);
}

await main();
