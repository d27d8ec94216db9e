// The paper's site format: the site files our registry reproduces and the shipped examples import into valid drafts and export back to the same values.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { classify } from '../../src/core/classify.js';
import { publishedLabel } from '../../src/core/audit.js';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import { eirasSite } from '../../src/interop/eiras-site.js';
import { checkRecordYaml, recordToYaml } from '../../src/interop/record-yaml.js';
import { registry, runCli } from '../helpers.js';
import { EXAMPLES, frontMatter, inputFiles, tempDir } from './helpers.js';

const SITE_EXAMPLES = join(EXAMPLES, 'eiras-site');

function valuesOf(front: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of COMPONENTS) {
    const [stage, kind, name] = c.key.split('.') as [string, string, string];
    out[c.key] = ((front[stage] as Record<string, Record<string, unknown>>)[kind] as Record<string, unknown>)[name];
  }
  return out;
}

/** Site files written from the registry's published values: the site's format with every value the site used. */
async function publishedSiteFiles(): Promise<{ name: string; text: string; id: string }[]> {
  const reg = await registry();
  return reg.models.filter((m) => m.published?.['eiras-2024']).map((m) => ({ ...eirasSite.exportRecord(m, reg), id: m.id }));
}

describe('eiras-site import', () => {
  it('reads every site file the registry reproduces into drafts that pass validation, values verbatim, components by the stated rules', async () => {
    const reg = await registry();
    const files = await publishedSiteFiles();
    assert.ok(files.length >= 40, `${files.length} site files`);
    for (const f of files) {
      const result = eirasSite.importText(f.text, f.name, reg);
      assert.deepEqual(result.problems, [], f.name);
      const draft = result.drafts[0]!;
      assert.deepEqual(checkRecordYaml(recordToYaml(draft.record), `${draft.record.id}.yaml`, reg), [], f.name);
      const site = valuesOf(frontMatter(f.text)) as Record<string, { value: number | string; license?: string }>;
      const published = draft.record.published!['eiras-2024']!;
      assert.equal(published.ref, f.name.replace(/\.md$/, ''));
      for (const c of COMPONENTS) {
        const v = site[c.key]!;
        assert.deepEqual(published.values[c.key], { value: v.value, ...(v.license !== undefined ? { license: v.license } : {}) }, `${f.name} ${c.key}`);
        const entry = draft.record.components[c.key]!;
        if (v.value === 1) assert.equal(entry.status, 'closed');
        else if (v.value === 'N/A') assert.equal(entry.status, 'n/a');
        else if (v.value === 'Unknown') assert.equal(entry.status, 'unknown');
        else if (v.value === 2 && c.kind === 'data') assert.equal(entry.status, 'api');
        else assert.ok(entry.status === 'public' || (entry.status === 'unknown' && entry.hint === publishedLabel(c.kind, v.value as number)), `${f.name} ${c.key}: ${JSON.stringify(entry)}`);
      }
    }
  });

  it('resolves license names, keeps hints, and reports strings that do not resolve with suggestions', async () => {
    const reg = await registry();
    const draft = (stem: string) => eirasSite.importText(readFileSync(join(SITE_EXAMPLES, `${stem}.md`), 'utf8'), `${stem}.md`, reg).drafts[0]!;
    const llama2 = draft('llama-2');
    assert.deepEqual({ status: llama2.record.components['deployment.data.weights']!.status, license: llama2.record.components['deployment.data.weights']!.license }, { status: 'public', license: 'llama2' });
    assert.equal(draft('gpt-4').record.components['deployment.data.weights']!.status, 'api');
    const commandR = draft('command-r');
    const weights = commandR.record.components['deployment.data.weights']!;
    assert.equal(weights.status, 'unknown');
    assert.equal(weights.hint, 'D4');
    assert.match(weights.notes!, /"C4AI"/);
    const finding = commandR.findings.find((f) => f.field === 'components.deployment.data.weights.license')!;
    assert.deepEqual(finding.suggestions, ['c4ai-aup']);
    assert.match(finding.message, /did you mean c4ai-aup\?/);
    assert.ok(finding.line > 1, 'the finding points at the license line');
  });

  it('keeps the hint an Unknown value\'s license text gives ("D3 or D4", "likely D5")', async () => {
    const reg = await registry();
    const hint = (stem: string) => eirasSite.importText(readFileSync(join(SITE_EXAMPLES, `${stem}.md`), 'utf8'), `${stem}.md`, reg).drafts[0]!.record.components['training.data.pretraining']!;
    assert.deepEqual([hint('bloom').status, hint('bloom').hint], ['unknown', 'D3-D4']);
    assert.deepEqual([hint('llama').status, hint('llama').hint], ['unknown', 'D5']);
  });
});

describe('eiras-site round trip', () => {
  it('import → export → the same values for every model and component, and the same title, link and release', async () => {
    const reg = await registry();
    for (const f of [...await publishedSiteFiles(), ...inputFiles(SITE_EXAMPLES, /\.md$/)]) {
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

  it('through the CLI: import the examples folder, export the drafts, compare the files', async () => {
    const drafts = tempDir('site-drafts');
    const out = tempDir('site-out');
    const examples = inputFiles(SITE_EXAMPLES, /\.md$/);
    const imported = await runCli(['import', 'eiras-site', SITE_EXAMPLES, '--out', drafts]);
    assert.equal(imported.code, 1, imported.stderr);
    assert.match(imported.stderr, new RegExp(`${examples.length} draft\\(s\\) from ${examples.length} file\\(s\\)`));
    const paths = readdirSync(drafts).map((n) => join(drafts, n));
    assert.equal(paths.length, examples.length);
    const exported = await runCli(['export', 'eiras-site', ...paths, '--out', out]);
    assert.equal(exported.code, 0, exported.stderr);
    for (const f of examples) assert.deepEqual(valuesOf(frontMatter(readFileSync(join(out, f.name), 'utf8'))), valuesOf(frontMatter(f.text)), f.name);
  });

  it('the shipped examples are what the registry exports today', async () => {
    const reg = await registry();
    for (const f of inputFiles(SITE_EXAMPLES, /\.md$/)) {
      const record = reg.model(f.name.replace(/\.md$/, ''))!;
      assert.deepEqual(valuesOf(frontMatter(eirasSite.exportRecord(record, reg).text)), valuesOf(frontMatter(f.text)), `${f.name}: rewrite it with howopen export eiras-site`);
    }
  });
});

describe('eiras-site export of the registry', () => {
  it('--source computed writes our levels, with the hint of an unknown component as its license text', async () => {
    const reg = await registry();
    const record = reg.model('llama-2')!;
    const values = valuesOf(frontMatter(eirasSite.exportRecord(record, reg, { source: 'computed' }).text)) as Record<string, { value: unknown; license?: string }>;
    const computed = classify(record, reg.index);
    for (const c of COMPONENTS) {
      const r = computed.components[c.key]!;
      assert.equal(values[c.key]!.value, r.score ?? r.level, c.key);
    }
    assert.equal(values['deployment.data.weights']!.license, 'llama2');
  });

  it('exports records without published values (every registry model) through the CLI', async () => {
    const out = tempDir('site-all');
    const r = await runCli(['export', 'eiras-site', '--all', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const reg = await registry();
    assert.equal(readdirSync(out).length, reg.models.length);
    const again = await runCli(['export', 'eiras-site', '--all', '--out', out]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists; not overwritten \(use --force/);
    assert.equal((await runCli(['export', 'eiras-site', '--all', '--out', out, '--force'])).code, 0);
  });
});
