// The web index as a Hono app over one loaded registry: pages, data twins, badges, the JSON API and the assets.
import { type Context, Hono } from 'hono';
import { PatternRouter } from 'hono/router/pattern-router';
import type { Registry } from '../core/registry.js';
import type { Problem } from '../registry/problem.js';
import { type ErrorBody, type Produced, TYPES, errorJson } from './answers.js';
import { type Assets, loadAssets } from './assets.js';
import { ClassifyPool, type PoolOptions } from './classify-pool.js';
import { CACHE_CONTROL, CORS_HEADERS, CSP, type Entry, ResponseCache, SECURITY_HEADERS, entry, send } from './cache.js';
import { datedCacheControl, utcDate } from './dates.js';
import { type SiteData, siteData } from './data.js';
import { type Links, serverLinks } from './links.js';
import { apiRoutes } from './routes/api.js';
import { pageRoutes } from './routes/pages.js';
import { errorPage } from './views/error-page.js';

export interface AppOptions {
  registry: Registry;
  /** Problems the loader reported; shown to the operator, not to visitors. */
  problems?: readonly Problem[];
  /** The site's public address for badge snippets; default: the request's origin. */
  /** The store's routes are served beside the index (not with --read-only): the navigation links them. */
  storePages?: boolean;
  baseUrl?: string | null;
  /** web/ folder with the client script and stylesheet. */
  webDir?: string;
  cacheBytes?: number;
  /** The clock the frameworks' dated rules are read by (today's UTC date); tests pass a fixed one. */
  clock?: () => Date;
  /** Workers, time budget and queue of POST /api/v1/classify. */
  classify?: PoolOptions;
  /** POSTs one address may make per minute (default 300); 0 for no limit. */
  postLimit?: number;
}

export type { Produced };
export { CSP, TYPES };

export interface Server {
  data: SiteData;
  assets: Assets;
  /** The page's links; without --base-url, absolute ones use the request's origin, and the answer then varies by Host. */
  links(c: Context): Links;
  /** Today's date (UTC, YYYY-MM-DD): the default as-of date of every verdict. */
  today(): string;
  /**
   * Answers a GET from the cache, producing it the first time; only 200s are kept. Entries are
   * kept by date and URL and dropped when the date changes, so no answer outlives the day it was read at.
   */
  cached(c: Context, produce: (today: string) => Produced | Promise<Produced>): Promise<Response>;
  /** Sends an answer that is not kept (a POST's, an error's). */
  produce(c: Context, produced: Produced): Response;
  /** The worker pool that classifies posted records, started on the first POST. */
  pool(): ClassifyPool;
  /** POSTs per address per minute; 0: no limit. */
  postLimit: number;
}

/** Apps whose classify pools are running, so that a server can drain them when it stops. */
const POOLS = new WeakMap<Hono, (start?: boolean) => ClassifyPool | undefined>();

/** Ends an app's classify workers (after the records they are classifying); for a server that stops. */
export async function closeApp(app: Hono): Promise<void> {
  await POOLS.get(app)?.()?.close();
}

/** Starts an app's classify workers ahead of the first POST (howopen serve, once it listens). */
export function warmApp(app: Hono): void {
  POOLS.get(app)?.(true)?.warm();
}

const isApi = (c: Context) => c.req.path.startsWith('/api/');
const isData = (c: Context) => isApi(c) || /\.(json|csv)$/.test(c.req.path);

/** The methods each route takes, to answer 405 with Allow for the others. */
function allowedMethods(app: Hono): (path: string) => string[] {
  let router: PatternRouter<string> | undefined;
  return (path) => {
    if (!router) {
      router = new PatternRouter<string>();
      for (const r of app.routes) if (r.method !== 'ALL') router.add(r.method, r.path, r.method);
    }
    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => router!.match(m, path)[0].length);
    // OPTIONS answers every /api path (CORS preflight): it alone does not make a route.
    if (!methods.length) return [];
    if (methods.includes('GET')) methods.splice(1, 0, 'HEAD');
    if (router.match('OPTIONS', path)[0].length) methods.push('OPTIONS');
    return methods;
  };
}

