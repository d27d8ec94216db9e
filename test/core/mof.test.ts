// MOF as the Model Openness Tool's evaluator computes it, rule by rule, on MOT records and howopen records written here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { frameworkContext } from '../../src/core/frameworks/index.js';
import { type MofVerdict, motOpenBasis, motTypeAppropriate, mofVerdict } from '../../src/core/frameworks/mof.js';
import type { ModelRecord } from '../../src/core/model.js';
import type { Registry } from '../../src/core/registry.js';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import { mof } from '../../src/interop/mof.js';
import { registry } from '../helpers.js';

type Line = { name: string; license?: string | null };
type Global = Partial<Record<'distribution' | 'code' | 'data' | 'document', string>>;

/** A MOT model.yml with the given global licenses and component lines. */
function motFile(components: Line[], global: Global = {}): string {
  return stringify({
    framework: { name: 'Model Openness Framework', version: '1.0', date: '2024-12-15' },
    release: {
      name: 'Test Model', version: '1B', date: '2025-03-01', type: 'language', architecture: 'transformer decoder', origin: '', producer: 'Test Lab', contact: '',
      license: Object.fromEntries(Object.entries(global).map(([k, v]) => [k, { name: v, path: `https://example.org/${k}` }])),
      components: components.map((c) => ({ name: c.name, description: 'x', ...(c.license !== undefined ? { license: c.license } : {}) })),
    },
  });
}

async function judge(text: string): Promise<{ v: MofVerdict; record: ModelRecord; reg: Registry }> {
  const reg = await registry();
  const result = mof.importText(text, 'test.yml', reg);
  assert.deepEqual(result.problems, []);
  const record = result.drafts[0]!.record;
  return { v: mofVerdict(record, frameworkContext(reg), { asOf: '2026-12-01' }), record, reg };
}
const status = (v: MofVerdict, name: string) => v.components.find((c) => c.name === name)!.status;

const CLASS_III = ['Model architecture', 'Model parameters (Final)', 'Technical report', 'Evaluation results', 'Model card', 'Data card'];
const CLASS_II = ['Training code', 'Inference code', 'Evaluation code', 'Evaluation data'];
const CLASS_I = ['Datasets', 'Data preprocessing code', 'Model parameters (Intermediate)', 'Research paper'];

describe('MOF: license resolution as the MOT does it', () => {
  it('global licenses only: the content type\'s license, else the distribution license; open but not type-appropriate still counts', async () => {
    const { v } = await judge(motFile(CLASS_III.map((name) => ({ name })), { distribution: 'Apache-2.0', document: 'CC-BY-4.0' }));
    assert.deepEqual(v.components.filter((c) => CLASS_III.includes(c.name)).map((c) => [c.name, c.status, c.license]), [
      ['Model architecture', 'included', 'Apache-2.0'],
      ['Model parameters (Final)', 'included', 'Apache-2.0'],
      ['Technical report', 'included', 'CC-BY-4.0'],
      ['Evaluation results', 'included', 'CC-BY-4.0'],
      ['Model card', 'included', 'CC-BY-4.0'],
      ['Data card', 'included', 'CC-BY-4.0'],
    ]);
    // 6 of Class III's 6; Class II has 6 + 4 required and 6 included; Class I is 0 while Class II is incomplete.
    assert.deepEqual(v.progress, { III: 100, II: 60, I: 0 });
    assert.equal(v.class, 'III');
    // Apache-2.0 is typed code and document in the MOT's list: on weights (data) it is open but not type-appropriate.
    assert.deepEqual(v.notTypeAppropriate, ['Model parameters (Final) of type data: Apache-2.0']);
  });

  it('component licenses only, one of them not open: Class III falls to 5 of 6', async () => {
    const lines = CLASS_III.map((name) => ({ name, license: name === 'Model architecture' ? 'MIT' : 'CC-BY-4.0' }));
    lines[1] = { name: 'Model parameters (Final)', license: 'Llama 2 Community License' };
    const { v } = await judge(motFile([...lines, { name: 'Training code', license: 'Apache-2.0' }]));
    assert.equal(status(v, 'Model parameters (Final)'), 'invalid');
    assert.equal(status(v, 'Training code'), 'included');
    assert.deepEqual(v.progress, { III: 83.3, II: 0, I: 0 });
    assert.equal(v.class, null);
    assert.ok(v.missing.some((m) => m.startsWith('Class III: Model parameters (Final)')));
  });

  it('"unlicensed" and an empty license do not inherit; an unlisted component is missing', async () => {
    const { v } = await judge(motFile([
      { name: 'Model architecture', license: 'unlicensed' },
      { name: 'Model parameters (Final)', license: '' },
      { name: 'Technical report' },
    ], { distribution: 'MIT' }));
    assert.equal(status(v, 'Model architecture'), 'unlicensed');
    assert.equal(status(v, 'Model parameters (Final)'), 'unlicensed');
    assert.equal(status(v, 'Technical report'), 'included', 'no license of its own: inherits MIT');
    assert.equal(status(v, 'Model card'), 'missing');
    assert.deepEqual(v.progress, { III: 16.7, II: 0, I: 0 });
  });

  it('counts an id open as the MOT\'s lists do, written exactly: FSF-libre only, open-data, OpenMDW-1.0; "Apache 2.0" is not an id there', async () => {
    assert.deepEqual(motOpenBasis('Apache-1.0'), ['fsf']);
    assert.ok(motOpenBasis('CC-BY-SA-3.0')?.includes('open-data'));
    assert.deepEqual(motOpenBasis('OpenMDW-1.0'), ['open']);
    assert.equal(motOpenBasis('CC-BY-NC-4.0'), null);
    assert.equal(motOpenBasis('Apache 2.0'), null);
    assert.equal(motTypeAppropriate('CDLA-Permissive-2.0', 'data'), true);
    assert.equal(motTypeAppropriate('MIT', 'document'), false);
    const { v, record } = await judge(motFile([
      { name: 'Model architecture', license: 'Apache 2.0' },
      { name: 'Model parameters (Final)', license: 'Apache-1.0' },
      { name: 'Model card', license: 'OpenMDW-1.0' },
    ]));
    assert.equal(status(v, 'Model architecture'), 'invalid', 'the MOT matches the string, not what it means');
    assert.equal(record.artifacts!.architecture_code!.license, 'Apache-2.0', 'while howopen resolves it for its own levels');
    assert.equal(status(v, 'Model parameters (Final)'), 'included');
    assert.equal(status(v, 'Model card'), 'included');
  });
});

