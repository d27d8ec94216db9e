// The living index in chromium, without JavaScript, on both PostgreSQLs: a publisher submits through the wizard and sees the levels, a reviewer signs in and approves, the model is in the index with its history; a cell is disputed and resolved; script payloads in every stored field stay inert.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import { createLivingApp } from '../../src/server/living.js';
import { LiveRegistry } from '../../src/store/live-registry.js';
import { PAYLOADS, type Running, listen } from '../server/helpers.js';
import { BACKENDS } from '../store/databases.js';
import { type Opened, openStore } from '../store/fixtures.js';
import { screenshot, useBrowser, watchedPage } from './browser.js';

const browser = useBrowser();

const fired = (page: Page) => page.evaluate(() => Object.keys(window).filter((k) => k.startsWith('__xss')));

for (const backend of BACKENDS) {
  describe(`the living index in chromium on ${backend.name}`, () => {
    let o: Opened;
    let server: Running;
    let token: string;
    before(async () => {
      const follow: { live?: LiveRegistry } = {};
      o = await openStore(await backend.fresh(), { onRegistryChange: (ids) => follow.live!.refresh(ids) });
      const live = follow.live = new LiveRegistry(o.current(), o.dir);
      server = await listen(createLivingApp({ live, store: o.store }));
      token = (await o.store.createUser('rita', 'reviewer')).token;
    });
    after(async () => { await server?.close(); await o?.store.close(); });

    it('submit in the wizard, approve as a reviewer, find it in the index with its history; dispute a cell and resolve it', async () => {
      const publisher = await watchedPage(browser(), { javaScriptEnabled: false });
      const p = publisher.page;
      await p.goto(`${server.url}/submit`);
      await p.fill('input[name="id"]', 'browser-model');
      await p.fill('input[name="name"]', PAYLOADS.name);
      await p.fill('input[name="organization"]', PAYLOADS.organization);
      await p.fill('input[name="released"]', '2026-04');
      for (const c of COMPONENTS) await p.selectOption(`select[name="c.${c.key}.status"]`, c.key === 'deployment.data.weights' || c.key === 'deployment.code.inference' ? 'public' : 'closed');
      await p.fill('input[name="c.deployment.data.weights.license"]', 'Apache-2.0');
      await p.fill('input[name="c.deployment.data.weights.evidence"]', PAYLOADS.evidence);
      await p.fill('input[name="c.deployment.code.inference.license"]', 'MIT');
      // A registry record cites every public entry, so the wizard asks for where each one is.
      await p.fill('input[name="c.deployment.code.inference.evidence"]', 'https://example.org/browser-model/code');
      await p.fill('textarea[name="comment"]', PAYLOADS.notes);
      await p.click('button:text-is("Check")');
      const weightsRow = p.locator('section.preview tr', { hasText: 'Model architecture and weights' }).first();
      assert.match((await weightsRow.textContent())!, /D5/);
      assert.equal(await p.locator('#verdicts').count(), 1);
      await screenshot(p, `store-wizard-preview-${backend.name}`);
      await p.click('form.wizard button:text-is("Submit")');
      assert.match(p.url(), /\/submitted\/\d+$/);
      assert.match((await p.textContent('main'))!, /unverified/);
      assert.deepEqual(await fired(p), []);

      const reviewer = await watchedPage(browser(), { javaScriptEnabled: false });
      const r = reviewer.page;
      await r.goto(`${server.url}/signin`);
      await r.fill('input[name="token"]', token);
      await r.click('button:text-is("Sign in")');
      assert.match(r.url(), /\/review$/);
      await r.click('table.queue a >> nth=1');
      assert.equal(await r.locator('h1').textContent(), `Submission ${/\d+$/.exec(p.url())![0]}: ${PAYLOADS.name} browser-model`);
      assert.ok((await r.textContent('main'))!.includes(PAYLOADS.notes));
      assert.deepEqual(await fired(r), []);
      await screenshot(r, `store-review-${backend.name}`);
      await r.click('button:text-is("Approve")');
      assert.match((await r.textContent('.notice'))!, /approve/);

      await p.goto(`${server.url}/`);
      assert.ok((await p.textContent('#taxonomy'))!.includes(PAYLOADS.name));
      await p.goto(`${server.url}/models/browser-model`);
      assert.equal(await p.textContent('h1'), PAYLOADS.name);
      await p.goto(`${server.url}/models/browser-model/history`);
      assert.match((await p.textContent('ol.history'))!, /deployment\.data\.weights: new → D5/);

      await p.selectOption('select[name="component"]', 'deployment.code.inference');
      await p.fill('textarea[name="message"]', PAYLOADS.notes);
      await p.fill('input[name="evidence"]', 'https://example.org/license');
      await p.click('button:text-is("Send the dispute")');
      if (!await p.locator('#disputes').count()) assert.fail(`${p.url()}: ${await p.textContent('main')}`);
      assert.match((await p.textContent('#disputes'))!, /1 open/);
      assert.deepEqual(await fired(p), []);
      await r.goto(`${server.url}/models/browser-model/history`);
      await r.fill('ul.disputes input[name="reason"]', PAYLOADS.organization);
      await r.click('ul.disputes button:text-is("Reject")');
      await p.reload();
      assert.match((await p.textContent('ul.disputes'))!, /rejected/);
      assert.ok((await p.textContent('ul.disputes'))!.includes(PAYLOADS.organization));
      await p.hover('ul.disputes');
      assert.deepEqual(await fired(p), []);
      await screenshot(p, `store-history-${backend.name}`);
      assert.deepEqual(publisher.problems, []);
      assert.deepEqual(reviewer.problems, []);
    });

    it('with JavaScript the wizard previews the levels as the publisher answers, and offers "did you mean" for a mistyped license', async () => {
      const w = await watchedPage(browser());
      const p = w.page;
      await p.goto(`${server.url}/submit`);
      assert.match((await p.textContent('header.site nav'))!, /Submit[^]*Review/);
      await p.fill('input[name="id"]', 'live-model');
      await p.fill('input[name="name"]', PAYLOADS.name);
      await p.fill('input[name="organization"]', 'Example Org');
      await p.fill('input[name="released"]', '2026-04');
      for (const c of COMPONENTS) await p.selectOption(`select[name="c.${c.key}.status"]`, c.key === 'deployment.data.weights' ? 'public' : 'closed');
      await p.fill('input[name="c.deployment.data.weights.license"]', 'Apache-2.O');
      const suggestion = p.locator('.did-you-mean button', { hasText: 'Apache-2.0' }).first();
      await suggestion.waitFor({ timeout: 5000 });
      assert.match((await p.textContent('#live-preview'))!, /unknown license "Apache-2\.O"/);
      await suggestion.click();
      assert.equal(await p.inputValue('input[name="c.deployment.data.weights.license"]'), 'Apache-2.0');
      const weights = p.locator('#live-preview tr[data-component="deployment.data.weights"] td.level');
      await weights.waitFor({ timeout: 5000 });
      assert.equal(await weights.textContent(), 'D5');
      assert.equal(await p.locator('#live-preview tr[data-component="training.code.pretraining"] td.level').textContent(), 'C1');
      assert.equal(await p.locator('.did-you-mean').count(), 0);
      assert.deepEqual(await fired(p), []);
      await screenshot(p, `store-wizard-live-${backend.name}`);
      // Chromium logs every 4xx a fetch gets; a 400 is classify's answer to a record not yet complete.
      assert.deepEqual(w.problems.filter((m) => !/status of 400 \(Bad Request\)/.test(m)), []);
    });
  });
}
