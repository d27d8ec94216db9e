// CLI start-up: `howopen table` on a first run (no snapshot) and with it, at 168 and 2,000 models; `--version` beside `node -e 0`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Registry } from '../src/core/registry.js';
import { ROOT } from '../test/helpers.js';
import { registryFolder, validGenerated } from './generate.js';

export interface Result { name: string; value: number; unit: string; baseline: string; baselineValue: number; target: string; ok: boolean }

const BIN = join(ROOT, 'bin/howopen.js');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function wall(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore', env });
  return performance.now() - t;
}

/** Median of `runs` first runs (each with an empty snapshot folder) and of `runs` runs with the snapshot. */
function tableRuns(registryDir: string | undefined, runs: number): { first: number; warm: number } {
  const args = registryDir ? [BIN, '--registry', registryDir, 'table'] : [BIN, 'table'];
  const first: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cache = mkdtempSync(join(tmpdir(), 'howopen-cache-'));
    first.push(wall(args, { ...process.env, HOWOPEN_CACHE_DIR: cache }));
    rmSync(cache, { recursive: true, force: true });
  }
  const cache = mkdtempSync(join(tmpdir(), 'howopen-cache-'));
  const env = { ...process.env, HOWOPEN_CACHE_DIR: cache };
  wall(args, env);
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push(wall(args, env));
  rmSync(cache, { recursive: true, force: true });
  return { first: median(first), warm: median(warm) };
}

export function cliBenchmarks(registry: Registry): Result[] {
  const results: Result[] = [];
  const bare = median(Array.from({ length: 7 }, () => wall(['-e', '0'])));
  const version = median(Array.from({ length: 7 }, () => wall([BIN, '--version'])));
  results.push({ name: '`howopen --version`', value: version, unit: 'ms', baseline: '`node -e 0`', baselineValue: bare, target: '≤ 1.5× the baseline', ok: version <= 1.5 * bare });
  const small = tableRuns(undefined, 5);
  results.push({ name: `\`howopen table\`, first run (no snapshot), ${registry.models.length} models`, value: small.first, unit: 'ms', baseline: '`node -e 0`', baselineValue: bare, target: '≤ 500 ms', ok: small.first <= 500 });
  results.push({ name: `\`howopen table\` with the snapshot, ${registry.models.length} models`, value: small.warm, unit: 'ms', baseline: '`node -e 0`', baselineValue: bare, target: '≤ 250 ms', ok: small.warm <= 250 });
  const dir = registryFolder(join(ROOT, 'registry'), validGenerated(registry, 2000));
  try {
    const big = tableRuns(dir, 3);
    results.push({ name: '`howopen table`, first run (no snapshot), 2,000 generated models', value: big.first, unit: 'ms', baseline: '`node -e 0`', baselineValue: bare, target: '≤ 1,500 ms', ok: big.first <= 1500 });
    results.push({ name: '`howopen table` with the snapshot, 2,000 generated models', value: big.warm, unit: 'ms', baseline: '`node -e 0`', baselineValue: bare, target: '≤ 400 ms', ok: big.warm <= 400 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1]?.endsWith('cli.ts')) {
  const { loadRegistry } = await import('../src/registry/load.js');
  const { registry } = await loadRegistry(join(ROOT, 'registry'));
  for (const r of cliBenchmarks(registry)) console.log(`${r.name}: ${r.value.toFixed(0)} ${r.unit} (${r.baseline} ${r.baselineValue.toFixed(0)} ${r.unit}; target ${r.target}: ${r.ok ? 'met' : 'MISSED'})`);
}
