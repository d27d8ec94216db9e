// Per-component level distributions over a set of models, from published or computed levels.
import { classify } from './classify.js';
import type { Reading } from './licenses.js';
import type { ModelRecord } from './model.js';
import type { Registry } from './registry.js';
import { releasedBy, resolveModel } from './resolve.js';
import { COMPONENTS } from './taxonomy.js';

export const MODEL_SETS = {
  /** The paper's 40 models: the site's models released before 2024. */
  'paper-40': (m: ModelRecord) => m.published?.['eiras-2024'] !== undefined && m.released < '2024',
  /** The site's 45 models. */
  'site-45': (m: ModelRecord) => m.published?.['eiras-2024'] !== undefined,
  all: () => true,
} as const;
export type ModelSet = keyof typeof MODEL_SETS;
export type LevelSource = 'published' | 'computed';

export type Distribution = Record<'1' | '2' | '3' | '4' | '5' | 'N/A' | 'Unknown', number>;

export interface Stats {
  set: ModelSet;
  source: LevelSource;
  reading: Reading;
  /** The date the facts were read at; null for today's facts. */
  asOf: string | null;
  models: number;
  components: Record<string, Distribution>;
}

export const DISTRIBUTION_KEYS = ['1', '2', '3', '4', '5', 'N/A', 'Unknown'] as const;

function emptyDistribution(): Distribution {
  return { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 'N/A': 0, Unknown: 0 };
}

/** With `asOf`, the computed levels read the facts in force on that date, and models not yet out are left out. */
export function stats(registry: Registry, set: ModelSet, source: LevelSource, reading: Reading = 'strict', asOf?: string): Stats {
  const models = registry.models.filter(MODEL_SETS[set]).filter((m) => source === 'computed' || m.published?.['eiras-2024'])
    .map((m) => resolveModel(m, asOf ? { asOf } : {}).record)
    .filter((m) => !asOf || releasedBy(m, asOf));
  const components = Object.fromEntries(COMPONENTS.map((c) => [c.key, emptyDistribution()]));
  for (const model of models) {
    const levels = source === 'published' ? publishedLevels(model) : computedLevels(model, registry, reading);
    for (const { key } of COMPONENTS) {
      const value = levels[key];
      if (value !== undefined) components[key]![value] += 1;
    }
  }
  return { set, source, reading, asOf: asOf ?? null, models: models.length, components };
}

function publishedLevels(model: ModelRecord): Record<string, keyof Distribution> {
  const values = model.published?.['eiras-2024']?.values ?? {};
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v!.value) as keyof Distribution]));
}

function computedLevels(model: ModelRecord, registry: Registry, reading: Reading): Record<string, keyof Distribution> {
  const result = classify(model, registry.index, { reading });
  return Object.fromEntries(Object.values(result.components).map((c) => [c.key, (c.score === null ? c.level : String(c.score)) as keyof Distribution]));
}
