// howopen scan on local repositories: the shipped example fine-tune, repositories written here with SPDX license texts, the report.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { scanRepository } from '../../src/interop/scan/index.js';
import { registry, runCli } from '../helpers.js';
import { EXAMPLES, tempDir } from './helpers.js';

const spdx = createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { licenseText: string }>;
const EXAMPLE_REPO = join(EXAMPLES, 'scan/tiny-finetune');

/** A copy of the shipped example, so a test may write into it. */
function exampleRepo(): string {
  const dir = join(tempDir('scan'), 'tiny-finetune');
  cpSync(EXAMPLE_REPO, dir, { recursive: true });
  return dir;
}

/** A base model's repository: an MIT license text, a card, config and weights as sparse files (sizes only). */
function baseRepo(card = '---\nlicense: mit\npipeline_tag: text-generation\n---\n# Example base model\n'): string {
  const dir = join(tempDir('scan-base'), 'example-base-7b');
  mkdirSync(dir);
  writeFileSync(join(dir, 'LICENSE'), spdx.MIT!.licenseText.replace('<year>', '2024').replace('<copyright holders>', 'Example Lab'));
  writeFileSync(join(dir, 'README.md'), card);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ architectures: ['LlamaForCausalLM'], model_type: 'llama', torch_dtype: 'float16' }));
  for (const [name, size] of [['model-00001-of-00002.safetensors', 9_976_576_152], ['model-00002-of-00002.safetensors', 3_500_296_424]] as const) {
    writeFileSync(join(dir, name), '');
    truncateSync(join(dir, name), size);
  }
  return dir;
}

