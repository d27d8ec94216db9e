// The index in chromium: every model with the right labels and colors, sorting and filtering by mouse and keyboard, the URL, the switch, no script needed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { classify } from '../../src/core/classify.js';
import type { Registry } from '../../src/core/registry.js';
import { COMPONENT_KEYS, NOT_SCORED, SCALE } from '../../src/core/taxonomy.js';
import { createApp } from '../../src/server/app.js';
import { type Running, bundledApp, bundledRegistry, generated, listen } from '../server/helpers.js';
import { useBrowser, rgb, screenshot, shownIds, watchedPage } from './browser.js';

const browser = useBrowser();
let server: Running;
let registry: Registry;
const problems: string[] = [];

before(async () => {
  registry = (await bundledRegistry()).registry;
  server = await listen(await bundledApp());
});
after(async () => {
  await server?.close();
});

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const w = await watchedPage(browser(), options);
  w.page.on('close', () => problems.push(...w.problems));
  await w.page.goto(server.url + path);
  if (options.javaScriptEnabled !== false) {
    await w.page.waitForSelector('#taxonomy[data-ready]');
    // Past 500 models the index shows 100 rows at a time; these tests read every row, so they ask for all of them.
    const all = w.page.locator('button[data-more="all"]');
    if (await all.isVisible()) await all.click();
  }
  return w.page;
}

function cellSelector(id: string, key: string): string {
  return `#taxonomy tr[data-id="${id}"] td:nth-child(${COMPONENT_KEYS.indexOf(key) + 3})`;
}

async function cell(page: Page, id: string, key: string): Promise<{ text: string; background: string; color: string }> {
  return page.$eval(cellSelector(id, key), (td) => {
    const s = getComputedStyle(td);
    return { text: (td.querySelector('a') ?? td).firstChild?.nodeValue ?? '', background: s.backgroundColor, color: s.color };
  });
}

