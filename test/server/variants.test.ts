// The API and pages per variant and at a date: qwen2.5@7b has its own answer, ?as-of reads the facts then.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { classify } from '../../src/core/classify.js';
import type { Registry } from '../../src/core/registry.js';
import { resolveModel } from '../../src/core/resolve.js';
import { bundledApp, bundledRegistry } from './helpers.js';

const WEIGHTS = 'deployment.data.weights';
let app: Hono;
let registry: Registry;
before(async () => {
  app = await bundledApp();
  registry = (await bundledRegistry()).registry;
});

interface ModelAnswer {
  id: string;
  variant: { of: string; id: string; flagship: boolean; explicit: boolean } | null;
  variants: string[];
  changes: { key: string; until: string }[];
  record: { released: string; components: Record<string, { license?: string }> };
  classification: { components: Record<string, { level: string; license: string | null }> };
  frameworks: { euAiAct: { systemicRisk: string } };
}

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await app.request(path);
  const text = await res.text();
  return { status: res.status, body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T };
}

/** A record of the registry whose weights entry has an earlier state, and a date on which that state held. */
function historyCase(): { id: string; before: string; license: string | undefined } {
  for (const m of registry.models) {
    const h = m.components[WEIGHTS]?.history?.[0];
    if (h && m.released <= h.until.slice(0, 7)) return { id: m.id, before: h.until, license: h.license };
  }
  throw new Error('no record in the registry has a dated weights change');
}

describe('API per variant', () => {
  it('qwen2.5@7b and qwen2.5@72b answer with their own weights licenses and levels', async () => {
    const seven = await get<ModelAnswer>('/api/v1/models/qwen2.5@7b');
    const flagship = await get<ModelAnswer>('/api/v1/models/qwen2.5@72b');
    assert.equal(seven.status, 200);
    assert.equal(seven.body.id, 'qwen2.5@7b');
    assert.deepEqual(seven.body.variant, { of: 'qwen2.5', id: '7b', flagship: false, explicit: true });
    assert.notEqual(seven.body.classification.components[WEIGHTS]!.license, flagship.body.classification.components[WEIGHTS]!.license);
    const expected = classify(resolveModel(registry.model('qwen2.5')!, { variant: '7b' }).record, registry.index).components[WEIGHTS]!.level;
    assert.equal(seven.body.classification.components[WEIGHTS]!.level, expected);
  });

  it('the bare id states that it reads the flagship and lists the variants', async () => {
    const { body } = await get<ModelAnswer>('/api/v1/models/qwen2.5');
    assert.equal(body.id, 'qwen2.5');
    assert.equal(body.variant?.flagship, true);
    assert.equal(body.variant?.explicit, false);
    assert.ok(body.variants.includes('qwen2.5@7b'));
  });

  it('llama-3.1: systemic risk is read per size', async () => {
    const risks = await Promise.all(['8b', '405b'].map(async (v) => (await get<ModelAnswer>(`/api/v1/models/llama-3.1@${v}`)).body.frameworks.euAiAct.systemicRisk));
    assert.deepEqual(risks, ['no', 'yes']);
  });

  it('the list gives a family row its variants and each differing component its range', async () => {
    const { body } = await get<{ models: { id: string; variants?: string[]; components: Record<string, { level: string; range?: string }> }[] }>('/api/v1/models?q=qwen2.5');
    const family = body.models.find((m) => m.id === 'qwen2.5')!;
    assert.ok(family.variants?.includes('qwen2.5@3b'));
    const levels = new Set(await Promise.all(family.variants!.map(async (ref) => (await get<ModelAnswer>(`/api/v1/models/${ref}`)).body.classification.components[WEIGHTS]!.level)));
    assert.ok(levels.size > 1);
    assert.match(family.components[WEIGHTS]!.range ?? '', /^D\d–D\d$/);
    assert.equal(family.components['training.code.pretraining']!.range, undefined);
  });

  it('an unknown variant is a 404 that names the variants and the closest one', async () => {
    const { status, body } = await get<{ error: string; did_you_mean?: string }>('/api/v1/models/qwen2.5@72c');
    assert.equal(status, 404);
    assert.match(body.error, /no variant "72c"/);
    assert.equal(body.did_you_mean, 'qwen2.5@72b');
  });
});

