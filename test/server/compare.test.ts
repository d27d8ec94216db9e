// Compare: "differs" by band, "level" within one, the picker's names, and the CSV with licenses, rights and a file name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { tableRows } from '../../src/core/table.js';
import { rightAnswers } from '../../src/core/rights.js';
import { COMPONENTS, scaleLevel } from '../../src/core/taxonomy.js';
import { bundledApp, bundledRegistry } from './helpers.js';

const band = (cell: { level: string; score: number | null }) => (cell.score === null ? cell.level : scaleLevel(cell.score).band);

/** Two models and a component whose levels differ within one band, and one where they differ by band. */
async function pair() {
  const rows = tableRows((await bundledRegistry()).registry);
  for (const a of rows) for (const b of rows) {
    if (a === b) continue;
    const minor = COMPONENTS.find((c) => a.cells[c.key]!.level !== b.cells[c.key]!.level && band(a.cells[c.key]!) === band(b.cells[c.key]!));
    const major = COMPONENTS.find((c) => band(a.cells[c.key]!) !== band(b.cells[c.key]!));
    if (minor && major) return { a, b, minor: minor.key, major: major.key };
  }
  throw new Error('no two models in the registry differ both within and across a band');
}

describe('compare', () => {
  it('marks "differs" only where levels differ by band, and "level" where they differ within one', async () => {
    const { a, b, minor, major } = await pair();
    const app = await bundledApp();
    const html = await (await app.request(`/compare?ids=${a.id},${b.id}`)).text();
    const name = (key: string) => COMPONENTS.find((c) => c.key === key)!.name;
    assert.match(html, new RegExp(`<tr class="diff"><th scope="row">${name(major)}<span class="diffmark">differs</span>`));
    assert.match(html, new RegExp(`<tr class="minor"><th scope="row">${name(minor)}<span class="diffmark" hidden>differs</span><span class="minormark">level</span>`));
    const json = await (await app.request(`/compare.json?ids=${a.id},${b.id}`)).json() as { differing: string[]; differingBands: string[] };
    assert.ok(json.differing.includes(minor) && !json.differingBands.includes(minor));
    assert.ok(json.differingBands.includes(major));
  });

  it('takes a model by name as well as by id, as the picker\'s fields allow', async () => {
    const { registry } = await bundledRegistry();
    const app = await bundledApp();
    const llama = registry.model('llama-2')!;
    const json = await (await app.request(`/compare.json?ids=${encodeURIComponent(llama.name.toUpperCase())}&ids=pythia&ids=`)).json() as { ids: string[]; unknown: string[] };
    assert.deepEqual(json.ids, ['llama-2', 'pythia']);
    assert.deepEqual(json.unknown, []);
    const html = await (await app.request('/compare?ids=llama-2')).text();
    assert.match(html, /<input type="text" name="ids" list="model-ids" value="llama-2"/);
    assert.equal((html.match(/name="ids"/g) ?? []).length, 3, 'the chosen model and two free fields');
    assert.equal((html.match(/<option value="/g) ?? []).length, registry.models.length);
  });

  it('the CSV carries each model\'s level, license and rights per component, and a file name', async () => {
    const app = await bundledApp();
    const res = await app.request('/compare.csv?ids=llama-2,pythia');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="howopen-compare-llama-2-pythia.csv"');
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const weights = rows.find((r) => r.component === 'deployment.data.weights')!;
    const { registry } = await bundledRegistry();
    const llama = tableRows(registry).find((r) => r.id === 'llama-2')!;
    assert.equal(weights['llama-2'], llama.cells['deployment.data.weights']!.level);
    assert.equal(weights['llama-2.license'], llama.cells['deployment.data.weights']!.license);
    const can = rightAnswers(llama.classification.components['deployment.data.weights']!, 'strict');
    for (const [right, answer] of Object.entries(can)) assert.equal(weights[`llama-2.${right}`], answer, right);
    for (const path of ['/index.csv', '/models/pythia.csv', '/licenses.csv', '/stats.csv']) {
      assert.match((await app.request(path)).headers.get('content-disposition') ?? '', /^attachment; filename="howopen-[a-z0-9.-]+\.csv"$/, path);
    }
  });
});
