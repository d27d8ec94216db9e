// The frameworks' verdicts on the web face: API fields and filters, twins, the model, index and compare pages, ?as-of= and the date in the cache.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { parse as parseCsv } from 'csv-parse/sync';
import { advise } from '../../src/core/advice.js';
import { verdictSummary, verdicts } from '../../src/core/frameworks/index.js';
import type { Registry } from '../../src/core/registry.js';
import { COMPONENT_KEYS } from '../../src/core/taxonomy.js';
import { createApp } from '../../src/server/app.js';
import { WEB_DIR } from '../../src/server/assets.js';
import { contrastRatio } from '../../src/server/contrast.js';
import { datedCacheControl, isIsoDate, parseAsOf, utcDate } from '../../src/server/dates.js';
import { ADVICE_LIMIT } from '../../src/server/data.js';
import { bundledApp, bundledRegistry } from './helpers.js';

let app: Hono;
let registry: Registry;
before(async () => {
  app = await bundledApp();
  registry = (await bundledRegistry()).registry;
});

const today = () => utcDate();

async function get<T>(target: Hono, path: string): Promise<{ status: number; body: T; res: Response }> {
  const res = await target.request(path);
  const text = await res.text();
  return { status: res.status, body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T, res };
}

interface Summary { mof: string; osaid: string; osaiIndex: number; euExemption: string }
interface ListBody { asOf: string; count: number; total: number; filters: string[]; models: { id: string; frameworks: Summary }[] }
interface ModelBody {
  asOf: string;
  frameworks: {
    mof: { class: string | null; progress: Record<string, number>; missing: string[]; reasons: string[] };
    osaid: { verdict: string; elements: { element: string; met: boolean }[] };
    osaiIndex: { total: number; parameters: unknown[] };
    euAiAct: { asOf: string; exemption: { applies: string; reasons: string[] }; systemicRisk: string; obligations: { article: string; from: string; applies: string; inForce: string }[]; framework: { disclaimer: string } };
    paper: { areas: Record<string, { benefits: { source: string }[]; risks: { source: string }[] }> };
  };
  advice: { release: { target: string; license: string }; improves: string[]; frameworks: Record<string, { from: unknown; to: unknown }> }[];
}

const expectedSummary = (id: string, asOf = today()) => verdictSummary(verdicts(registry.model(id)!, registry, { reading: 'strict', asOf }));

