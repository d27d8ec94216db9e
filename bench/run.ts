// Benchmarks, measured side by side in one run and printed as ratios; `--write` puts the table in the README.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { classify } from '../src/core/classify.js';
import { releasesOf } from '../src/core/resolve.js';
import { loadRegistry } from '../src/registry/load.js';
import { ROOT } from '../test/helpers.js';
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

  const bin = join(ROOT, 'bin/howopen.js');
  const run = (args: string[]) => () => { execFileSync(process.execPath, args, { stdio: 'ignore' }); };
  run([bin, 'table'])(); // the first run after a build writes the registry snapshot; time the runs that use it
  const table = time(run([bin, 'table']), 7);
  const bare = time(run(['-e', '']), 7);
  results.push({ name: '`howopen table` wall clock', value: table, unit: 'ms', baseline: '`node -e ""` start-up', baselineValue: bare, target: '< 300 ms', ok: table < 300 });

  results.push(...await webBenchmarks());

  const ratio = (r: Result) => { const x = r.value / r.baselineValue; return x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2); };
  const met = (r: Result) => (r.ok === undefined ? '' : r.ok ? ' (met)' : ' (**missed**)');
  const lines = [
    '| benchmark | measured | baseline (same run) | ratio | target |',
    '|---|---|---|---|---|',
    ...results.map((r) => `| ${r.name} | ${r.value.toFixed(1)} ${r.unit} | ${r.baseline}: ${r.baselineValue.toFixed(1)} ${r.unit} | ${ratio(r)}× | ${r.target}${met(r)} |`),
  ];
  const table_ = lines.join('\n');
  console.log(table_);
  if (process.argv.includes('--write')) {
    const readme = join(ROOT, 'README.md');
    const text = readFileSync(readme, 'utf8');
    const next = text.replace(/(<!-- bench:start -->\n)[\s\S]*?(\n<!-- bench:end -->)/, `$1${table_}\n\nMeasured on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, 2 cores, with \`npm run bench -- --write\`.$2`);
    writeFileSync(readme, next);
  }
}

await main();
