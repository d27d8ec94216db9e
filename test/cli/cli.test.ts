// The CLI contract: commands, JSON fields, exit codes, and every class of bad input with its position.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COMPONENT_KEYS } from '../../src/core/taxonomy.js';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'howopen-cli-'));

/** A valid model record; each bad-input case changes one line of it. */
const VALID = `id: test-model
name: Test Model
organization: Example Lab
released: "2024-05"
links:
  paper: https://example.org/paper
components:
${COMPONENT_KEYS.map((k) => k === 'deployment.data.weights'
    ? `  ${k}:\n    status: public\n    license: Apache-2.0\n    evidence: [https://example.org/LICENSE]`
    : `  ${k}: { status: closed }`).join('\n')}
`;

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('howopen validate: bad input', () => {
  const cases: { name: string; from: string; to: string; expect: RegExp; at: string }[] = [
    { name: 'YAML syntax', from: 'organization: Example Lab', to: 'organization: Example: Lab', expect: /YAML syntax: Nested mappings/, at: 'organization: Example: Lab' },
    { name: 'unknown field', from: 'organization: Example Lab', to: 'organization: Example Lab\norganisation: typo', expect: /unknown field "organisation" \(did you mean organization\?\)/, at: 'organisation:' },
    { name: 'unknown component key', from: '  training.code.finetuning: { status: closed }', to: '  training.code.finetunning: { status: closed }', expect: /unknown component key "training.code.finetunning" \(did you mean training.code.finetuning\?\)/, at: 'finetunning' },
    { name: 'unknown status', from: '  training.code.finetuning: { status: closed }', to: '  training.code.finetuning: { status: open }', expect: /components.training.code.finetuning.status: must be one of closed, api, public, n\/a, unknown/, at: 'status: open' },
    { name: 'unknown license id', from: 'license: Apache-2.0', to: 'license: Apache-2', expect: /unknown license "Apache-2" \(did you mean Apache-2.0/, at: 'license: Apache-2' },
    { name: 'malformed date', from: 'released: "2024-05"', to: 'released: "May 2024"', expect: /released: must be a year-month/, at: 'released:' },
    { name: 'api on a code component', from: '  training.code.finetuning: { status: closed }', to: '  training.code.finetuning: { status: api }', expect: /status "api" is for data components only/, at: 'status: api' },
    { name: 'evidence not a URL', from: 'evidence: [https://example.org/LICENSE]', to: 'evidence: [see the license file]', expect: /evidence.0: must be an http\(s\) URL/, at: 'evidence:' },
  ];
  for (const c of cases) {
    it(`${c.name}: exit 2 with file:line:col`, async () => {
      const text = VALID.replace(c.from, c.to);
      assert.notEqual(text, VALID);
      const path = write(`${c.name.replace(/\W+/g, '-')}.yaml`, text.replace('id: test-model', `id: ${c.name.replace(/\W+/g, '-').toLowerCase()}`));
      const r = await runCli(['validate', path]);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      const line = lineOf(text, c.at);
      const problem = r.stdout.split('\n').find((l) => c.expect.test(l));
      assert.ok(problem, `expected ${c.expect} in:\n${r.stdout}`);
      assert.ok(problem.startsWith(`${path}:${line}:`), `expected line ${line}: ${problem}`);
    });
  }

  it('duplicate id across files: exit 2 naming both', async () => {
    const a = write('dup-a.yaml', VALID.replace('id: test-model', 'id: dup-a'));
    const b = write('dup-b.yaml', VALID.replace('id: test-model', 'id: dup-a'));
    const r = await runCli(['validate', a, b]);
    assert.equal(r.code, 2);
    assert.match(r.stdout, new RegExp(`${b}:1:5: id: duplicate id "dup-a" \\(also in ${a}\\)`));
  });

  it('id that does not match the file name', async () => {
    const path = write('other-name.yaml', VALID);
    const r = await runCli(['validate', path]);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /other-name.yaml:1:5: id: id "test-model" does not match the file name/);
  });

  it('a valid file passes with exit 0', async () => {
    const r = await runCli(['validate', write('test-model.yaml', VALID)]);
    assert.equal(r.code, 0, r.stdout);
  });

  it('the shipped registry validates', async () => {
    const r = await runCli(['validate']);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stderr, /no problems/);
  });

  it('reports every problem of a file in one run: schema, license, status and file name together', async () => {
    const text = VALID.replace('id: test-model', 'id: all-at-once')
      .replace('organization: Example Lab', 'organization: Example Lab\norganisation: typo')
      .replace('license: Apache-2.0', 'license: Apache-2')
      .replace('  training.code.finetuning: { status: closed }', '  training.code.finetuning: { status: api }')
      .replace('  evaluation.code.safety: { status: closed }', '  evaluation.code.safty: { status: closed }');
    const path = write('all-at-once-renamed.yaml', text);
    const r = await runCli(['validate', path]);
    assert.equal(r.code, 2);
    for (const [re, at] of [
      [/unknown field "organisation"/, 'organisation:'],
      [/unknown license "Apache-2"/, 'license: Apache-2'],
      [/status "api" is for data components only/, 'status: api'],
      [/unknown component key "evaluation.code.safty"/, 'safty'],
    ] as const) {
      const problem = r.stdout.split('\n').find((l) => re.test(l));
      assert.ok(problem, `${re} in:\n${r.stdout}`);
      assert.ok(problem.startsWith(`${path}:${lineOf(text, at)}:`), problem);
    }
    assert.match(r.stdout, /evaluation\.code\.safety: required field is missing/);
    assert.match(r.stdout, /id "all-at-once" does not match the file name "all-at-once-renamed"/);
  });

  it('a public or api entry without evidence is an error for a registry record (models/), not for a draft', async () => {
    const text = VALID.replace('id: test-model', 'id: no-evidence').replace('    evidence: [https://example.org/LICENSE]\n', '').replace('  training.data.sft: { status: closed }', '  training.data.sft: { status: api }');
    const draft = write('no-evidence.yaml', text);
    assert.equal((await runCli(['validate', draft])).code, 0, 'a draft outside a registry');
    mkdirSync(join(dir, 'registry-x', 'models'), { recursive: true });
    const record = write('registry-x/models/no-evidence.yaml', text);
    const r = await runCli(['validate', record]);
    assert.equal(r.code, 2);
    assert.match(r.stdout, new RegExp(`${record}:${lineOf(text, 'status: public')}:\\d+: components\\.deployment\\.data\\.weights\\.status: a public component needs evidence`));
    assert.match(r.stdout, new RegExp(`${record}:${lineOf(text, 'status: api')}:\\d+: components\\.training\\.data\\.sft\\.status: an api component needs evidence`));
    const folder = await runCli(['validate', join(dir, 'registry-x')]);
    assert.equal(folder.code, 2, 'a registry folder holds registry records');
    assert.match(folder.stdout, /needs evidence/);
  });
});

describe('howopen classify', () => {
  it('explains Llama 2 weights clause by clause', async () => {
    const r = await runCli(['classify', 'llama-2']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /D3 +Model architecture and weights/);
    assert.match(r.stdout, /§2/);
  });

  it('prints the JSON contract', async () => {
    const r = await runCli(['classify', 'llama-2', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    assert.equal(j.id, 'llama-2');
    assert.equal(typeof j.name, 'string');
    assert.deepEqual(Object.keys(j.components), [...COMPONENT_KEYS]);
    for (const c of Object.values(j.components) as Record<string, unknown>[]) {
      for (const field of ['level', 'points', 'hint', 'license', 'explanation']) assert.ok(field in c, field);
    }
    assert.equal(j.components['deployment.data.weights'].level, 'D3');
    assert.ok(j.summary.bands);
  });

  it('classifies a record file', async () => {
    const r = await runCli(['classify', write('test-model.yaml', VALID), '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).components['deployment.data.weights'].level, 'D5');
  });

  it('unknown model id: exit 2 with a suggestion', async () => {
    const r = await runCli(['classify', 'llama-22']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no model "llama-22".*did you mean/);
  });

  it('bad option value: exit 2', async () => {
    const r = await runCli(['classify', 'llama-2', '--reading', 'loose']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--reading must be one of strict, lenient/);
  });
});

describe('howopen table, license, audit, stats', () => {
  it('table --where filters by level and organization', async () => {
    const r = await runCli(['table', '--format', 'json', '--where', 'deployment.data.weights>=D4', '--where', 'organization=EleutherAI']);
    const rows = JSON.parse(r.stdout) as Record<string, string>[];
    assert.ok(rows.length >= 2);
    for (const row of rows) {
      assert.equal(row.organization, 'EleutherAI');
      assert.ok(['D4', 'D5'].includes(row['deployment.data.weights']!));
    }
  });

  it('table csv has one column per component key, then each component\'s license and each scope\'s rights', async () => {
    const r = await runCli(['table', '--format', 'csv']);
    const [header, ...lines] = r.stdout.trim().split('\n');
    const rights = ['research', 'commercial', 'modify', 'copyright_derivative', 'other_license_derivative'];
    assert.deepEqual(header!.split(','), ['id', 'name', 'organization', 'released', ...COMPONENT_KEYS, 'openness', 'openness_upper', 'known', 'applicable', 'mof', 'osaid', 'osai_index', 'eu_exemption',
      ...COMPONENT_KEYS.map((k) => `${k}.license`), ...['weights', 'data', 'code'].flatMap((scope) => rights.map((right) => `${scope}.${right}`)), 'variants']);
    assert.ok(lines.length >= 45);
  });

  it('table sorts descending', async () => {
    const r = await runCli(['table', '--format', 'json', '--sort', '-released']);
    const released = (JSON.parse(r.stdout) as { released: string }[]).map((x) => x.released);
    assert.deepEqual(released, [...released].sort().reverse());
  });

  it('table without color when not a TTY', async () => {
    const r = await runCli(['table']);
    assert.ok(!r.stdout.includes('\u001b['), 'no ANSI escapes');
    assert.match(r.stdout, /Pythia/);
  });

  it('table rejects a bad condition', async () => {
    const r = await runCli(['table', '--where', 'weights>=D4']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown field "weights"/);
  });

  it('license shows rights, both readings and obligations', async () => {
    const r = await runCli(['license', 'LLaMA-2', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    assert.equal(j.id, 'llama2');
    assert.equal(j.scores.strict.points, 3);
    assert.equal(j.scores.strict.data, 'D3');
    assert.equal(j.scores.lenient.points, 5);
    assert.ok(j.obligations.threshold);
    assert.ok(j.models.includes('llama-2'));
    const bad = await runCli(['license', 'Apache 2']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /did you mean/);
  });

  it('audit lists disagreements as JSON and exits 0 when all have reasons', async () => {
    const r = await runCli(['audit', '--format', 'json']);
    assert.equal(r.code, 0);
    const list = JSON.parse(r.stdout) as Record<string, string>[];
    assert.ok(list.length > 5);
    for (const d of list) for (const f of ['model', 'component', 'published', 'computed', 'reason']) assert.ok(f in d);
  });

  it('stats --set paper-40 --source published', async () => {
    const r = await runCli(['stats', '--set', 'paper-40', '--source', 'published', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    assert.equal(j.models, 40);
    assert.equal(j.components['deployment.data.weights']['5'], 18);
  });

  it('--help and --version exit 0; an unknown command exits 2', async () => {
    assert.equal((await runCli(['--version'])).code, 0);
    assert.equal((await runCli(['table', '--help'])).code, 0);
    assert.equal((await runCli(['frobnicate'])).code, 2);
  });
});
