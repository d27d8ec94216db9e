// The JSON API: filters as parameters, one model, licenses, stats, classify with positioned errors, OpenAPI, caching headers.
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { classify } from '../../src/core/classify.js';
import { COMPONENT_KEYS } from '../../src/core/taxonomy.js';
import type { Registry } from '../../src/core/registry.js';
import { CLASSIFY_MAX_BYTES } from '../../src/server/routes/api.js';
import { KNOWN, bundledApp, bundledRegistry } from './helpers.js';

let app: Hono;
let registry: Registry;
before(async () => {
  app = await bundledApp();
  registry = (await bundledRegistry()).registry;
});

interface ListModel { id: string; name: string; organization: string; released: string; openness: number | null; components: Record<string, { level: string; license: string | null; published?: string | null }> }
interface List { count: number; total: number; source: string; reading: string; models: ListModel[] }

async function get<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T; res: Response }> {
  const res = await app.request(path, init);
  const text = await res.text();
  return { status: res.status, body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T, res };
}

const VALID_YAML = `id: posted-model
name: Posted Model
organization: Example Lab
released: "2024-05"
components:
${COMPONENT_KEYS.map((k) => (k === 'deployment.data.weights'
    ? `  ${k}:\n    status: public\n    license: Apache-2.0\n    evidence: [https://example.org/LICENSE]`
    : `  ${k}: { status: closed }`)).join('\n')}
