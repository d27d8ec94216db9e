// The static export in chromium, served by a plain static file server: the client script restores state from the URL, sorts, filters, compares.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Registry } from '../../src/core/registry.js';
import { buildSite } from '../../src/site/build.js';
import { type Running, bundledRegistry, serveFiles } from '../server/helpers.js';
import { useBrowser, screenshot, shownIds, watchedPage } from './browser.js';

const browser = useBrowser();
let server: Running;
let registry: Registry;

before(async () => {
  registry = (await bundledRegistry()).registry;
  const dir = mkdtempSync(join(tmpdir(), 'howopen-static-'));
  await buildSite(registry, dir);
  server = await serveFiles(dir);
});
after(async () => {
  await server?.close();
});

describe('the static export in a browser', () => {
  it('applies filters and sort from the URL, sorts on click, and keeps the state across the published switch', async () => {
    const { page, problems } = await watchedPage(browser());
    await page.goto(`${server.url}/index.html?org=Meta&sort=-released`);
    await page.waitForSelector('#taxonomy[data-ready]');
    let ids = await shownIds(page);
    assert.ok(ids.length > 0);
    for (const id of ids) assert.equal(registry.model(id)!.organization, 'Meta');
    const dates = ids.map((id) => registry.model(id)!.released);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.equal(await page.inputValue('select[name=org]'), 'Meta');
    await page.click('th[data-key="name"] a');
    ids = await shownIds(page);
    const names = ids.map((id) => registry.model(id)!.name.toLowerCase());
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    assert.match(page.url(), /index\.html\?org=Meta&sort=name$/);
    await Promise.all([page.waitForURL(/index-published\.html/), page.click('nav.switch a:has-text("published")')]);
    await page.waitForSelector('#taxonomy[data-ready]');
    assert.match(page.url(), /index-published\.html\?org=Meta&sort=name$/);
    for (const id of await shownIds(page)) assert.equal(registry.model(id)!.organization, 'Meta');
    await screenshot(page, 'static-index');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('compare picks the columns from the URL and marks the differences', async () => {
    const { page, problems } = await watchedPage(browser());
    await page.goto(`${server.url}/compare.html?ids=llama-2,pythia`);
    await page.waitForSelector('#compare[data-ready]');
    const heads = await page.$$eval('#compare thead th[data-m]:not([hidden])', (ths) => ths.map((th) => th.getAttribute('data-m')));
    assert.deepEqual(heads.sort(), ['llama-2', 'pythia']);
    const diffs = await page.$$eval('#compare tr.diff th', (ths) => ths.map((th) => th.firstChild?.nodeValue));
    assert.ok(diffs.includes('Model architecture and weights'));
    assert.match(await page.textContent('#compare-status') ?? '', /\d+ of 12 components differ in band( \(\d+ more only in level\))?; \d+ of 7 verdicts differ/);
    const verdictHeads = await page.$$eval('#compare-verdicts thead th[data-m]:not([hidden])', (ths) => ths.map((th) => th.getAttribute('data-m')));
    assert.deepEqual(verdictHeads.sort(), ['llama-2', 'pythia']);
    assert.ok(await page.isVisible('#compare-verdicts tr.diff[data-verdict="osaid"] .diffmark'));
    assert.ok(await page.isHidden('#compare-verdicts tr[data-verdict="euSystemicRisk"] .diffmark'));
    await screenshot(page, 'static-compare');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('pages, styles, badges and links work from the files', async () => {
    const { page, problems } = await watchedPage(browser());
    await page.goto(`${server.url}/models/pythia.html`);
    assert.equal(await page.$eval('.lv.s5', (el) => getComputedStyle(el).backgroundColor), 'rgb(26, 150, 65)');
    assert.equal(await page.textContent('#v-osaid-title .vd'), 'pass');
    assert.match(await page.textContent('#verdicts .asof') ?? '', /^Dated rules read as of \d{4}-\d{2}-\d{2}, the day this site was built\.$/);
    assert.ok(await page.$eval('.badge img', (img) => (img as HTMLImageElement).naturalWidth > 100));
    await Promise.all([page.waitForURL(/licenses\/Apache-2\.0\.html$/), page.click('a[href="../licenses/Apache-2.0.html"] >> nth=0')]);
    await Promise.all([page.waitForURL(/models\/pythia\.html$/), page.click('a[href="../models/pythia.html"]')]);
    for (const path of ['/stats.html', '/method.html', '/licenses.html', '/index-lenient.html']) {
      const res = await page.goto(server.url + path);
      assert.equal(res?.status(), 200, path);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
});
