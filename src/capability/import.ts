// Refreshes a capability snapshot from a local copy of epoch-research/benchmark-stitching: check everything, then write it whole.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { type LoadedCapability, MAX_TABLE_BYTES, SOURCE_FILES, type SourceFile, parseCapability, parseSnapshotInfo } from './load.js';
import type { Problem } from '../registry/problem.js';

export interface ImportOptions { commit?: string; committed?: string; retrieved: string }
export interface ImportResult { loaded: LoadedCapability; problems: Problem[]; written: string[]; sources: Record<SourceFile, string> }

async function findSource(dir: string, file: SourceFile): Promise<string | null> {
  for (const p of [join(dir, SOURCE_FILES[file]), join(dir, file)]) {
    if (await stat(p).then((s) => s.isFile(), () => false)) return p;
  }
  return null;
}

/** The clone's HEAD commit and its date, when DIR is a git work tree; nothing is guessed otherwise. */
async function gitHead(dir: string): Promise<{ commit: string; committed: string } | null> {
  try {
    const run = promisify(execFile);
    const { stdout } = await run('git', ['-C', dir, 'log', '-1', '--format=%H %cs'], { timeout: 5000 });
    const [commit, committed] = stdout.trim().split(' ');
    return commit && committed ? { commit, committed } : null;
  } catch { return null; }
}

/** Writes every file to a temporary name first and renames them only when all are written: no half-refreshed snapshot. */
async function writeAll(dir: string, files: Record<string, string>): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const temps: [string, string][] = [];
  try {
    for (const [name, text] of Object.entries(files)) {
      const tmp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      const handle = await open(tmp, 'wx');
      temps.push([tmp, join(dir, name)]);
      try { await handle.writeFile(text, 'utf8'); await handle.sync(); } finally { await handle.close(); }
    }
    for (const [tmp, target] of temps) await rename(tmp, target);
    return temps.map(([, t]) => basename(t));
  } finally {
    for (const [tmp] of temps) await unlink(tmp).catch(() => undefined);
  }
}

export async function importCapability(sourceDir: string, targetDir: string, options: ImportOptions): Promise<ImportResult> {
  const problems: Problem[] = [];
  const texts: Partial<Record<SourceFile, string>> = {};
  const sources = {} as Record<SourceFile, string>;
  for (const file of Object.keys(SOURCE_FILES) as SourceFile[]) {
    const path = await findSource(sourceDir, file);
    if (!path) { problems.push({ file: join(sourceDir, SOURCE_FILES[file]), line: 1, col: 1, message: `missing: expected Epoch's ${SOURCE_FILES[file]} (or ${file}) in ${sourceDir}` }); continue; }
    const buf = await readFile(path);
    if (buf.length > MAX_TABLE_BYTES) { problems.push({ file: path, line: 1, col: 1, message: `larger than ${MAX_TABLE_BYTES} bytes: not Epoch's table` }); continue; }
    texts[file] = buf.toString('utf8');
    sources[file] = path;
  }
  const mappingText = await readFile(join(targetDir, 'mapping.yaml'), 'utf8').catch(() => 'versions: {}\n');
  const oldInfo = parseSnapshotInfo(await readFile(join(targetDir, 'snapshot.yaml'), 'utf8').catch(() => '')).value;
  const head = options.commit ? { commit: options.commit, committed: options.committed ?? null } : await gitHead(sourceDir);
  const info = {
    source: oldInfo.source || 'https://github.com/epoch-research/benchmark-stitching',
    retrieved: options.retrieved,
    license: oldInfo.license || 'CC-BY-4.0',
    attribution: oldInfo.attribution || "Epoch AI, benchmark data from github.com/epoch-research/benchmark-stitching. Published online at epoch.ai. Licensed under CC BY 4.0.",
    files: Object.fromEntries((Object.keys(SOURCE_FILES) as SourceFile[]).map((f) => [f, { path: SOURCE_FILES[f], commit: head?.commit ?? 'unknown', committed: head?.committed ?? 'unknown' }])),
  };
  const snapshotText = `# Where each file of this capability snapshot came from. Rewritten by \`howopen capability import\`.\n${stringify(info)}`;
  if (problems.length) return { loaded: parseCapability({ 'epoch_capabilities_index.csv': '', 'external_benchmark_mmlu.csv': '', 'model_versions.csv': '', 'snapshot.yaml': snapshotText, 'mapping.yaml': mappingText }), problems, written: [], sources };
  const loaded = parseCapability({ ...(texts as Record<SourceFile, string>), 'snapshot.yaml': snapshotText, 'mapping.yaml': mappingText });
  const located = loaded.problems.map((p) => ({ ...p, file: sources[p.file as SourceFile] ?? join(targetDir, p.file) }));
  if (located.length) return { loaded, problems: located, written: [], sources };
  const written = await writeAll(targetDir, { ...(texts as Record<SourceFile, string>), 'snapshot.yaml': snapshotText });
  return { loaded, problems: [], written, sources };
}
