// The faces agree: the pages' twins read the API's options, every error has one shape, CORS only on the API, 405 with Allow,
// answers that embed the request's origin vary by Host, a failed chart render is not kept, a YAML alias bomb is a 400.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import type { Registry } from '../../src/core/registry.js';
import { createApp } from '../../src/server/app.js';
import { charts } from '../../src/server/charts.js';
import { siteData } from '../../src/server/data.js';
import { bundledApp, bundledRegistry, listen } from './helpers.js';

let app: Hono;
let registry: Registry;
before(async () => {
  app = await bundledApp();
  registry = (await bundledRegistry()).registry;
});

async function get(path: string, init?: RequestInit): Promise<{ status: number; body: unknown; text: string; res: Response }> {
  const res = await app.request(path, init);
  const text = await res.text();
  return { status: res.status, text, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) as unknown : undefined, res };
}

/** The one error shape: { error, errors?, did_you_mean? }; a posted record's problems may come with it. */
function assertErrorShape(body: unknown, where: string, extra: readonly string[] = []): asserts body is { error: string; errors?: string[]; did_you_mean?: string } {
  assert.ok(body && typeof body === 'object' && !Array.isArray(body), `${where}: a JSON object`);
  const b = body as Record<string, unknown>;
  assert.equal(typeof b.error, 'string', `${where}: error`);
  if ('errors' in b) assert.ok(Array.isArray(b.errors) && b.errors.length > 0 && b.errors.every((e) => typeof e === 'string'), `${where}: errors`);
  if ('did_you_mean' in b) assert.equal(typeof b.did_you_mean, 'string', `${where}: did_you_mean`);
  for (const key of Object.keys(b)) assert.ok(['error', 'errors', 'did_you_mean', ...extra].includes(key), `${where}: unexpected key ${key}`);
}

describe('the twins read as-of and reading as the API does', () => {
  it('/index.json and /models/:id.json answer as /api/v1 for the same query', async () => {
    for (const q of ['as-of=2027-09-01', 'reading=lenient', 'reading=lenient&as-of=2025-08-01']) {
      const list = await get(`/index.json?${q}`);
      const api = await get(`/api/v1/models?${q}`);
      assert.equal(list.status, 200, q);
      assert.deepEqual(list.body, api.body, q);
      const model = await get(`/models/llama-2.json?${q}`);
      const apiModel = await get(`/api/v1/models/llama-2?${q}`);
      assert.equal(model.status, 200, q);
      assert.deepEqual(model.body, apiModel.body, q);
    }
    const lenient = (await get('/models/llama-2.json?reading=lenient')).body as { classification: { reading: string } };
    assert.equal(lenient.classification.reading, 'lenient');
    const dated = (await get('/index.json?as-of=2027-09-01')).body as { asOf: string };
    assert.equal(dated.asOf, '2027-09-01');
  });

  it('the CSV twins and the page read them too', async () => {
    const strict = await get('/models/llama-2.csv');
    const lenient = await get('/models/llama-2.csv?reading=lenient');
    assert.equal(lenient.status, 200);
    assert.notEqual(strict.text, lenient.text, 'llama-2 has conditional rights: the lenient levels differ');
    const page = await get('/models/llama-2?reading=lenient');
    assert.equal(page.status, 200);
    assert.match(page.text, /\(lenient reading\)/);
    assert.match(page.text, /href="\/models\/llama-2\.json\?reading=lenient"/, 'the twins carry the reading');
  });

  it('answers 400 on every face for a value it cannot read', async () => {
    const cases: [string, RegExp][] = [['as-of=bad', /as-of must be a date/], ['reading=loose', /reading must be one of strict, lenient/], ['as-of=2025-02-30&reading=x', /as-of must be a date.*reading must be one of|reading must be one of.*as-of must be a date/]];
    for (const [q, reason] of cases) {
      for (const path of [`/index.json?${q}`, `/index.csv?${q}`, `/api/v1/models?${q}`, `/models/llama-2.json?${q}`, `/models/llama-2.csv?${q}`, `/api/v1/models/llama-2?${q}`]) {
        const { status, body } = await get(path);
        assert.equal(status, 400, path);
        assertErrorShape(body, path);
        assert.equal(body.error, 'bad query', path);
        assert.match(body.errors!.join(' '), reason, path);
      }
      for (const path of [`/?${q}`, `/models/llama-2?${q}`]) {
        const { status, text, res } = await get(path);
        assert.equal(status, 400, path);
        assert.match(res.headers.get('content-type') ?? '', /text\/html/);
        assert.match(text, reason, path);
      }
    }
  });
});

