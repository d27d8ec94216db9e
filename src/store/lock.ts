// One process at a time on an embedded store: PGlite's data folder must not be opened twice, so a lock file names the holder.
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export class StoreBusy extends Error {}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** Takes the folder's lock, or throws StoreBusy naming the live process that holds it; a dead holder's lock is taken over. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, 'store.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => { await unlink(path).catch(() => undefined); };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (pid && alive(pid)) {
        throw new StoreBusy(`the store in ${dir} is open in process ${pid} (a running howopen serve?); stop it, or send this through it with --server URL`);
      }
      // Left by a process that died (kill -9, a crash): PGlite recovers its own files; the lock is ours now.
      await unlink(path).catch(() => undefined);
    }
  }
  throw new StoreBusy(`cannot take the lock ${path}`);
}
