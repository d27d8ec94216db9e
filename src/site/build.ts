// The static export: every page, data twin, badge and asset written as files with relative links, for any static host.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Registry } from '../core/registry.js';
import type { Problem } from '../registry/problem.js';
import { loadAssets } from '../server/assets.js';
import { badgeSvg, shieldsJson } from '../server/badges.js';
import { charts } from '../server/charts.js';
import {
  licenseCsv, licenseJson, licensesCsv, methodCsv, methodJson, modelCsv, modelJson, modelListCsv, modelListJson,
  modelView, siteData, statsCsv, statsJson,
} from '../server/data.js';
import { isIsoDate, utcDate } from '../server/dates.js';
import { INDEX_VARIANTS, type Links, staticLinks } from '../server/links.js';
import { parseTableQuery, selectRows } from '../server/table-query.js';
import { comparePage } from '../server/views/compare-page.js';
import { errorPage } from '../server/views/error-page.js';
import { indexPage } from '../server/views/index-page.js';
import { licensePage, licensesPage } from '../server/views/license-pages.js';
import { methodPage } from '../server/views/method-page.js';
import { modelPage } from '../server/views/model-page.js';
import { statsPage } from '../server/views/stats-page.js';

export interface BuildOptions {
  /** The address the site will be served from, for absolute badge snippets; without it snippets are relative. */
  baseUrl?: string | null;
  webDir?: string;
  problems?: readonly Problem[];
  /** The date the verdicts' dated rules are read at (YYYY-MM-DD); default: today, UTC. The pages say it. */
  asOf?: string;
}

export interface BuildResult { dir: string; files: number; bytes: number; asOf: string }

export async function buildSite(registry: Registry, dir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const data = siteData(registry, options.problems ?? []);
  const assets = loadAssets(options.webDir);
  const baseUrl = options.baseUrl ?? null;
  const links = (file: string): Links => staticLinks(file, assets.versions, baseUrl);
  const files = new Map<string, string | Buffer>();
  const put = (file: string, body: string | Buffer) => { files.set(file, body); };
  const json = (value: unknown) => JSON.stringify(value);
  const asOf = options.asOf ?? utcDate();
  if (!isIsoDate(asOf)) throw new Error(`asOf must be a date written YYYY-MM-DD (got "${asOf}")`);

  for (const variant of INDEX_VARIANTS) {
    const query = parseTableQuery(new URLSearchParams(variant.query));
    const selection = selectRows(data.rows(query.state.source, query.state.reading, asOf), query);
    put(`${variant.file}.html`, indexPage(links(`${variant.file}.html`), data, query, selection, asOf).value);
    put(`${variant.file}.json`, json(modelListJson(query, selection, asOf)));
    put(`${variant.file}.csv`, modelListCsv(selection));
  }

  // A page per record (its flagship under the bare id) and one per variant (qwen2.5@7b); none for a release not out by asOf.
  const refs = registry.models.flatMap((m) => [m.id, ...(m.variants ?? []).map((v) => `${m.id}@${v.id}`)]);
  for (const ref of refs) {
    const view = modelView(data, ref, 'strict', asOf);
    if (!view) continue;
    put(`models/${ref}.html`, modelPage(links(`models/${ref}.html`), data, view, 'built').value);
    put(`models/${ref}.json`, json(modelJson(view)));
    put(`models/${ref}.csv`, modelCsv(view));
    put(`badges/${ref}.svg`, badgeSvg(view.row.classification));
    put(`badges/${ref}.json`, json(shieldsJson(view.row.classification)));
  }

  const columns = data.rows('computed', 'strict').map((row) => ({ row, verdicts: data.verdicts(row.id, 'strict', asOf)! }));
  put('compare.html', comparePage(links('compare.html'), data, { columns, chosen: [], unknown: [], client: true, asOf }).value);

  put('licenses.html', licensesPage(links('licenses.html'), data).value);
  put('licenses.json', json(registry.licenses.map((l) => licenseJson(data, l))));
  put('licenses.csv', licensesCsv(data));
  for (const license of registry.licenses) {
    put(`licenses/${license.id}.html`, licensePage(links(`licenses/${license.id}.html`), data, license).value);
    put(`licenses/${license.id}.json`, json(licenseJson(data, license)));
    put(`licenses/${license.id}.csv`, licenseCsv(license));
  }

  put('stats.html', statsPage(links('stats.html'), await charts(data)).value);
  put('stats.json', json(statsJson(data)));
  put('stats.csv', statsCsv(data));
  put('method.html', methodPage(links('method.html')).value);
  put('method.json', json(methodJson()));
  put('method.csv', methodCsv());
  put('404.html', errorPage(links('404.html'), 404, 'There is no page at this address.').value);
  for (const asset of assets.files.values()) put(`assets/${asset.name}`, asset.bytes);

  const dirs = new Set([...files.keys()].map((f) => dirname(join(dir, f))));
  for (const d of dirs) await mkdir(d, { recursive: true });
  let bytes = 0;
  const entries = [...files];
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(entries.slice(i, i + 64).map(([file, body]) => {
      bytes += Buffer.byteLength(body);
      return writeFile(join(dir, file), body);
    }));
  }
  return { dir, files: files.size, bytes, asOf };
}
