// The living index: the store's routes in front of the web index, whose app is rebuilt when an approval changes the registry.
import { Hono } from 'hono';
import type { Problem } from '../registry/problem.js';
import type { LiveRegistry } from '../store/live-registry.js';
import type { Store } from '../store/store.js';
import { type AppOptions, closeApp, createApp } from './app.js';
import { loadAssets } from './assets.js';
import { SECURITY_HEADERS } from './cache.js';
import { serverLinks } from './links.js';
import { storeApiRoutes } from './routes/store-api.js';
import { storePageRoutes } from './routes/store-pages.js';
import { WriteLimiter } from './rate-limit.js';

export interface LivingOptions extends Omit<AppOptions, 'registry'> {
  live: LiveRegistry;
  store: Store;
  problems?: readonly Problem[];
  /** Writes per minute per address and per account. */
  writeLimits?: { address: number; account: number };
}

export { STORE_ROUTES } from './store-routes.js';

export const DEFAULT_WRITE_LIMITS = { address: 30, account: 120 } as const;

export function createLivingApp(options: LivingOptions): Hono {
  const { live, store } = options;
  const build = () => createApp({ ...options, storePages: true, registry: live.current(), problems: options.problems ?? [] });
  let index = build();
  // A new app for a new registry: its answers were cached for the old one.
  live.onChange(() => { const old = index; index = build(); void closeApp(old); });
  const assets = loadAssets(options.webDir);
  const links = (url: string) => serverLinks(assets.versions, options.baseUrl ?? new URL(url).origin, undefined, true);
  const ctx = { store, live, limiter: new WriteLimiter(options.writeLimits ?? DEFAULT_WRITE_LIMITS), links, clock: options.clock ?? (() => new Date()) };
  const app = new Hono();
  // Redirects and other answers not built by send() get the same security headers as every page.
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Content-Security-Policy')) for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });
  storeApiRoutes(app, ctx);
  storePageRoutes(app, ctx);
  app.all('*', (c) => index.fetch(c.req.raw, c.env));
  CURRENT_INDEX.set(app, () => index);
  return app;
}

/** The index app a living app serves now (rebuilt on each approval). */
const CURRENT_INDEX = new WeakMap<Hono, () => Hono>();

/** Ends the classify workers of the index a living app serves; for a server that stops. */
export async function closeLivingApp(app: Hono): Promise<void> {
  const index = CURRENT_INDEX.get(app)?.();
  if (index) await closeApp(index);
}
