// File handling shared by import, export and scan: expanding folders, display paths, writing outputs without clobbering.
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import type { Finding } from '../interop/draft.js';
import { removeStaleTemporaries, writeFileAtomic } from '../interop/files.js';
import type { Context } from './context.js';
import { InputError } from './output.js';

/** Refuses an --out that names a file (or lies under one): --out is a folder the outputs go into. Clears a killed run's temporaries there. */
export async function checkOutFolder(out: string, what: string): Promise<void> {
  if (out === '-') return;
  const info = await stat(out).catch((e: NodeJS.ErrnoException) => e);
  if (info instanceof Error ? info.code === 'ENOTDIR' : !info.isDirectory()) {
    throw new InputError(`--out ${out} ${info instanceof Error ? 'lies under a file' : 'is an existing file'}: --out names the folder ${what} are written into (one file each); give a folder, or - for standard output`);
  }
  if (!(info instanceof Error)) await removeStaleTemporaries(out);
}

export function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export interface InputFile { path: string; root?: string }

/**
 * Files to read: each file as given; for a folder, its files with one of `extensions` (not recursive), skipping
 * names that start with "_" or contain "template" (a format's parameter and template files). Problems for paths that don't exist.
 */
export async function expandInputs(paths: readonly string[], extensions: readonly string[]): Promise<{ files: InputFile[]; problems: Finding[] }> {
  const files: InputFile[] = [];
  const problems: Finding[] = [];
  for (const path of paths) {
    const info = await stat(path).catch((e: NodeJS.ErrnoException) => e);
    if (info instanceof Error) {
      problems.push({ file: path, line: 1, col: 1, severity: 'error', message: info.code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${info.message}` });
      continue;
    }
    if (!info.isDirectory()) { files.push({ path }); continue; }
    const names = (await readdir(path)).filter((n) => extensions.includes(extname(n).toLowerCase()) && !n.startsWith('_') && !/template/i.test(n) && !n.startsWith('.')).sort();
    if (names.length === 0) problems.push({ file: path, line: 1, col: 1, severity: 'error', message: `no ${extensions.join(' or ')} files in this folder` });
    for (const n of names) files.push({ path: join(path, n), root: path });
  }
  return { files, problems };
}

/** Writes outputs atomically, never over an existing file unless forced; reports what happened on stderr. */
export async function writeOutputs(ctx: Context, outputs: readonly { path: string; text: string; from?: string }[], force: boolean): Promise<Finding[]> {
  const problems: Finding[] = [];
  for (const o of outputs) {
    try {
      const result = await writeFileAtomic(o.path, o.text, { force });
      if (result === 'exists') problems.push({ file: display(o.path), line: 1, col: 1, severity: 'error', message: 'already exists; not overwritten (use --force to replace it)' });
      else ctx.io.err(`wrote ${display(o.path)}${o.from ? ` (from ${o.from})` : ''}`);
    } catch (e) {
      problems.push({ file: display(o.path), line: 1, col: 1, severity: 'error', message: `cannot write: ${(e as Error).message}` });
    }
  }
  return problems;
}

/** file:line:col: message (messages of drafts already name their field). */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.col}: ${f.message}${f.severity === 'error' && f.field && !f.message.includes(f.field) ? ` (${f.field})` : ''}`;
}
