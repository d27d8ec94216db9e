// Shared test helpers: the loaded registry and an in-process CLI runner (no reference data: that is test-reference/).
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/output.js';
import type { Registry } from '../src/core/registry.js';
import { loadRegistry } from '../src/registry/load.js';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

let loaded: Promise<Registry> | undefined;
export function registry(): Promise<Registry> {
  loaded ??= loadRegistry(join(ROOT, 'registry')).then(({ registry, problems }) => {
    if (problems.length) throw new Error(`registry problems:\n${problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`).join('\n')}`);
    return registry;
  });
  return loaded;
}

export interface CliRun { code: number; stdout: string; stderr: string }

export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => { stdout += t.endsWith('\n') ? t : `${t}\n`; }, err: (t) => { stderr += t.endsWith('\n') ? t : `${t}\n`; }, color: false };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
