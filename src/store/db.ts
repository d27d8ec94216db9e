// One way to talk to PostgreSQL, whether embedded (PGlite in a data folder) or a server (DATABASE_URL): the same SQL on both.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { homedir } from 'node:os';

/** Runs one statement with numbered parameters ($1, $2 …) and returns its rows. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  /** Which PostgreSQL this is, for messages and benchmarks. */
  readonly kind: 'pglite' | 'server';
  /** Runs `work` in one transaction: it lands whole (COMMIT) or not at all (ROLLBACK on any error). */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs several statements with no parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** A PostgreSQL server's URL; without it the store is embedded in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** An in-memory PGlite (tests, benchmarks). */
  memory?: boolean;
}

/** The data folder: $XDG_DATA_HOME/howopen or ~/.local/share/howopen. */
export function defaultDataDir(): string {
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'howopen');
}

export async function openDb(options: DbOptions): Promise<Db> {
  if (options.databaseUrl) return openServer(options.databaseUrl);
  return openPglite(options.memory ? undefined : join(options.dataDir ?? defaultDataDir(), 'pgdata'));
}

async function openPglite(dir: string | undefined): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dir) await mkdir(dir, { recursive: true });
  const pg = await PGlite.create(dir ?? 'memory://');
  // PGlite runs one statement at a time; a queue keeps a transaction's statements from interleaving with others.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
  return {
    kind: 'pglite',
    query: <T>(sql: string, params: readonly unknown[] = []) => serial(async () => (await pg.query<T>(sql, [...params])).rows),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) => serial(() => pg.transaction(async (tx) => work({
      query: async <R>(sql: string, params: readonly unknown[] = []) => (await tx.query<R>(sql, [...params])).rows,
    }))),
    exec: (sql) => serial(async () => { await pg.exec(sql); }),
    close: () => serial(() => pg.close()),
  };
}

async function openServer(url: string): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Fail now, with the reason, rather than at the first request.
  await pool.query('SELECT 1');
  return {
    kind: 'server',
    query: async <T>(sql: string, params: readonly unknown[] = []) => (await pool.query(sql, [...params])).rows as T[],
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async <R>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, [...params])).rows as R[] });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => { await pool.query(sql); },
    close: () => pool.end(),
  };
}
