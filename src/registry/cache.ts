// A snapshot of a validated registry, reused while no registry file changes, so read-only commands start fast.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { License } from '../core/licenses.js';
import type { ModelRecord } from '../core/model.js';
import { buildRegistry } from '../core/registry.js';
import type { Loaded } from './load.js';

interface Snapshot { signature: string; licenses: License[]; models: ModelRecord[]; families: Record<string, string> }

/** Names, sizes and modification times of every registry file, and of the code that validates them. */
async function signature(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const sub of ['licenses', 'models']) {
    const names = (await readdir(join(dir, sub)).catch(() => [] as string[])).sort();
    const stats = await Promise.all(names.map((n) => stat(join(dir, sub, n))));
    names.forEach((n, i) => hash.update(`${sub}/${n}:${stats[i]!.size}:${stats[i]!.mtimeMs}\n`));
  }
  // The code that validates records is part of the signature: a change to a rule invalidates the snapshot.
  const code = dirname(fileURLToPath(import.meta.url));
  const codeFiles = [join(dir, 'families.yaml'), join(code, '../../package.json'),
    ...(await listFiles(code)), ...(await listFiles(join(code, '../core')))];
  for (const file of codeFiles) {
    const s = await stat(file).catch(() => undefined);
    hash.update(`${file}:${s?.size}:${s?.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name)).sort();
}

/** A folder of the user's own ($HOWOPEN_CACHE_DIR, $XDG_CACHE_HOME/howopen or ~/.cache/howopen), never a shared one. */
function cacheDir(): string {
  return process.env.HOWOPEN_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'howopen');
}

function cacheFile(dir: string): string {
  return join(cacheDir(), `registry-${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16)}.json`);
}

/** Reads a snapshot only if the current user owns it: someone else's file could hold records that skipped validation. */
async function readOwn(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile() || (typeof process.getuid === 'function' && info.uid !== process.getuid())) return undefined;
  return readFile(file, 'utf8');
}

/** Removes snapshots half-written by a run that was killed (their process is gone): they would pile up otherwise. */
async function removeStaleSnapshots(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const m = /^registry-[0-9a-f]{16}\.json\.(\d+)\.tmp$/.exec(name);
    if (!m || Number(m[1]) === process.pid) continue;
    let running = true;
    try { process.kill(Number(m[1]), 0); } catch (e) { running = (e as NodeJS.ErrnoException).code === 'EPERM'; }
    if (!running) await unlink(join(dir, name)).catch(() => undefined);
  }
}

/** Loads a registry, from the snapshot when it is current; only a registry without problems is cached. */
export async function loadRegistryCached(dir: string): Promise<Loaded> {
  const sig = await signature(dir);
  const file = cacheFile(dir);
  try {
    const text = await readOwn(file);
    const snap = text ? JSON.parse(text) as Snapshot : undefined;
    if (snap?.signature === sig) return { registry: buildRegistry(snap.licenses, snap.models, snap.families), problems: [] };
  } catch { /* an unreadable snapshot: load from the files */ }
  const { loadRegistry } = await import('./load.js');
  const loaded = await loadRegistry(dir);
  if (!loaded.problems.length) {
    const snap: Snapshot = { signature: sig, licenses: [...loaded.registry.licenses], models: [...loaded.registry.models], families: Object.fromEntries(loaded.registry.families) };
    const tmp = `${file}.${process.pid}.tmp`;
    await mkdir(dirname(file), { recursive: true, mode: 0o700 })
      .then(() => removeStaleSnapshots(dirname(file)))
      .then(() => writeFile(tmp, JSON.stringify(snap), { mode: 0o600 }))
      .then(() => rename(tmp, file))
      .catch(() => { /* a cache that cannot be written only costs time */ });
  }
  return loaded;
}
