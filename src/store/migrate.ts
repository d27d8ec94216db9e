// Applies the numbered SQL migrations in migrations/ that the database has not seen, each in its own transaction.
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

/** The migrations folder: src/store/migrations, from src/store (tsx) and from dist/store (the build) alike. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../src/store/migrations/', import.meta.url));

export interface Migration { version: number; name: string; sql: string }

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  return Promise.all(names.map(async (name) => {
    const match = /^(\d+)_[a-z0-9_-]+\.sql$/.exec(name);
    if (!match) throw new Error(`migration file ${name} is not named NNN_what.sql`);
    return { version: Number(match[1]), name, sql: await readFile(`${dir}/${name}`, 'utf8') };
  }));
}

/** Brings the schema up to date; returns the versions applied now. */
export async function migrate(db: Db, migrations?: readonly Migration[]): Promise<number[]> {
  const all = migrations ?? await readMigrations();
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  const applied: number[] = [];
  for (const m of all) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      // A second server starting at the same moment waits here, then finds the version applied.
      await tx.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const again = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (again.length) return;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    });
  }
  return applied;
}

/** Statements of a migration file: split at semicolons that end a line, comments dropped (no function bodies here). */
export function splitStatements(sql: string): string[] {
  return sql.split('\n').filter((l) => !/^\s*--/.test(l)).join('\n').split(/;\s*$/m).map((s) => s.trim()).filter(Boolean);
}