`;

describe('GET /api/v1/models', () => {
  it('lists every model with twelve components, including the known ones', async () => {
    const { status, body } = await get<List>('/api/v1/models');
    assert.equal(status, 200);
    assert.equal(body.count, registry.models.length);
    assert.equal(body.total, registry.models.length);
    for (const id of KNOWN) assert.ok(body.models.some((m) => m.id === id), id);
    for (const m of body.models) assert.deepEqual(Object.keys(m.components).sort(), [...COMPONENT_KEYS].sort());
  });

  it('gives the levels the engine computes', async () => {
    const { body } = await get<List>('/api/v1/models');
    for (const id of KNOWN) {
      const expected = classify(registry.model(id)!, registry.index);
      const got = body.models.find((m) => m.id === id)!;
      for (const key of COMPONENT_KEYS) assert.equal(got.components[key]!.level, expected.components[key]!.level, `${id} ${key}`);
    }
    const pythia = body.models.find((m) => m.id === 'pythia')!;
    assert.equal(pythia.components['deployment.data.weights']!.level, 'D5');
    assert.equal(pythia.components['deployment.data.weights']!.license, 'Apache-2.0');
    assert.equal(body.models.find((m) => m.id === 'gpt-4')!.components['deployment.data.weights']!.level, 'D2');
  });

  it('gives the openness aggregate with its range and coverage, as the engine does; ?sort=-openness ranks by the low end', async () => {
    const { body } = await get<{ models: (ListModel & { opennessRange: { lower: number; upper: number } | null; coverage: { known: number; applicable: number } })[] }>('/api/v1/models?sort=-openness');
    for (const m of body.models) {
      const s = classify(registry.model(m.id)!, registry.index).summary;
      assert.deepEqual([m.openness, m.opennessRange, m.coverage], [s.openness, s.range, s.coverage], m.id);
    }
    const lows = body.models.map((m) => m.openness ?? -1);
    assert.deepEqual(lows, [...lows].sort((a, b) => b - a));
  });

  it('filters by a component level: weights >= D4', async () => {
    const { body } = await get<List>(`/api/v1/models?where=${encodeURIComponent('deployment.data.weights>=D4')}`);
    assert.ok(body.count > 0 && body.count < body.total);
    for (const m of body.models) assert.match(m.components['deployment.data.weights']!.level, /^D[45]$/);
    assert.ok(body.models.some((m) => m.id === 'pythia'));
    assert.ok(!body.models.some((m) => m.id === 'gpt-4'));
  });

  it('takes the form\'s fields: component, op, level, org, from, to, q', async () => {
    const level = await get<List>('/api/v1/models?component=deployment.data.weights&op=%3C%3D&level=2');
    for (const m of level.body.models) assert.match(m.components['deployment.data.weights']!.level, /^D[12]$/);
    assert.ok(level.body.models.some((m) => m.id === 'gpt-4'));
    const org = await get<List>('/api/v1/models?org=meta');
    assert.ok(org.body.models.length > 0);
    for (const m of org.body.models) assert.equal(m.organization.toLowerCase(), 'meta');
    assert.ok(org.body.models.some((m) => m.id === 'llama-2'));
    const years = await get<List>('/api/v1/models?from=2023&to=2023');
    assert.ok(years.body.models.length > 0);
    for (const m of years.body.models) assert.match(m.released, /^2023-/);
    const text = await get<List>('/api/v1/models?q=PYTHIA');
    assert.ok(text.body.models.some((m) => m.id === 'pythia'));
    assert.ok(text.body.count < text.body.total);
  });

  it('sorts: -released is newest first, ties in registry order', async () => {
    const { body } = await get<List>('/api/v1/models?sort=-released');
    const dates = body.models.map((m) => m.released);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const byWeights = await get<List>('/api/v1/models?sort=deployment.data.weights');
    const scores = byWeights.body.models.map((m) => Number(/\d/.exec(m.components['deployment.data.weights']!.level)?.[0] ?? 0));
    assert.deepEqual(scores, [...scores].sort((a, b) => a - b));
  });

  it('switches to the published levels, with the computed one where they differ', async () => {
    const { body } = await get<List>('/api/v1/models?source=published');
    assert.equal(body.source, 'published');
    const llama = body.models.find((m) => m.id === 'llama-2')!;
    assert.equal(llama.components['deployment.data.weights']!.level, 'D3');
    assert.equal(llama.components['evaluation.code.safety']!.level, 'N/A');
    assert.equal((llama.components['evaluation.code.safety'] as { computed?: string }).computed, 'C1');
  });

  it('answers 400 with the reason for a filter it cannot read', async () => {
    for (const q of ['where=weights>>D4', 'where=deployment.data.weights>=D9', 'sort=nonsense', 'source=nobody', 'from=last-year', 'component=deployment.data.weights&op=~&level=3']) {
      const { status, body } = await get<{ error: string; errors: string[] }>(`/api/v1/models?${q}`);
      assert.equal(status, 400, q);
      assert.ok(body.errors.length >= 1, q);
    }
  });
});

describe('GET /api/v1/models/:id', () => {
  it('gives the record, the classification with explanations, and the disagreements with reasons', async () => {
    const { status, body } = await get<{ id: string; record: { name: string }; classification: { components: Record<string, { level: string; explanation: string; points: number | null }> }; disagreements: { component: string; reason: string | null }[] }>('/api/v1/models/llama-2');
    assert.equal(status, 200);
    assert.equal(body.record.name, registry.model('llama-2')!.name);
    const weights = body.classification.components['deployment.data.weights']!;
    assert.equal(weights.level, 'D3');
    assert.match(weights.explanation, /Llama 2/);
    assert.match(weights.explanation, /strict reading/);
    const audit = body.disagreements.find((d) => d.component === 'evaluation.code.safety');
    assert.ok(audit?.reason, 'the recorded reason comes with the disagreement');
  });

  it('takes the lenient reading', async () => {
    const { body } = await get<{ classification: { reading: string } }>('/api/v1/models/llama-2?reading=lenient');
    assert.equal(body.classification.reading, 'lenient');
    assert.equal((await get('/api/v1/models/llama-2?reading=loose')).status, 400);
  });

  it('404s for an unknown id', async () => {
    assert.equal((await get('/api/v1/models/no-such-model')).status, 404);
  });
});

describe('licenses, stats, audit', () => {
  it('lists licenses with rights, scores and the models using them; finds one by id or alias', async () => {
    const { body } = await get<{ id: string; rights: Record<string, unknown>; scores: { strict: { points: number } }; models: string[] }[]>('/api/v1/licenses');
    assert.equal(body.length, registry.licenses.length);
    const apache = body.find((l) => l.id === 'Apache-2.0')!;
    assert.equal(apache.scores.strict.points, 5);
    assert.ok(apache.models.includes('pythia'));
    const llama = await get<{ id: string; models: string[] }>('/api/v1/licenses/llama2');
    assert.equal(llama.status, 200);
    assert.ok(llama.body.models.includes('llama-2'));
    const alias = await get<{ id: string }>(`/api/v1/licenses/${encodeURIComponent('apache 2.0')}`);
    assert.equal(alias.body.id, 'Apache-2.0');
    assert.equal((await get('/api/v1/licenses/nope-1.0')).status, 404);
  });

  it('counts levels per component; each component sums to the set\'s models', async () => {
    const { body } = await get<{ models: number; components: Record<string, Record<string, number>> }>('/api/v1/stats?set=paper-40&source=published');
    assert.ok(body.models > 0);
    for (const key of COMPONENT_KEYS) {
      const sum = Object.values(body.components[key]!).reduce((a, b) => a + b, 0);
      assert.ok(sum <= body.models, key);
    }
    const all = await get<{ models: number; components: Record<string, Record<string, number>> }>('/api/v1/stats?set=all&source=computed');
    assert.equal(all.body.models, registry.models.length);
    for (const key of COMPONENT_KEYS) assert.equal(Object.values(all.body.components[key]!).reduce((a, b) => a + b, 0), registry.models.length);
    assert.equal((await get('/api/v1/stats?set=everything')).status, 400);
  });

  it('gives the audit', async () => {
    const { body } = await get<{ disagreements: { model: string }[] }>('/api/v1/audit');
    assert.ok(body.disagreements.some((d) => d.model === 'llama-2'));
  });
});

describe('POST /api/v1/classify', () => {
  const post = (body: string, type = 'application/yaml', query = '') => app.request(`/api/v1/classify${query}`, { method: 'POST', body, headers: { 'content-type': type } });

  it('classifies a YAML record; nothing is stored', async () => {
    const res = await post(VALID_YAML);
    assert.equal(res.status, 200);
    const body = await res.json() as { id: string; components: Record<string, { level: string; explanation: string }> };
    assert.equal(body.id, 'posted-model');
    assert.equal(body.components['deployment.data.weights']!.level, 'D5');
    assert.equal(body.components['training.code.pretraining']!.level, 'C1');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal((await app.request('/api/v1/models/posted-model')).status, 404);
  });

  it('classifies the same record as JSON', async () => {
    const { parse } = await import('yaml');
    const res = await post(JSON.stringify(parse(VALID_YAML)), 'application/json', '?reading=lenient');
    assert.equal(res.status, 200);
    assert.equal((await res.json() as { reading: string }).reading, 'lenient');
  });

  it('answers 400 with the line and column of each problem', async () => {
    const cases: { body: string; line: number; message: RegExp }[] = [
      { body: VALID_YAML.replace('name: Posted Model', 'name: Posted: Model'), line: 2, message: /YAML syntax/ },
      { body: VALID_YAML.replace('license: Apache-2.0', 'license: Apache-2'), line: VALID_YAML.split('\n').findIndex((l) => l.includes('license: Apache-2.0')) + 1, message: /unknown license "Apache-2"/ },
      { body: VALID_YAML.replace('released: "2024-05"', 'released: "May 2024"'), line: 4, message: /year-month/ },
      { body: VALID_YAML.replace('organization: Example Lab', 'organisation: Example Lab'), line: 3, message: /unknown field "organisation"/ },
      { body: '', line: 1, message: /mapping/ },
    ];
    for (const c of cases) {
      const res = await post(c.body);
      assert.equal(res.status, 400, c.body.slice(0, 40));
      const body = await res.json() as { problems: { line: number; col: number; message: string }[] };
      const problem = body.problems.find((p) => c.message.test(p.message) && p.line === c.line);
      assert.ok(problem, `expected ${c.message} at line ${c.line} in ${JSON.stringify(body.problems)}`);
      assert.ok(problem.col >= 1);
    }
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await post(`${VALID_YAML}notes: "${'x'.repeat(CLASSIFY_MAX_BYTES)}"\n`);
    assert.equal(res.status, 413);
  });
});

describe('OpenAPI, caching and headers', () => {
  it('documents every endpoint, and every documented GET answers', async () => {
    const { body } = await get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('/api/v1/openapi.json');
    assert.match(body.openapi, /^3\.1/);
    for (const path of ['/models', '/models/{id}', '/licenses', '/licenses/{id}', '/stats', '/audit', '/classify', '/openapi.json']) assert.ok(body.paths[path], path);
    for (const [path, ops] of Object.entries(body.paths)) {
      if (!('get' in ops)) continue;
      const url = `/api/v1${path.replace('{id}', path.startsWith('/licenses') ? 'MIT' : 'llama-2')}`;
      assert.equal((await app.request(url)).status, 200, url);
    }
  });

  it('sends ETag and Cache-Control, 304 for a matching If-None-Match, gzip on request', async () => {
    for (const path of ['/api/v1/models/llama-2', '/index.json', '/', '/models/pythia.csv', '/badges/pythia.svg', '/stats']) {
      const first = await app.request(path);
      const etag = first.headers.get('etag');
      assert.ok(etag, `${path} ETag`);
      assert.match(first.headers.get('cache-control') ?? '', /max-age=\d+/, path);
      const again = await app.request(path, { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304, path);
    }
    const gz = await app.request('/index.json', { headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    const list = JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()) as List;
    assert.equal(list.total, registry.models.length);
  });

  it('sends a Content-Security-Policy without unsafe-inline on every response', async () => {
    for (const path of ['/', '/models/llama-2', '/api/v1/models', '/badges/llama-2.svg', '/no-such-page']) {
      const csp = (await app.request(path)).headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
    }
  });

  it('allows cross-origin use of the API, preflight included', async () => {
    const res = await app.request('/api/v1/models/pythia', { headers: { origin: 'https://example.org' } });
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    const preflight = await app.request('/api/v1/classify', { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    const posted = await app.request('/api/v1/classify', { method: 'POST', body: VALID_YAML });
    assert.equal(posted.headers.get('access-control-allow-origin'), '*');
    assert.match(posted.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    const missing = await app.request('/api/v1/models/nope');
    assert.equal(missing.headers.get('access-control-allow-origin'), '*');
  });
});
