// serve with the store: the living index over the data folder or DATABASE_URL, and the start-up message that says how to begin.
import type { Hono } from 'hono';
import type { Registry } from '../core/registry.js';
import type { Problem } from '../registry/problem.js';
import type { Context } from './context.js';
import { openCliStore, storeWhere } from './store-open.js';

export async function livingServe(ctx: Context, registry: Registry, problems: readonly Problem[], opts: { baseUrl?: string; data?: string }): Promise<{ app: Hono; message: string; close(): Promise<void> }> {
  const { store, live } = await openCliStore(ctx, opts, registry);
  const [{ createLivingApp }, { defaultDataDir }] = await Promise.all([import('../server/living.js'), import('../store/db.js')]);
  const app = createLivingApp({ live, store, problems, baseUrl: opts.baseUrl ?? null });
  const where = storeWhere(opts, defaultDataDir());
  const dataFlag = opts.data ? ` --data ${opts.data}` : '';
  const message = await store.hasAdmin()
    ? `howopen: the store is ${where}; submissions at /submit, reviews at /review (sign in at /signin)`
    : `howopen: the store is ${where}, with no admin yet. Anyone may submit at /submit (queued as unverified). To review, create the first admin${process.env.DATABASE_URL ? '' : ' with this server stopped (the data folder is open by one process at a time)'}:\n  howopen admin create-user NAME --role admin${dataFlag}`;
  return { app, message, close: () => store.close() };
}
