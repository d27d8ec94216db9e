// classify --batch: Hub metadata lines in, one classification line out each; bad lines reported and skipped; memory bounded.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { progressBar } from '../../src/cli/progress.js';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import { BatchClassifier, MAX_LINE_BYTES, classifyStream } from '../../src/interop/batch.js';
import { KNOWN_DATASETS, USE_COMPONENT, datasetLicense } from '../../src/interop/datasets.js';
import { resolveLicenseName } from '../../src/interop/licenses.js';
import { registry, runCli } from '../helpers.js';
import { tempDir } from './helpers.js';

const LINES = [
  { id: 'meta-llama/Llama-2-7b-hf', license: 'llama2' },
  { id: 'allenai/OLMo-7B', license: 'apache-2.0', datasets: ['allenai/dolma'] },
  { id: 'someone/llama3-ft', license: 'other', license_name: 'llama3', base_model: 'meta-llama/Meta-Llama-3-8B', datasets: ['tatsu-lab/alpaca'] },
  { id: 'x/unknown-data', license: 'mit', datasets: ['allenai/dolma', 'someone/private-set'] },
  { id: 'x/other-without-name', license: 'other' },
  { id: 'x/typo', license: 'apache-2' },
  { id: 'x/two-licenses', license: ['apache-2.0', 'cc-by-nc-4.0'] },
];

async function run(input: string, format: 'jsonl' | 'csv' = 'jsonl') {
  const reg = await registry();
  let out = '';
  const bad: [number, string][] = [];
  const stats = await classifyStream(Readable.from([input]), (chunk) => { out += chunk; }, new BatchClassifier(reg, 'strict', format), { onBad: (line, message) => bad.push([line, message]) });
  return { out, bad, stats };
}

