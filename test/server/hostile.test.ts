// Issue 12's bad inputs against the server: POSTs classified in workers, budget, queue, rate limit, 415, encodings, SIGTERM.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/server/app.js';
import { rateLimit } from '../../src/server/rate-limit.js';
import { Hono } from 'hono';
import { ROOT } from '../helpers.js';
import { record } from '../hostile-records.js';
import { bundledRegistry } from './helpers.js';

const YAML = { 'content-type': 'application/yaml' };

function startServe(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/howopen.js'), 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => { out += d; const m = /http:\/\/\S+\//.exec(out); if (m) resolve({ child, url: m[0] }); });
    child.stderr!.on('data', (d: Buffer) => { out += d; });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

describe('POST /api/v1/classify on the real server', () => {
  let server: { child: ChildProcess; url: string };
  before(async () => { server = await startServe(['--post-limit', '1000']); });
  after(() => { if (server.child.exitCode === null) server.child.kill('SIGKILL'); });
  const post = (body: string | Buffer, headers: Record<string, string> = YAML) => fetch(`${server.url}api/v1/classify`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers });

  it('classifies a valid record in a worker', async () => {
    const res = await post(record());
    assert.equal(res.status, 200);
    const body = await res.json() as { components: Record<string, { level: string }> };
    assert.equal(body.components['deployment.data.weights']?.level, 'D5');
  });

  it('refuses bad bytes and hostile shapes with a positioned 400, the same words as validate', async () => {
    const cases: [string | Buffer, RegExp][] = [
      [Buffer.from(record('MIT', 'notes: "caf\u00e9"\n'), 'latin1'), /^5:12: not UTF-8 text: byte 0xE9 at line 5, column 12 is not valid UTF-8/],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(record(), 'utf16le')]), /^1:1: is UTF-16 text/],
      [record(Array(3000).fill('MIT').join(' AND ')), /components.deployment.data.weights.license: the license expression is 23995 characters long/],
      [record(Array(65).fill('MIT').join(' AND ')), /names more than 64 licenses/],
      [record('MIT WITH Nope-exception'), /unknown exception "Nope-exception"/],
      [record().replace('name: Hostile', 'name: 12345'), /^2:7: name: expected text, found the number 12345/],
      [record('MIT', 'notes: "a\\0b"\n'), /^5:8: notes: holds the control character U\+0000/],
      [`${record()}---\n${record()}`, /a second YAML document/],
      [record('MIT', 'checked: "2026-02-30"\n'), /checked: must be a real calendar date/],
      [`{"notes": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`, /nest more than 32 deep/],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      const json = await res.json() as { errors: string[] };
      assert.equal(res.status, 400, String(message));
      assert.match(json.errors.join('\n'), message);
    }
  });

  it('415 for a body that is neither YAML nor JSON, or not UTF-8', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']) {
      const res = await post(record(), { 'content-type': type });
      assert.equal(res.status, 415, type);
      assert.match((await res.json() as { error: string }).error, /YAML|UTF-8/);
    }
    assert.equal((await post(JSON.stringify({ id: 'x' }), { 'content-type': 'application/json' })).status, 400);
  });

  it('SIGTERM drains and exits within 5 s, with a keep-alive connection open', async () => {
    assert.equal((await fetch(`${server.url}healthz`, { keepalive: true })).status, 200);
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    const code = await exited;
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    assert.equal(code, 0);
  });
});

describe('the classify pool and the rate limit', () => {
  it('a record over the time budget is a 503 with Retry-After; the worker is replaced and the next record classifies', async () => {
    const { registry } = await bundledRegistry();
    // No worker starts in 1 ms: the first record runs over its budget.
    const slow = createApp({ registry, classify: { workers: 1, budgetMs: 1 } });
    const res = await slow.request('/api/v1/classify', { method: 'POST', body: record(), headers: YAML });
    assert.equal(res.status, 503);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.match((await res.json() as { error: string }).error, /longer than 1 ms/);
    const app = createApp({ registry, classify: { workers: 1, budgetMs: 10_000 } });
    assert.equal((await app.request('/api/v1/classify', { method: 'POST', body: record(), headers: YAML })).status, 200);
  });

  it('a full queue is a 503 at once', async () => {
    const { registry } = await bundledRegistry();
    const app = createApp({ registry, classify: { workers: 1, queue: 2, budgetMs: 10_000 } });
    const answers = await Promise.all(Array.from({ length: 8 }, () => app.request('/api/v1/classify', { method: 'POST', body: record(), headers: YAML })));
    const statuses = answers.map((r) => r.status);
    assert.ok(statuses.includes(200), statuses.join());
    assert.ok(statuses.includes(503), statuses.join());
    const busy = answers.find((r) => r.status === 503)!;
    assert.ok(busy.headers.get('retry-after'));
    assert.match((await busy.json() as { error: string }).error, /too many records/);
  });

  it('POSTs over the per-address limit get 429 with Retry-After; GETs are not limited', async () => {
    const { registry } = await bundledRegistry();
    const app = createApp({ registry, postLimit: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await app.request('/api/v1/classify', { method: 'POST', body: 'id: x', headers: YAML })).status);
    assert.deepEqual(statuses, [400, 400, 400, 429, 429]);
    const limited = await app.request('/api/v1/classify', { method: 'POST', body: 'id: x', headers: YAML });
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.equal((await app.request('/api/v1/models')).status, 200);
  });

  it('the rate-limit middleware refills over its window, per address, and forgets the least recent addresses', async () => {
    let now = 0;
    let address = 'a';
    const app = new Hono();
    app.use('*', rateLimit({ limit: 2, windowMs: 1000, maxAddresses: 2, key: () => address, now: () => now }));
    app.get('/', (c) => c.text('ok'));
    const status = async () => (await app.request('/')).status;
    assert.deepEqual([await status(), await status(), await status()], [200, 200, 429]);
    now = 500; // half a window: one token back
    assert.deepEqual([await status(), await status()], [200, 429]);
    address = 'b';
    assert.equal(await status(), 200);
    address = 'c'; // the table holds two addresses: a is forgotten, and starts afresh
    assert.equal(await status(), 200);
    address = 'a';
    assert.deepEqual([await status(), await status(), await status()], [200, 200, 429]);
  });
});
