// The European Open Source AI Index's own model files (reference data): they import without loss into valid drafts, by the stated rules.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { osaiIndex } from '../src/interop/osai-index.js';
import { checkRecordYaml, recordToYaml } from '../src/interop/record-yaml.js';
import { registry, runCli } from '../test/helpers.js';
import { assertNoLoss, tempDir } from '../test/interop/helpers.js';
import { OSAI_DIR, referenceFiles } from './reference.js';

const files = referenceFiles(OSAI_DIR, /^[^_].*\.yaml$/).filter((f) => !/template/.test(f.name));

describe('osai-index import', () => {
  it('imports every reference model file without loss: each field mapped or kept in notes', async () => {
    const reg = await registry();
    assert.equal(files.length, 14);
    let fields = 0;
    for (const f of files) {
      const result = osaiIndex.importText(f.text, f.name, reg);
      assert.deepEqual(result.problems, [], f.name);
      const draft = result.drafts[0]!;
      fields += assertNoLoss(draft, parse(f.text), f.name);
      assert.deepEqual(checkRecordYaml(recordToYaml(draft.record), `${draft.record.id}.yaml`, reg), [], f.name);
    }
    assert.ok(fields > 14 * 40, `${fields} fields checked`);
  });

  it('maps classes by the stated rules', async () => {
    const reg = await registry();
    const olmo = osaiIndex.importText(readFileSync(join(OSAI_DIR, 'OLMo.yaml'), 'utf8'), 'OLMo.yaml', reg).drafts[0]!.record;
    assert.equal(olmo.name, 'OLMo');
    assert.equal(olmo.organization, 'Ai2');
    assert.equal(olmo.released, '2025-12');
    assert.deepEqual({ status: olmo.components['deployment.data.weights']!.status, license: olmo.components['deployment.data.weights']!.license }, { status: 'public', license: 'Apache-2.0' });
    assert.deepEqual({ status: olmo.components['training.data.pretraining']!.status, hint: olmo.components['training.data.pretraining']!.hint }, { status: 'unknown', hint: 'D3-D5' });
    assert.equal(olmo.documentation!.model_card!.status, 'public');
    assert.equal(olmo.components['evaluation.code.general']!.status, 'unknown');
    assert.match(olmo.notes!, /Organization tags: National origin: United States/);
    const llama = osaiIndex.importText(readFileSync(join(OSAI_DIR, 'llama-2-chat.yaml'), 'utf8'), 'llama-2-chat.yaml', reg).drafts[0]!.record;
    assert.equal(llama.components['training.data.pretraining']!.status, 'closed');
    assert.equal(llama.components['deployment.data.weights']!.status, 'unknown', 'partial with license "Unclear"');
    assert.equal(llama.links!.license, 'https://github.com/facebookresearch/llama/blob/main/LICENSE');
  });

  it('reports an end-model license that does not resolve, with suggestions', async () => {
    const reg = await registry();
    const grok = osaiIndex.importText(readFileSync(join(OSAI_DIR, 'Grok.yaml'), 'utf8'), 'Grok.yaml', reg).drafts[0]!;
    const finding = grok.findings.find((f) => /endmodellicense/.test(f.message))!;
    assert.match(finding.message, /"xAI Community License Agreement" does not resolve .* \(did you mean grok2-community\?\)/);
    assert.ok(finding.line > 1);
  });

  it('refuses the blank submission template with the line of the empty name', async () => {
    const reg = await registry();
    const r = osaiIndex.importText(readFileSync(join(OSAI_DIR, 'a_submission_template.yaml'), 'utf8'), 'a_submission_template.yaml', reg);
    assert.equal(r.drafts.length, 0);
    assert.match(r.problems[0]!.message, /system.name is empty/);
    assert.equal(r.problems[0]!.line, 13);
  });

  it('imports the folder through the CLI, skipping the parameter files and the template', async () => {
    const out = tempDir('osai');
    const r = await runCli(['import', 'osai-index', OSAI_DIR, '--out', out, '--report', join(out, 'report.json')]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /14 draft\(s\) from 14 file\(s\)/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { drafts: { provenance: unknown[] }[] };
    assert.equal(report.drafts.length, 14);
    assert.ok(report.drafts.every((d) => d.provenance.length > 20));
  });
});
