// Every page at 390 px (a phone) and 1440 px (a laptop): no sideways page scroll, only the tables' own scroll areas, the model column sticky; screenshots kept.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type Running, bundledApp, listen } from '../server/helpers.js';
import { screenshot, useBrowser } from './browser.js';

const browser = useBrowser();
let server: Running;

before(async () => { server = await listen(await bundledApp()); });
after(async () => { await server?.close(); });

/** Every kind of page, with the query states that change its layout most. */
export const PAGES: readonly { name: string; path: string; status?: number; /** Also measured without the script: pages whose layout the script changes. */ scripted?: boolean }[] = [
  { name: 'index', path: '/', scripted: true },
  { name: 'index-filtered', path: '/?can=commercial&for=weights&osaid=fail&where=organization%3DMeta', scripted: true },
  { name: 'index-published', path: '/?source=published' },
  { name: 'model-llama-2', path: '/models/llama-2' },
  { name: 'model-gpt-4', path: '/models/gpt-4' },
  { name: 'compare-empty', path: '/compare' },
  { name: 'compare', path: '/compare?ids=llama-2,pythia,gpt-4', scripted: true },
  { name: 'licenses', path: '/licenses' },
  { name: 'license-llama2', path: '/licenses/llama2' },
  { name: 'stats', path: '/stats' },
  { name: 'method', path: '/method' },
  { name: 'not-found', path: '/models/no-such-model', status: 404 },
  { name: 'bad-query', path: '/?from=soon', status: 400 },
];

const WIDTHS = [390, 1440] as const;

/** The page's width against the window's, and the first elements wider than the window outside a scroll area of their own. */
const MEASURE = `(() => {
  const inScroller = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (/(auto|scroll)/.test(getComputedStyle(p).overflowX)) return true;
    return false;
  };
  const wide = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !inScroller(el))
    .slice(0, 6).map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ').join('.') : '') + ' ' + Math.round(el.getBoundingClientRect().right) + 'px');
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, wide };
})()`;

async function measure(b: Browser, width: number, path: string, javaScriptEnabled: boolean) {
  const context = await b.newContext({ viewport: { width, height: 844 }, javaScriptEnabled });
  const page = await context.newPage();
  const res = await page.goto(server.url + path);
  if (javaScriptEnabled && (path.startsWith('/?') || path === '/')) await page.waitForSelector('#taxonomy[data-ready]').catch(() => undefined);
  // A string, not a function: the test's compiler would wrap named helpers in code the page does not have.
  const sizes = await page.evaluate(MEASURE) as { scrollWidth: number; innerWidth: number; wide: string[] };
  return { page, context, status: res?.status(), ...sizes };
}

describe('every screen', () => {
  for (const width of WIDTHS) {
    it(`at ${width} px no page scrolls sideways (scrollWidth <= innerWidth), with the script and, where it changes the page, without`, async () => {
      const failures: string[] = [];
      for (const { name, path, status, scripted } of PAGES) {
        for (const js of scripted ? [true, false] : [true]) {
          const m = await measure(browser(), width, path, js);
          assert.equal(m.status, status ?? 200, path);
          if (m.scrollWidth > m.innerWidth) failures.push(`${path} (${js ? 'script' : 'no script'}): scrollWidth ${m.scrollWidth} > ${m.innerWidth}; too wide: ${m.wide.join(', ')}`);
          if (js) await screenshot(m.page, `${width}-${name}`);
          await m.context.close();
        }
      }
      assert.deepEqual(failures, []);
    });
  }

  it('at 390 px the index table scrolls inside its own area with the model column sticky, and every control fits', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('#taxonomy[data-ready]');
    const scroller = await page.$eval('#taxonomy', (t) => { const s = t.parentElement!; return { client: s.clientWidth, scroll: s.scrollWidth, overflow: getComputedStyle(s).overflowX }; });
    assert.ok(scroller.scroll > scroller.client, 'the table is wider than a phone and scrolls in its area');
    assert.equal(scroller.overflow, 'auto');
    const head = page.locator('#taxonomy tbody tr:not([hidden]) th[scope=row]').first();
    const before = await head.boundingBox();
    await page.$eval('#taxonomy', (t) => { t.parentElement!.scrollLeft = 400; });
    const after = await head.boundingBox();
    assert.ok(before && after && Math.abs(after.x - before.x) < 1, `the model column stays put (x ${before?.x} → ${after?.x})`);
    const controls = await page.$$eval('#filters input, #filters select, #filters button', (els) => els.filter((e) => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; }).map((e) => e.getAttribute('name') ?? e.tagName));
    assert.deepEqual(controls, []);
    await context.close();
  });
});
