// Peer baselines in one chromium run over the same generated rows: howopen's index, the paper's site's stack (jQuery + bootstrap-table from node_modules) and a hand-written floor page.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Registry } from '../src/core/registry.js';
import { tableRows } from '../src/core/table.js';
import { COMPONENTS } from '../src/core/taxonomy.js';
import { createApp } from '../src/server/app.js';
import { escape as escapeHtml } from '../src/server/html.js';
import { launch } from '../test/browser/browser.js';
import { ROOT } from '../test/helpers.js';
import { listen } from '../test/server/helpers.js';
import { validGenerated } from './generate.js';

export const SIZES = [45, 168, 2000, 20000] as const;
export type Stack = 'howopen' | 'peer' | 'floor';
export interface Figures { fcp: number; ready: number; tbt: number; sortScript: number; sortPaint: number; filterScript: number; filterPaint: number; showAll: number }
export type Measured = Record<number, Record<Stack, Figures>>;

/** The vendor files as the paper's site loads them (its _layouts/default.html), here from node_modules. */
const VENDOR: Record<string, string> = {
  '/vendor/bootstrap.min.css': 'bootstrap/dist/css/bootstrap.min.css',
  '/vendor/bootstrap-table.min.css': 'bootstrap-table/dist/bootstrap-table.min.css',
  '/vendor/jquery.min.js': 'jquery/dist/jquery.min.js',
  '/vendor/bootstrap.bundle.min.js': 'bootstrap/dist/js/bootstrap.bundle.min.js',
  '/vendor/bootstrap-table.min.js': 'bootstrap-table/dist/bootstrap-table.min.js',
};

interface PlainRow { name: string; cells: { level: string; license: string | null; score: number | null }[]; released: string }

function plainRows(registry: Registry): PlainRow[] {
  return tableRows(registry).map((r) => ({ name: r.name, released: r.released, cells: COMPONENTS.map((c) => ({ level: r.cells[c.key]!.level, license: r.cells[c.key]!.license, score: r.cells[c.key]!.score })) }));
}

function cellHtml(c: PlainRow['cells'][number]): string {
  return `<td class="lv${c.score ?? 'x'}">${escapeHtml(c.level)}${c.license ? `<br>(${escapeHtml(c.license)})` : ''}</td>`;
}

