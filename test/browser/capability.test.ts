// The capability charts on /stats in chromium: drawn, each beside its numbers, and every chart with a text alternative (axe-core).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Running, bundledApp, listen } from '../server/helpers.js';
import { screenshot, useBrowser, watchedPage } from './browser.js';

const browser = useBrowser();
let server: Running;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

before(async () => { server = await listen(await bundledApp()); });
after(async () => { await server?.close(); });

interface AxeResult { violations: { id: string; nodes: { target: string[] }[] }[]; passes: { id: string; nodes: unknown[] }[] }

/** axe-core, evaluated in the page through the DevTools protocol (the page's CSP rightly forbids an injected script tag). */
async function axe(page: Page, rules: string[]): Promise<AxeResult> {
  await page.evaluate(AXE);
  return page.evaluate((values) => (window as unknown as { axe: { run(ctx: Document, o: unknown): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'rule', values } }), rules) as Promise<AxeResult>;
}

describe('capability on /stats in a browser', () => {
  it('draws the gap and the capability charts, each beside the numbers the API gives', async () => {
    const { page, problems } = await watchedPage(browser());
    await page.goto(`${server.url}/stats`);
    const api = await (await fetch(`${server.url}/api/v1/gap`)).json() as { months: { month: string; closed: { score: number } | null; open: { score: number } | null; lag: number | null }[]; models: unknown[] };
    for (const id of ['gap-title', 'cap-level-title', 'cap-open-title']) {
      const size = await page.$eval(`section[aria-labelledby="${id}"] figure svg`, (s) => { const r = s.getBoundingClientRect(); return [r.width, r.height, s.querySelectorAll('path, line, text').length]; });
      assert.ok(size[0]! > 300 && size[1]! > 200 && size[2]! > 20, `${id}: ${size.join(' × ')}`);
    }
    const rows = await page.$$eval('table[data-chart="gap"] tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, ...Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')]));
    const withData = api.months.filter((m) => m.open || m.closed);
    assert.equal(rows.length, withData.length);
    for (const [i, m] of withData.entries()) {
      assert.equal(rows[i]![0], m.month);
      assert.ok(rows[i]![4]!.startsWith(m.closed ? m.closed.score.toFixed(1) : '—'), `${m.month} closed`);
      assert.ok(rows[i]![5]!.startsWith(m.lag !== null ? `${m.lag} mo` : m.closed ? '≥' : ''), `${m.month} lag`);
    }
    // Every scored version is listed, matched or not.
    assert.equal(await page.$$eval('table[data-chart="cap-level"] tbody tr', (trs) => trs.length), api.models.length);
    await page.locator('#gap-title').scrollIntoViewIfNeeded();
    await screenshot(page, 'stats-capability');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('gives every chart on /stats a text alternative, by axe-core', async () => {
    const { page } = await watchedPage(browser());
    await page.goto(`${server.url}/stats`);
    const result = await axe(page, ['svg-img-alt', 'role-img-alt']);
    assert.deepEqual(result.violations.map((v) => [v.id, v.nodes.map((n) => n.target.join(' '))]), []);
    // The rule did run on the charts (it also checks the marks Vega gives a graphics role).
    const checked = result.passes.find((p) => p.id === 'svg-img-alt')?.nodes.length ?? 0;
    const charts = await page.$$eval('figure svg[role="img"]', (s) => s.map((x) => x.getAttribute('aria-label') ?? ''));
    assert.equal(charts.length, 7);
    assert.ok(charts.every((label) => label.length > 40));
    assert.ok(checked >= charts.length);
    await page.close();
  });
});