describe('GET /api/v1/models/:id: frameworks and advice', () => {
  it('llama-2: no MOF class, OSAID fail, not exempt, with reasons and what is missing', async () => {
    const { status, body } = await get<ModelBody>(app, '/api/v1/models/llama-2');
    assert.equal(status, 200);
    assert.equal(body.asOf, today());
    const f = body.frameworks;
    assert.equal(f.mof.class, null);
    assert.ok(f.mof.missing.length > 0 && f.mof.reasons.length > 0);
    assert.ok(f.mof.missing.some((m) => /^Class III: Model parameters \(Final\)/.test(m)), 'the weights are missing for Class III');
    assert.equal(f.osaid.verdict, 'fail');
    assert.ok(f.osaid.elements.some((e) => e.element === 'parameters' && !e.met));
    assert.equal(f.osaiIndex.parameters.length, 12);
    assert.equal(f.euAiAct.exemption.applies, 'no');
    assert.ok(f.euAiAct.exemption.reasons.length > 0);
    assert.match(f.euAiAct.framework.disclaimer, /not legal advice/);
    assert.equal(f.euAiAct.asOf, today());
    assert.equal(Object.keys(f.paper.areas).length, 4);
    for (const area of Object.values(f.paper.areas)) for (const x of [...area.benefits, ...area.risks]) assert.ok(x.source);
    // The same as the engine's, computed at today's date.
    const engine = verdicts(registry.model('llama-2')!, registry, { reading: 'strict', asOf: today() });
    assert.deepEqual(f, JSON.parse(JSON.stringify(engine)));
  });

  it('pythia passes OSAID and is exempt', async () => {
    const { body } = await get<ModelBody>(app, '/api/v1/models/pythia');
    assert.equal(body.frameworks.osaid.verdict, 'pass');
    assert.equal(body.frameworks.euAiAct.exemption.applies, 'yes');
  });

  it('gives the top suggestions, best first, as the engine does', async () => {
    const { body } = await get<ModelBody>(app, '/api/v1/models/llama-2');
    assert.ok(body.advice.length > 0 && body.advice.length <= ADVICE_LIMIT);
    const engine = advise(registry.model('llama-2')!, registry, { reading: 'strict', asOf: today() }, ADVICE_LIMIT);
    assert.deepEqual(body.advice, JSON.parse(JSON.stringify(engine)));
    assert.equal(body.advice[0]!.release.target, 'deployment.data.weights');
    assert.ok(body.advice[0]!.improves.includes('euExemption'));
  });

  it('reads the EU AI Act at ?as-of: llama-2 (placed on the market in 2023) binds from 2 Aug 2027', async () => {
    const before2027 = await get<ModelBody>(app, '/api/v1/models/llama-2?as-of=2026-01-15');
    assert.equal(before2027.body.asOf, '2026-01-15');
    assert.equal(before2027.body.frameworks.euAiAct.asOf, '2026-01-15');
    assert.ok(before2027.body.frameworks.euAiAct.obligations.every((o) => o.inForce === 'no' && o.from === '2027-08-02'));
    const after2027 = await get<ModelBody>(app, '/api/v1/models/llama-2?as-of=2027-08-02');
    const inForce = after2027.body.frameworks.euAiAct.obligations.filter((o) => o.inForce === 'yes').map((o) => o.article);
    assert.deepEqual(inForce.sort(), ['53(1)(a)', '53(1)(b)', '53(1)(c)', '53(1)(d)']);
  });

  it('answers 400 for an as-of that is not a real date, on the API, the page and its twins', async () => {
    for (const bad of ['2025-02-30', '2025-13-01', 'tomorrow', '2025-1-1', '20250101', '2025-01-01T00:00:00Z']) {
      const q = `as-of=${encodeURIComponent(bad)}`;
      for (const path of [`/api/v1/models/llama-2?${q}`, `/api/v1/models?${q}`, `/models/llama-2.json?${q}`, `/models/llama-2.csv?${q}`]) {
        const { status, body } = await get<{ error: string; errors?: string[] }>(app, path);
        assert.equal(status, 400, path);
        assert.match(JSON.stringify(body), /as-of must be a date written YYYY-MM-DD/, path);
      }
      const page = await get<string>(app, `/models/llama-2?${q}`);
      assert.equal(page.status, 400, bad);
      assert.match(page.body, /as-of must be a date written YYYY-MM-DD/);
      assert.match(page.res.headers.get('content-type') ?? '', /text\/html/);
      const posted = await app.request(`/api/v1/classify?${q}`, { method: 'POST', body: 'id: x', headers: { 'content-type': 'application/yaml' } });
      assert.equal(posted.status, 400, bad);
    }
  });
});

describe('GET /api/v1/models: verdict summaries and filters', () => {
  it('every row carries its verdict summary, as the engine computes it', async () => {
    const { body } = await get<ListBody>(app, '/api/v1/models');
    assert.equal(body.asOf, today());
    assert.equal(body.models.length, registry.models.length);
    for (const id of ['llama-2', 'pythia', 'gpt-4']) assert.deepEqual(body.models.find((m) => m.id === id)!.frameworks, expectedSummary(id));
    const llama = body.models.find((m) => m.id === 'llama-2')!.frameworks;
    assert.deepEqual([llama.mof, llama.osaid, llama.euExemption], ['none', 'fail', 'no']);
  });

  it('filters by OSAID verdict, MOF class and exemption, by parameter or where=, and the two agree', async () => {
    const pass = await get<ListBody>(app, '/api/v1/models?osaid=pass');
    assert.ok(pass.body.count > 0 && pass.body.count < pass.body.total);
    assert.ok(pass.body.models.every((m) => m.frameworks.osaid === 'pass'));
    assert.ok(pass.body.models.some((m) => m.id === 'pythia'));
    assert.ok(!pass.body.models.some((m) => m.id === 'llama-2'));
    assert.deepEqual(pass.body.filters, ['osaid=pass']);
    const where = await get<ListBody>(app, `/api/v1/models?where=${encodeURIComponent('osaid=pass')}`);
    assert.deepEqual(where.body.models.map((m) => m.id), pass.body.models.map((m) => m.id));
    const fail = await get<ListBody>(app, `/api/v1/models?where=${encodeURIComponent('osaid!=pass')}`);
    assert.equal(fail.body.count + pass.body.count, pass.body.total);

    const notExempt = await get<ListBody>(app, '/api/v1/models?exempt=no&mof=none');
    assert.ok(notExempt.body.models.some((m) => m.id === 'llama-2'));
    assert.ok(notExempt.body.models.every((m) => m.frameworks.euExemption === 'no' && m.frameworks.mof === 'none'));
    const exempt = await get<ListBody>(app, `/api/v1/models?where=${encodeURIComponent('exempt=yes')}`);
    assert.ok(exempt.body.models.some((m) => m.id === 'pythia') && exempt.body.models.every((m) => m.frameworks.euExemption === 'yes'));
    // Every class the registry has, and one it may not: the filter keeps exactly those rows.
    for (const cls of ['I', 'II', 'III', 'none']) {
      const r = await get<ListBody>(app, `/api/v1/models?mof=${cls}`);
      assert.equal(r.status, 200);
      assert.equal(r.body.count, registry.models.filter((m) => expectedSummary(m.id).mof === cls).length, cls);
    }
    const combined = await get<ListBody>(app, '/api/v1/models?osaid=pass&org=EleutherAI');
    assert.ok(combined.body.models.every((m) => m.frameworks.osaid === 'pass'));
  });

  it('answers 400 for a verdict filter it cannot read', async () => {
    for (const q of ['mof=IV', 'osaid=maybe', 'exempt=perhaps', `where=${encodeURIComponent('osaid>pass')}`, `where=${encodeURIComponent('mof>=II')}`]) {
      const { status, body } = await get<{ errors: string[] }>(app, `/api/v1/models?${q}`);
      assert.equal(status, 400, q);
      assert.ok(body.errors.length >= 1, q);
    }
  });
});