describe('MOF: progress per class as the MOT forms it', () => {
  const all = (except: string[] = [], license: (n: string) => string = (n: string) => (/code|architecture/i.test(n) ? 'Apache-2.0' : 'CC-BY-4.0')) =>
    [...CLASS_III, ...CLASS_II, ...CLASS_I].filter((n) => !except.includes(n)).map((name) => ({ name, license: license(name) }));

  it('a research paper stands in for a missing technical report, in every class', async () => {
    const { v } = await judge(motFile(all(['Technical report'])));
    assert.deepEqual(v.progress, { III: 100, II: 100, I: 100 });
    assert.equal(v.class, 'I');
    assert.ok(!v.missing.some((m) => m.includes('Technical report')));
    assert.ok(v.reasons.some((r) => /research paper stands in/.test(r)));
  });

  it('a listed but unlicensed paper waives the report without filling its place', async () => {
    const lines = all(['Technical report']).map((l) => (l.name === 'Research paper' ? { ...l, license: 'unlicensed' } : l));
    const { v } = await judge(motFile(lines));
    assert.deepEqual(v.progress, { III: 83.3, II: 0, I: 0 });
    assert.ok(!v.missing.some((m) => m.includes('Technical report')), 'the report is no longer missing');
    assert.ok(v.missing.some((m) => m.includes('Research paper')));
  });

  it('a lower class counts only once the classes above it are complete', async () => {
    const { v } = await judge(motFile(all(['Evaluation code', 'Datasets'])));
    // Class II: 9 of 10; Class I: 0 as Class II is not complete, though 12 of its 14 are included.
    assert.deepEqual(v.progress, { III: 100, II: 90, I: 0 });
    assert.equal(v.class, 'III');
  });

  it('mixed types: code licenses on data and data licenses on code count, and are named', async () => {
    const { v } = await judge(motFile(all([], (n) => (/code|architecture/i.test(n) ? 'CC-BY-4.0' : 'MIT'))));
    assert.equal(v.class, 'I');
    assert.ok(v.notTypeAppropriate.some((m) => m.startsWith('Training code of type code: CC-BY-4.0')));
    assert.ok(v.notTypeAppropriate.some((m) => m.startsWith('Datasets of type data: MIT')));
  });
});

describe('MOF on howopen\'s own records', () => {
  const base = (): ModelRecord => ({
    id: 'own', name: 'Own', organization: 'Lab', released: '2025-01',
    components: Object.fromEntries(COMPONENTS.map((c) => [c.key, { status: 'unknown' as const }])),
  });

  it('reads license ids through their SPDX ids, expressions part by part, no license as unlicensed, the inference code as the architecture', async () => {
    const reg = await registry();
    const r = base();
    r.components['deployment.data.weights'] = { status: 'public', license: 'llama2' };
    r.components['deployment.code.inference'] = { status: 'public', license: 'Apache-2.0 AND MIT' };
    r.documentation = { model_card: { status: 'public' }, data_card: { status: 'public', license: 'CC-BY-SA-4.0' } };
    const v = mofVerdict(r, frameworkContext(reg), { asOf: '2026-12-01' });
    assert.equal(status(v, 'Model parameters (Final)'), 'invalid');
    assert.equal(status(v, 'Inference code'), 'included');
    assert.equal(status(v, 'Model architecture'), 'included', 'no architecture_code: the inference code stands in');
    assert.equal(status(v, 'Model card'), 'unlicensed');
    assert.equal(status(v, 'Data card'), 'included');
    assert.equal(status(v, 'Technical report'), 'missing');
  });

  it('an imported MOT record never lets the inference code stand in for an unlisted architecture', async () => {
    const { v } = await judge(motFile([{ name: 'Inference code', license: 'MIT' }]));
    assert.equal(status(v, 'Inference code'), 'included');
    assert.equal(status(v, 'Model architecture'), 'missing');
  });
});
