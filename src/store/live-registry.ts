// The registry in memory as approvals change it: a changed record file is read and checked again and replaces its model, without a full reload.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelRecord } from '../core/model.js';
import { type Registry, buildRegistry } from '../core/registry.js';
import { checkRecordText } from './check.js';

export class LiveRegistry {
  private listeners: ((registry: Registry) => void)[] = [];

  constructor(private registry: Registry, readonly dir: string) {}

  current(): Registry {
    return this.registry;
  }

  onChange(listener: (registry: Registry) => void): void {
    this.listeners.push(listener);
  }

  /** Reads the named models' files again; a file that no longer passes the checks is left out, loudly. */
  async refresh(modelIds: readonly string[]): Promise<void> {
    const replaced = new Map<string, ModelRecord | null>();
    for (const id of modelIds) {
      const text = await readFile(join(this.dir, 'models', `${id}.yaml`), 'utf8').catch(() => null);
      const checked = text === null ? undefined : checkRecordText(text, `${id}.yaml`, this.registry);
      if (checked && !checked.ok) console.error(`howopen: models/${id}.yaml no longer passes validate; it is left out until fixed`);
      replaced.set(id, checked?.ok ? checked.record : null);
    }
    const kept = this.registry.models.filter((m) => !replaced.has(m.id));
    const added = [...replaced.values()].filter((m): m is ModelRecord => m !== null);
    // In file-name order, as the loader reads them.
    const models = [...kept, ...added].sort((a, b) => (`${a.id}.yaml` < `${b.id}.yaml` ? -1 : 1));
    this.registry = buildRegistry(this.registry.licenses, models, Object.fromEntries(this.registry.families));
    for (const l of this.listeners) l(this.registry);
  }
}
