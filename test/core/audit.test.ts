// The audit finds the site's known disagreements with its own rubric, and the paper-40 reproduction.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { audit } from '../../src/core/audit.js';
import { stats } from '../../src/core/stats.js';
import { registry } from '../helpers.js';

describe('audit', () => {
  it('finds the known disagreements and every one has a reason', async () => {
    const { disagreements } = audit(await registry());
    const find = (model: string, component: string) => disagreements.find((d) => d.model === model && d.component === component);
    // GPL and CC-BY-SA marked 5.
    assert.deepEqual([find('llama', 'deployment.code.inference')?.published, find('llama', 'deployment.code.inference')?.computed], ['C5', 'C4']);
    assert.equal(find('stablelm-alpha', 'deployment.data.weights')?.computed, 'D4');
    assert.equal(find('polycoder', 'deployment.data.weights')?.computed, 'D4');
    // Falcon weights 5 under a license with use restrictions.
    assert.equal(find('falcon', 'deployment.data.weights')?.published, 'D5');
    assert.equal(find('falcon', 'deployment.data.weights')?.computed, 'D3');
    // API-only weights published D1 for Claude and PaLM 2 although others got D2 (the original PaLM had no public API: D1 agrees).
    for (const m of ['claude', 'palm-2']) {
      assert.deepEqual([find(m, 'deployment.data.weights')?.published, find(m, 'deployment.data.weights')?.computed], ['D1', 'D2'], m);
    }
    assert.equal(find('gpt-4', 'deployment.data.weights'), undefined, 'GPT-4 D2 agrees');
    assert.equal(find('palm', 'deployment.data.weights'), undefined, 'PaLM D1 agrees');
    const unexplained = disagreements.filter((d) => !d.reason);
    assert.deepEqual(unexplained, []);
  });
});

describe('stats', () => {
  it('reproduces the published distribution of the paper\'s 40 models (DOMAIN.md §4)', async () => {
    const s = stats(await registry(), 'paper-40', 'published');
    assert.equal(s.models, 40);
    const c = (key: string) => Object.fromEntries(Object.entries(s.components[key]!).filter(([, n]) => n > 0));
    assert.deepEqual(c('training.code.pretraining'), { 1: 24, 5: 16 });
    assert.deepEqual(c('training.data.pretraining'), { 1: 22, 4: 6, 5: 8, Unknown: 4 });
    assert.deepEqual(c('deployment.data.weights'), { 1: 11, 2: 6, 3: 4, 4: 1, 5: 18 });
    assert.deepEqual(c('deployment.code.inference'), { 1: 17, 3: 1, 5: 22 });
    for (const key of ['training.code.alignment', 'training.data.alignment', 'evaluation.code.safety']) {
      assert.equal(s.components[key]![4] + s.components[key]![5], 0, `${key} never open`);
    }
  });

  it('computed stats count every model once per component', async () => {
    const r = await registry();
    const s = stats(r, 'all', 'computed');
    assert.equal(s.models, r.models.length);
    for (const dist of Object.values(s.components)) assert.equal(Object.values(dist).reduce((a, b) => a + b, 0), r.models.length);
  });
});
