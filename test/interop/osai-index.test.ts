// The European Open Source AI Index's format: the shipped examples import without loss into valid drafts; our records export by the stated rules.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { frameworkContext } from '../../src/core/frameworks/index.js';
import { OSAI_PARAMETERS, osaiIndexVerdict } from '../../src/core/frameworks/osai-index.js';
import { osaiIndex } from '../../src/interop/osai-index.js';
import { checkRecordYaml, recordToYaml } from '../../src/interop/record-yaml.js';
import { registry, runCli } from '../helpers.js';
import { EXAMPLES, FIXTURES, assertNoLoss, inputFiles, tempDir } from './helpers.js';

const OSAI_EXAMPLES = join(EXAMPLES, 'osai-index');
const examples = inputFiles(OSAI_EXAMPLES, /\.yaml$/);
const TEMPLATE = join(FIXTURES, 'osai-index/a_submission_template.yaml');

describe('osai-index import', () => {
  it('imports the examples without loss: each field mapped or kept in notes, into drafts that validate', async () => {
    const reg = await registry();
    assert.ok(examples.length >= 2);
    for (const f of examples) {
      const result = osaiIndex.importText(f.text, f.name, reg);
      assert.deepEqual(result.problems, [], f.name);
      const draft = result.drafts[0]!;
      assert.ok(assertNoLoss(draft, parse(f.text), f.name) > 20, f.name);
      assert.deepEqual(checkRecordYaml(recordToYaml(draft.record), `${draft.record.id}.yaml`, reg), [], f.name);
    }
  });

  it('maps classes by the stated rules: closed, partial under a known license, open', async () => {
    const reg = await registry();
    const llama = osaiIndex.importText(readFileSync(join(OSAI_EXAMPLES, 'llama-2.yaml'), 'utf8'), 'llama-2.yaml', reg).drafts[0]!.record;
    assert.equal(llama.name, 'Llama 2');
    assert.equal(llama.organization, 'Meta');
    assert.equal(llama.released, '2023-07');
    assert.equal(llama.components['training.data.pretraining']!.status, 'closed');
    assert.deepEqual([llama.components['deployment.data.weights']!.status, llama.components['deployment.data.weights']!.license], ['public', 'llama2'], 'partial, with a license the knowledge base knows');
    const olmo = osaiIndex.importText(readFileSync(join(OSAI_EXAMPLES, 'olmo-7b.yaml'), 'utf8'), 'olmo-7b.yaml', reg).drafts[0]!.record;
    assert.deepEqual([olmo.components['deployment.data.weights']!.status, olmo.components['deployment.data.weights']!.license], ['public', 'Apache-2.0']);
  });

  it('reports an end-model license that does not resolve, with suggestions and its line', async () => {
    const reg = await registry();
    const text = readFileSync(join(OSAI_EXAMPLES, 'llama-2.yaml'), 'utf8').replace('endmodellicense: Llama 2 Community License Agreement', 'endmodellicense: Llama 2 Comunity Licence');
    const draft = osaiIndex.importText(text, 'llama-2.yaml', reg).drafts[0]!;
    const finding = draft.findings.find((f) => /endmodellicense/.test(f.message))!;
    assert.match(finding.message, /"Llama 2 Comunity Licence" does not resolve .*did you mean/);
    assert.ok(text.split('\n')[finding.line - 1]!.includes('endmodellicense'), 'the finding points at the line');
  });

  it('refuses a blank submission template with the line of the empty name', async () => {
    const reg = await registry();
    const r = osaiIndex.importText(readFileSync(TEMPLATE, 'utf8'), 'a_submission_template.yaml', reg);
    assert.equal(r.drafts.length, 0);
    assert.match(r.problems[0]!.message, /system.name is empty/);
    assert.equal(r.problems[0]!.line, 4);
  });

  it('imports a folder through the CLI, skipping the parameter files and the template', async () => {
    const src = tempDir('osai-src');
    for (const f of examples) copyFileSync(f.path, join(src, f.name));
    copyFileSync(TEMPLATE, join(src, 'a_submission_template.yaml'));
    writeFileSync(join(src, '_parameters.yml'), 'not: a model\n');
    const out = tempDir('osai');
    const r = await runCli(['import', 'osai-index', src, '--out', out, '--report', join(out, 'report.json')]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.match(r.stderr, new RegExp(`${examples.length} draft\\(s\\) from ${examples.length} file\\(s\\)`));
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { drafts: { provenance: unknown[] }[] };
    assert.equal(report.drafts.length, examples.length);
    assert.ok(report.drafts.every((d) => d.provenance.length > 20));
  });
});

describe('osai-index export', () => {
  it('writes the 12 parameters with the classes of the stated rules, and the file imports again', async () => {
    const reg = await registry();
    for (const record of reg.models) {
      const file = osaiIndex.exportRecord(record, reg);
      const data = parse(file.text) as Record<string, { class?: string; notes?: string; name?: string }>;
      const verdict = osaiIndexVerdict(record, frameworkContext(reg), { reading: 'strict', asOf: '2026-11-22' });
      for (const p of OSAI_PARAMETERS) {
        assert.equal(data[p.ref]!.class, verdict.parameters.find((v) => v.ref === p.ref)!.class, `${record.id} ${p.ref}`);
        assert.match(data[p.ref]!.notes!, /howopen/);
      }
      assert.equal(data.system!.name, record.name);
      const again = osaiIndex.importText(file.text, file.name, reg);
      assert.deepEqual(again.problems, [], record.id);
      assert.equal(again.drafts[0]!.record.released, record.released);
    }
  });

  it('the shipped examples are what the registry exports today', async () => {
    const reg = await registry();
    for (const f of examples) assert.equal(osaiIndex.exportRecord(reg.model(f.name.replace(/\.yaml$/, ''))!, reg).text, f.text, `${f.name}: rewrite it with howopen export osai-index`);
  });
});