function param(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

describe('the index in a browser', () => {
  it('shows every model with the engine\'s labels, in the scale\'s colors; N/A and Unknown in colors of their own', async () => {
    const page = await open('/');
    assert.equal((await shownIds(page)).length, registry.models.length);
    const checks: [string, string][] = [['llama-2', 'deployment.data.weights'], ['pythia', 'deployment.data.weights'], ['pythia', 'training.code.finetuning'], ['gpt-4', 'deployment.data.weights'], ['gpt-4', 'training.code.pretraining']];
    const withUnknown = registry.models.find((m) => Object.values(classify(m, registry.index).components).some((c) => c.level === 'Unknown'));
    if (withUnknown) checks.push([withUnknown.id, COMPONENT_KEYS.find((k) => classify(withUnknown, registry.index).components[k]!.level === 'Unknown')!]);
    for (const [id, key] of checks) {
      const expected = classify(registry.model(id)!, registry.index).components[key]!;
      const got = await cell(page, id, key);
      assert.equal(got.text, expected.level, `${id} ${key}`);
      const color = expected.score !== null ? SCALE[expected.score - 1]!.color : NOT_SCORED[expected.level as 'N/A' | 'Unknown'].color;
      assert.equal(got.background, rgb(color), `${id} ${key} background`);
    }
    assert.equal((await cell(page, 'llama-2', 'deployment.data.weights')).text, 'D3');
    assert.equal((await cell(page, 'pythia', 'deployment.data.weights')).background, rgb('#1a9641'));
    assert.notEqual(rgb(NOT_SCORED['N/A'].color), rgb(NOT_SCORED.Unknown.color));
    await screenshot(page, 'index');
    await page.close();
  });

  it('sorts by clicking a header, toggles the direction, and puts the sort in the URL', async () => {
    const page = await open('/');
    await page.click('th[data-key="released"] a');
    assert.equal(param(page, 'sort'), '-released');
    let dates = (await shownIds(page)).map((id) => registry.model(id)!.released);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.equal(await page.getAttribute('th[data-key="released"]', 'aria-sort'), 'descending');
    await page.click('th[data-key="released"] a');
    assert.equal(param(page, 'sort'), 'released');
    dates = (await shownIds(page)).map((id) => registry.model(id)!.released);
    assert.deepEqual(dates, [...dates].sort());
    // The server renders the same order from the URL.
    const api = await (await fetch(`${server.url}/api/v1/models?sort=released`)).json() as { models: { id: string }[] };
    assert.deepEqual(await shownIds(page), api.models.map((m) => m.id));
    await page.click('th[data-key="deployment.data.weights"] a');
    const apiWeights = await (await fetch(`${server.url}/api/v1/models?sort=-deployment.data.weights`)).json() as { models: { id: string }[] };
    assert.deepEqual(await shownIds(page), apiWeights.models.map((m) => m.id));
    assert.equal(await page.getAttribute('th[data-key="released"]', 'aria-sort'), null);
    await page.close();
  });

  it('filters by organization, release years, a component level and free text, and keeps them in the URL', async () => {
    const page = await open('/');
    await page.selectOption('select[name=org]', 'Meta');
    assert.equal(param(page, 'org'), 'Meta');
    let ids = await shownIds(page);
    assert.ok(ids.length > 0 && ids.includes('llama-2'));
    for (const id of ids) assert.equal(registry.model(id)!.organization, 'Meta');
    assert.equal(await page.textContent('#count strong'), String(ids.length));

    await page.selectOption('select[name=org]', '');
    await page.fill('input[name=from]', '2023');
    await page.fill('input[name=to]', '2023');
    ids = await shownIds(page);
    assert.ok(ids.length > 0);
    for (const id of ids) assert.match(registry.model(id)!.released, /^2023-/);
    assert.equal(param(page, 'from'), '2023');

    await page.fill('input[name=from]', '');
    await page.fill('input[name=to]', '');
    await page.selectOption('select[name=component]', 'deployment.data.weights');
    await page.selectOption('select[name=op]', '>=');
    await page.selectOption('select[name=level]', '4');
    ids = await shownIds(page);
    assert.ok(ids.includes('pythia') && !ids.includes('gpt-4') && !ids.includes('llama-2'));
    const api = await (await fetch(`${server.url}/api/v1/models?component=deployment.data.weights&op=%3E%3D&level=4`)).json() as { models: { id: string }[] };
    assert.deepEqual([...ids].sort(), api.models.map((m) => m.id).sort());
    assert.equal(param(page, 'component'), 'deployment.data.weights');
    assert.equal(param(page, 'level'), '4');

    await page.click('a.reset');
    await page.fill('input[name=q]', 'pythia');
    ids = await shownIds(page);
    assert.ok(ids.includes('pythia'));
    assert.ok(ids.length < registry.models.length);
    assert.equal(param(page, 'q'), 'pythia');
    assert.equal(param(page, 'component'), null);
    await page.close();
  });

  it('filters by OSAID verdict, MOF class and EU exemption: the rows and the URL change, and agree with the API', async () => {
    const page = await open('/');
    const all = await shownIds(page);
    await page.selectOption('select[name=osaid]', 'pass');
    assert.equal(param(page, 'osaid'), 'pass');
    const ids = await shownIds(page);
    assert.ok(ids.length > 0 && ids.length < all.length);
    assert.ok(ids.includes('pythia') && !ids.includes('llama-2'));
    const api = await (await fetch(`${server.url}/api/v1/models?osaid=pass`)).json() as { models: { id: string }[] };
    assert.deepEqual(ids, api.models.map((m) => m.id));
    assert.equal(await page.textContent('#count strong'), String(ids.length));
    // Each shown row's verdicts column says pass on its OSAID line.
    assert.ok(await page.$$eval('#taxonomy tbody tr:not([hidden]) td.v', (tds) => tds.every((td) => td.querySelectorAll('b')[1]?.textContent === 'pass')));
    await page.selectOption('select[name=osaid]', '');
    await page.selectOption('select[name=exempt]', 'no');
    await page.selectOption('select[name=mof]', 'none');
    assert.equal(param(page, 'osaid'), null);
    assert.equal(param(page, 'exempt'), 'no');
    const notExempt = await (await fetch(`${server.url}/api/v1/models?exempt=no&mof=none`)).json() as { models: { id: string }[] };
    assert.deepEqual(await shownIds(page), notExempt.models.map((m) => m.id));
    assert.ok((await shownIds(page)).includes('llama-2'));
    await page.click('a.reset');
    assert.equal(param(page, 'exempt'), null);
    assert.equal((await shownIds(page)).length, all.length);
    // From the URL, the where= form included.
    const restored = await open(`/?where=${encodeURIComponent('osaid=pass')}&sort=-released`);
    const apiWhere = await (await fetch(`${server.url}/api/v1/models?where=${encodeURIComponent('osaid=pass')}&sort=-released`)).json() as { models: { id: string }[] };
    assert.deepEqual(await shownIds(restored), apiWhere.models.map((m) => m.id));
    const fromParam = await open('/?osaid=pass&exempt=yes');
    assert.equal(await fromParam.inputValue('select[name=osaid]'), 'pass');
    const both = await (await fetch(`${server.url}/api/v1/models?osaid=pass&exempt=yes`)).json() as { models: { id: string }[] };
    assert.deepEqual(await shownIds(fromParam), both.models.map((m) => m.id));
    await Promise.all([restored.close(), fromParam.close(), page.close()]);
  });

  it('restores the state from the URL and gives the same rows as the server', async () => {
    const query = 'org=Meta&sort=-released&where=deployment.data.weights%3E%3DD3';
    const page = await open(`/?${query}`);
    const api = await (await fetch(`${server.url}/api/v1/models?${query}`)).json() as { models: { id: string }[] };
    assert.deepEqual(await shownIds(page), api.models.map((m) => m.id));
    assert.equal(await page.inputValue('select[name=org]'), 'Meta');
    await page.close();
  });

  it('works from the keyboard: sorting with Enter on a header, filtering by typing and choosing', async () => {
    const page = await open('/');
    await page.focus('th[data-key="deployment.data.weights"] a');
    await page.keyboard.press('Enter');
    assert.equal(param(page, 'sort'), '-deployment.data.weights');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('th')?.getAttribute('data-key')), 'deployment.data.weights');
    await page.focus('input[name=q]');
    await page.keyboard.type('llama');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'org');
    assert.equal(param(page, 'q'), 'llama');
    const ids = await shownIds(page);
    assert.ok(ids.includes('llama-2') && !ids.includes('gpt-4'));
    await page.focus('select[name=level]');
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.inputValue('select[name=level]'));
    await page.close();
  });

  it('switches to the published levels, keeping the filters, with the disagreements marked', async () => {
    const page = await open('/');
    await page.selectOption('select[name=org]', 'Meta');
    await Promise.all([page.waitForURL(/source=published/), page.click('nav.switch a:has-text("published")')]);
    await page.waitForSelector('#taxonomy[data-ready]');
    assert.equal(param(page, 'org'), 'Meta');
    const safety = await cell(page, 'llama-2', 'evaluation.code.safety');
    assert.equal(safety.text, 'N/A');
    assert.equal((await page.textContent(`${cellSelector('llama-2', 'evaluation.code.safety')} b`))?.trim(), '≠C1');
    for (const id of await shownIds(page)) assert.equal(registry.model(id)!.organization, 'Meta');
    await screenshot(page, 'index-published');
    await page.close();
  });

  it('needs no script: the server renders filters and sort from the URL, and the form submits', async () => {
    const page = await open('/?org=Meta', { javaScriptEnabled: false });
    const ids = await shownIds(page);
    assert.ok(ids.length > 0);
    for (const id of ids) assert.equal(registry.model(id)!.organization, 'Meta');
    await page.selectOption('select[name=org]', '');
    await page.fill('input[name=q]', 'pythia');
    await Promise.all([page.waitForURL(/q=pythia/), page.click('button[type=submit]')]);
    assert.ok((await shownIds(page)).includes('pythia'));
    await Promise.all([page.waitForURL(/sort=-released/), page.click('th[data-key="released"] a')]);
    const dates = (await shownIds(page)).map((id) => registry.model(id)!.released);
    assert.deepEqual(dates, [...dates].sort().reverse());
    await page.close();
  });

  it('"Can I…" filters in place to the API\'s answer, for each question and scope, and from the URL', async () => {
    const page = await open('/');
    for (const [can, scope] of [['commercial', 'weights'], ['other_license_derivative', 'weights'], ['modify', 'data'], ['commercial', 'code']] as const) {
      await page.selectOption('select[name=for]', scope);
      await page.selectOption('select[name=can]', can);
      assert.equal(param(page, 'can'), can);
      assert.equal(param(page, 'for'), scope);
      const api = await (await fetch(`${server.url}/api/v1/models?can=${can}&for=${scope}`)).json() as { models: { id: string }[] };
      assert.deepEqual(await shownIds(page), api.models.map((m) => m.id), `${can} ${scope}`);
      assert.equal(await page.textContent('#count strong'), String(api.models.length));
    }
    await page.click('a.reset');
    assert.equal(param(page, 'can'), null);
    assert.equal((await shownIds(page)).length, registry.models.length);
    // A where condition on a right, and an alias, from the URL.
    const where = await open(`/?where=${encodeURIComponent('weights.relicense=yes')}&can=commercial`);
    const api = await (await fetch(`${server.url}/api/v1/models?where=${encodeURIComponent('deployment.data.weights.other_license_derivative=yes')}&can=commercial`)).json() as { models: { id: string }[] };
    assert.deepEqual(await shownIds(where), api.models.map((m) => m.id));
    assert.ok(api.models.length > 0);
    // The weights cell's mark says the same as the filter.
    const marks = await where.$$eval(`#taxonomy tbody tr:not([hidden]) td:nth-child(${COMPONENT_KEYS.indexOf('deployment.data.weights') + 3}) small.cu`, (els) => els.map((e) => e.textContent));
    assert.ok(marks.length > 0 && marks.every((m) => m === '$ yes'), marks.join(','));
    await Promise.all([where.close(), page.close()]);
  });

  it('every cell links to its component on the model\'s page and shows its whole text on hover and on focus', async () => {
    const page = await open('/');
    const selector = `${cellSelector('llama-2', 'deployment.data.weights')} a`;
    assert.equal(await page.getAttribute(selector, 'href'), '/models/llama-2#deployment.data.weights');
    const all = await page.$$eval('#taxonomy tbody td:not(.v):not(.pct)', (tds) => tds.filter((td, i) => i % 13 !== 0 && !td.querySelector('a.cl')).length);
    assert.equal(all, 0, 'every level cell is a link');
    const tip = () => page.$eval(selector, (a) => getComputedStyle(a, '::after').content);
    assert.equal(await tip(), 'none');
    await page.focus(selector);
    const focused = await tip();
    assert.match(focused, /Model architecture and weights: D3: public, highly or moderately restrictive license; license llama2/);
    assert.match(focused, /commercial use no \(strict reading\)/);
    // Its whole license even where the cell cuts it short.
    const long = await page.$$eval('#taxonomy tbody td i', (is) => is.map((i) => ({ text: i.textContent ?? '', cut: i.scrollWidth > i.clientWidth, label: i.closest('a')?.getAttribute('aria-label') ?? '' })).filter((x) => x.cut));
    assert.ok(long.length > 0);
    for (const l of long) assert.ok(l.label.includes(l.text), `${l.text} in ${l.label}`);
    await page.locator(selector).blur();
    await page.hover(selector);
    assert.equal(await tip(), focused);
    await screenshot(page, 'index-tip');
    await Promise.all([page.waitForURL(/\/models\/llama-2#deployment\.data\.weights$/), page.click(selector)]);
    assert.ok(await page.isVisible('section[id="deployment.data.weights"]'));
    await page.close();
  });

  it('a registry too long to lay out at once shows 100 rows at a time, in the order and filter asked for', async () => {
    const big = generated(registry, 600);
    const bigServer = await listen(createApp({ registry: big }));
    try {
      const w = await watchedPage(browser());
      const page = w.page;
      await page.goto(`${bigServer.url}/?sort=-released`);
      await page.waitForSelector('#taxonomy[data-ready]');
      let ids = await shownIds(page);
      assert.equal(ids.length, 100);
      const api = await (await fetch(`${bigServer.url}/api/v1/models?sort=-released`)).json() as { models: { id: string }[] };
      assert.deepEqual(ids, api.models.slice(0, 100).map((m) => m.id));
      assert.equal(await page.textContent('#count strong'), '600');
      await page.click('button[data-more="page"]');
      assert.equal((await shownIds(page)).length, 200);
      await page.click('button[data-more="all"]');
      assert.equal((await shownIds(page)).length, 600);
      assert.ok(await page.isHidden('p.more'));
      await page.selectOption('select[name=org]', big.models[0]!.organization);
      ids = await shownIds(page);
      const expected = big.models.filter((m) => m.organization === big.models[0]!.organization).length;
      assert.equal(await page.textContent('#count strong'), String(expected));
      assert.equal(ids.length, Math.min(expected, 100));
      assert.deepEqual(w.problems, []);
      await page.close();
    } finally {
      await bigServer.close();
    }
  });

  it('logged no console errors, CSP violations or failed requests', () => {
    assert.deepEqual(problems, []);
  });
});
