// kill -9 in the middle of approvals, on both PostgreSQLs: no acknowledged write lost, no half-written record, a commit without its file repaired at start.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadRegistry, validateFiles } from '../../src/registry/load.js';
import type { DbOptions } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import { ROOT } from '../helpers.js';
import { BACKENDS } from './databases.js';
import { exampleRecord, registryCopy } from './fixtures.js';

async function prepared(db: DbOptions, registryDir: string, count: number): Promise<number[]> {
  const { registry } = await loadRegistry(registryDir);
  const store = await Store.open({ ...db, registryDir, registry: () => registry });
  try {
    await store.createUser('rita', 'reviewer');
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const r = await store.submit(exampleRecord(`crash-${i}`), 'x', {});
      assert.ok(r.ok);
      ids.push(r.id);
    }
    return ids;
  } finally {
    await store.close();
  }
}

function child(db: DbOptions, registryDir: string, mode: string, ids: number[], marker: string): { proc: ChildProcess; out: () => string } {
  let out = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/store/approve-child.ts')], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOWOPEN_TEST_DB: JSON.stringify(db), HOWOPEN_TEST_REGISTRY: registryDir, HOWOPEN_TEST_MODE: mode, HOWOPEN_TEST_MARKER: marker, HOWOPEN_TEST_IDS: ids.join(','), HOWOPEN_TEST_REVIEWER: 'rita' },
  });
  proc.stdout!.on('data', (c: Buffer) => { out += c.toString(); });
  proc.stderr!.on('data', (c: Buffer) => { out += c.toString(); });
  return { proc, out: () => out };
}

async function until(check: () => boolean, what: string, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

const killed = (proc: ChildProcess) => new Promise<void>((resolve) => { proc.once('exit', () => resolve()); proc.kill('SIGKILL'); });

for (const backend of BACKENDS) {
  describe(`kill -9 during approval on ${backend.name}`, () => {
    const options = async (): Promise<DbOptions> => {
      const fresh = await backend.fresh();
      return fresh.databaseUrl ? fresh : { dataDir: mkdtempSync(join(tmpdir(), 'howopen-crash-')) };
    };

    it('a change committed but not written when the process died is written at the next start', async () => {
      const db = await options();
      const dir = registryCopy();
      const [id] = await prepared(db, dir, 1);
      const marker = join(mkdtempSync(join(tmpdir(), 'howopen-marker-')), 'm');
      const c = child(db, dir, 'hang-after-commit', [id!], marker);
      await until(() => existsSync(marker), `the commit (${c.out()})`);
      await killed(c.proc);
      const file = join(dir, 'models', 'crash-0.yaml');
      assert.equal(existsSync(file), false, 'the file is not written before the kill');
      const { registry } = await loadRegistry(dir);
      const store = await Store.open({ ...db, registryDir: dir, registry: () => registry });
      try {
        assert.equal(readFileSync(file, 'utf8'), exampleRecord('crash-0'), 'repaired at start');
        assert.deepEqual((await store.historyOf('crash-0')).map((h) => h.written), [true]);
        assert.equal((await store.show(id!)).submission.status, 'approved');
      } finally {
        await store.close();
      }
    });

    it('killed while approving in a loop: every acknowledged approval is kept whole, nothing half-written', async () => {
      const db = await options();
      const dir = registryCopy();
      const ids = await prepared(db, dir, 12);
      const marker = join(mkdtempSync(join(tmpdir(), 'howopen-marker-')), 'm');
      const c = child(db, dir, 'loop', ids, marker);
      await until(() => (c.out().match(/^ack /gm) ?? []).length >= 3, `three approvals (${c.out()})`);
      await killed(c.proc);
      const acked = [...c.out().matchAll(/^ack (\d+)$/gm)].map((m) => Number(m[1]));
      const { registry } = await loadRegistry(dir);
      const store = await Store.open({ ...db, registryDir: dir, registry: () => registry });
      try {
        for (const id of acked) assert.equal((await store.show(id)).submission.status, 'approved');
        const written = readdirSync(join(dir, 'models')).filter((f) => f.startsWith('crash-') && f.endsWith('.yaml'));
        assert.ok(written.length >= acked.length);
        assert.deepEqual(await validateFiles(written.map((f) => join(dir, 'models', f)), registry), []);
        // Every approved submission has its file, and every file an approved submission: repair closed any gap.
        const approved = (await store.queue('approved')).map((s) => `${s.modelId}.yaml`).sort();
        assert.deepEqual(written.sort(), approved);
      } finally {
        await store.close();
      }
    });
  });
}
