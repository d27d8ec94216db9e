// The paper's own site files (reference data): all 45 import into valid drafts and export back to the same values; the registry holds them verbatim.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { loadRegistry } from '../src/registry/load.js';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COMPONENTS } from '../src/core/taxonomy.js';
import { eirasSite } from '../src/interop/eiras-site.js';
import { checkRecordYaml, recordToYaml } from '../src/interop/record-yaml.js';
import { audit } from '../src/core/audit.js';
import { stats } from '../src/core/stats.js';
import { ROOT, registry, runCli } from '../test/helpers.js';
import { frontMatter, tempDir } from '../test/interop/helpers.js';
import { SITE_DIR, referenceFiles, siteModels } from './reference.js';

const files = referenceFiles(SITE_DIR, /\.md$/);

function valuesOf(front: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of COMPONENTS) {
    const [stage, kind, name] = c.key.split('.') as [string, string, string];
    out[c.key] = ((front[stage] as Record<string, Record<string, unknown>>)[kind] as Record<string, unknown>)[name];
  }
  return out;
}

describe('eiras-site import', () => {
  it('reads all 45 site files into drafts that pass validation', async () => {
    const reg = await registry();
    assert.equal(files.length, 45);
    for (const f of files) {
      const result = eirasSite.importText(f.text, f.name, reg);
      assert.deepEqual(result.problems, [], f.name);
      const [draft] = result.drafts;
      assert.ok(draft, f.name);
      assert.deepEqual(checkRecordYaml(recordToYaml(draft.record), `${draft.record.id}.yaml`, reg), [], f.name);
    }
  });

  it('keeps the values verbatim under published.eiras-2024 and drafts components by the stated rules', async () => {
    const reg = await registry();
    const byStem = new Map(siteModels().map((m) => [m.stem, m]));
    for (const f of files) {
      const { record } = eirasSite.importText(f.text, f.name, reg).drafts[0]!;
      const site = byStem.get(f.name.replace(/\.md$/, ''))!;
      const published = record.published!['eiras-2024']!;
      assert.equal(published.ref, site.stem);
      assert.equal(published.title, site.title);
      for (const c of COMPONENTS) {
        const v = site.values[c.key]!;
        assert.deepEqual(published.values[c.key], { value: v.value, ...(v.license !== undefined ? { license: v.license } : {}) }, `${f.name} ${c.key}`);
        const entry = record.components[c.key]!;
        if (v.value === 1) assert.equal(entry.status, 'closed');
        else if (v.value === 'N/A') assert.equal(entry.status, 'n/a');
        else if (v.value === 'Unknown') assert.equal(entry.status, 'unknown');
        else if (v.value === 2 && c.kind === 'data') assert.equal(entry.status, 'api');
        else assert.ok(entry.status === 'public' || (entry.status === 'unknown' && entry.hint === `${c.kind === 'code' ? 'C' : 'D'}${v.value}`), `${f.name} ${c.key}: ${JSON.stringify(entry)}`);
      }
    }
  });

  it('resolves license names, keeps hints, and reports strings that do not resolve with suggestions', async () => {
    const reg = await registry();
    const draft = (stem: string) => eirasSite.importText(readFileSync(join(SITE_DIR, `${stem}.md`), 'utf8'), `${stem}.md`, reg).drafts[0]!;
    const llama2 = draft('llama-2');
    assert.deepEqual({ status: llama2.record.components['deployment.data.weights']!.status, license: llama2.record.components['deployment.data.weights']!.license }, { status: 'public', license: 'llama2' });
    assert.equal(draft('bloom').record.components['training.data.pretraining']!.hint, 'D3-D4');
    assert.equal(draft('llama').record.components['training.data.pretraining']!.hint, 'D5');
    const commandR = draft('command-r');
    const weights = commandR.record.components['deployment.data.weights']!;
    assert.equal(weights.status, 'unknown');
    assert.equal(weights.hint, 'D4');
    assert.match(weights.notes!, /"C4AI"/);
    const finding = commandR.findings.find((f) => f.field === 'components.deployment.data.weights.license')!;
    assert.deepEqual(finding.suggestions, ['c4ai-aup']);
    assert.match(finding.message, /did you mean c4ai-aup\?/);
    assert.ok(finding.line > 1, 'the finding points at the license line');
    assert.equal(draft('gpt-4').record.components['deployment.data.weights']!.status, 'api');
  });
});

