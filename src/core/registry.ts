// The registry in memory: every license and model record, with the lookups the rest of the engine needs.
import { type LicenseIndex, buildLicenseIndex } from './expression.js';
import { withDerivedLicenses } from './license-categories.js';
import type { License } from './licenses.js';
import type { ModelRecord } from './model.js';

export interface Registry {
  /** The hand-scored knowledge base; `index` also resolves every other SPDX id through its category. */
  licenses: readonly License[];
  models: readonly ModelRecord[];
  index: LicenseIndex;
  /** Family id → display name (registry/families.yaml). */
  families: ReadonlyMap<string, string>;
  model(id: string): ModelRecord | undefined;
}

export function buildRegistry(licenses: readonly License[], models: readonly ModelRecord[], families: Record<string, string> = {}): Registry {
  const { index } = buildLicenseIndex(withDerivedLicenses(licenses));
  const byId = new Map(models.map((m) => [m.id, m]));
  return { licenses, models, index, families: new Map(Object.entries(families)), model: (id) => byId.get(id) };
}