/** The paper's site's page: its three header rows, data-search and data-pagination, every column sortable. */
function peerPage(rows: PlainRow[]): string {
  const heads = COMPONENTS.map((c) => `<th data-sortable="true">${escapeHtml(c.key)}</th>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>peer</title>
<link rel="stylesheet" href="/vendor/bootstrap.min.css"><link rel="stylesheet" href="/vendor/bootstrap-table.min.css"></head><body>
<div id="taxonomy-container"><table id="taxonomy" data-toggle="table" data-search="true" data-pagination="true" data-width="80%"><thead>
<tr><th rowspan="3" data-sortable="true">Model</th><th colspan="6">(1) Training</th><th colspan="4">(2) Evaluation</th><th colspan="2">(3) Deployment</th></tr>
<tr><th colspan="3">Code</th><th colspan="3">Data</th><th colspan="2">Code</th><th colspan="2">Data</th><th>Code</th><th>Data</th></tr>
<tr>${heads}</tr></thead><tbody>
${rows.map((r) => `<tr><td>${escapeHtml(r.name)}</td>${r.cells.map(cellHtml).join('')}</tr>`).join('\n')}
</tbody></table></div>
<script src="/vendor/jquery.min.js"></script><script src="/vendor/bootstrap.bundle.min.js"></script><script src="/vendor/bootstrap-table.min.js"></script><script src="/peer-ready.js"></script>
</body></html>`;
}

/** Runs after bootstrap-table's own jQuery-ready initialisation, so the mark follows the table's first build. */
const PEER_READY = "$(function () { document.getElementById('taxonomy').setAttribute('data-ready', ''); });";

/** The floor: one table, a sort key per column computed once, a lowercase text per row, nodes reordered, never rebuilt. */
function floorPage(rows: PlainRow[]): string {
  const heads = ['name', ...COMPONENTS.map((c) => c.key)].map((k, i) => `<th><button type="button" data-col="${i}">${escapeHtml(k)}</button></th>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>
<style>tbody tr{content-visibility:auto;contain-intrinsic-size:auto 2.5em}</style></head><body>
<input id="q" type="search" aria-label="filter"><button type="button" id="all">show all</button>
<table id="taxonomy"><thead><tr>${heads}</tr></thead><tbody>
${rows.map((r, i) => `<tr data-k="${[r.name.toLowerCase(), ...r.cells.map((c) => c.score ?? 0)].map((v) => escapeHtml(String(v))).join('\u001f')}"${i >= 100 ? ' hidden' : ''}><td>${escapeHtml(r.name)}</td>${r.cells.map(cellHtml).join('')}</tr>`).join('\n')}
</tbody></table><script src="/floor.js"></script></body></html>`;
}

const FLOOR_JS = `(function () {
  var tbody = document.querySelector('#taxonomy tbody');
  var rows = Array.prototype.slice.call(tbody.rows);
  var keys = rows.map(function (tr) { return tr.getAttribute('data-k').split('\\u001f'); });
  var text = rows.map(function (tr) { return tr.textContent.toLowerCase(); });
  var order = rows.map(function (_, i) { return i; });
  var limit = 100, q = '', col = -1, dir = 1;
  function show() {
    var n = 0;
    for (var j = 0; j < order.length; j++) { var i = order[j]; var hit = !q || text[i].indexOf(q) >= 0; var h = !(hit && n < limit); if (hit) n++; if (rows[i].hidden !== h) rows[i].hidden = h; }
  }
  document.querySelector('thead').addEventListener('click', function (e) {
    var b = e.target.closest('button'); if (!b) return;
    var c = Number(b.getAttribute('data-col')); dir = c === col ? -dir : 1; col = c;
    var k = keys.map(function (ks) { return c === 0 ? ks[0] : Number(ks[c]); });
    order.sort(function (a, b) { return k[a] < k[b] ? -dir : k[a] > k[b] ? dir : a - b; });
    tbody.append.apply(tbody, order.map(function (i) { return rows[i]; }));
    show();
  });
  document.getElementById('q').addEventListener('input', function (e) { q = e.target.value.toLowerCase(); show(); });
  document.getElementById('all').addEventListener('click', function () { limit = Infinity; show(); });
  document.getElementById('taxonomy').setAttribute('data-ready', '');
})();`;

async function servePeers(rows: PlainRow[]) {
  const pages: Record<string, [string, string]> = {
    '/peer.html': ['text/html', peerPage(rows)],
    '/floor.html': ['text/html', floorPage(rows)],
    '/peer-ready.js': ['text/javascript', PEER_READY],
    '/floor.js': ['text/javascript', FLOOR_JS],
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const page = pages[path];
    const vendor = VENDOR[path];
    if (page) { res.writeHead(200, { 'content-type': `${page[0]}; charset=utf-8` }); res.end(page[1]); return; }
    if (vendor) { res.writeHead(200, { 'content-type': path.endsWith('.css') ? 'text/css' : 'text/javascript' }); res.end(readFileSync(join(ROOT, 'node_modules', vendor))); return; }
    res.writeHead(404); res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Records when #taxonomy gets data-ready, and every long task, from the first byte of the page on. */
const OBSERVE = `(() => {
  // tsx compiles the functions handed to page.evaluate with esbuild's keepNames, which calls __name.
  window.__name = (f) => f;
  window.__long = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); } catch {}
  new MutationObserver((ms, o) => { for (const m of ms) if (m.target.id === 'taxonomy' && m.target.hasAttribute('data-ready')) { window.__ready = performance.now(); o.disconnect(); } })
    .observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
})();`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

type Kind = 'sort' | 'filter' | 'showAll';

/** Runs an action in the page (no eval: the index's CSP forbids it): its synchronous script time, and the time until the frame after it was painted. */
async function timed(page: Page, stack: Stack, kind: Kind, arg: string | number = ''): Promise<{ script: number; paint: number }> {
  return page.evaluate(async ([stack, kind, arg]) => {
    const SORT_KEYS = ['name', 'released', 'deployment.data.weights', 'training.data.pretraining', 'openness'];
    const SORT_COLS = [0, 1, 12, 4, 0];
    const $ = (window as unknown as { $: (s: string) => { bootstrapTable: (m: string, a?: string) => void } }).$;
    const fill = (f: HTMLInputElement) => { f.value = String(arg); f.dispatchEvent(new Event('input', { bubbles: true })); };
    const actions: Record<string, () => void> = {
      'howopen sort': () => document.querySelector<HTMLElement>(`th[data-key="${SORT_KEYS[Number(arg) % 5]}"] a`)!.click(),
      'howopen filter': () => fill(document.querySelector<HTMLInputElement>('input[name=q]')!),
      'howopen showAll': () => document.querySelector<HTMLElement>('button[data-more=all]')!.click(),
      // bootstrap-table sorts on a click on a header's .sortable cell; its search box waits 500 ms (searchTimeOut), so the search is called directly.
      'peer sort': () => document.querySelectorAll<HTMLElement>('#taxonomy thead .sortable')[SORT_COLS[Number(arg) % 5]!]!.click(),
      'peer filter': () => $('#taxonomy').bootstrapTable('resetSearch', String(arg)),
      'peer showAll': () => $('#taxonomy').bootstrapTable('togglePagination'),
      'floor sort': () => document.querySelector<HTMLElement>(`button[data-col="${SORT_COLS[Number(arg) % 5]}"]`)!.click(),
      'floor filter': () => fill(document.getElementById('q') as HTMLInputElement),
      'floor showAll': () => document.getElementById('all')!.click(),
    };
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t0 = performance.now();
    actions[`${stack} ${kind}`]!();
    const t1 = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return { script: t1 - t0, paint: performance.now() - t0 };
  }, [stack, kind, arg] as const);
}

/** How long one page may take to load and become ready; past it, its figures are missing (and the targets missed). */
const PAGE_BUDGET = Number(process.env.HOWOPEN_BENCH_PAGE_BUDGET ?? 240_000);
const MISSING: Figures = { fcp: NaN, ready: NaN, tbt: NaN, sortScript: NaN, sortPaint: NaN, filterScript: NaN, filterPaint: NaN, showAll: NaN };

async function measure(browser: Browser, url: string, stack: Stack, showAll: boolean): Promise<Figures> {
  try {
    return await measureOnce(browser, url, stack, showAll);
  } catch (e) {
    process.stderr.write(`peers: ${stack} at ${url} gave no figures within ${PAGE_BUDGET / 1000} s: ${(e as Error).message.split('\n')[0]}\n`);
    return MISSING;
  }
}

async function measureOnce(browser: Browser, url: string, stack: Stack, showAll: boolean): Promise<Figures> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(OBSERVE);
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_BUDGET);
  try {
    await page.goto(url, { timeout: PAGE_BUDGET });
    await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready !== undefined, undefined, { timeout: PAGE_BUDGET, polling: 100 });
    await page.waitForTimeout(300);
    const load = await page.evaluate(() => {
      const w = window as unknown as { __ready: number; __long: [number, number][] };
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      // Total blocking time from first paint to readiness: each long task's time past 50 ms.
      const tbt = w.__long.filter(([s, d]) => s + d > fcp && s < w.__ready).reduce((t, [, d]) => t + Math.max(0, d - 50), 0);
      return { fcp, ready: w.__ready, tbt };
    });
    const sorts = [];
    for (let i = 0; i < 7; i++) sorts.push(await timed(page, stack, 'sort', i));
    const filters = [];
    for (const q of ['llama', '', 'apache', '', 'mistral', '', 'lab b']) filters.push(await timed(page, stack, 'filter', q));
    await timed(page, stack, 'filter', '');
    const all = showAll ? (await timed(page, stack, 'showAll')).paint : NaN;
    return {
      ...load,
      sortScript: median(sorts.map((s) => s.script)), sortPaint: median(sorts.map((s) => s.paint)),
      filterScript: median(filters.map((s) => s.script)), filterPaint: median(filters.map((s) => s.paint)),
      showAll: all,
    };
  } finally {
    await context.close();
  }
}

/** Every size in one browser: the three pages over the same rows, one after another. */
export async function peerBenchmarks(registry: Registry, sizes: readonly number[] = SIZES): Promise<Measured> {
  const out: Measured = {};
  const browser = await launch();
  try {
    for (const n of sizes) {
      const gen = validGenerated(registry, n);
      const rows = plainRows(gen);
      const peers = await servePeers(rows);
      const ours = await listen(createApp({ registry: gen }));
      try {
        out[n] = {
          howopen: await measure(browser, `${ours.url}/`, 'howopen', n === 2000),
          peer: await measure(browser, `${peers.url}/peer.html`, 'peer', n === 2000),
          floor: await measure(browser, `${peers.url}/floor.html`, 'floor', n === 2000),
        };
      } finally {
        await peers.close();
        await ours.close();
      }
      process.stderr.write(`peers: ${n} models done\n`);
    }
  } finally {
    await browser.close();
  }
  return out;
}

interface Target { metric: keyof Figures; label: string; check: (n: number, v: number, peer: Figures) => string | undefined }

/** The issue's targets: each returns its text where it applies at that size, else undefined. */
const TARGETS: Target[] = [
  { metric: 'fcp', label: 'first contentful paint', check: (n, v, p) => (n === 45 ? met(v <= p.fcp, '≤ the peer') : undefined) },
  { metric: 'ready', label: 'rows ready', check: (n, v) => (n === 168 ? met(v <= 150, '≤ 150 ms') : n === 2000 ? met(v <= 500, '≤ 500 ms') : undefined) },
  { metric: 'tbt', label: 'total blocking time to ready', check: (n, v) => (n === 2000 ? met(v <= 100, '≤ 100 ms') : undefined) },
  { metric: 'sortScript', label: 'sort, script', check: (n, v) => (n >= 2000 ? met(v <= 16, '≤ 16 ms') : undefined) },
  { metric: 'sortPaint', label: 'sort, input to paint', check: (n, v) => (n === 2000 ? met(v <= 50, '≤ 50 ms') : n === 20000 ? met(v <= 100, '≤ 100 ms') : undefined) },
  { metric: 'filterScript', label: 'filter, script', check: (n, v) => (n >= 2000 ? met(v <= 16, '≤ 16 ms') : undefined) },
  { metric: 'filterPaint', label: 'filter, input to paint', check: (n, v) => (n === 2000 ? met(v <= 50, '≤ 50 ms') : n === 20000 ? met(v <= 100, '≤ 100 ms') : undefined) },
  { metric: 'showAll', label: 'show all, input to paint', check: (n, v) => (n === 2000 ? met(v <= 200, '≤ 200 ms') : undefined) },
];

function met(ok: boolean, text: string): string {
  // NaN (no figure) compares false: a page that never became ready misses every target.
  return `${text} ${ok ? '(met)' : '(**missed**)'}`;
}

function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '—';
  const x = a / b;
  return `${x >= 10 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2)}×`;
}

/** One markdown table: howopen's figure, the peer's and the floor's, the ratios to both and the target. */
export function peerTable(measured: Measured): string {
  const lines = ['| models | figure | howopen | paper\'s stack (bootstrap-table) | ratio | floor | ratio | target |', '|---|---|---|---|---|---|---|---|'];
  for (const [n, m] of Object.entries(measured).sort(([a], [b]) => Number(a) - Number(b))) {
    for (const t of TARGETS) {
      const v = m.howopen[t.metric];
      if (t.metric === 'showAll' && !Number.isFinite(v)) continue;
      const f = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '—');
      lines.push(`| ${Number(n).toLocaleString('en')} | ${t.label} | ${f(v)} | ${f(m.peer[t.metric])} | ${ratio(v, m.peer[t.metric])} | ${f(m.floor[t.metric])} | ${ratio(v, m.floor[t.metric])} | ${t.check(Number(n), v, m.peer) ?? ''} |`);
    }
  }
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('peers.ts')) {
  const { loadRegistry } = await import('../src/registry/load.js');
  const { registry } = await loadRegistry(join(ROOT, 'registry'));
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  console.log(peerTable(await peerBenchmarks(registry, sizes.length ? sizes : SIZES)));
}
