// The version mapping: rows match only through it, unmatched and excluded rows are reported, bad entries are positioned.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CapabilityRow, matchReport, matchRows, parseTarget } from '../../src/core/capability.js';
import { loadCapability, parseEci, parseMapping } from '../../src/capability/load.js';
import { capabilityAnalysis } from '../../src/core/capability-analysis.js';
import { registry } from '../helpers.js';

const row = (version: string, score = 100): CapabilityRow => ({ version, name: version, organization: 'X', released: '2024-01-01', score, accessibility: null, trainingCompute: null, computeConfidence: null, at: `t.csv:${score}` });

describe('capability mapping', () => {
  it('reads ids, variants and reasoned exclusions', () => {
    const { value, problems } = parseMapping('versions:\n  A-1: llama-2\n  B: gpt-5@high\n  C: { id: null, reason: "no record" }\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(value.get('A-1'), { id: 'llama-2', variant: null });
    assert.deepEqual(value.get('B'), { id: 'gpt-5', variant: 'high' });
    assert.deepEqual(value.get('C'), { id: null, reason: 'no record' });
    assert.equal(parseTarget('Not An Id'), null);
  });

  it('positions a bad entry at its line and column', () => {
    const { problems } = parseMapping('versions:\n  A: llama-2\n  B: "Bad Id"\n  C: { id: null }\n');
    assert.deepEqual(problems.map((p) => [p.line, p.field]), [[3, 'versions.B'], [4, 'versions.C']]);
    assert.equal(problems[0]!.col, 6);
    assert.match(problems[1]!.message, /reason/);
  });

  it('reports every row the mapping does not name, and never matches by name', async () => {
    const r = await registry();
    const { value: mapping } = parseMapping('versions:\n  Llama-2-70b-hf: llama-2\n  Llama-2-34b: { id: null, reason: "never released" }\n  gone: llama-2\n  typo: no-such-model\n');
    // "llama-2" is a registry id, but it is not in the mapping: it must stay unmatched.
    const rows = [row('Llama-2-70b-hf'), row('Llama-2-34b'), row('llama-2'), row('typo')];
    const matched = matchRows(rows, mapping, r);
    assert.deepEqual(matched.map((m) => m.match.kind), ['matched', 'excluded', 'unmatched', 'unknown-id']);
    const m0 = matched[0]!.match;
    assert.ok(m0.kind === 'matched' && m0.weights === 'D3' && m0.group === 'D3');
    const report = matchReport(matched, mapping, new Set(rows.map((x) => x.version)));
    assert.equal(report.matched, 1);
    assert.deepEqual(report.unmatched.map((u) => u.version), ['llama-2']);
    assert.deepEqual(report.excluded.map((u) => [u.version, u.reason]), [['Llama-2-34b', 'never released']]);
    assert.deepEqual(report.unknownIds.map((u) => u.id), ['no-such-model']);
    assert.deepEqual(report.unusedMappings, ['gone']);
  });

  it('reads ECI rows with a score and a date, skipping the others, and rejects a non-number with its line', () => {
    const header = 'Model version,ECI Score,Release date,Organization,Country,Model accessibility,Training compute (FLOP),Confidence,Model name\n';
    const ok = parseEci(`${header}a,120.5,2024-01-02,Org,US,API access,1e24,Likely,A\nb,,2024-01-02,Org,US,API access,,,B\nc,99,,Org,US,API access,,,C\n`);
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.value.rows.map((r) => [r.version, r.score, r.trainingCompute, r.at]), [['a', 120.5, 1e24, 'epoch_capabilities_index.csv:2']]);
    assert.deepEqual(ok.value.stats.skipped.map((s) => s.why), ['no ECI score', 'no release date']);
    const bad = parseEci(`${header}a,high,2024-01-02,Org,US,API access,,,A\n`);
    assert.deepEqual(bad.problems.map((p) => [p.line, p.col, p.field]), [[2, 2, 'ECI Score']]);
    const wrong = parseEci('name,score\nx,1\n');
    assert.ok(wrong.problems.some((p) => p.field === 'Model version' && p.line === 1));
  });

  it('leaves no scored row of the shipped snapshot unaccounted for', async () => {
    const cap = await loadCapability();
    assert.deepEqual(cap.problems, []);
    for (const benchmark of ['eci', 'mmlu'] as const) {
      const a = capabilityAnalysis(cap.snapshot, cap.mapping, await registry(), { benchmark });
      assert.equal(a.report.matched + a.report.excluded.length + a.report.unmatched.length + a.report.unknownIds.length, cap.snapshot.rows[benchmark].length);
      assert.deepEqual(a.report.unknownIds, []);
      assert.ok(a.report.matched > 0);
    }
  });
});