describe('eiras-site round trip', () => {
  it('import all 45 → export → the same values for every model and component, and the same title, link and release', async () => {
    const reg = await registry();
    for (const f of files) {
      const { record } = eirasSite.importText(f.text, f.name, reg).drafts[0]!;
      const exported = eirasSite.exportRecord(record, reg);
      assert.equal(exported.name, f.name);
      const original = frontMatter(f.text);
      const back = frontMatter(exported.text);
      assert.deepEqual(valuesOf(back), valuesOf(original), f.name);
      assert.equal(back.title, original.title);
      assert.equal(back.link, original.link);
      assert.deepEqual(back.release, original.release);
    }
  });

  it('through the CLI: import to a folder, export the drafts, compare the files', async () => {
    const drafts = tempDir('site-drafts');
    const out = tempDir('site-out');
    const imported = await runCli(['import', 'eiras-site', SITE_DIR, '--out', drafts]);
    assert.equal(imported.code, 1, imported.stderr);
    assert.match(imported.stderr, /45 draft\(s\) from 45 file\(s\)/);
    const paths = readdirSync(drafts).map((n) => join(drafts, n));
    assert.equal(paths.length, 45);
    const exported = await runCli(['export', 'eiras-site', ...paths, '--out', out]);
    assert.equal(exported.code, 0, exported.stderr);
    for (const f of files) assert.deepEqual(valuesOf(frontMatter(readFileSync(join(out, f.name), 'utf8'))), valuesOf(frontMatter(f.text)), f.name);
  });
});

describe('eiras-site export of the registry', () => {
  it('every registry record with published.eiras-2024 exports the site file\'s values', async () => {
    const reg = await registry();
    const originals = new Map(files.map((f) => [f.name, frontMatter(f.text)]));
    const cited = reg.models.filter((m) => m.published?.['eiras-2024']);
    assert.equal(cited.length, 45);
    for (const record of cited) {
      const exported = eirasSite.exportRecord(record, reg);
      const original = originals.get(exported.name);
      assert.ok(original, `${record.id} exports to ${exported.name}, a site file name`);
      assert.deepEqual(valuesOf(frontMatter(exported.text)), valuesOf(original), record.id);
    }
  });
});

describe('the registry holds the site verbatim', () => {
  it('validates with no problems and holds every model of the paper\'s site with its values verbatim', async () => {
    assert.deepEqual((await loadRegistry(join(ROOT, 'registry'))).problems, []);
    const r = await registry();
    const byRef = new Map(r.models.filter((m) => m.published?.['eiras-2024']).map((m) => [m.published!['eiras-2024']!.ref, m]));
    const site = siteModels();
    assert.equal(site.length, 45);
    for (const s of site) {
      const model = byRef.get(s.stem);
      assert.ok(model, `no record for site file ${s.stem}`);
      const published = model.published!['eiras-2024']!;
      assert.equal(published.title, s.title, s.stem);
      for (const [key, v] of Object.entries(s.values)) {
        const ours = published.values[key];
        assert.ok(ours, `${s.stem} ${key} missing`);
        assert.equal(ours.value, v.value, `${s.stem} ${key}`);
        assert.equal(ours.license, v.license, `${s.stem} ${key} license`);
      }
    }
  });

  it('the paper-40 distribution matches a count made straight from the site files for every component', async () => {
    const s = stats(await registry(), 'paper-40', 'published');
    const site = siteModels().filter((m) => m.release.year < 2024);
    for (const key of Object.keys(s.components)) {
      const counts: Record<string, number> = {};
      for (const m of site) { const v = String(m.values[key]!.value); counts[v] = (counts[v] ?? 0) + 1; }
      const ours = Object.fromEntries(Object.entries(s.components[key]!).filter(([, n]) => n > 0));
      assert.deepEqual(ours, counts, key);
    }
  });

  it('every disagreement with the site has a recorded reason', async () => {
    assert.deepEqual(audit(await registry()).disagreements.filter((d) => !d.reason), []);
  });
});
