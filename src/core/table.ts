// The taxonomy table: a row per model, a cell per component, from computed or published levels.
import { publishedLabel } from './audit.js';
import { type Classification, classify } from './classify.js';
import { type VerdictSummary, verdictSummary, verdicts } from './frameworks/index.js';
import type { Reading } from './licenses.js';
import type { ModelRecord } from './model.js';
import type { Registry } from './registry.js';
import { RIGHT_KEYS } from './licenses.js';
import { SCOPE_KEYS, scopeAnswer } from './rights.js';
import { COMPONENTS, parseLevel } from './taxonomy.js';

export interface Cell {
  level: string;
  /** 1..5, or null for N/A and Unknown. */
  score: number | null;
  license: string | null;
  hint: string | null;
  /** The other source's level where the two disagree. */
  other: string | null;
}

export interface Row {
  id: string;
  name: string;
  organization: string;
  released: string;
  family: string | null;
  record: ModelRecord;
  classification: Classification;
  cells: Record<string, Cell>;
  /** The frameworks' verdicts in one line each; null when no date was given to read them at. */
  frameworks: VerdictSummary | null;
}

export interface TableOptions {
  reading?: Reading;
  source?: 'computed' | 'published';
  /** ISO date at which the frameworks' dated rules are read; without it, rows carry no verdicts. */
  asOf?: string;
}

export function tableRows(registry: Registry, options: TableOptions = {}): Row[] {
  return registry.models.map((model) => tableRow(model, registry, options));
}

export function tableRow(model: ModelRecord, registry: Registry, { reading = 'strict', source = 'computed', asOf }: TableOptions = {}): Row {
  const classification = classify(model, registry.index, { reading });
  const published = model.published?.['eiras-2024']?.values;
  const cells: Record<string, Cell> = {};
  for (const { key, kind } of COMPONENTS) {
    const computed = classification.components[key]!;
    const pub = published?.[key];
    const pubLabel = pub ? publishedLabel(kind, pub.value) : null;
    if (source === 'published') {
      const score = pubLabel ? parseLevel(pubLabel) : undefined;
      cells[key] = {
        level: pubLabel ?? '—', score: typeof score === 'number' ? score : null, license: pub?.license ?? null, hint: null,
        other: pubLabel && pubLabel !== computed.level ? computed.level : null,
      };
    } else {
      cells[key] = {
        level: computed.level, score: computed.score, license: computed.license, hint: computed.hint,
        other: pubLabel && pubLabel !== computed.level ? pubLabel : null,
      };
    }
  }
  const frameworks = asOf ? verdictSummary(verdicts(model, registry, { reading, asOf }, classification)) : null;
  return { id: model.id, name: model.name, organization: model.organization, released: model.released, family: model.family ?? null, record: model, classification, cells, frameworks };
}

/** The rights columns of a flat row, named as the conditions that filter on them: weights.commercial, data.modify, … */
export const RIGHTS_COLUMNS: readonly string[] = SCOPE_KEYS.flatMap((scope) => RIGHT_KEYS.map((right) => `${scope}.${right}`));

/** The license columns of a flat row: "deployment.data.weights.license", … (the license the cell shows). */
export const LICENSE_COLUMNS: readonly string[] = COMPONENTS.map((c) => `${c.key}.license`);

/** The columns of a flat row, in order: model fields, the twelve component keys, our aggregate, the verdicts, each component's license, the rights per scope. */
export const FLAT_COLUMNS: readonly string[] = ['id', 'name', 'organization', 'released', ...COMPONENTS.map((c) => c.key), 'openness', 'mof', 'osaid', 'osai_index', 'eu_exemption', ...LICENSE_COLUMNS, ...RIGHTS_COLUMNS];

/** A flat object per row for CSV and JSON: model fields, then one column per component key. */
export function flatRow(row: Row): Record<string, string | number | null> {
  const flat: Record<string, string | number | null> = { id: row.id, name: row.name, organization: row.organization, released: row.released };
  for (const { key } of COMPONENTS) flat[key] = row.cells[key]!.level;
  flat.openness = row.classification.summary.openness;
  if (row.frameworks) {
    flat.mof = row.frameworks.mof;
    flat.osaid = row.frameworks.osaid;
    flat.osai_index = row.frameworks.osaiIndex;
    flat.eu_exemption = row.frameworks.euExemption;
  }
  for (const { key } of COMPONENTS) flat[`${key}.license`] = row.cells[key]!.license;
  for (const scope of SCOPE_KEYS) for (const right of RIGHT_KEYS) flat[`${scope}.${right}`] = scopeAnswer(row.classification, scope, right);
  return flat;
}
