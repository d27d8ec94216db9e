// The web face's capability answers: GET /api/v1/gap in JSON and CSV, its 400s and OpenAPI entry; the paper's stage and recommendations on pages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { loadCapability } from '../../src/capability/load.js';
import { capabilityAnalysis } from '../../src/core/capability-analysis.js';
import { registry } from '../helpers.js';
import { bundledApp } from './helpers.js';

describe('GET /api/v1/gap', () => {
  it('answers the same figures as the core, with the source and every row\'s match', async () => {
    const app = await bundledApp();
    const res = await app.request('/api/v1/gap?open-level=D4&benchmark=eci');
    assert.equal(res.status, 200);
    const body = await res.json() as { openLevel: string; source: { license: string; commit: string }; summary: unknown; steps: unknown[]; models: { match: string }[] };
    const cap = await loadCapability();
    const expected = capabilityAnalysis(cap.snapshot, cap.mapping, await registry(), { benchmark: 'eci', openLevel: 4 });
    assert.equal(body.openLevel, 'D4');
    assert.equal(body.source.license, 'CC-BY-4.0');
    assert.match(body.source.commit, /^07356c2/);
    assert.deepEqual(body.summary, JSON.parse(JSON.stringify(expected.gap.summary)));
    assert.equal(body.steps.length, expected.gap.steps.length);
    assert.equal(body.models.length, cap.snapshot.rows.eci.length);
  });

  it('gives one CSV row per month, and 400 with the reason for a bad parameter', async () => {
    const app = await bundledApp();
    const csv = await app.request('/api/v1/gap?format=csv&benchmark=mmlu');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const rows = parseCsv(await csv.text(), { columns: true }) as Record<string, string>[];
    assert.equal(rows[0]!.month, '2019-01');
    assert.ok(rows.some((r) => r.best_closed_version === 'gpt-4-0314'));
    for (const q of ['open-level=D9', 'benchmark=helm', 'from=2019', 'format=xml']) {
      const bad = await app.request(`/api/v1/gap?${q}`);
      assert.equal(bad.status, 400, q);
      assert.match(((await bad.json()) as { errors: string[] }).errors.join(' '), new RegExp(q.split('=')[0]!));
    }
  });

  it('is described in the OpenAPI document and listed at /api/v1', async () => {
    const app = await bundledApp();
    const doc = await (await app.request('/api/v1/openapi.json')).json() as { paths: Record<string, { get?: { parameters: { name: string }[] } }> };
    assert.deepEqual(doc.paths['/gap']!.get!.parameters.map((p) => p.name), ['benchmark', 'open-level', 'from', 'reading', 'format']);
    assert.ok(((await (await app.request('/api/v1')).json()) as { endpoints: string[] }).endpoints.includes('GET /api/v1/gap'));
  });
});

describe('the paper\'s stage and recommendations on pages', () => {
  it('a model page says which stage applies and lists the recommendations followed and not, each with its section', async () => {
    const app = await bundledApp();
    const page = await (await app.request('/models/llama-2')).text();
    assert.match(page, /This analysis is the paper's <strong>near to mid term<\/strong> one/);
    assert.match(page, /data-recommendation="open-inference-code" data-follows="follows"/);
    assert.match(page, /data-recommendation="open-weights" data-follows="does not follow"/);
    assert.match(page, /Source: Recommendations/);
    assert.match(page, /class="satisfies">follows the paper's recommendation/);
  });

  it('/method gives the stages and the recommendations to regulators, and its twin has them', async () => {
    const app = await bundledApp();
    const page = await (await app.request('/method')).text();
    assert.match(page, /recommendations to regulators/);
    assert.equal((page.match(/<dt>/g) ?? []).length >= 3, true);
    assert.match(page, /data-recommendation="keep-open-source-possible"/);
    const twin = await (await app.request('/method.json')).json() as { paper: { stages: unknown[]; recommendations: { regulators: unknown[]; developers: unknown[] } } };
    assert.equal(twin.paper.stages.length, 3);
    assert.ok(twin.paper.recommendations.regulators.length > 0 && twin.paper.recommendations.developers.length > 0);
  });
});