describe('twins carry the verdicts', () => {
  it('index.json and index.csv', async () => {
    const json = await get<ListBody>(app, '/index.json?osaid=pass');
    assert.ok(json.body.models.every((m) => m.frameworks.osaid === 'pass'));
    const csv = parseCsv((await get<string>(app, '/index.csv')).body, { columns: true }) as Record<string, string>[];
    const llama = csv.find((r) => r.id === 'llama-2')!;
    assert.deepEqual([llama.mof, llama.osaid, llama.eu_exemption], ['none', 'fail', 'no']);
    assert.equal(Number(llama.osai_index), expectedSummary('llama-2').osaiIndex);
  });

  it('a model\'s .json and .csv', async () => {
    const json = await get<ModelBody>(app, '/models/pythia.json');
    assert.equal(json.body.frameworks.osaid.verdict, 'pass');
    assert.ok(json.body.advice.length > 0);
    const csv = parseCsv((await get<string>(app, '/models/llama-2.csv?as-of=2025-09-01')).body, { columns: true }) as Record<string, string>[];
    assert.equal(csv.length, COMPONENT_KEYS.length);
    for (const row of csv) assert.deepEqual([row.mof, row.osaid, row.eu_exemption, row.as_of], ['none', 'fail', 'no', '2025-09-01']);
  });

  it('compare.json and compare.csv', async () => {
    const json = await get<{ asOf: string; differingVerdicts: string[]; models: { id: string; frameworks: Summary & { euDutiesInForce: string[]; paper: { benefits: number; risks: number } } }[] }>(app, '/compare.json?ids=llama-2,pythia');
    assert.equal(json.body.asOf, today());
    assert.deepEqual(json.body.models.map((m) => m.frameworks.osaid), ['fail', 'pass']);
    assert.ok(json.body.differingVerdicts.includes('osaid') && json.body.differingVerdicts.includes('euExemption'));
    const csv = parseCsv((await get<string>(app, '/compare.csv?ids=llama-2,pythia')).body, { columns: true }) as Record<string, string>[];
    const osaid = csv.find((r) => r.component === 'framework.osaid')!;
    assert.deepEqual([osaid['llama-2'], osaid.pythia, osaid.differs], ['fail', 'pass', 'true']);
    assert.ok(csv.some((r) => r.component === 'framework.mof'));
  });
});

