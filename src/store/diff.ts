// The change a proposed record makes, cell by cell: each component's entry and level before and after, and the verdicts it moves. Pure.
import { classify } from '../core/classify.js';
import { verdictSummary, verdicts } from '../core/frameworks/index.js';
import type { ComponentEntry, ModelRecord } from '../core/model.js';
import type { Registry } from '../core/registry.js';
import { COMPONENTS } from '../core/taxonomy.js';

export interface CellChange {
  component: string;
  before: ComponentEntry | null;
  after: ComponentEntry | null;
  levelBefore: string | null;
  levelAfter: string;
}

export interface FieldChange { field: string; before: unknown; after: unknown }

export interface VerdictChange { framework: string; before: unknown; after: unknown }

export interface RecordDiff {
  /** True when there is no current record: the submission adds a model. */
  added: boolean;
  fields: FieldChange[];
  cells: CellChange[];
  verdicts: VerdictChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Fields other than the components, compared as values. */
const FIELDS = ['name', 'organization', 'released', 'family', 'derived_from', 'modality', 'links', 'checked', 'notes', 'documentation', 'artifacts', 'training_compute', 'monetised', 'published'] as const;

export function recordDiff(current: ModelRecord | undefined, proposed: ModelRecord, registry: Registry, asOf: string): RecordDiff {
  const after = classify(proposed, registry.index);
  const before = current ? classify(current, registry.index) : undefined;
  const cells: CellChange[] = [];
  for (const c of COMPONENTS) {
    const b = current?.components[c.key] ?? null;
    const a = proposed.components[c.key] ?? null;
    const levelBefore = before?.components[c.key]?.level ?? null;
    const levelAfter = after.components[c.key]!.level;
    if (!same(b, a) || levelBefore !== levelAfter) cells.push({ component: c.key, before: b, after: a, levelBefore, levelAfter });
  }
  const fields = FIELDS.filter((f) => !same(current?.[f], proposed[f])).map((f) => ({ field: f, before: current?.[f] ?? null, after: proposed[f] ?? null }));
  const vAfter = verdictSummary(verdicts(proposed, registry, { asOf }, after));
  const vBefore = current ? verdictSummary(verdicts(current, registry, { asOf }, before)) : undefined;
  const verdictChanges = (Object.keys(vAfter) as (keyof typeof vAfter)[])
    .filter((k) => !vBefore || !same(vBefore[k], vAfter[k]))
    .map((k) => ({ framework: k, before: vBefore?.[k] ?? null, after: vAfter[k] }));
  return { added: !current, fields, cells, verdicts: verdictChanges };
}
