// The G7 Vision's labels and the Open Weight Definition, read from records written here; where a record cannot say, the verdict says so.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { frameworkContext } from '../../src/core/frameworks/index.js';
import { g7Verdict } from '../../src/core/frameworks/g7.js';
import { owdVerdict } from '../../src/core/frameworks/owd.js';
import type { ComponentEntry, ModelRecord } from '../../src/core/model.js';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import { registry, runCli } from '../helpers.js';

const pub = (license?: string): ComponentEntry => ({ status: 'public', ...(license ? { license } : {}), evidence: ['https://example.org'] });
function record(weights: ComponentEntry, more: Partial<ModelRecord> = {}): ModelRecord {
  return {
    id: 'm', name: 'M', organization: 'O', released: '2025-01', monetised: false,
    components: { ...Object.fromEntries(COMPONENTS.map((c) => [c.key, { status: 'closed' as const }])), 'deployment.data.weights': weights, 'deployment.code.inference': pub('Apache-2.0') },
    ...more,
  };
}
const opts = { asOf: '2026-12-01' };

describe('G7 Vision on AI Openness', () => {
  it('labels a restricted license Weights Available, an open one Open Weights, and an all-open release Open Source AI with Open Data', async () => {
    const ctx = frameworkContext(await registry());
    assert.equal(g7Verdict(record(pub('llama2')), ctx, opts).label, 'Weights Available AI');
    assert.equal(g7Verdict(record(pub('Apache-2.0')), ctx, opts).label, 'Open Weights AI');
    const all = record(pub('Apache-2.0'));
    for (const c of COMPONENTS) all.components[c.key] = pub(c.kind === 'code' ? 'MIT' : 'CC-BY-4.0');
    all.components['deployment.data.weights'] = pub('Apache-2.0');
    assert.equal(g7Verdict(all, ctx, opts).label, 'Open Source AI with Open Data');
  });

  it('says when a criterion cannot be read: data information without open data leaves Open Source AI possible, not given', async () => {
    const ctx = frameworkContext(await registry());
    const r = record(pub('Apache-2.0'), { documentation: { data_card: pub('CC-BY-4.0') } });
    for (const k of ['training.code.pretraining', 'training.code.finetuning', 'training.code.alignment']) r.components[k] = pub('MIT');
    const v = g7Verdict(r, ctx, opts);
    assert.equal(v.label, 'Open Weights AI');
    assert.equal(v.possible, 'Open Source AI');
    assert.match(v.criteria.find((c) => c.criterion.startsWith('full training data, or data information'))!.why, /legally or technically impossible cannot be read/);
    assert.equal(g7Verdict(record(pub('Apache-2.0'), { monetised: 'unknown' }), ctx, opts).label, null, 'free of charge unknown');
    assert.equal(g7Verdict(record({ status: 'closed' }), ctx, opts).label, null);
  });
});

describe('Open Weight Definition', () => {
  it('passes an OSI-approved weights license, fails a use-restricting one on the criteria the rights settle, and leaves text-only criteria unknown', async () => {
    const ctx = frameworkContext(await registry());
    assert.equal(owdVerdict(record(pub('Apache-2.0')), ctx, opts).verdict, 'pass');
    const llama = owdVerdict(record(pub('llama2')), ctx, opts);
    assert.equal(llama.verdict, 'fail');
    assert.deepEqual(llama.criteria.filter((c) => c.result === 'fail').map((c) => c.number), [1, 5, 6]);
    assert.deepEqual(llama.criteria.filter((c) => c.result === 'unknown').map((c) => c.number), [4, 7, 8, 9, 10]);
    const cc = owdVerdict(record(pub('CC-BY-4.0')), ctx, opts);
    assert.equal(cc.verdict, 'unknown', 'not OSI-approved, nothing fails, the text-only criteria cannot be read');
    assert.match(cc.reasons[0]!, /cannot be read from the record/);
    assert.equal(owdVerdict(record({ status: 'unknown' }), ctx, opts).verdict, 'unknown');
    assert.equal(owdVerdict(record({ status: 'public' }), ctx, opts).verdict, 'fail', 'no license grants nothing');
  });

  it('classify --format json carries both verdicts', async () => {
    const r = await runCli(['classify', 'llama-2', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const f = (JSON.parse(r.stdout) as { frameworks: { g7: { label: string }; owd: { verdict: string } } }).frameworks;
    assert.equal(f.g7.label, 'Weights Available AI');
    assert.equal(f.owd.verdict, 'fail');
  });
});
