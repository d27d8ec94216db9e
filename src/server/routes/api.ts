// The JSON API under /api/v1: models with the index's filters, one model, licenses, stats, the audit, and classify for a posted record.
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { advise } from '../../core/advice.js';
import { audit } from '../../core/audit.js';
import { verdicts } from '../../core/frameworks/index.js';
import { classificationJson, classify } from '../../core/classify.js';
import { lookupLicense } from '../../core/expression.js';
import type { ModelRecord } from '../../core/model.js';
import { MODEL_SETS, type ModelSet } from '../../core/stats.js';
import { checkModel } from '../../registry/checks.js';
import { parseRecord } from '../../registry/parse.js';
import { modelSchema } from '../../registry/schema.js';
import { badQuery, csvOut, errorJson, json, notFoundBody } from '../answers.js';
import type { Server } from '../app.js';
import { CACHE_CONTROL } from '../cache.js';
import { capabilityFor, parseGapQuery } from '../capability.js';
import { gapCsvRows, gapJson } from '../../core/capability-analysis.js';
import { ADVICE_LIMIT, csv, licenseJson, modelJson, modelListJson, modelMissing, modelView, statsJson } from '../data.js';
import { openapi } from '../openapi.js';
import { errorsOf, oneOf, parseAsOfParam, parseOptions, parseReading } from '../options.js';
import { SOURCES, parseListQuery, selectRows } from '../table-query.js';

export const CLASSIFY_MAX_BYTES = 256 * 1024;

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

  app.post(`${base}/classify`,
    bodyLimit({ maxSize: CLASSIFY_MAX_BYTES, onError: (c) => s.produce(c, errorJson(413, { error: `the record is larger than ${CLASSIFY_MAX_BYTES} bytes` })) }),
    async (c) => {
      const options = parseOptions(params(c.req.url), s.today());
      if (options.errors.length) return s.produce(c, errorJson(400, badQuery(options.errors)));
      const text = await c.req.text();
      const parsed = parseRecord(text, 'request', modelSchema);
      const problems = parsed.value
        ? checkModel({ file: 'request', value: parsed.value as ModelRecord, locate: parsed.locate }, data.registry.index)
        : parsed.problems;
      if (problems.length) {
        // The common error shape, with each problem positioned as well.
        return s.produce(c, json({
          error: 'not a valid model record',
          errors: problems.map((p) => `${p.line}:${p.col}: ${p.field ? `${p.field}: ` : ''}${p.message}`),
          problems: problems.map((p) => ({ line: p.line, col: p.col, ...(p.field ? { field: p.field } : {}), message: p.message })),
        }, 400));
      }
      const record = parsed.value as ModelRecord;
      const { reading, asOf } = options;
      const classification = classify(record, data.registry.index, { reading });
      return s.produce(c, {
        ...json({ ...classificationJson(classification), asOf, frameworks: verdicts(record, data.registry, { reading, asOf }, classification), advice: advise(record, data.registry, { reading, asOf }, ADVICE_LIMIT) }),
        cacheControl: CACHE_CONTROL.none,
      });
    });
}
