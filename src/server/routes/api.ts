// The JSON API under /api/v1: models with the index's filters, one model, licenses, stats, the audit, and classify for a posted record.
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { audit } from '../../core/audit.js';
import { lookupLicense } from '../../core/expression.js';
import { MODEL_SETS, type ModelSet } from '../../core/stats.js';
import { TYPES, badQuery, csvOut, errorJson, json, notFoundBody } from '../answers.js';
import type { Server } from '../app.js';
import { CACHE_CONTROL } from '../cache.js';
import { capabilityFor, parseGapQuery } from '../capability.js';
import { gapCsvRows, gapJson } from '../../core/capability-analysis.js';
import { csv, licenseJson, modelJson, modelListJson, modelMissing, modelView, statsJson } from '../data.js';
import { rateLimit } from '../rate-limit.js';
import { openapi } from '../openapi.js';
import { errorsOf, oneOf, parseAsOfParam, parseOptions, parseReading } from '../options.js';
import { SOURCES, parseListQuery, selectRows } from '../table-query.js';

export const CLASSIFY_MAX_BYTES = 256 * 1024;

/** Media types a posted record may have: YAML or JSON (JSON is YAML); none at all is read as YAML. */
const RECORD_TYPES = /^(application\/(yaml|x-yaml|json)|text\/(yaml|x-yaml)|application\/[\w.+-]+\+(json|yaml))$/;

/** Why a Content-Type is not a record's, or undefined. */
export function unsupportedType(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (!RECORD_TYPES.test(type ?? '')) return `Content-Type ${type} is not a record's: post YAML (application/yaml) or JSON (application/json)`;
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8') return `charset ${charset} is not accepted: post the record as UTF-8`;
  return undefined;
}

const params = (url: string) => new URL(url).searchParams;

export function apiRoutes(app: Hono, s: Server): void {
  const { data } = s;
  const base = '/api/v1';

  app.get(base, (c) => s.cached(c, () => json({
    name: 'howopen API', version: 'v1', openapi: `${base}/openapi.json`,
    endpoints: ['GET /models', 'GET /models/{id}', 'GET /licenses', 'GET /licenses/{id}', 'GET /stats', 'GET /audit', 'GET /gap', 'POST /classify'].map((e) => e.replace(' /', ` ${base}/`)),
  })));
  app.get(`${base}/openapi.json`, (c) => s.cached(c, () => json(openapi(base))));

  app.get(`${base}/models`, (c) => s.cached(c, (today) => {
    const { query, asOf, errors } = parseListQuery(params(c.req.url), today);
    if (errors.length) return errorJson(400, badQuery(errors));
    return json(modelListJson(query, selectRows(data.rows(query.state.source, query.state.reading, asOf), query), asOf));
  }));

  app.get(`${base}/models/:id`, (c) => s.cached(c, (today) => {
    const options = parseOptions(params(c.req.url), today);
    if (options.errors.length) return errorJson(400, badQuery(options.errors));
    const id = c.req.param('id');
    const view = modelView(data, id, options.reading, options.asOf);
    return view ? json(modelJson(view)) : errorJson(404, modelMissing(data, id, options.asOf));
  }));

  app.get(`${base}/licenses`, (c) => s.cached(c, () => json(data.registry.licenses.map((l) => licenseJson(data, l)))));
  app.get(`${base}/licenses/:id`, (c) => s.cached(c, () => {
    const id = c.req.param('id');
    const license = data.license(id) ?? lookupLicense(id, data.registry.index);
    return license ? json(licenseJson(data, license)) : errorJson(404, notFoundBody('license', id, data.registry.licenses.map((l) => l.id)));
  }));

  app.get(`${base}/stats`, (c) => s.cached(c, () => {
    const p = params(c.req.url);
    if (!p.get('set') && !p.get('source') && !p.get('reading') && !p.get('as-of')) return json(statsJson(data));
    const set = oneOf(p, 'set', Object.keys(MODEL_SETS) as ModelSet[], 'all');
    const source = oneOf(p, 'source', SOURCES, 'computed');
    const reading = parseReading(p);
    const asOf = parseAsOfParam(p, s.today());
    const errors = errorsOf(set, source, reading, asOf);
    if (errors.length) return errorJson(400, badQuery(errors));
    return json(data.stats(set.value, source.value, reading.value, p.get('as-of') ? asOf.value : undefined));
  }));

  app.get(`${base}/audit`, (c) => s.cached(c, () => {
    const reading = parseReading(params(c.req.url));
    if (reading.error !== undefined) return errorJson(400, badQuery([reading.error]));
    return json(audit(data.registry, reading.value));
  }));

  app.get(`${base}/gap`, (c) => s.cached(c, () => {
    const p = params(c.req.url);
    const { query, errors } = parseGapQuery(p);
    const format = oneOf(p, 'format', ['json', 'csv'] as const, 'json');
    if (errors.length || format.error) return errorJson(400, badQuery([...errors, ...errorsOf(format)]));
    const a = capabilityFor(data.registry, query);
    const rows = gapCsvRows(a);
    return format.value === 'csv' ? csvOut(csv(rows, Object.keys(rows[0] ?? {}))) : json(gapJson(a));
  }));

  const busy = (c: Parameters<Server['produce']>[0], message: string, retry: number) => {
    const res = s.produce(c, errorJson(503, { error: message }));
    res.headers.set('Retry-After', String(retry));
    return res;
  };
  const limited = s.postLimit > 0
    ? rateLimit({ limit: s.postLimit, onLimit: (c, retry) => { const res = s.produce(c, errorJson(429, { error: `too many records posted from this address (at most ${s.postLimit} a minute); retry after ${retry} s` })); res.headers.set('Retry-After', String(retry)); return res; } })
    : async (_c: unknown, next: () => Promise<void>) => { await next(); };
  app.post(`${base}/classify`,
    limited,
    bodyLimit({ maxSize: CLASSIFY_MAX_BYTES, onError: (c) => s.produce(c, errorJson(413, { error: `the record is larger than ${CLASSIFY_MAX_BYTES} bytes` })) }),
    async (c) => {
      const type = unsupportedType(c.req.header('content-type'));
      if (type) return s.produce(c, errorJson(415, { error: type }));
      const options = parseOptions(params(c.req.url), s.today());
      if (options.errors.length) return s.produce(c, errorJson(400, badQuery(options.errors)));
      // Bytes, not text: the parser reports a byte that is not UTF-8 at its line and column.
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      // Parsed and classified in a worker: a slow record costs that worker its time budget, never the event loop.
      const pool = s.pool();
      const answer = await pool.run(bytes, options.reading, options.asOf);
      if (!answer.ok) {
        if (answer.reason === 'timeout') return busy(c, `the record took longer than ${pool.budgetMs} ms to classify; it was stopped`, 5);
        if (answer.reason === 'busy') return busy(c, 'too many records are being classified; retry shortly', 2);
        if (answer.reason === 'closed') return busy(c, 'the server is stopping', 5);
        return busy(c, 'the classifier stopped unexpectedly; retry', 1);
      }
      return s.produce(c, { body: answer.body, type: TYPES.json, status: answer.status, cacheControl: CACHE_CONTROL.none });
    });
}