describe('one error shape', () => {
  it('{ error, errors?, did_you_mean? } from the API, the twins and the server', async () => {
    const cases: { path: string; init?: RequestInit; status: number; did?: string; extra?: string[] }[] = [
      { path: '/api/v1/models?sort=nope', status: 400 },
      { path: '/api/v1/stats?set=nope', status: 400 },
      { path: '/api/v1/audit?reading=x', status: 400 },
      { path: '/api/v1/models/lama-2', status: 404, did: 'llama-2' },
      { path: '/models/lama-2.json', status: 404, did: 'llama-2' },
      { path: '/models/lama-2.csv', status: 404, did: 'llama-2' },
      { path: '/api/v1/licenses/Apache-2.1', status: 404 },
      { path: '/licenses/Apache-2.1.json', status: 404 },
      { path: '/badges/lama-2.svg', status: 404, did: 'llama-2' },
      { path: '/api/v1/nothing', status: 404 },
      { path: '/nothing.json', status: 404 },
      { path: '/api/v1/models', init: { method: 'POST' }, status: 405 },
      { path: '/api/v1/classify', init: { method: 'POST', body: 'x'.repeat(300 * 1024), headers: { 'content-type': 'application/yaml' } }, status: 413 },
      { path: '/api/v1/classify?reading=x', init: { method: 'POST', body: 'id: x', headers: { 'content-type': 'application/yaml' } }, status: 400 },
      { path: '/api/v1/classify', init: { method: 'POST', body: 'id: x', headers: { 'content-type': 'application/yaml' } }, status: 400, extra: ['problems'] },
    ];
    for (const c of cases) {
      const { status, body, res } = await get(c.path, c.init);
      assert.equal(status, c.status, c.path);
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8', c.path);
      assertErrorShape(body, c.path, c.extra);
      if (c.did) assert.equal(body.did_you_mean, c.did, c.path);
    }
  });

  it('the OpenAPI document describes that shape, and every 4xx answer refers to it', async () => {
    const doc = (await get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, { responses: Record<string, { content: { 'application/json': { schema: { $ref?: string } } } }> }>>; components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[]; allOf?: { $ref: string }[] }> } };
    const schema = doc.components.schemas.Error!;
    assert.deepEqual(Object.keys(schema.properties!).sort(), ['did_you_mean', 'error', 'errors']);
    assert.deepEqual(schema.required, ['error']);
    assert.deepEqual(doc.components.schemas.Problems!.allOf, [{ $ref: '#/components/schemas/Error' }]);
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [code, r] of Object.entries(op.responses)) {
          if (!code.startsWith('4')) continue;
          assert.match(r.content['application/json'].schema.$ref ?? '', /#\/components\/schemas\/(Error|Problems)$/, `${method} ${path} ${code}`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 8);
  });

  it('a YAML alias bomb posted to classify is a 400 with a reason, not a 500 (needs the parser fix in src/registry/parse.ts)', async () => {
    const letters = 'abcdefghij';
    const bomb = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${[...letters.slice(1)].map((l, i) => `${l}: &${l} [${Array(9).fill(`*${letters[i]}`).join(',')}]`).join('\n')}\n`;
    const started = Date.now();
    const { status, body } = await get('/api/v1/classify', { method: 'POST', body: bomb, headers: { 'content-type': 'application/yaml' } });
    assert.equal(status, 400);
    assertErrorShape(body, 'alias bomb', ['problems']);
    assert.match(body.errors!.join(' '), /alias/i);
    assert.ok(Date.now() - started < 5000, 'answered quickly');
  });
});

describe('headers', () => {
  it('CORS only on /api answers', async () => {
    for (const path of ['/api/v1/models', '/api/v1/models/nope', '/api/v1/nothing']) {
      assert.equal((await app.request(path)).headers.get('access-control-allow-origin'), '*', path);
    }
    const posted = await app.request('/api/v1/classify', { method: 'POST', body: 'id: x', headers: { 'content-type': 'application/yaml' } });
    assert.equal(posted.headers.get('access-control-allow-origin'), '*');
    for (const path of ['/', '/index.json', '/models/llama-2', '/models/llama-2.json', '/models/nope.json', '/badges/llama-2.svg', '/nothing', '/healthz']) {
      assert.equal((await app.request(path)).headers.get('access-control-allow-origin'), null, path);
    }
    assert.equal((await app.request('/models/llama-2', { method: 'POST' })).headers.get('access-control-allow-origin'), null);
  });

  it('405 with Allow for a method a route does not take; 404 where there is no route', async () => {
    const cases: [string, string, string][] = [
      ['POST', '/models/llama-2', 'GET, HEAD'],
      ['DELETE', '/', 'GET, HEAD'],
      ['PUT', '/index.json', 'GET, HEAD'],
      ['POST', '/api/v1/models', 'GET, HEAD, OPTIONS'],
      ['GET', '/api/v1/classify', 'POST, OPTIONS'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await app.request(path, { method });
      assert.equal(res.status, 405, `${method} ${path}`);
      assert.equal(res.headers.get('allow'), allow, `${method} ${path}`);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    }
    assert.match((await app.request('/models/llama-2', { method: 'POST' })).headers.get('content-type') ?? '', /text\/html; charset=utf-8/);
    for (const path of ['/nothing', '/api/v1/nothing']) assert.equal((await app.request(path)).status, 404, path);
    assert.equal((await app.request('/api/v1/models', { method: 'OPTIONS' })).status, 204);
  });
});

/** A GET with a Host header of our choosing, as any client can send. */
function getWithHost(url: string, host: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('badge snippets and the Host header', () => {
  it('without --base-url, an answer built from the Host varies by Host, and each Host gets its own', async () => {
    const server = await listen(createApp({ registry }));
    try {
      const evil = await getWithHost(`${server.url}/models/llama-2`, 'evil.example');
      assert.equal(evil.status, 200);
      assert.match(evil.text, /http:\/\/evil\.example\/badges\/llama-2\.svg/, 'the snippet is built from the Host');
      assert.match(String(evil.headers['cache-control']), /^public/);
      assert.match(String(evil.headers.vary), /\bHost\b/, 'shared caches must key it by Host');
      const good = await getWithHost(`${server.url}/models/llama-2`, 'howopen.example');
      assert.match(good.text, /http:\/\/howopen\.example\/badges\/llama-2\.svg/);
      assert.doesNotMatch(good.text, /evil\.example/, 'the server\'s own cache never hands one Host\'s answer to another');
      for (const path of ['/', '/models/llama-2.json', '/licenses']) {
        const other = await getWithHost(`${server.url}${path}`, 'evil.example');
        assert.doesNotMatch(String(other.headers.vary), /\bHost\b/, `${path} does not embed the origin`);
      }
    } finally { await server.close(); }
  });

  it('with --base-url, the snippet ignores the Host and the answer does not vary by it', async () => {
    const server = await listen(createApp({ registry, baseUrl: 'https://howopen.example.org' }));
    try {
      const res = await getWithHost(`${server.url}/models/llama-2`, 'evil.example');
      assert.match(res.text, /https:\/\/howopen\.example\.org\/badges\/llama-2\.svg/);
      assert.doesNotMatch(res.text, /evil\.example/);
      assert.doesNotMatch(String(res.headers.vary), /\bHost\b/);
    } finally { await server.close(); }
  });
});

describe('charts', () => {
  it('a failed render is not kept: the next call renders again', async () => {
    const data = siteData(registry);
    let fail = true;
    const flaky = { ...data, stats: (...args: Parameters<typeof data.stats>) => { if (fail) { fail = false; throw new Error('render failed'); } return data.stats(...args); } };
    await assert.rejects(charts(flaky), /render failed/);
    const rendered = await charts(flaky);
    assert.equal(rendered.distributions.length, 3);
    assert.match(rendered.timeline.svg, /^<svg role="img"/);
    assert.equal(charts(flaky), charts(flaky), 'a good render is kept');
  });
});
