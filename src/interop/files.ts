// Careful file access for foreign input: a size cap, no binaries, UTF-8 only, no symlinks out of a folder; atomic writes.
import { randomBytes } from 'node:crypto';
import { type FileHandle, link, lstat, mkdir, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { decodeUtf8 } from '../registry/encoding.js';

export { invalidUtf8At } from '../registry/encoding.js';

/** Text inputs larger than this are refused unread: no model card, license or record needs more. */
export const TEXT_CAP = 1024 * 1024;

export type ReadFailure = 'missing' | 'unreadable' | 'not-a-file' | 'too-large' | 'binary' | 'encoding' | 'symlink-outside';
export type ReadResult = { ok: true; text: string; bytes: number } | { ok: false; reason: ReadFailure; message: string; line?: number; col?: number };

export interface ReadOptions {
  cap?: number;
  /** A folder the file must stay inside: a symbolic link that leads out of it is not followed. */
  root?: string;
  /** For tests: how the file is opened. */
  openFile?: (path: string) => Promise<FileHandle>;
}

function fail(reason: ReadFailure, message: string): ReadResult {
  return { ok: false, reason, message };
}

function errnoMessage(e: unknown): { reason: ReadFailure; message: string } {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { reason: 'missing', message: 'no such file' };
  if (code === 'EACCES' || code === 'EPERM') return { reason: 'unreadable', message: 'cannot read: permission denied (check the file\'s permissions)' };
  if (code === 'EISDIR') return { reason: 'not-a-file', message: 'is a folder, not a file' };
  return { reason: 'unreadable', message: `cannot read: ${(e as Error).message}` };
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/** Where a symbolic link inside `root` leads, or a failure when it leads out of `root` or nowhere. */
export async function checkLink(path: string, root: string): Promise<ReadResult | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isSymbolicLink()) return undefined;
  const target = await realpath(path).catch(() => undefined);
  if (!target) return fail('missing', 'is a symbolic link to nothing (broken link)');
  const realRoot = await realpath(root).catch(() => resolve(root));
  if (!isInside(realRoot, target)) return fail('symlink-outside', `is a symbolic link to ${target}, outside ${root}; not followed`);
  return undefined;
}

/** Decodes bytes as text: UTF-8 (BOM allowed) or UTF-16 with a BOM; binaries and other encodings are refused with the reason. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), bytes: bytes.length };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), bytes: bytes.length };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return fail('binary', 'looks like a binary file (it contains NUL bytes), not text');
  // The same check, and the same positioned message, as for registry records.
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.kind === 'binary' ? 'binary' : 'encoding', message: decoded.message, line: decoded.line, col: decoded.col };
  return { ok: true, text: decoded.text, bytes: bytes.length };
}

/** Reads a text file within the cap, or says clearly why not. Never throws for a bad file. */
export async function readText(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const cap = options.cap ?? TEXT_CAP;
  if (options.root) {
    const link = await checkLink(path, options.root);
    if (link) return link;
  }
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const { reason, message } = errnoMessage(e);
    return fail(reason, message);
  }
  if (info.isDirectory()) return fail('not-a-file', 'is a folder, not a file');
  if (!info.isFile()) return fail('not-a-file', 'is not a regular file (a device, socket or pipe); not read');
  if (info.size > cap) return fail('too-large', `is ${formatBytes(info.size)}, over the ${formatBytes(cap)} cap for text input; not read`);
  let handle: FileHandle | undefined;
  try {
    handle = await (options.openFile ?? ((p) => open(p, 'r')))(path);
    const buffer = Buffer.alloc(Math.min(info.size, cap) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > cap) return fail('too-large', `grew past the ${formatBytes(cap)} cap while being read; not read`);
    }
    return decodeText(buffer.subarray(0, length));
  } catch (e) {
    const { reason, message } = errnoMessage(e);
    return fail(reason, message);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v >= 10 ? Math.round(v) : Math.round(v * 10) / 10} ${units[i]}`;
}

/** The first existing path on the way to `dir` that is not a folder. */
async function inTheWay(dir: string): Promise<string> {
  for (let p = resolve(dir); ; p = dirname(p)) {
    const info = await stat(p).catch(() => undefined);
    if (info && !info.isDirectory()) return p;
    if (dirname(p) === p) return dir;
  }
}

/** A temporary file of writeFileAtomic: .NAME.PID.RANDOM.tmp */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;
const swept = new Set<string>();

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/**
 * Removes the temporary files a killed run left in a folder (their process is gone), once per folder and run:
 * a crash leaves a hidden file behind, and the next write to that folder clears it.
 */
export async function removeStaleTemporaries(dir: string): Promise<string[]> {
  const key = resolve(dir);
  if (swept.has(key)) return [];
  swept.add(key);
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMPORARY.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    if (await unlink(join(dir, name)).then(() => true, () => false)) removed.push(name);
  }
  return removed;
}

/**
 * Writes a whole file or nothing: the text goes to a temporary file in the same folder, is flushed, then
 * renamed into place. Without `force` an existing file is left alone ('exists'); the hard link used for that
 * check fails if the name appeared meanwhile, so even a race does not overwrite.
 */
export async function writeFileAtomic(path: string, text: string, options: { force?: boolean } = {}): Promise<'written' | 'exists'> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true }).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST' && e.code !== 'ENOTDIR') throw e;
    throw Object.assign(new Error(`cannot create the folder ${dir}: ${await inTheWay(dir)} is a file, not a folder (choose another folder, or move the file)`), { code: 'ENOTDIR' });
  });
  await removeStaleTemporaries(dir);
  if (!options.force && await lstat(path).then(() => true, () => false)) return 'exists';
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  try {
    if (options.force) {
      await rename(tmp, path);
      return 'written';
    }
    try {
      await link(tmp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      if ((e as NodeJS.ErrnoException).code !== 'EPERM' && (e as NodeJS.ErrnoException).code !== 'ENOTSUP') throw e;
      // File systems without hard links: check, then rename.
      if (await lstat(path).then(() => true, () => false)) return 'exists';
      await rename(tmp, path);
    }
    return 'written';
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}
