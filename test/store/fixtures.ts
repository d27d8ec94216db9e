// Records and registries for the store tests: an invented model (not a claim about any real one) and a copy of the registry to write into.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import type { Registry } from '../../src/core/registry.js';
import { loadRegistry } from '../../src/registry/load.js';
import { Store, type StoreOptions } from '../../src/store/store.js';
import type { DbOptions } from '../../src/store/db.js';
import { ROOT } from '../helpers.js';

/** A record for an invented model: every component closed or n/a, the weights public under `weights`. */
export function exampleRecord(id = 'example-model', weights = 'Apache-2.0', name = 'Example Model'): string {
  const lines = [`id: ${id}`, `name: ${name}`, 'organization: Example Org', 'released: "2026-01"', 'components:'];
  for (const c of COMPONENTS) {
    if (c.key === 'deployment.data.weights') lines.push(`  ${c.key}:`, '    status: public', `    license: ${weights}`, '    evidence: [https://example.org/weights]');
    else lines.push(`  ${c.key}: { status: ${c.kind === 'data' && c.key.startsWith('evaluation') ? 'n/a' : 'closed'} }`);
  }
  return `${lines.join('\n')}\n`;
}

/** A copy of the bundled registry in a temp folder, which approvals may write into. */
export function registryCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'howopen-registry-'));
  cpSync(join(ROOT, 'registry'), dir, { recursive: true });
  return dir;
}

export interface Opened { store: Store; dir: string; current(): Registry; reloads: number }

/** A store over a fresh database and a registry copy, reloading the registry after each approval as serve does. */
export async function openStore(db: DbOptions, extra: Partial<StoreOptions> = {}): Promise<Opened> {
  const dir = extra.registryDir ?? registryCopy();
  let registry = (await loadRegistry(dir)).registry;
  const opened: Opened = { store: undefined as unknown as Store, dir, current: () => registry, reloads: 0 };
  const { onRegistryChange, ...rest } = extra;
  opened.store = await Store.open({
    ...db, registryDir: dir, registry: () => registry, ...rest,
    // The store's checks follow the registry on disk; a caller's listener (the living app's) hears of it too.
    onRegistryChange: async (ids) => { registry = (await loadRegistry(dir)).registry; opened.reloads++; await onRegistryChange?.(ids); },
  });
  return opened;
}
