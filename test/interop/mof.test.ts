// MOF model.yml: our exports (and the shipped examples) import again without loss into valid drafts, in both schema versions; MOF's license fallbacks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { MOF_COMPONENTS } from '../../src/core/frameworks/mof.js';
import { mof, mofTargets } from '../../src/interop/mof.js';
import { checkRecordYaml, recordToYaml } from '../../src/interop/record-yaml.js';
import { registry, runCli } from '../helpers.js';
import { EXAMPLES, FIXTURES, assertNoLoss, fieldValue, inputFiles, tempDir } from './helpers.js';

const examples = inputFiles(join(EXAMPLES, 'mof'), /\.yml$/);
const FALLBACKS = join(FIXTURES, 'mof/fallbacks.yml');

/** The earlier MOT schema: license_name and location instead of license and component_path. */
function toV1(text: string): string {
  const data = parse(text) as { release: { components: Record<string, unknown>[] } };
  data.release.components = data.release.components.map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k === 'license' ? 'license_name' : k === 'component_path' ? 'location' : k, v])));
  return stringify(data);
}

describe('mof import', () => {
  it('imports the examples and the fixture without loss into valid drafts, in both schema versions alike', async () => {
    const reg = await registry();
    const files = [...examples, { name: 'fallbacks.yml', text: readFileSync(FALLBACKS, 'utf8') }];
    assert.ok(examples.length >= 2);
    for (const f of files) {
      const result = mof.importText(f.text, f.name, reg);
      assert.deepEqual(result.problems, [], f.name);
      const draft = result.drafts[0]!;
      assertNoLoss(draft, parse(f.text), f.name);
      assert.deepEqual(checkRecordYaml(recordToYaml(draft.record), `${draft.record.id}.yaml`, reg), [], f.name);
      const v1 = toV1(f.text);
      const old = mof.importText(v1, f.name, reg).drafts[0]!;
      assertNoLoss(old, parse(v1), f.name);
      for (const def of MOF_COMPONENTS) {
        for (const t of mofTargets(def)) {
          for (const prop of ['status', 'license']) assert.deepEqual(fieldValue(old.record, `${t.bag}.${t.key}.${prop}`), fieldValue(draft.record, `${t.bag}.${t.key}.${prop}`), `${f.name} ${def.name} ${prop}`);
        }
      }
      if (/component_path|license:/.test(f.text)) assert.match(old.record.notes!, /license_name \/ location/);
    }
  });

  it('resolves licenses as MOF does: own license, else the release license for the content type, else distribution', async () => {
    const reg = await registry();
    const draft = mof.importText(readFileSync(FALLBACKS, 'utf8'), 'fallbacks.yml', reg).drafts[0]!;
    const r = draft.record;
    assert.equal(r.components['training.code.pretraining']!.license, 'MIT', 'code inherits release.license.code');
    assert.equal(r.components['deployment.data.weights']!.license, 'Apache-2.0', 'data falls back to distribution');
    assert.deepEqual([r.artifacts!.architecture_code!.status, r.artifacts!.architecture_code!.license], ['public', undefined], '"unlicensed": public, no license');
    assert.equal(r.links!.weights, 'https://huggingface.co/example-lab/fallback-model', 'a Hub id becomes its URL');
    assert.equal(r.components['training.data.pretraining']!.status, 'unknown', 'not listed');
    const finding = draft.findings.find((f) => /Example Lab paper license/.test(f.message))!;
    assert.match(finding.message, /does not resolve/);
    assert.equal(readFileSync(FALLBACKS, 'utf8').split('\n')[finding.line - 1]!.includes('Example Lab paper license'), true, 'the finding points at the line');
  });
});

describe('mof export', () => {
  it('writes every registry record as a model.yml listing released components with licenses, which imports again', async () => {
    const reg = await registry();
    const names = new Set(MOF_COMPONENTS.map((d) => d.name));
    for (const record of reg.models) {
      const file = mof.exportRecord(record, reg);
      const data = parse(file.text) as { framework: Record<string, string>; release: Record<string, unknown> & { components: { name: string; license: string }[] } };
      assert.equal(data.framework.name, 'Model Openness Framework');
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

  it('the shipped examples are what the registry exports today', async () => {
    const reg = await registry();
    for (const f of examples) assert.equal(mof.exportRecord(reg.model(f.name.replace(/\.yml$/, ''))!, reg).text, f.text, `${f.name}: rewrite it with howopen export mof`);
  });

  it('round trip through the CLI: export then import', async () => {
    const out = tempDir('mof');
    assert.equal((await runCli(['export', 'mof', 'olmo-7b', 'llama-2', '--out', out])).code, 0);
    const r = await runCli(['import', 'mof', out, '--out', '-']);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.match(r.stdout, /id: olmo-7b/);
    assert.match(r.stdout, /license: llama2/);
  });
});
