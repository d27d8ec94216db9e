// License fits its part: code licenses on code, data or content licenses on data and documents, model licenses on weights.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { licenseFit, targetOf } from '../../src/core/license-fit.js';
import type { ModelRecord } from '../../src/core/model.js';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import { registry, runCli } from '../helpers.js';

const base = (): ModelRecord => ({ id: 'x', name: 'X', organization: 'Y', released: '2025-01', components: Object.fromEntries(COMPONENTS.map((c) => [c.key, { status: 'unknown' as const }])) });

describe('license fit', () => {
  it('places every field: components by their kind, weights, artifacts and documents', () => {
    assert.equal(targetOf('components.training.code.pretraining'), 'code');
    assert.equal(targetOf('components.training.data.sft'), 'data');
    assert.equal(targetOf('components.deployment.data.weights'), 'weights');
    assert.equal(targetOf('artifacts.intermediate_checkpoints'), 'weights');
    assert.equal(targetOf('artifacts.data_preprocessing_code'), 'code');
    assert.equal(targetOf('documentation.model_card'), 'document');
  });

  it('names a code license on data, a data license on code and a model license on code, and accepts the fitting ones', async () => {
    const reg = await registry();
    const r = base();
    r.components['training.data.pretraining'] = { status: 'public', license: 'MIT' };
    r.components['training.code.pretraining'] = { status: 'public', license: 'ODbL-1.0' };
    r.components['deployment.code.inference'] = { status: 'public', license: 'llama2' };
    r.components['deployment.data.weights'] = { status: 'public', license: 'llama2' };
    r.components['training.data.sft'] = { status: 'public', license: 'CC-BY-4.0 AND ODC-By-1.0' };
    r.components['evaluation.code.general'] = { status: 'closed', license: 'CC-BY-4.0' };
    r.documentation = { model_card: { status: 'public', license: 'CC-BY-4.0' } };
    const found = licenseFit(r, reg.index).map((f) => [f.field, f.license, f.kind]);
    assert.deepEqual(found, [
      ['components.training.code.pretraining', 'ODbL-1.0', 'data'],
      ['components.training.data.pretraining', 'MIT', 'code'],
      ['components.deployment.code.inference', 'llama2', 'model'],
    ]);
    assert.match(licenseFit(r, reg.index)[1]!.message, /MIT is a code license on a data part: data is licensed with a data or content license/);
  });

  it('audit --check fit lists them for review without failing', async () => {
    const r = await runCli(['audit', '--check', 'fit', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const list = JSON.parse(r.stdout) as { model: string; field: string; kind: string; target: string }[];
    assert.ok(list.some((f) => f.model === 'llama-2' && f.field === 'components.deployment.code.inference' && f.kind === 'model'));
  });
});
