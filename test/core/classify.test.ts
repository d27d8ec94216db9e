// Classification of real registry models, with the explanation that names the clauses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify, opennessShort, opennessText } from '../../src/core/classify.js';
import type { ComponentEntry, ModelRecord } from '../../src/core/model.js';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import { registry } from '../helpers.js';

describe('classify', () => {
  it('gives Llama 2 weights D3 under the strict reading, naming §2', async () => {
    const r = await registry();
    const result = classify(r.model('llama-2')!, r.index);
    const weights = result.components['deployment.data.weights']!;
    assert.equal(weights.level, 'D3');
    assert.equal(weights.points, 3);
    assert.equal(weights.license, 'llama2');
    assert.equal(weights.restrictiveness, 'moderately restrictive');
    assert.match(weights.explanation, /Llama 2 Community License/);
    assert.match(weights.explanation, /Commercial: conditional \(§2/);
    assert.match(weights.explanation, /strict reading/);
    assert.match(weights.explanation, /3 points .* → moderately restrictive → D3/);
  });

  it('moves Llama 2 weights to D5 under the lenient reading', async () => {
    const r = await registry();
    const weights = classify(r.model('llama-2')!, r.index, { reading: 'lenient' }).components['deployment.data.weights']!;
    assert.equal(weights.points, 5);
    assert.equal(weights.level, 'D5');
    assert.match(weights.explanation, /→ 1 under the lenient reading/);
  });

  it('classifies every registry model under both readings, lenient never below strict', async () => {
    const r = await registry();
    for (const model of r.models) {
      const strict = classify(model, r.index, { reading: 'strict' });
      const lenient = classify(model, r.index, { reading: 'lenient' });
      assert.equal(Object.keys(strict.components).length, 12, model.id);
      for (const [key, c] of Object.entries(strict.components)) {
        assert.ok(c.explanation.length > 10, `${model.id} ${key}`);
        const l = lenient.components[key]!;
        if (c.score !== null) assert.ok(l.score! >= c.score, `${model.id} ${key}`);
      }
    }
  });

  it('summarises bands with N/A and Unknown apart from closed', async () => {
    const r = await registry();
    const { summary } = classify(r.model('pythia')!, r.index);
    const total = Object.values(summary.bands).reduce((a, b) => a + b, 0);
    assert.equal(total, 12);
    assert.ok(summary.bands['N/A'] > 0);
    assert.equal(summary.coverage.applicable, 12 - summary.bands['N/A']);
    assert.ok(summary.openness !== null && summary.openness > 75, String(summary.openness));
    const gpt4 = classify(r.model('gpt-4')!, r.index).summary;
    assert.ok(gpt4.openness! < summary.openness!);
  });
});

describe('the openness aggregate', () => {
  const entries = (statuses: Record<string, ComponentEntry>): ModelRecord => ({ id: 'draft', name: 'Draft', organization: 'Example Lab', released: '2024-01', components: statuses });
  const all = (entry: ComponentEntry) => Object.fromEntries(COMPONENTS.map((c) => [c.key, entry]));

  it('does not reward Unknown: two fully open components and ten Unknown rank below every component semi-open', async () => {
    const r = await registry();
    const draft = classify(entries({ ...all({ status: 'unknown' }), 'deployment.data.weights': { status: 'public', license: 'Apache-2.0' }, 'deployment.code.inference': { status: 'public', license: 'Apache-2.0' } }), r.index).summary;
    const semiOpen = classify(entries(all({ status: 'public', license: 'CC-BY-NC-4.0' })), r.index).summary;
    assert.deepEqual(draft.coverage, { known: 2, applicable: 12 });
    assert.ok(draft.openness! < semiOpen.openness!, `${draft.openness} < ${semiOpen.openness}`);
    assert.equal(draft.range!.upper, 100, 'were every Unknown fully open, the draft would be fully open');
    assert.ok(draft.range!.lower < 20, String(draft.range!.lower));
  });

  it('a range from Unknown as closed to Unknown as fully open; one figure when everything is known; N/A left out', async () => {
    const r = await registry();
    for (const model of r.models) {
      const s = classify(model, r.index).summary;
      if (!s.range) { assert.equal(s.coverage.applicable, 0); continue; }
      assert.equal(s.openness, s.range.lower, model.id);
      assert.ok(s.range.lower <= s.range.upper, model.id);
      assert.equal(s.range.lower === s.range.upper, s.coverage.known === s.coverage.applicable, model.id);
      const closedIfUnknown = classify({ ...model, components: Object.fromEntries(COMPONENTS.map((c) => [c.key, model.components[c.key]?.status === 'unknown' || !model.components[c.key] ? { status: 'closed' } : model.components[c.key]!])) }, r.index).summary;
      assert.equal(s.range.lower, closedIfUnknown.openness, `${model.id}: the low end is the figure with each Unknown closed`);
    }
    const allNa = classify(entries(all({ status: 'n/a' })), r.index).summary;
    assert.deepEqual([allNa.openness, allNa.range], [null, null]);
    assert.match(opennessText(allNa), /no applicable component/);
  });

  it('is written with its coverage: "low–high% (known of applicable known)"', async () => {
    const r = await registry();
    const s = classify(entries({ ...all({ status: 'closed' }), 'deployment.data.weights': { status: 'public', license: 'MIT' }, 'training.data.pretraining': { status: 'unknown' } }), r.index).summary;
    assert.equal(opennessText(s), `${s.range!.lower}–${s.range!.upper}% (11 of 12 known)`);
    assert.equal(opennessShort(s), `${s.range!.lower}–${s.range!.upper}% 11/12`);
  });
});
