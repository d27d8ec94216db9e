// Soak: `howopen serve` (the built binary) under 60 s of mixed traffic at a fixed rate on loopback: pages, API GETs,
// badges and a flood of POST /api/v1/classify; errors, GET p99 per 10 s window, and the server's RSS over time.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { ROOT } from '../test/helpers.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const WARMUP = Number(process.env.SOAK_WARMUP ?? 10);
const RATE = Number(process.env.SOAK_RATE ?? 1000);
const POST_RATE = Number(process.env.SOAK_POST_RATE ?? 50);
const WINDOW = 10;

const GETS = [
  '/', '/models/llama-2', '/models/pythia', '/licenses', '/stats', '/method', '/index.json',
  '/api/v1/models', '/api/v1/models/llama-2', '/api/v1/models?where=deployment.data.weights>=D4', '/api/v1/licenses', '/api/v1/stats',
  '/badges/llama-2.svg', '/badges/pythia.svg', '/healthz',
];
const RECORD = readFileSync(join(ROOT, 'registry/models/pythia.yaml'), 'utf8').replace(/^id: pythia$/m, 'id: soak-posted');

function start(): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    // The POST limit is raised: the soak's flood comes from one address on purpose.
    const child = spawn(process.execPath, [join(ROOT, 'bin/howopen.js'), 'serve', '--port', '0', '--post-limit', '100000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => { out += d; const m = /:(\d+)\/\s/.exec(out); if (m) resolve({ child, port: Number(m[1]) }); });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

function rss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

interface Sample { at: number; ms: number; ok: boolean; post: boolean; status: number }

const percentile = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))]! : NaN; };

async function main() {
  const { child, port } = await start();
  // Each route once, one after the other, before the clock starts: the first /stats draws its charts (seconds).
  for (const path of GETS) await (await fetch(`http://127.0.0.1:${port}${path}`)).arrayBuffer();
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const samples: Sample[] = [];
  const memory: { at: number; mb: number }[] = [];
  const t0 = performance.now();
  const total = WARMUP + SECONDS;
  let sent = 0;
  let posts = 0;
  let inFlight = 0;
  const send = (post: boolean) => {
    const path = post ? '/api/v1/classify' : GETS[sent % GETS.length]!;
    const began = performance.now();
    inFlight++;
    const req = request({ host: '127.0.0.1', port, path, agent, method: post ? 'POST' : 'GET', headers: post ? { 'content-type': 'application/yaml' } : {} }, (res) => {
      res.resume();
      res.on('end', () => {
        inFlight--;
        samples.push({ at: (began - t0) / 1000, ms: performance.now() - began, ok: res.statusCode === 200, post, status: res.statusCode ?? 0 });
      });
    });
    req.on('error', () => { inFlight--; samples.push({ at: (began - t0) / 1000, ms: performance.now() - began, ok: false, post, status: 0 }); });
    req.end(post ? RECORD : undefined);
  };
  // An open model: requests leave on schedule whether or not earlier ones came back.
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = (performance.now() - t0) / 1000;
      if (elapsed >= total) { clearInterval(tick); resolve(); return; }
      while (sent + posts < elapsed * RATE) {
        if (posts < elapsed * POST_RATE) { posts++; send(true); } else { sent++; send(false); }
      }
    }, 2);
    const sampler = setInterval(() => { const at = (performance.now() - t0) / 1000; if (at >= total) clearInterval(sampler); else memory.push({ at, mb: rss(child.pid!) }); }, 1000);
  });
  while (inFlight > 0 && performance.now() - t0 < (total + 10) * 1000) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGTERM');
  agent.destroy();

  const measured = samples.filter((s) => s.at >= WARMUP);
  const errors = measured.filter((s) => !s.ok);
  const windows: { from: number; gets: number; posts: number; getP99: number; postP99: number }[] = [];
  for (let from = WARMUP; from < total; from += WINDOW) {
    const w = measured.filter((s) => s.at >= from && s.at < from + WINDOW);
    windows.push({ from: from - WARMUP, gets: w.filter((s) => !s.post).length, posts: w.filter((s) => s.post).length, getP99: percentile(w.filter((s) => !s.post).map((s) => s.ms), 0.99), postP99: percentile(w.filter((s) => s.post).map((s) => s.ms), 0.99) });
  }
  const mem = memory.filter((m) => m.at >= WARMUP);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const first = mean(mem.filter((m) => m.at < WARMUP + WINDOW).map((m) => m.mb));
  const last = mean(mem.filter((m) => m.at >= total - WINDOW).map((m) => m.mb));
  const worstGet = Math.max(...windows.map((w) => w.getP99));
  const drift = (last - first) / first;
  const byStatus = Object.entries(errors.reduce<Record<string, number>>((a, s) => ({ ...a, [s.status]: (a[s.status] ?? 0) + 1 }), {}));
  console.log(`soak: ${SECONDS} s after ${WARMUP} s warm-up, ${RATE} req/s of which ${POST_RATE} POST /api/v1/classify per s, ${GETS.length} GET routes`);
  console.log(`requests measured: ${measured.length} (${measured.filter((s) => s.post).length} POST); errors: ${errors.length}${byStatus.length ? ` (${byStatus.map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`);
  for (const w of windows) console.log(`  ${String(w.from).padStart(2)}–${w.from + WINDOW} s: ${w.gets} GET p99 ${w.getP99.toFixed(1)} ms; ${w.posts} POST p99 ${w.postP99.toFixed(1)} ms`);
  console.log(`RSS: first 10 s ${first.toFixed(1)} MB, last 10 s ${last.toFixed(1)} MB (${(drift * 100).toFixed(1)} %); max ${Math.max(...mem.map((m) => m.mb)).toFixed(1)} MB`);
  const ok = errors.length === 0 && worstGet < 50 && Math.abs(drift) <= 0.1;
  console.log(`targets: 0 errors ${errors.length === 0 ? 'met' : 'MISSED'}; GET p99 < 50 ms in every window ${worstGet < 50 ? 'met' : 'MISSED'} (worst ${worstGet.toFixed(1)} ms); RSS within 10 % ${Math.abs(drift) <= 0.1 ? 'met' : 'MISSED'}`);
  process.exitCode = ok ? 0 : 1;
}

await main();
