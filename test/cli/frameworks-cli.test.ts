// The frameworks through the CLI: classify JSON, advise and its what-if, table filters on verdicts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../helpers.js';

describe('frameworks in the CLI', () => {
  it('classify --format json carries every framework verdict and advice', async () => {
    const r = await runCli(['classify', 'pythia', '--format', 'json', '--as-of', '2026-11-22']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(j.frameworks), ['mof', 'osaid', 'osaiIndex', 'euAiAct', 'g7', 'owd', 'paper']);
    for (const v of Object.values(j.frameworks) as { framework: { version: string; sources: string[] }; reasons: string[] }[]) {
      assert.ok(v.framework.version && v.framework.sources.length);
      assert.ok(v.reasons.length);
    }
    assert.equal(j.frameworks.euAiAct.asOf, '2026-11-22');
    assert.ok(j.advice.length > 0, 'pythia has releases left to suggest');
    assert.ok(typeof j.advice[0].release.target === 'string' && j.advice[0].level !== undefined);
  });

  it('classify text ends with the verdicts', async () => {
    const r = await runCli(['classify', 'llama-2']);
    assert.match(r.stdout, /MOF 1\.0: no class/);
    assert.match(r.stdout, /Open Source AI Definition 1\.0: fail/);
    assert.match(r.stdout, /not legal advice/);
  });

  it('advise lists releases and a what-if recomputes', async () => {
    const r = await runCli(['advise', 'llama-2', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    assert.equal(j.suggestions[0].release.target, 'deployment.data.weights');
    const w = await runCli(['advise', 'llama-2', '--release', 'deployment.data.weights=Apache-2.0']);
    assert.match(w.stdout, /deployment.data.weights: D3 → D5/);
    const bad = await runCli(['advise', 'llama-2', '--release', 'weights=Apache-2.0']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown release target "weights"/);
    const badDate = await runCli(['advise', 'llama-2', '--as-of', 'tomorrow']);
    assert.equal(badDate.code, 2);
  });

  it('table filters on verdicts', async () => {
    const r = await runCli(['table', '--format', 'json', '--where', 'osaid=fail', '--where', 'exempt=no']);
    const rows = JSON.parse(r.stdout) as Record<string, string>[];
    assert.ok(rows.some((x) => x.id === 'llama-2'));
    for (const row of rows) { assert.equal(row.osaid, 'fail'); assert.equal(row.eu_exemption, 'no'); }
    const bad = await runCli(['table', '--where', 'mof>=II']);
    assert.equal(bad.code, 2);
  });
});
