// The living index over HTTP against both PostgreSQLs: submissions, tokens and roles, sessions and form tokens, approval served without a restart, disputes, history, the feed, limits.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { closeApp, createApp } from '../../src/server/app.js';
import { createLivingApp } from '../../src/server/living.js';
import { LiveRegistry } from '../../src/store/live-registry.js';
import { BACKENDS } from './databases.js';
import { type Opened, exampleRecord, openStore } from './fixtures.js';

const BASE = 'http://howopen.test';

for (const backend of BACKENDS) {
  describe(`living index on ${backend.name}`, () => {
    let o: Opened;
    let app: Hono;
    let live: LiveRegistry;
    let tokens: Record<string, string>;
    before(async () => {
      let liveRef: LiveRegistry | undefined;
      o = await openStore(await backend.fresh(), { onRegistryChange: (ids) => liveRef!.refresh(ids) });
      live = liveRef = new LiveRegistry(o.current(), o.dir);
      app = createLivingApp({ live, store: o.store, writeLimits: { address: 1000, account: 1000 } });
      tokens = {};
      for (const [name, role] of [['rita', 'reviewer'], ['sam', 'submitter'], ['ada', 'admin']] as const) tokens[name] = (await o.store.createUser(name, role)).token;
    });
    after(() => o.store.close());

    const call = (path: string, init: RequestInit & { token?: string } = {}) => {
      const headers = new Headers(init.headers);
      if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
      return app.fetch(new Request(`${BASE}${path}`, { ...init, headers }));
    };
    const submit = (text: string, token?: string) => call('/api/v1/submissions', { method: 'POST', body: text, headers: { 'Content-Type': 'application/yaml' }, ...(token ? { token } : {}) });

    it('takes a submission as classify takes a record: 201 queued, 400 with positions, 413 when too large', async () => {
      const ok = await submit(exampleRecord('http-model'));
      assert.equal(ok.status, 201);
      const body = await ok.json() as { id: number; verified: boolean; diff: { added: boolean } };
      assert.equal(body.verified, false);
      assert.equal(body.diff.added, true);
      assert.equal(ok.headers.get('Location'), `/api/v1/submissions/${body.id}`);
      const bad = await submit(exampleRecord('http-model', 'Apache-2.O'));
      assert.equal(bad.status, 400);
      const problems = (await bad.json() as { problems: { line: number; col: number; field: string; message: string }[] }).problems;
      const classify = await call('/api/v1/classify', { method: 'POST', body: exampleRecord('http-model', 'Apache-2.O'), headers: { 'Content-Type': 'application/yaml' } });
      assert.deepEqual(problems, (await classify.json() as { problems: unknown }).problems);
      assert.equal(problems[0]!.field, 'components.deployment.data.weights.license');
      assert.equal((await submit('x'.repeat(300 * 1024))).status, 413);
    });

    it('401 for a bad token, 403 for a submitter on a reviewer route, 200 for a reviewer', async () => {
      assert.equal((await call('/api/v1/submissions')).status, 401);
      assert.equal((await call('/api/v1/submissions', { token: 'ho_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).status, 401);
      assert.equal((await call('/api/v1/submissions', { headers: { Authorization: 'Basic abc' } })).status, 401);
      assert.equal((await call('/api/v1/submissions', { token: tokens.sam! })).status, 403);
      const list = await call('/api/v1/submissions', { token: tokens.rita! });
      assert.equal(list.status, 200);
      assert.ok((await list.json() as { model: string }[]).some((s) => s.model === 'http-model'));
      assert.equal((await call('/api/v1/submissions/1/approve', { method: 'POST', token: tokens.sam! })).status, 403);
    });

    it('an approved record is served by the running index at once, with its history', async () => {
      assert.equal((await call('/models/served-model')).status, 404);
      const sent = await (await submit(exampleRecord('served-model'), tokens.sam)).json() as { id: number; verified: boolean };
      assert.equal(sent.verified, true);
      const approved = await call(`/api/v1/submissions/${sent.id}/approve`, { method: 'POST', token: tokens.rita!, body: JSON.stringify({ comment: 'checked the weights' }) });
      assert.equal(approved.status, 200, await approved.clone().text());
      const page = await call('/models/served-model');
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Example Model/);
      const api = await (await call('/api/v1/models/served-model')).json() as { classification?: unknown; id?: string };
      assert.ok(api);
      assert.match(await (await call('/')).text(), /served-model/);
      const history = await (await call('/api/v1/models/served-model/history')).json() as { author: string; reason: string }[];
      assert.deepEqual(history.map((h) => [h.author, h.reason]), [['sam', 'checked the weights']]);
      const historyPage = await (await call('/models/served-model/history')).text();
      assert.match(historyPage, /checked the weights/);
      const feed = await call('/changes.atom');
      assert.match(feed.headers.get('Content-Type') ?? '', /atom/);
      assert.match(await feed.text(), /<title>served-model: added<\/title>/);
    });

    it('two approvals of one submission over HTTP: one 200, one 409 with the state', async () => {
      const { id } = await (await submit(exampleRecord('twice-model'))).json() as { id: number };
      const results = await Promise.all([1, 2].map(() => call(`/api/v1/submissions/${id}/approve`, { method: 'POST', token: tokens.rita! })));
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
      const conflict = results.find((r) => r.status === 409)!;
      assert.equal((await conflict.json() as { status: string }).status, 'approved');
    });

    it('forms need the form token (403 without); sign-in sets an HttpOnly SameSite=Strict session', async () => {
      const form = await call('/submit');
      assert.equal(form.status, 200);
      const cookie = form.headers.get('Set-Cookie')!;
      assert.match(cookie, /howopen_form=[^;]+; .*HttpOnly/i);
      assert.match(cookie, /SameSite=Strict/i);
      const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!;
      const jar = cookie.split(';')[0]!;
      const post = (path: string, fields: Record<string, string>, cookies = jar) => call(path, { method: 'POST', headers: { Cookie: cookies, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
      assert.equal((await post('/submit', { record: exampleRecord('form-model') })).status, 403);
      assert.equal((await post('/submit', { record: exampleRecord('form-model'), csrf: 'x'.repeat(32) })).status, 403);
      const sent = await post('/submit', { record: exampleRecord('form-model'), csrf, comment: '<script>alert(1)</script>' });
      assert.equal(sent.status, 303);
      assert.match(sent.headers.get('Location')!, /^\/submitted\/\d+$/);
      assert.equal((await call('/review')).status, 401);
      const wrong = await post('/signin', { token: 'ho_nope', csrf });
      assert.equal(wrong.status, 401);
      const signin = await post('/signin', { token: tokens.rita!, csrf });
      assert.equal(signin.status, 303);
      const session = signin.headers.get('Set-Cookie')!;
      assert.match(session, /howopen_session=[^;]+;.*HttpOnly/i);
      assert.match(session, /SameSite=Strict/i);
      const sessionJar = session.split(';')[0]!;
      const queue = await call('/review', { headers: { Cookie: sessionJar } });
      assert.equal(queue.status, 200);
      const queueText = await queue.text();
      assert.match(queueText, /form-model/);
      const id = /\/submitted\/(\d+)/.exec(sent.headers.get('Location')!)![1]!;
      const reviewPage = await (await call(`/review/${id}`, { headers: { Cookie: sessionJar } })).text();
      assert.ok(!reviewPage.includes('<script>alert(1)</script>'));
      assert.match(reviewPage, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      const sessionCsrf = /name="csrf" value="([^"]+)"/.exec(reviewPage)![1]!;
      assert.equal((await post(`/review/${id}`, { action: 'approve' }, sessionJar)).status, 403);
      const base = /name="base" value="([^"]+)"/.exec(reviewPage)![1]!;
      const approve = await post(`/review/${id}`, { action: 'approve', csrf: sessionCsrf, base }, sessionJar);
      assert.equal(approve.status, 303);
      assert.equal((await call('/models/form-model')).status, 200);
      // A submitter's session cannot review.
      const samIn = await post('/signin', { token: tokens.sam!, csrf });
      assert.equal((await call('/review', { headers: { Cookie: samIn.headers.get('Set-Cookie')!.split(';')[0]! } })).status, 403);
    });

    it('the wizard checks the fields, previews levels, verdicts and advice, and downloads the YAML', async () => {
      const form = await call('/submit');
      const jar = form.headers.get('Set-Cookie')!.split(';')[0]!;
      const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!;
      const fields: Record<string, string> = { csrf, id: 'wizard-model', name: 'Wizard Model', organization: 'Example Org', released: '2026-03' };
      for (const line of exampleRecord().split('\n')) {
        const m = /^ {2}([a-z.]+): \{ status: ([a-z/]+) \}$/.exec(line);
        if (m) fields[`c.${m[1]}.status`] = m[2]!;
      }
      fields['c.deployment.data.weights.status'] = 'public';
      fields['c.deployment.data.weights.evidence'] = 'https://example.org/wizard-model/weights';
      fields['c.deployment.data.weights.license'] = 'Apache-2.O';
      const post = (path: string) => call(path, { method: 'POST', headers: { Cookie: jar, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
      const bad = await post('/submit/check');
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /aria-invalid="true" aria-describedby="c\.deployment\.data\.weights\.license-error"/);
      fields['c.deployment.data.weights.license'] = 'Apache-2.0';
      const good = await post('/submit/check');
      assert.equal(good.status, 200);
      const text = await good.text();
      assert.match(text, /<h2 id="preview-title">The levels<\/h2>/);
      assert.match(text, /id="verdicts"/);
      assert.match(text, /id="advice"/);
      const yaml = await post('/submit/record.yaml');
      assert.equal(yaml.headers.get('Content-Disposition'), 'attachment; filename="wizard-model.yaml"');
      const record = await yaml.text();
      const again = await submit(record);
      assert.equal(again.status, 201, record);
    });

    it('disputes a cell over the API; the history page shows it open, a reviewer resolves it publicly', async () => {
      const bad = await call('/api/v1/models/llama-2/disputes', { method: 'POST', body: JSON.stringify({ component: 'weights', message: 'x' }) });
      assert.equal(bad.status, 400);
      const made = await call('/api/v1/models/llama-2/disputes', { method: 'POST', body: JSON.stringify({ component: 'deployment.data.weights', message: 'wrong <b>license</b>', evidence: ['https://example.org/e'] }) });
      assert.equal(made.status, 201);
      const { id } = await made.json() as { id: number };
      const page = await (await call('/models/llama-2/history')).text();
      assert.match(page, /1 open/);
      assert.match(page, /wrong &lt;b&gt;license&lt;\/b&gt;/);
      assert.equal((await call(`/api/v1/disputes/${id}/reject`, { method: 'POST', token: tokens.sam!, body: '{"reason":"no"}' })).status, 403);
      const done = await call(`/api/v1/disputes/${id}/reject`, { method: 'POST', token: tokens.rita!, body: JSON.stringify({ reason: 'the record cites the license text' }) });
      assert.equal(done.status, 200);
      const listed = await (await call('/api/v1/models/llama-2/disputes')).json() as { status: string; reason: string }[];
      assert.deepEqual(listed.map((d) => [d.status, d.reason]), [['rejected', 'the record cites the license text']]);
    });

    it('shows a rejected dispute\'s reason on its cell; accepting one over the API applies the fixed cell, served without a restart', async () => {
      const page = await (await call('/models/llama-2/history')).text();
      assert.match(page, /<tr id="cell-deployment\.data\.weights">[^]*?rejected<\/a>: the record cites the license text/);
      assert.equal((await submit(exampleRecord('http-disputed'), tokens.sam!)).status, 201);
      const queued = await (await call('/api/v1/submissions', { token: tokens.rita! })).json() as { id: number; model: string }[];
      const sid = queued.find((s) => s.model === 'http-disputed')!.id;
      assert.equal((await call(`/api/v1/submissions/${sid}/approve`, { method: 'POST', token: tokens.rita!, body: '{}' })).status, 200);
      const made = await call('/api/v1/models/http-disputed/disputes', { method: 'POST', body: JSON.stringify({ component: 'deployment.data.weights', message: 'gone', evidence: ['https://example.org/gone'] }) });
      const { id } = await made.json() as { id: number };
      const refused = await call(`/api/v1/disputes/${id}/accept`, { method: 'POST', token: tokens.rita!, body: JSON.stringify({ reason: 'yes' }) });
      assert.equal(refused.status, 400);
      assert.match((await refused.json() as { error: string }).error, /^fix: required/);
      const done = await call(`/api/v1/disputes/${id}/accept`, { method: 'POST', token: tokens.rita!, body: JSON.stringify({ reason: 'taken down', fix: { status: 'closed' }, apply: true }) });
      assert.equal(done.status, 200);
      const dispute = await done.json() as { status: string; submissionId: number };
      assert.equal(dispute.status, 'accepted');
      const model = await (await call('/api/v1/models/http-disputed')).json() as { record: { components: Record<string, { status: string }> } };
      assert.equal(model.record.components['deployment.data.weights']?.status, 'closed');
      const history = await (await call('/api/v1/models/http-disputed/history')).json() as { submission: number; evidence: string[] }[];
      assert.deepEqual(history.map((h) => [h.submission, h.evidence]).at(-1), [dispute.submissionId, ['https://example.org/gone']]);
    });

    it('an admin creates people and tokens from the web: the form token checked, other roles refused, each token shown once and working', async () => {
      const form = await call('/signin');
      const jar = form.headers.get('Set-Cookie')!.split(';')[0]!;
      const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!;
      const post = (path: string, fields: Record<string, string>, cookies: string) => call(path, { method: 'POST', headers: { Cookie: cookies, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
      const session = async (token: string) => {
        const res = await post('/signin', { token, csrf }, jar);
        const cookies = res.headers.get('Set-Cookie')!.split(';')[0]!;
        return { cookies, csrf: /name="csrf" value="([^"]+)"/.exec(await (await call('/submit', { headers: { Cookie: cookies } })).text())![1]! };
      };
      assert.equal((await call('/admin')).status, 401);
      const rita = await session(tokens.rita!);
      assert.equal((await call('/admin', { headers: { Cookie: rita.cookies } })).status, 403);
      assert.equal((await post('/admin/users', { name: 'mallory', role: 'admin', csrf: rita.csrf }, rita.cookies)).status, 403);
      const ada = await session(tokens.ada!);
      const page = await call('/admin', { headers: { Cookie: ada.cookies } });
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<th scope="row">rita<\/th><td>reviewer<\/td>/);
      assert.equal((await post('/admin/users', { name: 'webby', role: 'reviewer' }, ada.cookies)).status, 403, 'no form token');
      assert.equal((await post('/admin/users', { name: 'bad name', role: 'reviewer', csrf: ada.csrf }, ada.cookies)).status, 400);
      assert.equal((await post('/admin/users', { name: 'webby', role: 'overlord', csrf: ada.csrf }, ada.cookies)).status, 400);
      const made = await post('/admin/users', { name: 'webby', role: 'reviewer', csrf: ada.csrf }, ada.cookies);
      assert.equal(made.status, 200);
      const token = /<code class="token">([^<]+)<\/code>/.exec(await made.text())![1]!;
      assert.equal((await call('/api/v1/submissions', { token })).status, 200, 'the new reviewer\'s token works');
      assert.equal((await post('/admin/users', { name: 'webby', role: 'reviewer', csrf: ada.csrf }, ada.cookies)).status, 409);
      const again = await post('/admin/tokens', { name: 'webby', csrf: ada.csrf }, ada.cookies);
      const second = /<code class="token">([^<]+)<\/code>/.exec(await again.text())![1]!;
      assert.notEqual(second, token);
      assert.equal((await call('/api/v1/submissions', { token: second })).status, 200);
      assert.ok(!(await (await call('/admin', { headers: { Cookie: ada.cookies } })).text()).includes(second), 'shown once');
      const log = await o.store.db.query<{ action: string }>("SELECT action FROM audit_log WHERE target = 'person:webby' ORDER BY id");
      assert.deepEqual(log.map((l) => l.action), ['create-user', 'issue-token']);
    });

    it('the navigation links Submit and Review where the store runs, and not on an index without it', async () => {
      const nav = (text: string) => /<header class="site"><nav[^]*?<\/nav>/.exec(text)?.[0] ?? '';
      assert.match(nav(await (await call('/')).text()), /<a href="\/submit">Submit<\/a> <a href="\/review">Review<\/a>/);
      const plain = createApp({ registry: o.current(), problems: [] });
      try {
        const text = nav(await (await plain.fetch(new Request(`${BASE}/`))).text());
        assert.match(text, /href="\/licenses"/);
        assert.doesNotMatch(text, /\/submit|\/review/);
      } finally { await closeApp(plain); }
    });

    it('limits writes per address: 429 with Retry-After', async () => {
      const limited = createLivingApp({ live, store: o.store, writeLimits: { address: 2, account: 100 } });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.fetch(new Request(`${BASE}/api/v1/submissions`, { method: 'POST', body: exampleRecord(`limit-${i}`) }))).status);
      assert.deepEqual(statuses, [201, 201, 429]);
    });
  });
}
