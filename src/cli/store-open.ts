// Opening the store from the command line: the data folder (--data) or DATABASE_URL, the registry it writes into, and errors a person can act on.
import type { Command } from 'commander';
import type { Context } from './context.js';
import { InputError } from './output.js';
import type { Store } from '../store/store.js';
import type { LiveRegistry } from '../store/live-registry.js';
import type { Registry } from '../core/registry.js';

export interface StoreFlags { data?: string }

export function storeOptions(command: Command): Command {
  return command.option('--data <dir>', 'the store\'s data folder (default: $XDG_DATA_HOME/howopen or ~/.local/share/howopen); DATABASE_URL selects a PostgreSQL server instead');
}

/** Where the store is, in words, for messages. */
export function storeWhere(flags: StoreFlags, defaultDir: string): string {
  return process.env.DATABASE_URL ? 'the PostgreSQL server in DATABASE_URL' : `the data folder ${flags.data ?? defaultDir}`;
}

export async function openCliStore(ctx: Context, flags: StoreFlags, registry: Registry): Promise<{ store: Store; live: LiveRegistry }> {
  const [{ Store }, { LiveRegistry }, { StoreBusy }] = await Promise.all([import('../store/store.js'), import('../store/live-registry.js'), import('../store/lock.js')]);
  const live = new LiveRegistry(registry, ctx.registryDir());
  try {
    const store = await Store.open({
      ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
      ...(flags.data ? { dataDir: flags.data } : {}),
      registryDir: ctx.registryDir(),
      registry: () => live.current(),
      onRegistryChange: (ids) => live.refresh(ids),
    });
    return { store, live };
  } catch (e) {
    if (e instanceof StoreBusy) throw new InputError(e.message);
    const code = (e as { code?: string }).code;
    // The server refused or is not there: bad input (the URL), not a bug.
    if (process.env.DATABASE_URL && typeof code === 'string' && /^(ECONNREFUSED|ENOTFOUND|28P01|3D000|28000|ETIMEDOUT)$/.test(code)) {
      throw new InputError(`cannot open the store at DATABASE_URL: ${(e as Error).message} (${code})`);
    }
    throw e;
  }
}
