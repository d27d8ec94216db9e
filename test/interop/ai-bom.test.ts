// AI bills of materials validate against the official schemas; an unknown license never makes a document invalid.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { cyclonedx, cyclonedxBom, licensing, spdx, spdxDocument } from '../../src/interop/ai-bom.js';
import type { ModelRecord } from '../../src/core/model.js';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import { ROOT, registry, runCli } from '../helpers.js';

const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);
// The format plugins are CommonJS without types: loaded as such.
type FormatPlugin = (ajv: Ajv2020, formats?: string[]) => unknown;
const load = (name: string) => { const m = createRequire(import.meta.url)(name) as FormatPlugin & { default?: FormatPlugin }; return m.default ?? m; };
const addFormats = load('ajv-formats');
const addFormats2019 = load('ajv-formats-draft2019');

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

describe('SPDX 3.0.1 with the AI and Dataset profiles', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schema/spdx-3.0.1/spdx-json-schema.json'), 'utf8')) as object;
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  addFormats2019(ajv, ['iri', 'iri-reference', 'idn-email']);
  const validate = ajv.compile(schema);

  it('every registry record exports a document the official 3.0.1 schema accepts', async () => {
    const reg = await registry();
    for (const record of reg.models) {
      const doc = JSON.parse(spdx.exportRecord(record, reg).text);
      assert.ok(validate(doc), `${record.id}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
    assert.equal(validate({ '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld', '@graph': [{ type: 'ai_AIPackage', spdxId: 'urn:x', name: 'no creationInfo' }] }), false, 'the schema does reject');
  });

  it('the model is an ai_AIPackage trained on its datasets; an unknown license is NoAssertionLicense, a custom one a LicenseRef', async () => {
    const reg = await registry();
    const record: ModelRecord = { id: 's', name: 'S', organization: 'Lab', released: '2025-02', modality: 'text', components: Object.fromEntries(COMPONENTS.map((c) => [c.key, { status: 'unknown' as const }])) };
    record.components['deployment.data.weights'] = { status: 'public', license: 'llama2', evidence: ['https://example.org/w'] };
    record.components['training.data.pretraining'] = { status: 'public', license: 'CC-BY-4.0', evidence: ['https://example.org/d'] };
    const doc = spdxDocument(record, reg, '2026-12-01T00:00:00Z') as { '@graph': Record<string, unknown>[] };
    assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 3)));
    const g = doc['@graph'];
    const expr = (from: string) => { const rel = g.find((e) => e.type === 'Relationship' && e.from === from && e.relationshipType === 'hasDeclaredLicense')!; const to = (rel.to as string[])[0]!; return g.find((e) => e.spdxId === to)?.simplelicensing_licenseExpression ?? to; };
    assert.equal(expr('urn:howopen:s:model'), 'LicenseRef-howopen-llama2');
    assert.equal(expr('urn:howopen:s:data:training.data.pretraining'), 'CC-BY-4.0');
    assert.ok(g.some((e) => e.relationshipType === 'trainedOn' && e.from === 'urn:howopen:s:model'));
    record.components['deployment.data.weights'] = { status: 'public', license: 'Not A License' };
    const unknown = spdxDocument(record, reg, '2026-12-01T00:00:00Z') as { '@graph': Record<string, unknown>[] };
    assert.ok(validate(unknown));
    const rel = unknown['@graph'].find((e) => e.type === 'Relationship' && e.from === 'urn:howopen:s:model' && e.relationshipType === 'hasDeclaredLicense')!;
    assert.deepEqual(rel.to, ['https://spdx.org/rdf/3.0.1/terms/ExpandedLicensing/NoAssertionLicense']);
  });
});
