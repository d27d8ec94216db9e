// The two PostgreSQLs every store test runs against: PGlite in process, and Debian's server started here in a temp folder.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ROOT } from '../helpers.js';
import type { DbOptions } from '../../src/store/db.js';

export interface Backend {
  name: 'pglite' | 'postgresql';
  /** Options for a fresh, empty database. */
  fresh(): Promise<DbOptions>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface Running { url: string; stop(): void }
let running: Promise<Running> | undefined;

/** Starts one server for this test process (initdb, pg_ctl on a free port, as a non-root user); stopped at exit. */
export function postgresServer(): Promise<Running> {
  running ??= (async () => {
    const bin = execFileSync('sh', [join(ROOT, 'scripts/ensure-postgres.sh')], { encoding: 'utf8' }).trim();
    const dir = mkdtempSync(join(tmpdir(), 'howopen-pg-'));
    const asRoot = process.getuid?.() === 0;
    // PostgreSQL refuses to run as root: the folder goes to the postgres user, who runs it.
    const run = (cmd: string, args: string[]) => execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'pipe', encoding: 'utf8' });
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
      chownSync(dir, uid, gid);
    }
    const data = join(dir, 'data');
    run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'howopen', '--no-sync', '-E', 'UTF8']);
    const port = await freePort();
    run(join(bin, 'pg_ctl'), ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start']);
    const stop = () => {
      try { run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']); } catch { /* already stopped */ }
      rmSync(dir, { recursive: true, force: true });
    };
    process.once('exit', stop);
    return { url: `postgres://howopen@127.0.0.1:${port}/postgres`, stop };
  })();
  return running;
}

/** A new database on the server, so tests never see each other's rows. */
async function freshDatabase(): Promise<string> {
  const { url } = await postgresServer();
  const { default: pg } = await import('pg');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return url.replace(/\/postgres$/, `/${name}`);
}

export const BACKENDS: readonly Backend[] = [
  { name: 'pglite', fresh: async () => ({ memory: true }) },
  { name: 'postgresql', fresh: async () => ({ databaseUrl: await freshDatabase() }) },
];
