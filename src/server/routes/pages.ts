// Pages and their data twins: every data page answers as HTML, .json and .csv from the same query.
import type { Context, Hono } from 'hono';
import { lookupLicense } from '../../core/expression.js';
import { type Produced, TYPES, badQuery, csvOut, errorJson, json, notFoundBody } from '../answers.js';
import type { Server } from '../app.js';
import { badgeSvg, shieldsJson } from '../badges.js';
import { CACHE_CONTROL } from '../cache.js';
import { charts } from '../charts.js';
import {
  compareCsv, compareIds, compareJson, licenseCsv, licenseJson, licensesCsv, methodCsv, methodJson,
  modelCsv, modelJson, modelListCsv, modelListJson, modelMissing, modelView, statsCsv, statsJson,
} from '../data.js';
import { parseAsOfParam, parseOptions } from '../options.js';
import { parseListQuery, selectRows } from '../table-query.js';
import { comparePage } from '../views/compare-page.js';
import { errorPage } from '../views/error-page.js';
import { indexPage } from '../views/index-page.js';
import { licensePage, licensesPage } from '../views/license-pages.js';
import { methodPage } from '../views/method-page.js';
import { modelPage } from '../views/model-page.js';
import { statsPage } from '../views/stats-page.js';

type Format = 'html' | 'json' | 'csv';

/** 'llama-2.json' → { name: 'llama-2', format: 'json' }; ids may contain dots, so only the known suffixes count. */
function splitFormat(file: string): { name: string; format: Format } {
  const m = /^(.*)\.(json|csv)$/.exec(file);
  return m ? { name: m[1]!, format: m[2] as Format } : { name: file, format: 'html' };
}

function notFound(s: Server, c: Context, format: Format, what: string, candidates: readonly { id: string; href: string; label: string }[], name: string): Produced {
  const body = notFoundBody(what, name, candidates.map((x) => x.id));
  if (format !== 'html') return errorJson(404, body);
  const suggestion = candidates.find((x) => x.id === body.did_you_mean);
  return { body: errorPage(s.links(c), 404, body.error, suggestion ? { href: suggestion.href, label: suggestion.label } : undefined).value, type: TYPES.html, status: 404 };
}

/** A query the page cannot read: the error page, or the error body for a twin. */
function badRequest(s: Server, c: Context, format: Format, errors: readonly string[]): Produced {
  if (format !== 'html') return errorJson(400, badQuery(errors));
  return { body: errorPage(s.links(c), 400, errors.join('; ')).value, type: TYPES.html, status: 400 };
}

