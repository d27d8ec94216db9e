// Data-quality checks: each class of finding on a record made to fail it, and none on the shipped registry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ModelRecord } from '../../src/core/model.js';
import { actInputFindings, qualityFindings } from '../../src/core/quality.js';
import { buildRegistry } from '../../src/core/registry.js';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import { registry, runCli } from '../helpers.js';

function record(id: string, patch: Partial<ModelRecord> = {}): ModelRecord {
  return {
    id, name: id.toUpperCase(), organization: 'Example', released: '2025-01', family: 'llama', checked: '2026-11-22',
    components: Object.fromEntries(COMPONENTS.map((c) => [c.key, { status: 'closed' as const }])),
    ...patch,
  };
}

describe('data quality', () => {
  it('finds each class of problem', async () => {
    const r = await registry();
    const noEvidence = record('a');
    noEvidence.components['deployment.data.weights'] = { status: 'public', license: 'MIT' };
    const models = [
      noEvidence,
      record('b', { derived_from: 'no-such-model' }),
      record('c', { family: 'llamma' }),
      record('d', { checked: undefined }),
      record('e', { name: 'A' }),
      record('f', { links: { weights: 'https://example.org/w' } }),
      record('g', { links: { weights: 'https://example.org/w' } }),
    ];
    const found = qualityFindings(buildRegistry(r.licenses, models, Object.fromEntries(r.families)));
    const by = (check: string) => found.filter((f) => f.check === check).map((f) => `${f.model} ${f.field}`);
    assert.deepEqual(by('evidence'), ['a components.deployment.data.weights']);
    assert.deepEqual(by('derived_from'), ['b derived_from']);
    assert.deepEqual(by('family'), ['c family']);
    assert.match(found.find((f) => f.check === 'family')!.message, /did you mean llama/);
    assert.deepEqual(by('checked'), ['d checked']);
    assert.deepEqual(by('duplicate'), ['e name', 'g links.weights']);
  });

  it('passes on the shipped registry', async () => {
    assert.deepEqual(qualityFindings(await registry()), []);
  });

  it('reports EU AI Act inputs without evidence, and accepts sourced ones and unknown with a note', async () => {
    const r = await registry();
    const ev = ['https://example.org/pricing'];
    const models = [
      record('bare', { monetised: true }),
      record('noev', { monetised: { value: false, notes: 'no paid API' } }),
      record('unk', { monetised: 'unknown', training_compute: { flop: 'unknown' } }),
      record('flop', { training_compute: { flop: 3e24 } }),
      record('ok', { monetised: { value: true, evidence: ev }, training_compute: { flop: 3e24, evidence: ev } }),
      record('okunk', { monetised: { value: 'unknown', notes: 'no pricing page found' }, training_compute: { flop: 'unknown', notes: 'the report gives no token count' } }),
      record('var', { variants: [{ id: '7b', monetised: false, training_compute: { flop: 1e23, evidence: ev } }], flagship: '7b' }),
    ];
    const found = actInputFindings(buildRegistry(r.licenses, models, Object.fromEntries(r.families))).map((f) => `${f.model} ${f.field}`);
    assert.deepEqual(found, ['bare monetised', 'noev monetised', 'unk monetised', 'unk training_compute', 'flop training_compute', 'var variants.0.monetised']);
  });

  it('audit --check inputs lists them for review without changing the exit code', async () => {
    const res = await runCli(['audit', '--check', 'inputs', '--format', 'json']);
    assert.equal(res.code, 0, res.stderr);
    const list = JSON.parse(res.stdout) as { model: string; field: string; check: string }[];
    assert.deepEqual(list, actInputFindings(await registry()));
    assert.ok(list.every((f) => f.check === 'act-input'));
  });
});
