// howopen scan on a repository with the real Llama 2 license and use policy (reference data): the report names the license, the matcher and its confidence.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkRecordYaml } from '../src/interop/record-yaml.js';
import { scanRepository } from '../src/interop/scan/index.js';
import { registry, runCli } from '../test/helpers.js';
import { tempDir } from '../test/interop/helpers.js';
import { LICENSE_TEXTS, mustExist } from './reference.js';

const LLAMA_CARD = `---
language:
- en
pipeline_tag: text-generation
inference: false
tags:
- facebook
- meta
- pytorch
- llama
- llama-2
license: llama2
---
# **Llama 2**
Llama 2 is a collection of pretrained and fine-tuned generative text models ranging in scale from 7 billion to 70 billion parameters.
`;

/** A Llama 2 repository as the Hub lays it out, with the real license and use policy; weights are sparse files (sizes only). */
function llamaRepo(): string {
  const dir = join(tempDir('scan'), 'Llama-2-7b-hf');
  mkdirSync(dir);
  copyFileSync(mustExist(join(LICENSE_TEXTS, 'meta-llama2.txt')), join(dir, 'LICENSE.txt'));
  copyFileSync(mustExist(join(LICENSE_TEXTS, 'meta-llama2-aup.md')), join(dir, 'USE_POLICY.md'));
  writeFileSync(join(dir, 'README.md'), LLAMA_CARD);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ architectures: ['LlamaForCausalLM'], model_type: 'llama', torch_dtype: 'float16' }));
  for (const [name, size] of [['model-00001-of-00002.safetensors', 9_976_576_152], ['model-00002-of-00002.safetensors', 3_500_296_424]] as const) {
    writeFileSync(join(dir, name), '');
    truncateSync(join(dir, name), size);
  }
  return dir;
}

describe('howopen scan', () => {
  it('a real Llama 2 license file and a model card: the report names the license, the matcher and its confidence', async () => {
    const dir = llamaRepo();
    const r = await runCli(['scan', dir, '--url', 'https://huggingface.co/meta-llama/Llama-2-7b-hf']);
    assert.equal(r.code, 1, 'the draft needs its release date');
    assert.match(r.stderr, /released: required field is missing/);
    assert.match(r.stderr, /LICENSE\.txt: llama2 \(Llama 2 Community License Agreement\); matcher fingerprint, similarity 100%, confidence 100%/);
    assert.match(r.stderr, /USE_POLICY\.md: Llama 2 Acceptable Use Policy \(a use policy\); matcher fingerprint/);
    assert.match(r.stderr, /components\.deployment\.data\.weights\.license +llama2 +LICENSE\.txt \(the model card's metadata agrees: llama2\) +matcher fingerprint, similarity 100% +100%/);
    assert.match(r.stdout, /deployment\.data\.weights:\n {4}status: public\n {4}license: llama2/);
    assert.match(r.stdout, /13 GB/, 'weights listed with their size');
    const withDate = r.stdout.replace(/^organization: .*$/m, (line) => `${line}\nreleased: "2023-07"`);
    assert.deepEqual(checkRecordYaml(withDate, 'llama-2-7b-hf.yaml', await registry()).map((p) => p.message).filter((m) => !/does not match the file name/.test(m)), []);
  });

  it('never opens weight files; JSON output carries the draft and the report', async () => {
    const dir = llamaRepo();
    const opened: string[] = [];
    const result = await scanRepository(dir, await registry(), { openFile: (p: string): Promise<FileHandle> => { opened.push(p); return open(p, 'r'); } });
    assert.ok(opened.length >= 4);
    assert.ok(opened.every((p) => !/safetensors/.test(p)), opened.join(', '));
    const lic = result.licenses.find((l) => l.file === 'LICENSE.txt')!;
    assert.deepEqual([lic.license, lic.detection.match?.matcher, lic.detection.match?.similarity], ['llama2', 'fingerprint', 1]);
    const json = await runCli(['scan', dir, '--format', 'json']);
    const parsed = JSON.parse(json.stdout) as { draft: { components: Record<string, { license?: string }> }; report: { licenses: { match: { matcher: string } }[]; fields: unknown[] } };
    assert.equal(parsed.draft.components['deployment.data.weights']!.license, 'llama2');
    assert.equal(parsed.report.licenses[0]!.match.matcher, 'fingerprint');
    assert.ok(parsed.report.fields.length > 10);
  });

  it('says so when the license text and the card\'s metadata disagree', async () => {
    const dir = llamaRepo();
    writeFileSync(join(dir, 'README.md'), LLAMA_CARD.replace('license: llama2', 'license: mit'));
    const result = await scanRepository(dir, await registry());
    assert.equal(result.record.components['deployment.data.weights']!.license, 'llama2');
    assert.ok(result.findings.some((f) => /reads as llama2, but the model card's metadata says MIT/.test(f.message)));
  });
});