describe('as-of reads the facts in force', () => {
  it('a model before a dated change answers with the earlier state and says so', async () => {
    const c = historyCase();
    const earlier = new Date(Date.parse(c.before) - 86_400_000).toISOString().slice(0, 10);
    const then = await get<ModelAnswer>(`/api/v1/models/${c.id}?as-of=${earlier}`);
    const now = await get<ModelAnswer>(`/api/v1/models/${c.id}`);
    assert.equal(then.status, 200);
    assert.equal(then.body.record.components[WEIGHTS]!.license, c.license);
    assert.deepEqual(then.body.changes.map((x) => x.key), [WEIGHTS]);
    assert.deepEqual(now.body.changes, []);
    assert.notEqual(then.body.record.components[WEIGHTS]!.license, now.body.record.components[WEIGHTS]!.license);
  });

  it('a model not yet released at the date is not shown: 404 on its page, absent from the list', async () => {
    const { status, body } = await get<{ error: string }>('/api/v1/models/qwen2.5?as-of=2024-06-01');
    assert.equal(status, 404);
    assert.match(body.error, /not released as of 2024-06-01/);
    const list = await get<{ models: { id: string; released: string }[] }>('/api/v1/models?as-of=2024-06-01');
    assert.ok(list.body.models.length > 0);
    assert.ok(list.body.models.every((m) => m.released <= '2024-06'), 'only models out by June 2024');
    const today = await get<{ models: { id: string }[] }>('/api/v1/models');
    assert.ok(today.body.models.length > list.body.models.length);
  });
});

describe('stats at a date', () => {
  it('/api/v1/stats?as-of counts only the models out by then; a bad date is a 400', async () => {
    const then = await get<{ models: number; asOf: string | null }>('/api/v1/stats?as-of=2024-06-01');
    const now = await get<{ models: number; asOf: string | null }>('/api/v1/stats?set=all');
    assert.equal(then.body.asOf, '2024-06-01');
    assert.equal(now.body.asOf, null);
    assert.ok(then.body.models < now.body.models);
    assert.equal((await get('/api/v1/stats?as-of=2024-02-30')).status, 400);
  });

  it('the stats page\'s twins read ?as-of too: distributions and timeline of the models out then', async () => {
    type Twin = { asOf?: string; distributions: { models: number }[]; timeline: { models: { released: string }[] } };
    const then = await get<Twin>('/stats.json?as-of=2024-06-01');
    const now = await get<Twin>('/stats.json');
    assert.equal(then.body.asOf, '2024-06-01');
    assert.ok(then.body.timeline.models.every((m) => m.released <= '2024-06'));
    assert.ok(then.body.timeline.models.length < now.body.timeline.models.length);
    assert.ok(then.body.distributions.at(-1)!.models < now.body.distributions.at(-1)!.models);
    assert.equal((await get('/stats.csv?as-of=tomorrow')).status, 400);
  });
});

describe('pages per variant', () => {
  it('the index links a family\'s variants and shows the range its levels span', async () => {
    const { status, body } = await get<string>('/');
    assert.equal(status, 200);
    assert.match(body, /href="[^"]*\/models\/qwen2\.5@7b"/);
    assert.match(body, /variants D3–D5/);
  });

  it('the index read at a date lists only the models out then and keeps the date in its links and form', async () => {
    const { status, body } = await get<string>('/?as-of=2024-06-01');
    assert.equal(status, 200);
    const ids = [...body.matchAll(/<tr data-id="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(ids.length > 0 && !ids.includes('qwen2.5') && !ids.includes('llama-3.1'));
    assert.ok(ids.every((id) => registry.model(id)!.released <= '2024-06'));
    assert.match(body, /<a href="[^"]*sort=[^"]*as-of=2024-06-01"/);
    assert.match(body, /<input type="hidden" name="as-of" value="2024-06-01">/);
  });

  it('a variant page says which release it reads and links the family', async () => {
    const { status, body } = await get<string>('/models/qwen2.5@3b');
    assert.equal(status, 200);
    assert.match(body, /This page reads the variant <strong>3b<\/strong>/);
    assert.match(body, /href="[^"]*\/models\/qwen2\.5"/);
    const missing = await get<string>('/models/qwen2.5?as-of=2024-06-01');
    assert.equal(missing.status, 404);
  });
});
