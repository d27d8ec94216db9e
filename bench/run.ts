// Benchmarks, measured side by side in one run and printed as ratios; `--write` puts the table in the README.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus as cpus_, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { classify } from '../src/core/classify.js';
import { releasesOf } from '../src/core/resolve.js';
import { loadRegistry } from '../src/registry/load.js';
import { CHROMIUM } from '../test/browser/browser.js';
import { ROOT } from '../test/helpers.js';
import { cliBenchmarks } from './cli.js';
import { peerBenchmarks, peerTable } from './peers.js';
import { siteBenchmark } from './site.js';
import { webBenchmarks } from './web.js';

interface Result { name: string; value: number; unit: string; baseline: string; baselineValue: number; target: string; ok?: boolean }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) { const t = performance.now(); fn(); samples.push(performance.now() - t); }
  return median(samples);
}

/** The machine, as the README states it beside the figures. */
function machine(): string {
  const cpus = cpus_();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, ${platform()} ${release()}, load average ${loadavg()[0]!.toFixed(1)} at the end (other jobs share the machine), chromium ${execFileSync(CHROMIUM, ['--version']).toString().trim()}`;
}

async function main() {
  const results: Result[] = [];
  const { registry } = await loadRegistry(join(ROOT, 'registry'));
  for (let i = 0; i < 5; i++) for (const m of registry.models) classify(m, registry.index);
  const classifyAll = time(() => { for (const m of registry.models) classify(m, registry.index); }, 30);
  const cloneAll = time(() => { for (const m of registry.models) structuredClone(m); }, 30);
  results.push({ name: `classify all ${registry.models.length} models in process`, value: classifyAll, unit: 'ms', baseline: 'structuredClone of every record', baselineValue: cloneAll, target: '< 50 ms', ok: classifyAll < 50 });
  // Every release (each variant) read at a past date, then classified: what the as-of table and pages pay.
  const releases = registry.models.reduce((n, m) => n + releasesOf(m).length, 0);
  const datedAll = time(() => { for (const m of registry.models) for (const r of releasesOf(m, '2024-06-01')) classify(r.record, registry.index); }, 30);
  results.push({ name: `resolve at a date and classify all ${releases} releases (variants included)`, value: datedAll, unit: 'ms', baseline: 'classify the records as stored', baselineValue: classifyAll, target: '≤ 2× the baseline', ok: datedAll <= 2 * classifyAll });

  // The CLI's start-up: first runs (no snapshot) and runs with it, at the bundled size and at 2,000 generated models.
  results.push(...cliBenchmarks(registry));
  const site = siteBenchmark(registry, 2000);
  results.push({ name: `\`howopen build-site\`, ${site.models.toLocaleString('en')} generated models, wall clock`, value: site.seconds * 1000, unit: 'ms', baseline: '`node -e 0`', baselineValue: results.find((r) => r.baseline === '`node -e 0`')!.baselineValue, target: '≤ 15 s', ok: site.seconds <= 15 });
  results.push({ name: `\`howopen build-site\`, ${site.models.toLocaleString('en')} generated models, peak RSS`, value: site.peakMb, unit: 'MB', baseline: 'none', baselineValue: NaN, target: '≤ 500 MB', ok: site.peakMb <= 500 });

  results.push(...await webBenchmarks());
  // The index beside the paper's site's stack and the floor, same rows, same chromium, at every size.
  const peers = peerTable(await peerBenchmarks(registry));

  const ratio = (r: Result) => { const x = r.value / r.baselineValue; if (!Number.isFinite(x)) return '—'; return x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2); };
  const met = (r: Result) => (r.ok === undefined ? '' : r.ok ? ' (met)' : ' (**missed**)');
  const lines = [
    '| benchmark | measured | baseline (same run) | ratio | target |',
    '|---|---|---|---|---|',
    ...results.map((r) => `| ${r.name} | ${r.value.toFixed(1)} ${r.unit} | ${Number.isFinite(r.baselineValue) ? `${r.baseline}: ${r.baselineValue.toFixed(1)} ${r.unit}` : '—'} | ${ratio(r)}${Number.isFinite(r.value / r.baselineValue) ? '×' : ''} | ${r.target}${met(r)} |`),
  ];
  const missed = [...results.filter((r) => r.ok === false).map((r) => r.name), ...[...peers.matchAll(/^\| ([^|]+) \| ([^|]+) \|.*\*\*missed\*\*/gm)].map((m) => `${m[2]!.trim()} at ${m[1]!.trim()} models`)];
  const table_ = `${lines.join('\n')}\n\n${peers}\n\n${missed.length ? `Targets missed (${missed.length}): ${missed.join('; ')}.` : 'Every target met.'}`;
  console.log(table_);
  if (process.argv.includes('--write')) {
    const readme = join(ROOT, 'README.md');
    const text = readFileSync(readme, 'utf8');
    const next = text.replace(/(<!-- bench:start -->\n)[\s\S]*?(\n<!-- bench:end -->)/, `$1${table_}\n\nMeasured on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${machine()}, with \`npm run bench -- --write\`.$2`);
    writeFileSync(readme, next);
  }
}

await main();
