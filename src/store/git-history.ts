// A model's history from git, where the registry is a checkout: each revision of its record file, with date, author and message.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GitRevision {
  commit: string;
  /** ISO date and time the commit was authored. */
  date: string;
  author: string;
  subject: string;
  /** The record file's text at this commit; null where the commit deleted it. */
  text: string | null;
}

/** Bounds on the work: a record with a long history shows its newest revisions. */
export const GIT_LIMITS = { revisions: 100, logBytes: 1024 * 1024, fileBytes: 2 * 1024 * 1024, timeoutMs: 10_000 } as const;

const git = async (dir: string, args: string[], maxBuffer: number) =>
  (await run('git', ['-C', dir, ...args], { maxBuffer, timeout: GIT_LIMITS.timeoutMs, encoding: 'utf8', env: { ...process.env, GIT_PAGER: 'cat', LC_ALL: 'C' } })).stdout;

/** Whether the folder is inside a git work tree, and its path from the top of it ("" at the top). */
async function prefixOf(dir: string): Promise<string | null> {
  try {
    if ((await git(dir, ['rev-parse', '--is-inside-work-tree'], 4096)).trim() !== 'true') return null;
    return (await git(dir, ['rev-parse', '--show-prefix'], 4096)).trim();
  } catch {
    return null;
  }
}

/**
 * The revisions of registry/models/<id>.yaml, newest first, following renames (`git log --follow`); an
 * empty list when the registry is no git checkout or git is missing. `id` is a registry id (a safe alphabet).
 */
export async function gitHistoryOf(registryDir: string, modelId: string): Promise<GitRevision[]> {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(modelId)) return [];
  const prefix = await prefixOf(registryDir);
  if (prefix === null) return [];
  const file = `models/${modelId}.yaml`;
  let log: string;
  try {
    log = await git(registryDir, ['log', '--follow', `-n${GIT_LIMITS.revisions}`, '--format=%x1e%H%x1f%aI%x1f%an%x1f%s', '--name-only', '--', file], GIT_LIMITS.logBytes);
  } catch {
    return [];
  }
  const revisions: GitRevision[] = [];
  for (const entry of log.split('\x1e').slice(1)) {
    const [head = '', ...paths] = entry.split('\n');
    const [commit = '', date = '', author = '', subject = ''] = head.split('\x1f');
    // --name-only names the file as it was called at that commit (a rename is followed); paths are from the top.
    const path = paths.map((p) => p.trim()).find(Boolean) ?? `${prefix}${file}`;
    const text = await git(registryDir, ['show', `${commit}:${path}`], GIT_LIMITS.fileBytes).catch(() => null);
    revisions.push({ commit, date, author, subject, text });
  }
  return revisions;
}
