// Pages rendered on the server: the table with its colors and labels, filters and sort from the URL, model, compare, licenses, stats, method, badges, twins.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { parse as parseCsv } from 'csv-parse/sync';
import { classify } from '../../src/core/classify.js';
import type { Registry } from '../../src/core/registry.js';
import { COMPONENTS, COMPONENT_KEYS } from '../../src/core/taxonomy.js';
import { KNOWN, attributes, bundledApp, bundledRegistry } from './helpers.js';

let app: Hono;
let registry: Registry;
before(async () => {
  app = await bundledApp();
  registry = (await bundledRegistry()).registry;
});

/** assert.match without printing a whole page on failure. */
function has(text: string, re: RegExp, message = re.source): void {
  assert.ok(re.test(text), message);
}
function hasNot(text: string, re: RegExp, message = re.source): void {
  assert.ok(!re.test(text), message);
}

/** A tag's attributes as a map, whatever their order (entities in values decoded). */
function parseAttributes(tag: string): Record<string, string> {
  const decode = (v: string) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return Object.fromEntries([...tag.replace(/^<[a-zA-Z0-9]+|\/?>$/g, '').matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, decode(m[2] ?? '')]));
}

/** The table's sortable header cells: each one's attributes, and the href of the sort link inside it. */
function headCells(html: string): { attrs: Record<string, string>; href: string | undefined }[] {
  return [...html.matchAll(/(<th [^>]*data-key="[^"]*"[^>]*>)(?:<a ([^>]*)>)?/g)].map((m) => ({ attrs: parseAttributes(m[1]!), href: m[2] ? parseAttributes(`<a ${m[2]}>`).href : undefined }));
}

async function page(path: string, status = 200): Promise<string> {
  const res = await app.request(path);
  assert.equal(res.status, status, path);
  return res.text();
}

interface RenderedRow { id: string; hidden: boolean; cells: { cls: string; label: string; note: string | null }[] }

function rows(html: string): RenderedRow[] {
  return [...html.matchAll(/<tr data-id="([^"]+)"[^>]*?( hidden)?>(.*?)<\/tr>/g)].map((m) => ({
    id: m[1]!,
    hidden: Boolean(m[2]),
    cells: [...m[3]!.matchAll(/<td class="((?:s\d|na|un|nd)\b[^"]*)"><a class="cl" href="[^"]*" aria-label="[^"]*">([^<]*)(?:<b>[^<]*<\/b>)?(?:<i(?: title="[^"]*")?>([^<]*)<\/i>)?(?:<small class="cu [ynu-]">[^<]*<\/small>)?(?:<span class="rg"[^>]*>[^<]*<\/span>)?<\/a><\/td>/g)].map((c) => ({ cls: c[1]!, label: c[2]!, note: c[3] ?? null })),
  }));
}

