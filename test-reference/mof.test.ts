// MOF model.yml from the Model Openness Tool (reference data): both schema versions import without loss into valid drafts; our exports satisfy MOT's schema.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { MOF_COMPONENTS } from '../src/core/frameworks/mof.js';
import { mof, mofTargets } from '../src/interop/mof.js';
import { checkRecordYaml, recordToYaml } from '../src/interop/record-yaml.js';
import { registry } from '../test/helpers.js';
import { assertNoLoss, fieldValue } from '../test/interop/helpers.js';
import { MOT_DIR, referenceFiles } from './reference.js';

const files = [...referenceFiles(join(MOT_DIR, 'models'), /\.yml$/), ...referenceFiles(MOT_DIR, /^sample_model\.yml$/)];

/** The earlier MOT schema: license_name and location instead of license and component_path. */
function toV1(text: string): string {
  const data = parse(text) as { release: { components: Record<string, unknown>[] } };
  data.release.components = data.release.components.map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k === 'license' ? 'license_name' : k === 'component_path' ? 'location' : k, v])));
  return stringify(data);
}

describe('mof import', () => {
  it('imports every reference model.yml (and MOT\'s sample) without loss into valid drafts', async () => {
    const reg = await registry();
    assert.equal(files.length, 13);
    for (const f of files) {
      const result = mof.importText(f.text, f.name, reg);
      assert.deepEqual(result.problems, [], f.name);
      const draft = result.drafts[0]!;
      assertNoLoss(draft, parse(f.text), f.name);
      assert.deepEqual(checkRecordYaml(recordToYaml(draft.record), `${draft.record.id}.yaml`, reg), [], f.name);
    }
  });

  it('reads the earlier schema (license_name, location) the same way, without loss', async () => {
    const reg = await registry();
    for (const f of files) {
      const v1 = toV1(f.text);
      const a = mof.importText(f.text, f.name, reg).drafts[0]!.record;
      const draft = mof.importText(v1, f.name, reg).drafts[0]!;
      assertNoLoss(draft, parse(v1), f.name);
      for (const def of MOF_COMPONENTS) {
        for (const t of mofTargets(def)) {
          assert.deepEqual(fieldValue(draft.record, `${t.bag}.${t.key}.status`), fieldValue(a, `${t.bag}.${t.key}.status`), `${f.name} ${def.name}`);
          assert.deepEqual(fieldValue(draft.record, `${t.bag}.${t.key}.license`), fieldValue(a, `${t.bag}.${t.key}.license`), `${f.name} ${def.name}`);
        }
      }
      if (/component_path|license:/.test(f.text)) assert.match(draft.record.notes!, /license_name \/ location/);
    }
  });

  it('resolves licenses as MOF does: own license, else the release license for the content type, else distribution', async () => {
    const reg = await registry();
    const sample = mof.importText(readFileSync(join(MOT_DIR, 'sample_model.yml'), 'utf8'), 'sample_model.yml', reg).drafts[0]!.record;
    assert.equal(sample.components['training.code.pretraining']!.license, 'MIT', 'code inherits release.license.code');
    assert.equal(sample.components['deployment.data.weights']!.license, 'Apache-2.0', 'data falls back to distribution');
    assert.deepEqual(sample.artifacts!.architecture_code, { status: 'public', notes: sample.artifacts!.architecture_code!.notes, mof: { license: 'unlicensed' } }, '"unlicensed": public, no license');
    const olmo = mof.importText(readFileSync(join(MOT_DIR, 'models/OLMo-7B.yml'), 'utf8'), 'OLMo-7B.yml', reg).drafts[0]!.record;
    assert.equal(olmo.components['deployment.data.weights']!.license, 'Apache-2.0');
    assert.equal(olmo.documentation!.research_paper!.license, 'CC-BY-4.0');
    assert.equal(olmo.links!.weights, 'https://huggingface.co/allenai/OLMo-7B');
    const grok = mof.importText(readFileSync(join(MOT_DIR, 'models/Grok-1.yml'), 'utf8'), 'Grok-1.yml', reg).drafts[0]!.record;
    assert.equal(grok.links!.weights, 'https://huggingface.co/xai-org/grok-1', 'a Hub id becomes its URL');
    const llama = mof.importText(readFileSync(join(MOT_DIR, 'models/Llama-2-7B.yml'), 'utf8'), 'Llama-2-7B.yml', reg).drafts[0]!.record;
    assert.equal(llama.components['deployment.data.weights']!.license, 'llama2');
    assert.equal(llama.components['training.data.pretraining']!.status, 'unknown', 'not listed');
  });

  it('reports a license that does not resolve, with the line of the component', async () => {
    const reg = await registry();
    const text = readFileSync(join(MOT_DIR, 'models/DeepSeek-R1.yml'), 'utf8');
    const draft = mof.importText(text, 'DeepSeek-R1.yml', reg).drafts[0]!;
    const finding = draft.findings.find((f) => /arXiv/.test(f.message))!;
    assert.match(finding.message, /does not resolve/);
    assert.equal(text.split('\n')[finding.line - 1]!.includes('arXiv'), true);
  });
});

describe('mof export', () => {
  const schema = JSON.parse(readFileSync(join(MOT_DIR, 'mof_schema.json'), 'utf8')) as { properties: { release: { properties: { type: { enum: string[] }; architecture: { enum: string[] } }; required: string[] } } };
  it('writes every registry record as a model.yml MOT\'s schema accepts, listing released components with licenses', async () => {
    const reg = await registry();
    const names = new Set(MOF_COMPONENTS.map((d) => d.name));
    for (const record of reg.models) {
      const file = mof.exportRecord(record, reg);
      const data = parse(file.text) as { framework: Record<string, string>; release: Record<string, unknown> & { components: { name: string; license: string }[] } };
      assert.equal(data.framework.name, 'Model Openness Framework');
      for (const key of schema.properties.release.required) assert.ok(key in data.release, `${record.id}: release.${key}`);
      assert.ok(schema.properties.release.properties.type.enum.includes(String(data.release.type)), `${record.id}: type ${data.release.type}`);
      assert.match(String(data.release.date), /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(data.release.components.length <= 17);
      for (const c of data.release.components) {
        assert.ok(names.has(c.name), c.name);
        assert.ok(c.license, `${record.id} ${c.name} has a license or "unlicensed"`);
      }
      const back = mof.importText(file.text, file.name, reg);
      assert.deepEqual(back.problems, [], record.id);
      const weights = record.components['deployment.data.weights']!;
      if (weights.status === 'public' && weights.license) assert.equal(back.drafts[0]!.record.components['deployment.data.weights']!.license, weights.license.replace(/\s+/g, ' '), record.id);
    }
  });
});