describe('batch classification', () => {
  it('one line in, one line out: weights from license / license_name, training data from known datasets, Unknown elsewhere', async () => {
    const { out, bad, stats } = await run(LINES.map((l) => JSON.stringify(l)).join('\n'));
    assert.deepEqual(bad, []);
    assert.equal(stats.classified, LINES.length);
    const rows = out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; levels: Record<string, string>; weights: Record<string, unknown>; training_data: Record<string, unknown> });
    assert.deepEqual(rows.map((r) => r.id), LINES.map((l) => l.id));
    for (const r of rows) assert.deepEqual(Object.keys(r.levels), COMPONENTS.map((c) => c.key));
    const [llama, olmo, ft, unknownData, other, typo, two] = rows as [typeof rows[0], typeof rows[0], typeof rows[0], typeof rows[0], typeof rows[0], typeof rows[0], typeof rows[0]];
    assert.deepEqual(llama.weights, { level: 'D3', license: 'llama2', points: 3, declared: 'llama2' });
    assert.equal(llama.levels['training.code.pretraining'], 'Unknown');
    assert.equal(olmo.levels['deployment.data.weights'], 'D5');
    assert.equal(olmo.levels['training.data.pretraining'], 'D4', 'ODC-By-1.0 for Dolma');
    assert.equal(ft.weights.license, 'llama3');
    assert.equal(ft.training_data.component, 'training.data.sft', 'Alpaca is an instruction set');
    assert.deepEqual([ft.levels['training.data.sft'], ft.training_data.license], ['D4', 'CC-BY-NC-4.0'], 'Alpaca: CC-BY-NC-4.0, no commercial use: 4 points');
    assert.equal(unknownData.levels['training.data.pretraining'], 'Unknown');
    assert.match(String(unknownData.training_data.reason), /someone\/private-set/);
    assert.equal(other.levels['deployment.data.weights'], 'Unknown');
    assert.match(String(other.weights.reason), /"other" and no license_name/);
    assert.match(String(typo.weights.reason), /did you mean Apache-2.0/);
    assert.equal(two.weights.license, 'Apache-2.0 AND CC-BY-NC-4.0');
  });

  it('a bad line is reported with its number and skipped; the stream goes on; blank lines are not errors', async () => {
    const input = ['{"id":"a/ok","license":"mit"}', 'not json', '', '[1,2]', '{"license":"mit"}', '{"id":"b/ok"}', '{"id": "broken",'].join('\n');
    const { out, bad, stats } = await run(input);
    assert.deepEqual(bad.map(([line]) => line), [2, 4, 5, 7]);
    assert.match(bad[0]![1], /not JSON/);
    assert.match(bad[1]![1], /not a JSON object/);
    assert.match(bad[2]![1], /no "id"/);
    assert.deepEqual(stats, { lines: 7, classified: 2, bad: 4, blank: 1 });
    assert.equal(out.trim().split('\n').length, 2);
  });

  it('a line longer than the cap is skipped as bad without being held in memory, and the lines after it still count', async () => {
    const huge = `{"id":"x/huge","license":"mit","pad":"${'x'.repeat(MAX_LINE_BYTES * 3)}"}`;
    const { bad, stats } = await run(`${huge}\n{"id":"a/ok","license":"mit"}\r\n`);
    assert.deepEqual(bad, [[1, 'longer than 1 MB; skipped']]);
    assert.equal(stats.classified, 1);
  });

  it('CSV: a header, one row per line, cells quoted where needed', async () => {
    const { out } = await run(['{"id":"a,b","license":"other"}', '{"id":"c","license":"apache-2.0","datasets":["allenai/c4"]}'].join('\n'), 'csv');
    const [header, first, second] = out.trim().split('\n');
    assert.equal(header, BatchClassifier.CSV_COLUMNS.join(','));
    assert.match(first!, /^"a,b",(Unknown,){12},,,"weights: license is ""other"" and no license_name is given"$/);
    assert.match(second!, /^c,(Unknown,){3}D4,(Unknown,){7}D5,Apache-2.0,5,ODC-By-1.0,$/);
  });

  it('memory stays bounded: 150,000 generated lines stream through without being held', async () => {
    const reg = await registry();
    const count = 150_000;
    function* lines() {
      for (let i = 0; i < count; i += 1000) {
        let chunk = '';
        for (let j = i; j < i + 1000; j++) chunk += `{"id":"org/model-${j}","license":"${j % 3 ? 'apache-2.0' : 'llama2'}","datasets":["user/set-${j}"],"tags":["a","b","c"],"padding":"${'p'.repeat(100)}"}\n`;
        yield chunk;
      }
    }
    let bytes = 0;
    let peak = 0;
    const stats = await classifyStream(Readable.from(lines()), (chunk) => { bytes += chunk.length; }, new BatchClassifier(reg), {
      onBad() {},
      onProgress() { peak = Math.max(peak, process.memoryUsage().heapUsed); },
    });
    assert.equal(stats.classified, count);
    assert.ok(bytes > count * 300, 'every line produced output');
    assert.ok(peak < 150 * 1024 * 1024, `heap peaked at ${(peak / 1024 / 1024).toFixed(0)} MB`);
  });

  it('through the CLI: classify --batch FILE, exit 1 and a count when lines were bad, 2 for a missing file or no model', async () => {
    const dir = tempDir('batch');
    const file = join(dir, 'hub.jsonl');
    writeFileSync(file, `${LINES.map((l) => JSON.stringify(l)).join('\n')}\nnot json\n`);
    const r = await runCli(['classify', '--batch', file]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout.trim().split('\n').length, LINES.length);
    assert.match(r.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:${LINES.length + 1}: not JSON`));
    assert.match(r.stderr, /7 line\(s\) classified; 1 bad line\(s\) skipped/);
    const csv = await runCli(['classify', '--batch', file, '--format', 'csv']);
    assert.match(csv.stdout, /^id,training\.code\.pretraining/);
    assert.equal((await runCli(['classify', '--batch', join(dir, 'missing.jsonl')])).code, 2);
    assert.equal((await runCli(['classify', '--batch', dir])).code, 2);
    assert.equal((await runCli(['classify', '--batch', file, '--format', 'xml'])).code, 2);
    const none = await runCli(['classify']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /missing argument <model>/);
  });

  it('the well-known datasets table resolves in the knowledge base, each with its source and its use', async () => {
    const reg = await registry();
    for (const id of KNOWN_DATASETS) {
      const d = datasetLicense(id)!;
      assert.ok(resolveLicenseName(d.license, reg).ok, `${id}: ${d.license}`);
      assert.match(d.source, /^https:\/\/huggingface\.co\/datasets\//);
      assert.ok(d.use in USE_COMPONENT, `${id}: ${d.use}`);
    }
  });

  it('training data go to the component the datasets\' use says, whatever the base model', async () => {
    const lines = [
      { id: 'a/pretrained-on-dolma-ft', license: 'mit', base_model: 'x/base', datasets: ['allenai/dolma'] },
      { id: 'a/dpo', license: 'mit', base_model: 'x/base', datasets: ['HuggingFaceH4/ultrafeedback_binarized'] },
      { id: 'a/mixed-ft', license: 'mit', base_model: 'x/base', datasets: ['HuggingFaceH4/ultrachat_200k', 'HuggingFaceH4/ultrafeedback_binarized'] },
    ];
    const rows = (await run(lines.map((l) => JSON.stringify(l)).join('\n'))).out.trim().split('\n').map((l) => JSON.parse(l) as { training_data: { component: string; license?: string } });
    assert.deepEqual(rows.map((r) => r.training_data.component), ['training.data.pretraining', 'training.data.alignment', 'training.data.sft']);
    assert.equal(rows[2]!.training_data.license, 'MIT', 'the SFT set\'s license, not the other component\'s');
  });
});

describe('progress bar', () => {
  it('shows count, rate, share and ETA on a terminal, and nothing when piped', () => {
    let written = '';
    let clock = 0;
    const tty = { isTTY: true, write: (s: string) => { written += s; return true; } } as unknown as NodeJS.WriteStream;
    const bar = progressBar(tty, 'lines', () => clock);
    clock = 2000;
    bar.update(100_000, 0.25);
    assert.match(written, /\[######-+\] 25% {2}100,000 lines {2}50,000 lines\/s {2}ETA 6s/);
    bar.clear();
    assert.ok(written.endsWith(`\r${String.fromCharCode(27)}[K`));
    let piped = '';
    const pipe = { isTTY: false, write: (s: string) => { piped += s; return true; } } as unknown as NodeJS.WriteStream;
    const none = progressBar(pipe, 'lines', () => clock);
    none.update(5, 0.5);
    none.clear();
    assert.equal(piped, '');
  });
});