describe('POST /api/v1/classify returns the frameworks', () => {
  it('with every verdict and the advice, read at ?as-of', async () => {
    const record = registry.model('pythia')!;
    const res = await app.request('/api/v1/classify?as-of=2026-03-01', { method: 'POST', body: JSON.stringify({ ...record, id: 'posted-pythia' }), headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 200);
    const body = await res.json() as ModelBody & { id: string };
    assert.equal(body.id, 'posted-pythia');
    assert.equal(body.asOf, '2026-03-01');
    assert.equal(body.frameworks.osaid.verdict, 'pass');
    assert.equal(body.frameworks.euAiAct.asOf, '2026-03-01');
    const engine = advise({ ...record, id: 'posted-pythia' }, registry, { reading: 'strict', asOf: '2026-03-01' }, ADVICE_LIMIT);
    assert.ok(engine.length > 0, 'the engine has advice for pythia');
    assert.equal(body.advice.length, engine.length);
    assert.equal(body.advice[0]!.release.target, engine[0]!.release.target);
    assert.equal(body.advice[0]!.release.license, engine[0]!.release.license);
    assert.deepEqual(Object.keys(body.frameworks).sort(), ['euAiAct', 'g7', 'mof', 'osaiIndex', 'osaid', 'owd', 'paper']);
  });
});

describe('pages show the verdicts', () => {
  it('the model page has a verdicts panel with reasons, the date and the disclaimer, and an advice section', async () => {
    const { body: html } = await get<string>(app, '/models/llama-2');
    assert.match(html, /<section class="verdicts" id="verdicts"/);
    assert.match(html, /id="v-mof-title">Model Openness Framework: <span class="vd no">no class<\/span>/);
    assert.match(html, /id="v-osaid-title">OSI Open Source AI Definition: <span class="vd no">fail<\/span>/);
    assert.match(html, /open-source exemption <span class="vd no">no<\/span>/);
    assert.match(html, /not legal advice/);
    assert.match(html, new RegExp(`Dated rules read as of <time datetime="${today()}">${today()}</time> \\(today, UTC\\)`));
    assert.match(html, /Class III: Model parameters \(Final\)/);
    assert.match(html, /<section class="advice" id="advice"/);
    assert.match(html, /Model architecture and weights <code>deployment\.data\.weights<\/code>/);
    assert.match(html, /Source: /);
    const dated = await get<string>(app, '/models/llama-2?as-of=2027-09-01');
    assert.match(dated.body, /Dated rules read as of <time datetime="2027-09-01">2027-09-01<\/time>, the date asked for/);
    assert.match(dated.body, /href="\/models\/llama-2\.json\?as-of=2027-09-01"/, 'the twins keep the date');
  });

  it('the index renders the verdict filters from the URL, hides what does not match, and shows each row\'s verdicts', async () => {
    const { body: html } = await get<string>(app, '/?osaid=pass&exempt=yes');
    assert.match(html, /<select name="osaid"><option value="">any<\/option><option value="pass" selected>pass<\/option>/);
    assert.match(html, /<select name="exempt">.*<option value="yes" selected>yes<\/option>/);
    const rows = [...html.matchAll(/<tr data-id="([^"]+)"[^>]*?( hidden)?>.*?<td class="v">(.*?)<\/td><\/tr>/g)].map((m) => ({ id: m[1]!, hidden: Boolean(m[2]), marks: [...m[3]!.matchAll(/<b class="\w+">([^<]*)<\/b>/g)].map((b) => b[1]) }));
    assert.equal(rows.length, registry.models.length);
    for (const row of rows) {
      const s = expectedSummary(row.id);
      assert.deepEqual(row.marks, [s.mof, s.osaid, s.euExemption], row.id);
      assert.equal(row.hidden, !(s.osaid === 'pass' && s.euExemption === 'yes'), row.id);
    }
    const bad = await get<string>(app, '/?mof=IV');
    assert.equal(bad.status, 400);
    assert.match(bad.body, /mof must be one of I, II, III, none/);
  });

  it('compare shows the verdicts side by side, differing rows marked', async () => {
    const { body: html } = await get<string>(app, '/compare?ids=llama-2,pythia');
    assert.match(html, /<table id="compare-verdicts"/);
    assert.match(html, /<tr class="diff" data-verdict="osaid"><th scope="row">OSI Open Source AI Definition 1\.0<span class="diffmark">differs<\/span><\/th><td data-v="fail"><span class="vd no">fail<\/span>.*?<td data-v="pass"><span class="vd ok">pass<\/span>/);
    assert.match(html, /of 7 verdicts differ/);
  });

  it('verdict chips carry text with at least 4.5:1 contrast', () => {
    const css = readFileSync(join(WEB_DIR, 'style.css'), 'utf8');
    for (const tone of ['ok', 'no', 'unk']) {
      const m = new RegExp(`^\\.vd\\.${tone}\\b[^{]*\\{ background: (#[0-9a-f]{6}); color: (#[0-9a-f]{6}); \\}`, 'm').exec(css);
      assert.ok(m, `.vd.${tone} in web/style.css`);
      assert.ok(contrastRatio(m[1]!, m[2]!) >= 4.5, tone);
    }
  });

  it('the method page explains how each framework is read', async () => {
    const { body: html } = await get<string>(app, '/method');
    assert.match(html, /<section id="frameworks"/);
  });
});

describe('the OpenAPI document', () => {
  it('documents as-of, the verdict filters, frameworks and advice', async () => {
    const { body } = await get<{ paths: Record<string, { get?: { parameters: { name: string }[] }; post?: { parameters: { name: string }[] } }>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } }>(app, '/api/v1/openapi.json');
    const names = (p: { parameters: { name: string }[] } | undefined) => p?.parameters.map((x) => x.name) ?? [];
    for (const n of ['as-of', 'mof', 'osaid', 'exempt']) assert.ok(names(body.paths['/models']!.get).includes(n), n);
    assert.ok(names(body.paths['/models/{id}']!.get).includes('as-of'));
    assert.ok(names(body.paths['/classify']!.post).includes('as-of'));
    assert.deepEqual(Object.keys(body.components.schemas.Frameworks!.properties!).sort(), ['euAiAct', 'g7', 'mof', 'osaiIndex', 'osaid', 'owd', 'paper']);
    for (const k of ['frameworks', 'advice', 'asOf']) assert.ok(body.components.schemas.Model!.properties![k], k);
  });
});

