// Every one of the Model Openness Tool's 273 records: import then export gives an equivalent model.yml, and classify gives the MOT's class and progress.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { frameworkContext } from '../src/core/frameworks/index.js';
import { type MofVerdict, mofVerdict } from '../src/core/frameworks/mof.js';
import { loadRegistry } from '../src/registry/load.js';
import { mof, MOF_DESCRIPTIONS } from '../src/interop/mof.js';

const REFERENCE = process.env.HOWOPEN_REFERENCE ?? resolve('../shared/reference');
const MODELS = join(REFERENCE, 'mot/models-all');
if (!existsSync(MODELS)) throw new Error(`the reference data is missing: no ${MODELS} (set HOWOPEN_REFERENCE to the shared reference folder)`);
const files = readdirSync(MODELS).filter((f) => f.endsWith('.yml')).sort();

type Raw = { release: Record<string, unknown> & { components?: Record<string, unknown>[]; license?: Record<string, Record<string, unknown> | null> } };
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** What a model.yml says that the MOT reads or shows: release fields, global licenses, and each component's line. */
function essence(raw: Raw) {
  const r = raw.release;
  const release = Object.fromEntries(['name', 'version', 'date', 'type', 'architecture', 'origin', 'treatment', 'producer', 'contact', 'repository', 'huggingface'].map((k) => [k, str(r[k]).trim()]));
  const license = Object.fromEntries(Object.entries(r.license ?? {}).filter(([, v]) => v && (str(v.name) || str(v.path))).map(([k, v]) => [k, { name: str(v!.name), path: str(v!.path) }]));
  const components = Object.fromEntries((r.components ?? []).map((c) => [String(c.name), {
    license: c.license === undefined || c.license === null ? null : String(c.license),
    license_path: str(c.license_path),
    component_path: str(c.component_path),
    description: str(c.description).trim() === MOF_DESCRIPTIONS[String(c.name)] ? '' : str(c.description),
  }]));
  return { release, license, components };
}

const registryPromise = loadRegistry();

describe('Model Openness Tool: all 273 records', () => {
  it('holds all 273 records', () => assert.equal(files.length, 273));

  it('import then export gives back an equivalent file for every record', async () => {
    const { registry } = await registryPromise;
    for (const f of files) {
      const text = readFileSync(join(MODELS, f), 'utf8');
      const imported = mof.importText(text, f, registry);
      assert.deepEqual(imported.problems, [], f);
      const record = imported.drafts[0]!.record;
      const exported = mof.exportRecord(record, registry);
      assert.deepEqual(essence(parse(exported.text) as Raw), essence(parse(text) as Raw), f);
      // And the exported file reads back to the same MOF verdict.
      const again = mof.importText(exported.text, f, registry).drafts[0]!.record;
      const ctx = frameworkContext(registry);
      assert.deepEqual(mofVerdict(again, ctx, { asOf: '2026-12-01' }), mofVerdict(record, ctx, { asOf: '2026-12-01' }), f);
    }
  });
});

/**
 * The MOT's own evaluator: its PHP, run by scripts/mot-evaluate.php on a checkout of lfai/model_openness_tool.
 * With HOWOPEN_MOT_REPO set (and php with its yaml extension) it runs live; otherwise the suite compares with
 * the results of such a run kept in fixtures/mot-evaluator.jsonl (its first line names the MOT commit), so that
 * CI, which has neither php nor the MOT's sources, still checks every record against the MOT's own figures.
 */
const GOLDEN = join(import.meta.dirname, 'fixtures/mot-evaluator.jsonl');
type MotResult = { file: string; class: number; progress: Record<string, number> };

function motResults(): { how: string; results: MotResult[] } {
  const mot = process.env.HOWOPEN_MOT_REPO;
  if (!mot) {
    const [source, ...lines] = readFileSync(GOLDEN, 'utf8').trim().split('\n');
    return { how: (JSON.parse(source!) as { source: string }).source, results: lines.map((l) => JSON.parse(l) as MotResult) };
  }
  assert.ok(existsSync(join(mot, 'web/modules/mof/src/ModelEvaluator.php')), `HOWOPEN_MOT_REPO=${mot} is not a checkout of github.com/lfai/model_openness_tool`);
  let out: string;
  try {
    out = execFileSync('php', ['scripts/mot-evaluate.php', mot, ...files.map((f) => join(MODELS, f))], { encoding: 'utf8', maxBuffer: 1 << 26 });
  } catch (e) {
    throw new Error(`could not run php (apt-get install php-cli php-yaml): ${(e as Error).message}`, { cause: e });
  }
  if (process.env.HOWOPEN_WRITE_MOT === '1') writeFileSync(GOLDEN, `${JSON.stringify({ source: `scripts/mot-evaluate.php run on ${mot}; regenerate with HOWOPEN_MOT_REPO set and HOWOPEN_WRITE_MOT=1` })}\n${out}`);
  return { how: `live run on ${mot}`, results: out.trim().split('\n').map((l) => JSON.parse(l) as MotResult) };
}

describe('Model Openness Tool: class and progress as its own evaluator computes them', () => {
  it('gives, for every record, the class and per-class progress of the MOT\'s ModelEvaluator.php', async () => {
    const { how, results } = motResults();
    const theirs = new Map(results.map((r) => [r.file, r]));
    assert.equal(theirs.size, files.length, `${how}: one result per record`);
    const { registry } = await registryPromise;
    const ctx = frameworkContext(registry);
    const CLASS: Record<number, MofVerdict['class']> = { 0: null, 1: 'I', 2: 'II', 3: 'III' };
    let nonTrivial = 0;
    for (const f of files) {
      const t = theirs.get(f);
      assert.ok(t, `${f}: no result from the MOT's evaluator (${how})`);
      const record = mof.importText(readFileSync(join(MODELS, f), 'utf8'), f, registry).drafts[0]!.record;
      const v = mofVerdict(record, ctx, { asOf: '2026-12-01' });
      assert.equal(v.class, CLASS[t.class], `${f}: class`);
      for (const [c, key] of [[1, 'I'], [2, 'II'], [3, 'III']] as const) assert.equal(v.progress[key], Math.round(t.progress[c]! * 10) / 10, `${f}: Class ${key} progress`);
      if (t.progress[3]! > 0 && t.progress[3]! < 100) nonTrivial++;
    }
    assert.ok(nonTrivial > 50, 'the records exercise partial progress');
  });
});