describe('howopen scan', () => {
  it('the example fine-tune: code folders, datasets and base model from the card, the license from an SPDX text', async () => {
    const reg = await registry();
    const result = await scanRepository(exampleRepo(), reg);
    const c = result.record.components;
    assert.deepEqual([c['training.code.finetuning']!.status, c['training.code.finetuning']!.license], ['public', 'Apache-2.0'], 'a fine-tune\'s training folder is fine-tuning code');
    assert.equal(c['training.code.alignment']!.status, 'public', 'training/dpo');
    assert.equal(c['evaluation.code.general']!.status, 'public');
    assert.deepEqual([c['deployment.data.weights']!.status, c['deployment.data.weights']!.license], ['public', 'Apache-2.0']);
    assert.equal(result.record.derived_from, 'mistral-7b', 'the registry record whose link is the base_model repository');
    assert.equal(result.licenses[0]!.detection.match?.matcher, 'exact');
    assert.ok(result.findings.some((f) => /Git LFS pointers/.test(f.message)));
    const weightsLicense = result.provenance.find((p) => p.field === 'components.deployment.data.weights.license')!;
    assert.deepEqual([weightsLicense.matcher, weightsLicense.similarity], ['exact', 1]);
  });

  it('the report names the license file, the matcher and its confidence; weights are listed with their size', async () => {
    const r = await runCli(['scan', baseRepo(), '--url', 'https://huggingface.co/example-lab/example-base-7b']);
    assert.match(r.stderr, /LICENSE: MIT \(MIT License\); matcher exact, similarity 100%, confidence 100%/);
    assert.match(r.stderr, /components\.deployment\.data\.weights\.license +MIT +LICENSE \(the model card's metadata agrees: mit\) +matcher exact, similarity 100% +100%/);
    assert.match(r.stdout, /deployment\.data\.weights:\n {4}status: public\n {4}license: MIT\n {4}evidence:\n {6}- https:\/\/huggingface\.co\/example-lab\/example-base-7b/);
    assert.match(r.stdout, /13 GB/, 'weights listed with their size');
  });

  it('never opens weight files; JSON output carries the draft and the report', async () => {
    const dir = baseRepo();
    const opened: string[] = [];
    const result = await scanRepository(dir, await registry(), { openFile: (p: string): Promise<FileHandle> => { opened.push(p); return open(p, 'r'); } });
    assert.ok(opened.length >= 3);
    assert.ok(opened.every((p) => !/safetensors/.test(p)), opened.join(', '));
    const lic = result.licenses.find((l) => l.file === 'LICENSE')!;
    assert.deepEqual([lic.license, lic.detection.match?.matcher, lic.detection.match?.similarity], ['MIT', 'exact', 1]);
    const json = await runCli(['scan', dir, '--format', 'json']);
    const parsed = JSON.parse(json.stdout) as { draft: { components: Record<string, { license?: string }> }; report: { licenses: { match: { matcher: string } }[]; fields: unknown[] } };
    assert.equal(parsed.draft.components['deployment.data.weights']!.license, 'MIT');
    assert.equal(parsed.report.licenses[0]!.match.matcher, 'exact');
    assert.ok(parsed.report.fields.length > 5);
  });

  it('--out writes the draft whole and never over an existing file without --force', async () => {
    const dir = baseRepo();
    const out = join(tempDir('scan-out'), 'draft.yaml');
    const first = await runCli(['scan', dir, '--out', out]);
    assert.notEqual(first.code, 2, first.stderr);
    assert.match(readFileSync(out, 'utf8'), /license: MIT/);
    writeFileSync(out, 'keep me');
    const again = await runCli(['scan', dir, '--out', out]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists; not overwritten/);
    assert.equal(readFileSync(out, 'utf8'), 'keep me');
    assert.notEqual((await runCli(['scan', dir, '--out', out, '--force'])).code, 2);
    assert.notEqual(readFileSync(out, 'utf8'), 'keep me');
  });

  it('says so when the license text and the card\'s metadata disagree', async () => {
    const dir = baseRepo('---\nlicense: apache-2.0\n---\n# Example base model\n');
    const result = await scanRepository(dir, await registry());
    assert.equal(result.record.components['deployment.data.weights']!.license, 'MIT');
    assert.ok(result.findings.some((f) => /reads as MIT, but the model card's metadata says Apache-2.0/.test(f.message)));
  });

  it('datasets go to the component their use says: instruction sets to SFT data, preference sets to alignment data', async () => {
    const c = (await scanRepository(exampleRepo(), await registry())).record.components;
    assert.deepEqual([c['training.data.sft']!.status, c['training.data.sft']!.license, c['training.data.sft']!.evidence], ['public', 'MIT', ['https://huggingface.co/datasets/HuggingFaceH4/ultrachat_200k']]);
    assert.deepEqual([c['training.data.alignment']!.status, c['training.data.alignment']!.evidence], ['public', ['https://huggingface.co/datasets/HuggingFaceH4/ultrafeedback_binarized']]);
    assert.equal(c['training.data.pretraining']!.status, 'unknown');
  });

  it('a pre-training corpus in a fine-tune\'s card is pre-training data; an unknown dataset is named, never placed; a benchmark is noted, not scored', async () => {
    const dir = exampleRepo();
    writeFileSync(join(dir, 'README.md'), '---\nlicense: apache-2.0\nbase_model: mistralai/Mistral-7B-v0.1\ndatasets:\n- allenai/dolma\n- someone/private-set\n- openai/gsm8k\n---\n# Tiny fine-tune\n');
    const result = await scanRepository(dir, await registry());
    const c = result.record.components;
    assert.deepEqual([c['training.data.pretraining']!.status, c['training.data.pretraining']!.license], ['public', 'ODC-By-1.0'], 'dolma is a pre-training corpus');
    assert.equal(c['training.data.sft']!.status, 'unknown', 'the unknown dataset is not guessed into SFT data');
    assert.equal(c['evaluation.data.utility']!.status, 'unknown', 'a public benchmark is not an internal one');
    assert.match(result.record.notes!, /cannot place: someone\/private-set/);
    assert.match(result.record.notes!, /Evaluation benchmarks named in the model card: openai\/gsm8k/);
    assert.ok(result.findings.some((f) => /someone\/private-set not in howopen's table/.test(f.message)));
  });

  it('scan and validate agree: a draft that needs work exits 1 naming every problem, at the positions validate gives', async () => {
    const r = await runCli(['scan', exampleRepo()]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^# Does not validate yet; fix these, then run howopen validate on it:\n# {3}released: required field is missing$/m);
    assert.match(r.stderr, /Does not validate yet \(1 problem\(s\)[^\n]*\n {2}tiny-finetune\.yaml:\d+:\d+: released: required field is missing/);
    const ok = await runCli(['scan', exampleRepo(), '--released', '2024-01']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^released: "2024-01"$/m);
    assert.match(ok.stderr, /The draft passes howopen validate/);
    assert.equal((await runCli(['scan', exampleRepo(), '--released', 'January'])).code, 2);
  });

  it('--out into a registry\'s models/ folder: written whole, every missing evidence named; validate on the file lists the same problems', async () => {
    const out = join(tempDir('scan-reg'), 'models', 'tiny-finetune.yaml');
    mkdirSync(join(out, '..'));
    const r = await runCli(['scan', exampleRepo(), '--released', '2024-01', '--out', out]);
    assert.equal(r.code, 1, r.stderr);
    const named = r.stdout.split('\n').filter((l) => l.startsWith(`  ${out}:`)).map((l) => l.trim());
    assert.ok(named.length >= 3 && named.every((l) => /needs evidence/.test(l)), named.join('\n'));
    const v = await runCli(['validate', out]);
    assert.equal(v.code, 2);
    assert.deepEqual(v.stdout.trim().split('\n'), named);
    const withUrl = await runCli(['scan', exampleRepo(), '--released', '2024-01', '--url', 'https://huggingface.co/example-lab/tiny-finetune', '--out', out, '--force']);
    const left = withUrl.stdout.split('\n').filter((l) => l.startsWith(`  ${out}:`)).map((l) => l.trim());
    const again = await runCli(['validate', out]);
    assert.deepEqual(again.code === 0 ? [] : again.stdout.trim().split('\n'), left, 'the same list, whatever it is');
    assert.equal(withUrl.code, left.length ? 1 : 0);
  });

  it('a path that is not a folder is bad input (exit 2)', async () => {
    const r = await runCli(['scan', join(tempDir('scan-none'), 'missing')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is not a folder/);
  });
});
