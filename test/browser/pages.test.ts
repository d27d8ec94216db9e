// The other pages in chromium: a model's explanation, compare, the stats charts with their numbers, licenses, method; no console errors anywhere.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { classify } from '../../src/core/classify.js';
import type { Registry } from '../../src/core/registry.js';
import { type Running, bundledApp, bundledRegistry, listen } from '../server/helpers.js';
import { useBrowser, screenshot, watchedPage } from './browser.js';

const browser = useBrowser();
let server: Running;
let registry: Registry;

before(async () => {
  registry = (await bundledRegistry()).registry;
  server = await listen(await bundledApp());
});
after(async () => {
  await server?.close();
});

describe('pages in a browser', () => {
  it('a model page shows each component\'s explanation, the published value with the reason, and the badge', async () => {
    const { page, problems } = await watchedPage(browser());
    await page.goto(`${server.url}/models/llama-2`);
    const expected = classify(registry.model('llama-2')!, registry.index).components['deployment.data.weights']!;
    const explanation = await page.textContent('section[id="deployment.data.weights"] .explanation');
    assert.equal(explanation, expected.explanation);
    assert.match(await page.textContent('section[id="evaluation.code.safety"] .published') ?? '', /howopen computes C1 instead: The Llama 2 paper/);
    assert.ok(await page.isVisible('section[id="evaluation.code.safety"] .published.disagree'));
    assert.ok(await page.$eval('.badge img', (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 100));
    assert.match(await page.textContent('.badge pre code') ?? '', /\[!\[howopen\]\(http:\/\/127\.0\.0\.1:\d+\/badges\/llama-2\.svg\)\]/);
    await page.click('a[href="/licenses/llama2"] >> nth=0');
    await page.waitForURL(/\/licenses\/llama2$/);
    assert.match(await page.textContent('h1') ?? '', /Llama 2/);
    await screenshot(page, 'license');
    await page.goto(`${server.url}/models/llama-2`);
    await screenshot(page, 'model');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('a model page shows the verdicts panel: llama-2 has no MOF class, fails OSAID and is not exempt; pythia passes and is exempt', async () => {
    const { page, problems } = await watchedPage(browser());
    await page.goto(`${server.url}/models/llama-2`);
    const chip = (id: string) => page.textContent(`#${id}-title .vd`);
    assert.equal(await chip('v-mof'), 'no class');
    assert.equal(await chip('v-osaid'), 'fail');
    assert.equal(await chip('v-eu'), 'no');
    assert.ok(await page.isVisible('#verdicts .disclaimer'));
    assert.match(await page.textContent('#verdicts .disclaimer') ?? '', /not legal advice/);
    assert.match(await page.textContent('#v-mof') ?? '', /Class III: Model parameters \(Final\)/);
    assert.equal(await page.$$eval('#v-mof meter', (ms) => ms.length), 3);
    assert.ok(await page.isVisible('#v-osaid li.failing:has-text("parameters")'));
    assert.equal(await page.$$eval('#v-osai tbody tr', (trs) => trs.length), 12);
    assert.equal(await page.$$eval('#v-paper .area', (as) => as.length), 4);
    assert.ok(await page.$$eval('#v-paper li small', (ss) => ss.every((s) => /^Source: ./.test(s.textContent ?? ''))));
    const advice = await page.$$eval('#advice tbody tr', (trs) => trs.map((tr) => tr.querySelector('th code')?.textContent));
    assert.ok(advice.length > 0);
    assert.equal(advice[0], 'deployment.data.weights');
    await page.click('a[href="#verdicts"]');
    await screenshot(page, 'model-verdicts');
    // Another date from the form: the duties of a 2023 model bind from 2 Aug 2027.
    await page.fill('input[name="as-of"]', '2027-09-01');
    await Promise.all([page.waitForURL(/as-of=2027-09-01/), page.click('.asof-form button')]);
    assert.match(await page.textContent('#verdicts .asof') ?? '', /2027-09-01, the date asked for/);
    assert.ok(await page.$$eval('#v-eu tbody tr', (trs) => trs.some((tr) => (tr as HTMLTableRowElement).cells[4]?.textContent === 'yes')));

    await page.goto(`${server.url}/models/pythia`);
    assert.equal(await chip('v-osaid'), 'pass');
    assert.equal(await chip('v-eu'), 'yes');
    assert.match(await chip('v-osai') ?? '', /^\d+(\.\d)?%$/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('compare: choosing models in the form shows them side by side with the differing rows marked', async () => {
    const { page, problems } = await watchedPage(browser());
    await page.goto(`${server.url}/compare`);
    assert.match(await page.textContent('#compare-status') ?? '', /at least two/);
    // The type-ahead picker: ids or names, one per field.
    const fields = page.locator('#compare-form input[name=ids]');
    await fields.nth(0).fill('llama-2');
    await fields.nth(1).fill(registry.model('pythia')!.name);
    await fields.nth(2).fill('gpt-4');
    assert.equal(await page.$$eval('#model-ids option', (os) => os.length), registry.models.length);
    await Promise.all([page.waitForURL(/ids=/), page.click('#compare-form button')]);
    const heads = await page.$$eval('#compare thead th a', (as) => as.map((a) => a.textContent));
    assert.deepEqual(heads.sort(), ['gpt-4', 'llama-2', 'pythia'].map((id) => registry.model(id)!.name).sort());
    const diffs = await page.$$eval('#compare tr.diff th', (ths) => ths.map((th) => th.firstChild?.nodeValue));
    assert.ok(diffs.includes('Model architecture and weights'));
    assert.ok(await page.isVisible('#compare tr.diff .diffmark'));
    assert.match(await page.textContent('#compare-status') ?? '', /\d+ of 12 components differ in band( \(\d+ more only in level\))?; \d+ of 7 verdicts differ/);
    // The chosen models stay in the picker's fields, each as its id.
    assert.deepEqual((await fields.evaluateAll((is) => is.map((i) => (i as HTMLInputElement).value))).slice(0, 3), ['llama-2', 'pythia', 'gpt-4']);
    // The verdicts side by side: one column per model, in the same order, differing rows marked.
    const osaid = await page.$$eval('#compare-verdicts tr[data-verdict="osaid"] td .vd', (els) => els.map((e) => e.textContent));
    const order = await page.$$eval('#compare-verdicts thead th a', (as) => as.map((a) => a.getAttribute('href')!.split('/').pop()));
    assert.deepEqual(osaid, order.map((id) => (id === 'pythia' ? 'pass' : 'fail')));
    assert.ok(await page.isVisible('#compare-verdicts tr.diff[data-verdict="osaid"] .diffmark'));
    await screenshot(page, 'compare');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('stats: seven charts drawn as SVG, each beside a table with the numbers the API gives', async () => {
    const { page, problems } = await watchedPage(browser());
    await page.goto(`${server.url}/stats`);
    const sizes = await page.$$eval('figure svg', (svgs) => svgs.map((s) => s.getBoundingClientRect()).map((r) => [r.width, r.height]));
    assert.equal(sizes.length, 7);
    for (const [w, h] of sizes) assert.ok(w! > 200 && h! > 100);
    const bars = await page.$$eval('figure svg', (svgs) => svgs.map((s) => s.querySelectorAll('path[fill], rect[fill]').length));
    // The four level charts (the capability charts, drawn with lines and rules, are checked in capability.test.ts).
    assert.ok(bars.slice(0, 4).every((n) => n > 10));
    const api = await (await fetch(`${server.url}/api/v1/stats?set=paper-40&source=published`)).json() as { components: Record<string, Record<string, number>> };
    const row = await page.$$eval('table[data-chart="dist-0"] tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => Number(td.textContent))));
    assert.deepEqual(row.at(-1), ['1', '2', '3', '4', '5', 'N/A', 'Unknown'].map((k) => api.components['deployment.data.weights']![k]));
    const timeline = await page.$$eval('table[data-chart="timeline"] tbody tr', (trs) => trs.length);
    assert.equal(timeline, registry.models.length);
    await screenshot(page, 'stats');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('every page loads without console errors, CSP violations or failed requests', async () => {
    const paths = ['/', '/?source=published', '/?reading=lenient', '/models/pythia', '/models/gpt-4', '/compare?ids=llama-2,pythia', '/licenses', '/licenses/Apache-2.0', '/stats', '/method', '/badges/llama-2.svg', '/index.json', '/api/v1/openapi.json'];
    const { page, problems } = await watchedPage(browser());
    for (const path of paths) {
      const res = await page.goto(server.url + path);
      assert.equal(res?.status(), 200, path);
      if (path === '/method') await screenshot(page, 'method');
      if (path === '/licenses') await screenshot(page, 'licenses');
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
});
