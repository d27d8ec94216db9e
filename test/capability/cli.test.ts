// howopen gap and howopen capability on the shipped snapshot and on copies: figures, formats, the import's checks and reports.
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { BUNDLED_CAPABILITY } from '../../src/capability/load.js';
import { runCli } from '../helpers.js';

let work: string;
before(async () => { work = await mkdtemp(join(tmpdir(), 'howopen-cap-')); });
after(async () => { await rm(work, { recursive: true, force: true }); });

/** A copy laid out like Epoch's repository, from the shipped tables. */
async function epochCopy(name: string): Promise<string> {
  const dir = join(work, name);
  await mkdir(join(dir, 'data/website'), { recursive: true });
  await cp(join(BUNDLED_CAPABILITY, 'epoch_capabilities_index.csv'), join(dir, 'data/website/epoch_capabilities_index.csv'));
  await cp(join(BUNDLED_CAPABILITY, 'external_benchmark_mmlu.csv'), join(dir, 'data/external_benchmark_mmlu.csv'));
  await cp(join(BUNDLED_CAPABILITY, 'model_versions.csv'), join(dir, 'data/model_versions.csv'));
  return dir;
}

async function snapshotCopy(name: string): Promise<string> {
  const dir = join(work, name);
  await cp(BUNDLED_CAPABILITY, dir, { recursive: true });
  return dir;
}

describe('howopen gap', () => {
  it('prints the monthly best open and closed scores and the lag from the shipped snapshot', async () => {
    const r = await runCli(['gap']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Epoch Capabilities Index/);
    assert.match(r.stdout, /CC BY 4\.0/);
    assert.match(r.stdout, /^2023-03 .*gpt-4-0314 .* mo$/m);
    assert.match(r.stdout, /When an open model first reached each new closed best/);
    assert.match(r.stdout, /0 unmatched/);
  });

  it('agrees between its CSV and JSON, month by month', async () => {
    const [c, j] = await Promise.all([runCli(['gap', '--format', 'csv', '--open-level', 'D4']), runCli(['gap', '--format', 'json', '--open-level', 'D4'])]);
    const rows = parseCsv(c.stdout, { columns: true }) as Record<string, string>[];
    const data = JSON.parse(j.stdout) as { openLevel: string; months: { month: string; lag: number | null; open: { score: number } | null }[]; models: { match: string }[] };
    assert.equal(data.openLevel, 'D4');
    assert.equal(rows.length, data.months.length);
    assert.equal(rows[0]!.month, '2019-01');
    for (const [i, m] of data.months.entries()) {
      assert.equal(rows[i]!.month, m.month);
      assert.equal(rows[i]!.lag_months, m.lag === null ? '' : String(m.lag));
      assert.equal(rows[i]!.best_open, m.open ? m.open.score.toFixed(1) : '');
    }
    assert.ok(data.models.some((m) => m.match === 'excluded'));
  });

  it('refuses a bad option with exit 2', async () => {
    assert.equal((await runCli(['gap', '--benchmark', 'helm'])).code, 2);
    assert.equal((await runCli(['gap', '--from', '2019'])).code, 2);
  });
});

describe('howopen capability', () => {
  it('imports a copy of the repository whole, and reports the versions the mapping does not name', async () => {
    const src = await epochCopy('src-ok');
    // A new version in the table that the mapping has never seen.
    const eci = join(src, 'data/website/epoch_capabilities_index.csv');
    await writeFile(eci, `${await readFile(eci, 'utf8')}brand-new-model-2026,155.5,2026-10-01,Example Lab,Nowhere,API access,,Unknown,Brand New,,\n`);
    const to = await snapshotCopy('to-ok');
    const r = await runCli(['capability', 'import', src, '--to', to, '--commit', 'abcdef1', '--committed', '2026-11-30', '--retrieved', '2026-12-01']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /unmatched: brand-new-model-2026 \(Brand New, 2026-10-01\) at epoch_capabilities_index\.csv:428/);
    const info = await readFile(join(to, 'snapshot.yaml'), 'utf8');
    assert.match(info, /retrieved: 2026-12-01/);
    assert.match(info, /commit: abcdef1/);
    assert.match(info, /CC BY 4\.0/);
    // The refreshed snapshot is what gap reads, and it says the row is unmatched rather than dropping it.
    const g = await runCli(['gap', '--capability', to]);
    assert.match(g.stdout, /1 unmatched/);
    assert.match(g.stdout, /unmatched: brand-new-model-2026/);
    assert.deepEqual((await readdir(to)).filter((f) => f.endsWith('.tmp')), []);
  });

  it('writes nothing when a table is malformed, and names the file and line', async () => {
    const src = await epochCopy('src-bad');
    const eci = join(src, 'data/website/epoch_capabilities_index.csv');
    const lines = (await readFile(eci, 'utf8')).split('\n');
    lines[3] = lines[3]!.replace(/^([^,]*),[^,]*,/, '$1,not-a-score,');
    await writeFile(eci, lines.join('\n'));
    const to = await snapshotCopy('to-bad');
    const before = await readFile(join(to, 'epoch_capabilities_index.csv'), 'utf8');
    const r = await runCli(['capability', 'import', src, '--to', to]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nothing written/);
    assert.match(r.stderr, /epoch_capabilities_index\.csv:4:2: ECI Score: "not-a-score" is not a number/);
    assert.equal(await readFile(join(to, 'epoch_capabilities_index.csv'), 'utf8'), before);
  });

  it('says which table is missing', async () => {
    const r = await runCli(['capability', 'import', join(work, 'no-such-dir'), '--to', await snapshotCopy('to-missing')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing: expected Epoch's data\/website\/epoch_capabilities_index\.csv/);
  });

  it('reports the matching and Epoch\'s training compute as a secondary source', async () => {
    const r = await runCli(['capability', 'report', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const data = JSON.parse(r.stdout) as { trainingComputeFromEpoch: { id: string; source: string }[]; benchmarks: Record<string, { report: { unmatched: unknown[] } }> };
    assert.ok(data.trainingComputeFromEpoch.length > 0);
    assert.ok(data.trainingComputeFromEpoch.every((f) => f.source.startsWith('secondary source: Epoch AI')));
    // Only records that state no figure of their own are filled.
    assert.ok(!data.trainingComputeFromEpoch.some((f) => f.id === 'llama-2'));
    assert.deepEqual(data.benchmarks.eci!.report.unmatched, []);
  });
});
