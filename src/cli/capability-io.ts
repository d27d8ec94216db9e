// The capability snapshot for the CLI: which folder, loaded once, its problems as bad input.
import { BUNDLED_CAPABILITY, loadCapability, type LoadedCapability } from '../capability/load.js';
import { formatProblem } from '../registry/problem.js';
import { InputError } from './output.js';

export const CAPABILITY_OPTION = ['--capability <dir>', 'capability snapshot folder (default: the bundled data/capability, or $HOWOPEN_CAPABILITY)'] as const;

export function capabilityDir(option?: string): string {
  return option ?? process.env.HOWOPEN_CAPABILITY ?? BUNDLED_CAPABILITY;
}

/** The snapshot, or an InputError listing its problems with their positions. */
export async function capabilityData(option?: string): Promise<LoadedCapability> {
  const dir = capabilityDir(option);
  const loaded = await loadCapability(dir);
  if (loaded.problems.length) throw new InputError(`the capability snapshot in ${dir} has ${loaded.problems.length} problem(s):\n${loaded.problems.slice(0, 20).map((p) => formatProblem({ ...p, file: `${dir}/${p.file}` })).join('\n')}`);
  return loaded;
}