export function pageRoutes(app: Hono, s: Server): void {
  const { data } = s;

  const index = (format: Format) => (c: Context) => s.cached(c, (today) => {
    const { query, asOf, errors } = parseListQuery(new URL(c.req.url).searchParams, today);
    if (format !== 'html' && errors.length) return errorJson(400, badQuery(errors));
    const selection = selectRows(data.rows(query.state.source, query.state.reading, asOf), query);
    if (format === 'json') return json(modelListJson(query, selection, asOf));
    if (format === 'csv') return csvOut(modelListCsv(selection), 'index');
    // The page shows what it cannot read above the table, and answers 400.
    return { body: indexPage(s.links(c), data, { ...query, errors }, selection, asOf).value, type: TYPES.html, status: errors.length ? 400 : 200 };
  });
  app.get('/', index('html'));
  app.get('/index.json', index('json'));
  app.get('/index.csv', index('csv'));

  app.get('/models/:file', (c) => s.cached(c, (today) => {
    const { name, format } = splitFormat(c.req.param('file'));
    const links = s.links(c);
    const options = parseOptions(new URL(c.req.url).searchParams, today);
    if (options.errors.length) return badRequest(s, c, format, options.errors);
    const view = modelView(data, name, options.reading, options.asOf);
    if (!view) {
      const missing = modelMissing(data, name, options.asOf);
      if (format !== 'html') return errorJson(404, missing);
      const hint = missing.did_you_mean;
      return { body: errorPage(links, 404, missing.error, hint ? { href: links.page(`/models/${hint}`), label: hint } : undefined).value, type: TYPES.html, status: 404 };
    }
    if (format === 'json') return json(modelJson(view));
    if (format === 'csv') return csvOut(modelCsv(view), view.row.id);
    return { body: modelPage(links, data, view, c.req.query('as-of')?.trim() ? 'asked' : 'today').value, type: TYPES.html };
  }));

  const compare = (format: Format) => (c: Context) => s.cached(c, (today) => {
    const ids = compareIds(new URL(c.req.url).searchParams, data.registry);
    const models = ids.flatMap((id) => {
      const row = data.row(id);
      return row ? [{ row, verdicts: data.verdicts(id, 'strict', today)! }] : [];
    });
    const unknown = ids.filter((id) => !data.row(id));
    if (format === 'json') return json({ ...compareJson(models, today), unknown });
    if (format === 'csv') return csvOut(compareCsv(models), ['compare', ...models.map((m) => m.row.id)].join('-'));
    return { body: comparePage(s.links(c), data, { columns: models, chosen: models.map((m) => m.row.id), unknown, client: false, asOf: today }).value, type: TYPES.html };
  });
  app.get('/compare', compare('html'));
  app.get('/compare.json', compare('json'));
  app.get('/compare.csv', compare('csv'));

  app.get('/licenses', (c) => s.cached(c, () => ({ body: licensesPage(s.links(c), data).value, type: TYPES.html })));
  app.get('/licenses.json', (c) => s.cached(c, () => json(data.registry.licenses.map((l) => licenseJson(data, l)))));
  app.get('/licenses.csv', (c) => s.cached(c, () => csvOut(licensesCsv(data), 'licenses')));
  app.get('/licenses/:file', (c) => s.cached(c, () => {
    const { name, format } = splitFormat(c.req.param('file'));
    const license = data.license(name) ?? lookupLicense(name, data.registry.index);
    const links = s.links(c);
    if (!license) return notFound(s, c, format, 'license', data.registry.licenses.map((l) => ({ id: l.id, href: links.page(`/licenses/${l.id}`), label: l.name })), name);
    if (format === 'json') return json(licenseJson(data, license));
    if (format === 'csv') return csvOut(licenseCsv(license), `license-${license.id}`);
    return { body: licensePage(links, data, license).value, type: TYPES.html };
  }));

  app.get('/stats', (c) => s.cached(c, async () => ({ body: statsPage(s.links(c), await charts(data)).value, type: TYPES.html })));
  // The twins read ?as-of= as the API does: the facts then, the models out by then.
  const statsTwin = (format: 'json' | 'csv') => (c: Context) => s.cached(c, (today) => {
    const params = new URL(c.req.url).searchParams;
    const asOf = parseAsOfParam(params, today);
    if (asOf.error !== undefined) return errorJson(400, badQuery([asOf.error]));
    const at = params.get('as-of') ? asOf.value : undefined;
    return format === 'json' ? json(statsJson(data, at)) : csvOut(statsCsv(data, at), 'stats');
  });
  app.get('/stats.json', statsTwin('json'));
  app.get('/stats.csv', statsTwin('csv'));

  app.get('/method', (c) => s.cached(c, () => ({ body: methodPage(s.links(c)).value, type: TYPES.html })));
  app.get('/method.json', (c) => s.cached(c, () => json(methodJson())));
  app.get('/method.csv', (c) => s.cached(c, () => csvOut(methodCsv(), 'method')));

  app.get('/badges/:file', (c) => s.cached(c, () => {
    const m = /^(.*)\.(svg|json)$/.exec(c.req.param('file'));
    const row = m ? data.row(m[1]!) : undefined;
    if (!m || !row) return errorJson(404, { ...(m ? notFoundBody('model', m[1]!, data.registry.models.map((x) => x.id)) : {}), error: `There is no badge ${c.req.param('file')} (use /badges/<model id>.svg or .json).` });
    if (m[2] === 'json') return { ...json(shieldsJson(row.classification)), cacheControl: CACHE_CONTROL.badge };
    return { body: badgeSvg(row.classification), type: TYPES.svg, cacheControl: CACHE_CONTROL.badge };
  }));
}