describe('the index page', () => {
  it('has a row per model with twelve cells, labels and colors that agree with the engine', async () => {
    const html = await page('/');
    const rendered = rows(html);
    assert.equal(rendered.length, registry.models.length);
    for (const row of rendered) {
      assert.equal(row.cells.length, 12, row.id);
      const result = classify(registry.model(row.id)!, registry.index);
      COMPONENTS.forEach((c, i) => {
        const cell = row.cells[i]!;
        const expected = result.components[c.key]!;
        assert.equal(cell.label, expected.level, `${row.id} ${c.key}`);
        // The class carries the color: s1–s5 for levels, na for N/A, un for Unknown, never mixed up.
        const cls = cell.cls.split(' ')[0];
        assert.equal(cls, expected.score !== null ? `s${expected.score}` : expected.level === 'N/A' ? 'na' : 'un', `${row.id} ${c.key}`);
      });
    }
    const llama = rendered.find((r) => r.id === 'llama-2')!;
    const weights = llama.cells[COMPONENT_KEYS.indexOf('deployment.data.weights')]!;
    assert.deepEqual([weights.cls, weights.label, weights.note], ['s3', 'D3', 'llama2']);
    const pythia = rendered.find((r) => r.id === 'pythia')!;
    assert.equal(pythia.cells[COMPONENT_KEYS.indexOf('training.code.finetuning')]!.cls, 'na');
    assert.equal(pythia.cells[COMPONENT_KEYS.indexOf('deployment.data.weights')]!.cls, 's5');
  });

  it('has grouped, scoped headers: stage → code/data → component, and row headers', async () => {
    const html = await page('/');
    for (const stage of ['Training', 'Evaluation', 'Deployment']) has(html, new RegExp(`<th scope="colgroup" colspan="\\d+">${stage}</th>`));
    assert.equal((html.match(/<th scope="colgroup" colspan="\d+">(Code|Data)<\/th>/g) ?? []).length, 6);
    for (const c of COMPONENTS) has(html, new RegExp(`<th scope="col" data-key="${c.key.replace(/\./g, '\\.')}"`));
    assert.equal((html.match(/<th scope="row">/g) ?? []).length, registry.models.length);
    has(html, /<caption>/);
  });

  it('marks disagreements with the other source\'s level, and has a legend with N/A and Unknown', async () => {
    const html = await page('/');
    has(html, /<td class="s1 x"><a class="cl" href="\/models\/[^"#]+#evaluation\.code\.safety" aria-label="[^"]*">C1<b> ≠N\/A<\/b>/);
    has(html, /class="legend"/);
    has(html, /<span class="lv na">N\/A<\/span>/);
    has(html, /<span class="lv un">Unknown<\/span>/);
  });

  it('renders the filtered and sorted state from the URL, without a script', async () => {
    const html = await page('/?org=Meta&sort=-released');
    const rendered = rows(html);
    assert.equal(rendered.length, registry.models.length, 'every row stays in the page; the filtered-out ones are hidden');
    const shown = rendered.filter((r) => !r.hidden);
    assert.ok(shown.length > 0);
    for (const r of shown) assert.equal(registry.model(r.id)!.organization, 'Meta');
    const dates = rendered.map((r) => registry.model(r.id)!.released);
    assert.deepEqual(dates, [...dates].sort().reverse());
    has(html, /<th scope="col" rowspan="3" data-key="released" data-desc aria-sort="descending">/);
    has(html, /<option selected>Meta<\/option>/);
    has(html, new RegExp(`<strong>${shown.length}</strong> of ${registry.models.length} models`));
  });

  it('filters by a component level from the form\'s fields', async () => {
    const rendered = rows(await page('/?component=deployment.data.weights&op=%3E%3D&level=4'));
    const shown = rendered.filter((r) => !r.hidden);
    const i = COMPONENT_KEYS.indexOf('deployment.data.weights');
    assert.ok(shown.length > 0);
    for (const r of shown) assert.match(r.cells[i]!.label, /^D[45]$/);
    assert.ok(shown.some((r) => r.id === 'pythia'));
    assert.ok(!shown.some((r) => r.id === 'gpt-4'));
  });

  it('shows the published levels on the switch, and says what cannot be read', async () => {
    const html = await page('/?source=published');
    const llama = rows(html).find((r) => r.id === 'llama-2')!;
    assert.equal(llama.cells[COMPONENT_KEYS.indexOf('evaluation.code.safety')]!.label, 'N/A');
    has(html, /aria-current="true">published by the paper&#39;s site/);
    const bad = await page('/?where=weights%3E%3DD4', 400);
    has(bad, /role="alert"/);
    has(bad, /unknown field &quot;weights&quot;/);
  });

  it('has sort links on every column that work without a script', async () => {
    const html = await page('/?sort=deployment.data.weights');
    const heads = headCells(html);
    const weights = heads.find((h) => h.attrs['data-key'] === 'deployment.data.weights')!;
    const { 'data-key': key, 'data-desc': desc, 'aria-sort': sorted, title } = weights.attrs;
    assert.deepEqual({ key, desc, sorted, title }, { key: 'deployment.data.weights', desc: '', sorted: 'ascending', title: 'Model architecture and weights' });
    assert.equal(weights.href, '/?sort=-deployment.data.weights');
    const name = heads.find((h) => h.attrs['data-key'] === 'name')!;
    assert.equal(name.attrs['aria-sort'], undefined);
    assert.equal(name.href, '/?sort=name');
  });
});

describe('model, compare, license, stats and method pages', () => {
  it('model page: every component with level, license, evidence, notes, explanation, published value and reason; summary; badge', async () => {
    const html = await page('/models/llama-2');
    const record = registry.model('llama-2')!;
    for (const c of COMPONENTS) has(html, new RegExp(`<section class="component" id="${c.key.replace(/\./g, '\\.')}"`));
    const result = classify(record, registry.index);
    assert.ok(html.includes(result.components['deployment.data.weights']!.explanation.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')));
    has(html, /<a href="\/licenses\/llama2">llama2<\/a>/);
    has(html, /href="https:\/\/github\.com\/meta-llama\/llama\/blob\/main\/LICENSE" rel="nofollow noopener noreferrer"/);
    has(html, /howopen computes C1 instead<\/strong>: The Llama 2 paper/);
    has(html, /<h2 id="summary-title">Summary<\/h2>/);
    const { range, coverage } = result.summary;
    assert.ok(html.includes(`Openness <strong>${range!.lower === range!.upper ? range!.lower : `${range!.lower}–${range!.upper}`}% (${coverage.known} of ${coverage.applicable} known)</strong>`), 'the aggregate with its range and coverage');
    has(html, /<img src="\/badges\/llama-2\.svg"/);
    has(html, /\[!\[howopen\]\(http:\/\/localhost\/badges\/llama-2\.svg\)\]\(http:\/\/localhost\/models\/llama-2\)/);
    await page('/models/llama-3-typo', 404);
  });

  it('compare: the chosen models side by side with the differing rows marked', async () => {
    const html = await page('/compare?ids=llama-2,pythia');
    has(html, />Llama 2<\/a>/);
    has(html, />Pythia<\/a>/);
    const diffRows = [...html.matchAll(/<tr class="diff"><th scope="row">([^<]+)<span class="diffmark">differs<\/span>/g)].map((m) => m[1]);
    assert.ok(diffRows.includes('Model architecture and weights'));
    const same = await page('/compare?ids=pythia&ids=pythia,llama-2&ids=nope');
    has(same, /Not in the registry: nope/);
    const data = JSON.parse(await page('/compare.json?ids=llama-2,pythia')) as { ids: string[]; differing: string[] };
    assert.deepEqual(data.ids, ['llama-2', 'pythia']);
    assert.ok(data.differing.includes('deployment.data.weights'));
  });

  it('licenses: the list, and a license with its five rights, clauses, obligations and models', async () => {
    const list = await page('/licenses');
    for (const l of registry.licenses.slice(0, 10)) assert.ok(list.includes(`href="/licenses/${l.id}"`), l.id);
    const html = await page('/licenses/llama2');
    for (const right of ['Research', 'Commercial', 'Modify', 'Copyright derivative', 'Other-license derivative']) has(html, new RegExp(`<th scope="row">${right}<small>`));
    has(html, /~ conditional/);
    has(html, /<h2 id="obligations-title">Obligations<\/h2>/);
    has(html, /<a href="\/models\/llama-2">Llama 2<\/a>/);
    await page('/licenses/not-a-license', 404);
  });

  it('stats: server-rendered SVG charts, each with its numbers in a table that matches the engine', async () => {
    const html = await page('/stats');
    // Four level charts and three capability charts (test/server/capability.test.ts, test/browser/capability.test.ts).
    assert.equal((html.match(/<svg /g) ?? []).length, 7);
    hasNot(html, / style="/);
    const stats = JSON.parse(await page('/api/v1/stats?set=all&source=computed')) as { components: Record<string, Record<string, number>> };
    const table = /<table class="plain numbers" data-chart="dist-2">(.*?)<\/table>/s.exec(html)![1]!;
    const weights = new RegExp('<th scope="row">deployment data: Weights</th>((?:<td>\\d+</td>){7})').exec(table)!;
    const numbers = [...weights[1]!.matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    assert.deepEqual(numbers, ['1', '2', '3', '4', '5', 'N/A', 'Unknown'].map((k) => stats.components['deployment.data.weights']![k]));
    has(html, /data-chart="timeline"/);
  });

  it('method: the pipeline diagram and the scale in our own SVG and HTML', async () => {
    const html = await page('/method');
    has(html, /<svg class="pipeline"/);
    for (const c of COMPONENTS) assert.ok(html.includes(c.name), c.name);
    has(html, /strict/);
    has(html, /lenient/);
  });
});

describe('every record renders', () => {
  it('every model page, twin and badge, and every license page answers 200', async () => {
    for (const m of registry.models) {
      for (const path of [`/models/${m.id}`, `/models/${m.id}.json`, `/models/${m.id}.csv`, `/badges/${m.id}.svg`]) assert.equal((await app.request(path)).status, 200, path);
    }
    for (const l of registry.licenses) assert.equal((await app.request(`/licenses/${encodeURIComponent(l.id)}`)).status, 200, l.id);
  });
});

describe('badges and data twins', () => {
  it('badge SVG shows the levels of weights, training data and training code; the shields endpoint matches', async () => {
    for (const id of KNOWN) {
      const result = classify(registry.model(id)!, registry.index);
      const res = await app.request(`/badges/${id}.svg`);
      assert.match(res.headers.get('content-type') ?? '', /image\/svg\+xml/);
      const svg = await res.text();
      for (const [key, label] of [['deployment.data.weights', 'weights'], ['training.data.pretraining', 'training data'], ['training.code.pretraining', 'training code']] as const) {
        assert.ok(svg.includes(`>${label} ${result.components[key]!.level}</text>`), `${id} ${label}`);
      }
      const shields = JSON.parse(await page(`/badges/${id}.json`)) as { schemaVersion: number; label: string; message: string; color: string };
      assert.equal(shields.schemaVersion, 1);
      assert.match(shields.message, new RegExp(`weights ${result.components['deployment.data.weights']!.level}`));
      assert.match(shields.color, /^[0-9a-f]{6}$/);
    }
    assert.equal((await app.request('/badges/nope.svg')).status, 404);
  });

  it('every data page has JSON and CSV twins', async () => {
    const twins: [string, string[]][] = [
      ['/index', ['id', 'name', 'organization', 'released', ...COMPONENT_KEYS, 'openness', 'openness_upper', 'known', 'applicable']],
      ['/models/pythia', ['component', 'name', 'status', 'level']],
      ['/licenses', ['id', 'name', 'version', 'kind']],
      ['/licenses/MIT', ['part', 'key', 'name', 'value', 'clause']],
      ['/stats', ['set', 'source', 'reading', 'models', 'component']],
      ['/method', ['points', 'restrictiveness', 'code', 'data']],
      ['/compare', ['component', 'differs']],
    ];
    for (const [path, columns] of twins) {
      const query = path === '/compare' ? '?ids=llama-2,pythia' : '';
      const json = await app.request(`${path}.json${query}`);
      assert.equal(json.status, 200, `${path}.json`);
      assert.match(json.headers.get('content-type') ?? '', /application\/json/);
      JSON.parse(await json.text());
      const csv = await app.request(`${path}.csv${query}`);
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      const records = parseCsv(await csv.text(), { columns: true }) as Record<string, string>[];
      assert.ok(records.length > 0, `${path}.csv`);
      for (const c of columns) assert.ok(c in records[0]!, `${path}.csv column ${c}`);
    }
    const filtered = parseCsv(await page('/index.csv?org=Meta'), { columns: true }) as Record<string, string>[];
    assert.ok(filtered.length > 0 && filtered.every((r) => r.organization === 'Meta'));
    const pages = ['/', '/models/pythia', '/licenses', '/licenses/MIT', '/stats', '/method'];
    for (const p of pages) has(await page(p), /<link rel="alternate" type="application\/json"/, p);
  });

  it('no page carries inline script, inline style or event-handler attributes', async () => {
    for (const path of ['/', '/?source=published', '/models/llama-2', '/compare?ids=llama-2,pythia', '/licenses', '/licenses/llama2', '/stats', '/method', '/nope']) {
      const html = await (await app.request(path)).text();
      for (const m of html.matchAll(/<script\b[^>]*>/g)) assert.match(m[0], /\ssrc="/, `${path}: ${m[0]}`);
      for (const tag of attributes(html)) {
        const names = tag.replace(/"[^"]*"/g, '""');
        assert.doesNotMatch(names, /\sstyle=/, `${path}: ${tag}`);
        assert.doesNotMatch(names, /\son[a-z]+=/i, `${path}: ${tag}`);
      }
    }
  });
});
