// serve with the store: the living index over the data folder or DATABASE_URL, opened beside the index, and the start-up message that says how to begin.
import { Hono } from 'hono';
import type { Registry } from '../core/registry.js';
import type { Problem } from '../registry/problem.js';
import type { Store } from '../store/store.js';
import type { Context } from './context.js';
import { openCliStore, storeWhere } from './store-open.js';
import { STORE_ROUTES } from '../server/store-routes.js';

type Fetch = (request: Request, env?: unknown) => Response | Promise<Response>;

export interface LivingServe {
  /** The index at once; the store's routes once the store is open (503 with Retry-After before). */
  fetch: Fetch;
  /** The start-up message once the store is open. */
  ready: Promise<string>;
  close(): Promise<void>;
}

export function livingServe(ctx: Context, registry: Registry, problems: readonly Problem[], opts: { baseUrl?: string; data?: string; postLimit?: number }, index: Hono): LivingServe {
  let current: Fetch;
  let store: Store | undefined;
  let livingApp: Hono | undefined;
  let closeLivingApp: (app: Hono) => Promise<void> = async () => undefined;
  // Every route is there from the first request: the index's at once, the store's as 503 until it opens.
  const starting = new Hono();
  for (const path of STORE_ROUTES) {
    starting.all(path, (c) => c.json({ error: 'the store is still opening; try again in a moment' }, 503, { 'Retry-After': '2', 'Cache-Control': 'no-store' }));
  }
  starting.all('*', (c) => index.fetch(c.req.raw, c.env));
  const ready = (async () => {
    const [{ createLivingApp }, { defaultDataDir }] = await Promise.all([import('../server/living.js'), import('../store/db.js')]);
    const opened = await openCliStore(ctx, opts, registry);
    store = opened.store;
    const app = createLivingApp({ live: opened.live, store, problems, baseUrl: opts.baseUrl ?? null, ...(opts.postLimit !== undefined ? { postLimit: opts.postLimit } : {}) });
    current = app.fetch;
    livingApp = app;
    closeLivingApp = (await import('../server/living.js')).closeLivingApp;
    const where = storeWhere(opts, defaultDataDir());
    const dataFlag = opts.data ? ` --data ${opts.data}` : '';
    return await store.hasAdmin()
      ? `howopen: the store is ${where}; submissions at /submit, reviews at /review (sign in at /signin)`
      : `howopen: the store is ${where}, with no admin yet. Anyone may submit at /submit (queued as unverified). To review, create the first admin${process.env.DATABASE_URL ? '' : ' with this server stopped (the data folder is open by one process at a time)'}:\n  howopen admin create-user NAME --role admin${dataFlag}`;
  })();
  current = (request, env) => starting.fetch(request, env);
  return {
    fetch: (request, env) => current(request, env),
    ready,
    close: async () => { await ready.catch(() => undefined); if (livingApp) await closeLivingApp(livingApp); await store?.close(); },
  };
}
