// AI bills of materials validate against the official schemas; an unknown license never makes a document invalid.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { cyclonedx, cyclonedxBom, licensing } from '../../src/interop/ai-bom.js';
import type { ModelRecord } from '../../src/core/model.js';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import { registry, runCli } from '../helpers.js';

const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

describe('CycloneDX 1.6 ML-BOM', () => {
  it('every registry record exports a BOM the official 1.6 schema accepts', async () => {
    const reg = await registry();
    for (const record of reg.models) {
      const errors = await validator.validate(cyclonedx.exportRecord(record, reg).text);
      assert.equal(errors, null, `${record.id}: ${JSON.stringify(errors)}`);
    }
  });

  it('names the model, its weights license as SPDX, its datasets in the model card; unknown and custom licenses stay valid', async () => {
    const reg = await registry();
    const record: ModelRecord = {
      id: 'bom-test', name: 'Bom Test', organization: 'Lab', released: '2025-02', modality: 'text',
      components: Object.fromEntries(COMPONENTS.map((c) => [c.key, { status: 'unknown' as const }])),
    };
    record.components['deployment.data.weights'] = { status: 'public', license: 'Apache-2.0', evidence: ['https://example.org/w'] };
    record.components['training.data.pretraining'] = { status: 'public', license: 'CC-BY-4.0 AND ODC-By-1.0', evidence: ['https://example.org/d'] };
    record.components['training.data.sft'] = { status: 'public', license: 'llama2' };
    record.components['deployment.code.inference'] = { status: 'public' };
    const bom = cyclonedxBom(record, reg) as { metadata: { component: { type: string; licenses: unknown[]; modelCard: { modelParameters: { datasets: { ref: string }[] } } } }; components: { 'bom-ref': string; licenses?: unknown[]; properties: { name: string; value: string }[] }[] };
    assert.equal(bom.metadata.component.type, 'machine-learning-model');
    assert.deepEqual(bom.metadata.component.licenses, [{ license: { id: 'Apache-2.0' } }]);
    assert.deepEqual(bom.metadata.component.modelCard.modelParameters.datasets.map((d) => d.ref), ['data:bom-test:training.data.pretraining', 'data:bom-test:training.data.sft']);
    const part = (ref: string) => bom.components.find((c) => c['bom-ref'] === ref)!;
    assert.deepEqual(part('data:bom-test:training.data.pretraining').licenses, [{ expression: 'CC-BY-4.0 AND ODC-By-1.0' }]);
    assert.deepEqual(part('data:bom-test:training.data.sft').licenses, [{ license: { name: 'Llama 2 Community License Agreement' } }]);
    const none = part('code:bom-test:deployment.code.inference');
    assert.equal(none.licenses, undefined);
    assert.match(none.properties.find((p) => p.name === 'howopen:license')!.value, /^none/);
    assert.equal(await validator.validate(JSON.stringify(bom)), null);
    assert.notEqual(await validator.validate(JSON.stringify({ ...bom, serialNumber: 'not-a-uuid' })), null, 'the validator does reject');
    assert.deepEqual(licensing({ status: 'unknown' }, reg), { kind: 'unknown' });
  });

  it('howopen export cyclonedx writes the file; import refuses it as export-only', async () => {
    const r = await runCli(['export', 'cyclonedx', 'olmo-7b', '--out', '-']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /"bomFormat": "CycloneDX"/);
  });
});
