// Static export at scale: `howopen build-site` over 2,000 validated generated models, wall clock and peak RSS (GNU time).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Registry } from '../src/core/registry.js';
import { ROOT } from '../test/helpers.js';
import { registryFolder, validGenerated } from './generate.js';

export interface SiteFigures { models: number; seconds: number; peakMb: number }

/** One run of build-site in its own process; /usr/bin/time -f reports its elapsed time and maximum resident set. */
export function siteBenchmark(registry: Registry, n = 2000): SiteFigures {
  const dir = registryFolder(join(ROOT, 'registry'), validGenerated(registry, n));
  const out = mkdtempSync(join(tmpdir(), 'howopen-site-'));
  const report = join(out, '..', `${out.split('/').pop()}.time`);
  try {
    execFileSync('/usr/bin/time', ['-o', report, '-f', '%e %M', process.execPath, join(ROOT, 'bin/howopen.js'), '--registry', dir, 'build-site', join(out, 'site')],
      { stdio: 'ignore', env: { ...process.env, HOWOPEN_CACHE_DIR: mkdtempSync(join(tmpdir(), 'howopen-cache-')) } });
    const [seconds, kb] = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    return { models: n, seconds: seconds!, peakMb: kb! / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    rmSync(report, { force: true });
  }
}

if (process.argv[1]?.endsWith('site.ts')) {
  const { loadRegistry } = await import('../src/registry/load.js');
  const { registry } = await loadRegistry(join(ROOT, 'registry'));
  const f = siteBenchmark(registry, Number(process.argv[2] ?? 2000));
  console.log(`build-site, ${f.models} models: ${f.seconds.toFixed(1)} s, peak RSS ${f.peakMb.toFixed(0)} MB`);
}