describe('the date: a clock, ?as-of, and caches that do not outlive the day', () => {
  it('reads the verdicts at today\'s date by the app\'s clock, and a cached answer is not kept past midnight', async () => {
    let now = new Date('2027-08-01T23:59:30Z');
    const clocked = createApp({ registry, clock: () => now });
    const first = await get<ModelBody>(clocked, '/api/v1/models/llama-2');
    assert.equal(first.body.asOf, '2027-08-01');
    assert.ok(first.body.frameworks.euAiAct.obligations.every((o) => o.inForce === 'no'));
    // Browsers and proxies may keep it 30 seconds at most: until midnight.
    assert.equal(first.res.headers.get('cache-control'), 'public, max-age=30');
    const again = await clocked.request('/api/v1/models/llama-2', { headers: { 'if-none-match': first.res.headers.get('etag')! } });
    assert.equal(again.status, 304);
    now = new Date('2027-08-02T00:00:01Z');
    const next = await get<ModelBody>(clocked, '/api/v1/models/llama-2');
    assert.equal(next.body.asOf, '2027-08-02');
    assert.ok(next.body.frameworks.euAiAct.obligations.some((o) => o.inForce === 'yes'), 'in force from 2 Aug 2027');
    assert.notEqual(next.res.headers.get('etag'), first.res.headers.get('etag'));
    const stale = await clocked.request('/api/v1/models/llama-2', { headers: { 'if-none-match': first.res.headers.get('etag')! } });
    assert.equal(stale.status, 200, 'yesterday\'s ETag no longer matches');
    const page = await get<string>(clocked, '/models/llama-2');
    assert.match(page.body, /Dated rules read as of <time datetime="2027-08-02">/);
    assert.match(page.res.headers.get('cache-control') ?? '', /^public, max-age=300, stale-while-revalidate=3600$/);
  });

  it('dates: real calendar dates only; as-of defaults to today; Cache-Control stops at midnight', () => {
    for (const good of ['2024-02-29', '2025-08-02', '1999-12-31']) assert.ok(isIsoDate(good), good);
    for (const bad of ['2025-02-29', '2025-04-31', '2025-00-10', '2025-1-01', ' 2025-01-01', '2025-01-01x', '']) assert.ok(!isIsoDate(bad), bad);
    assert.deepEqual(parseAsOf(undefined, '2026-01-01'), { asOf: '2026-01-01' });
    assert.deepEqual(parseAsOf('', '2026-01-01'), { asOf: '2026-01-01' });
    assert.deepEqual(parseAsOf('2027-08-02', '2026-01-01'), { asOf: '2027-08-02' });
    assert.ok('error' in parseAsOf('2027-02-30', '2026-01-01'));
    assert.equal(utcDate(new Date('2026-05-01T23:30:00-05:00')), '2026-05-02');
    assert.equal(datedCacheControl(new Date('2026-05-01T12:00:00Z')), 'public, max-age=300, stale-while-revalidate=3600');
    assert.equal(datedCacheControl(new Date('2026-05-01T23:30:00Z')), 'public, max-age=300, stale-while-revalidate=1500');
    assert.equal(datedCacheControl(new Date('2026-05-01T23:59:59.500Z')), 'public, max-age=0');
  });
});