export function createApp(options: AppOptions): Hono {
  const data = siteData(options.registry, options.problems ?? []);
  const assets = loadAssets(options.webDir);
  const cache = new ResponseCache(options.cacheBytes);
  // Answers that embed the request's origin (badge snippets without --base-url) differ by Host: shared caches must know.
  const usedOrigin = new WeakSet<Context>();
  const linksFor = (c: Context) => (options.baseUrl
    ? serverLinks(assets.versions, options.baseUrl, undefined, options.storePages)
    : serverLinks(assets.versions, new URL(c.req.url).origin, () => usedOrigin.add(c), options.storePages));
  const clock = options.clock ?? (() => new Date());
  let cacheDay = '';
  // Pages and API answers are read at today's date: browsers and proxies keep them until midnight (UTC) at most.
  const dated = (e: Entry, now: Date): Entry => (e.cacheControl === CACHE_CONTROL.page ? { ...e, cacheControl: datedCacheControl(now) } : e);
  let pool: ClassifyPool | undefined;
  const server: Server = {
    pool: () => (pool ??= new ClassifyPool(options.registry, options.classify)),
    postLimit: options.postLimit ?? 300,
    data,
    assets,
    links: linksFor,
    today: () => utcDate(clock()),
    async cached(c, produce) {
      const now = clock();
      const day = utcDate(now);
      if (day !== cacheDay) { cache.clear(); cacheDay = day; }
      const key = `${day} ${c.req.url}`;
      const hit = cache.get(key);
      if (hit) return send(c, dated(hit, now));
      const p = await produce(day);
      const headers = { ...p.headers, ...(isApi(c) ? CORS_HEADERS : {}), ...(usedOrigin.has(c) ? { Vary: 'Host' } : {}) };
      const e = entry(p.body, p.type, p.status && p.status !== 200 ? CACHE_CONTROL.none : p.cacheControl ?? CACHE_CONTROL.page, p.status ?? 200, Object.keys(headers).length ? headers : undefined);
      // The key holds the URL with its host, so an answer built for one Host is never sent for another.
      if (e.status === 200) cache.set(key, e);
      return send(c, dated(e, now));
    },
    produce(c, p) {
      const headers = { ...SECURITY_HEADERS, ...(isApi(c) ? CORS_HEADERS : {}), 'Content-Type': p.type, 'Cache-Control': p.cacheControl ?? CACHE_CONTROL.none };
      return new Response(typeof p.body === 'string' ? p.body : new Uint8Array(p.body), { status: p.status ?? 200, headers });
    },
  };
  const error = (c: Context, status: number, body: ErrorBody, extra: Record<string, string> = {}): Response => {
    const res = isData(c) ? server.produce(c, errorJson(status, body)) : server.produce(c, { body: errorPage(linksFor(c), status, body.error).value, type: TYPES.html, status });
    for (const [k, v] of Object.entries(extra)) res.headers.set(k, v);
    return res;
  };

  const app = new Hono();
  POOLS.set(app, (start) => (start ? server.pool() : pool));
  // Responses from send() and produce() carry the security headers already; this covers every other one.
  app.use('*', async (c, next) => {
    await next();
    if (c.res.headers.has('Content-Security-Policy')) return;
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
    if (isApi(c)) for (const [k, v] of Object.entries(CORS_HEADERS)) c.res.headers.set(k, v);
  });
  app.options('/api/*', (c) => c.body(null, 204, { ...CORS_HEADERS, 'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '86400' }));

  app.get('/assets/:name', (c) => {
    const asset = assets.files.get(c.req.param('name'));
    if (!asset) return c.notFound();
    return send(c, c.req.query('v') === asset.version ? asset.versioned : asset.entry);
  });
  // Browsers ask for /favicon.ico on documents without a <link rel=icon> (JSON, SVG): give them the SVG icon.
  app.get('/favicon.ico', (c) => send(c, assets.files.get('favicon.svg')!.entry));
  app.get('/healthz', (c) => c.json({ ok: true, models: data.registry.models.length, licenses: data.registry.licenses.length, problems: data.problems.length }, 200, { 'Cache-Control': CACHE_CONTROL.none }));
  apiRoutes(app, server);
  pageRoutes(app, server);

  const allowed = allowedMethods(app);
  app.notFound((c) => {
    const methods = allowed(c.req.path);
    if (methods.length && !methods.includes(c.req.method)) {
      return error(c, 405, { error: `${c.req.method} is not allowed on ${c.req.path} (use ${methods.join(', ')})` }, { Allow: methods.join(', ') });
    }
    return error(c, 404, { error: `There is no page at ${c.req.path}.` });
  });
  app.onError((err, c) => {
    console.error(err);
    return error(c, 500, { error: isData(c) ? 'internal error' : 'Something went wrong on our side.' });
  });
  return app;
}
