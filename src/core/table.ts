// The taxonomy table: a row per model, a cell per component, from computed or published levels.
import { publishedLabel } from './audit.js';
import { type Classification, classify } from './classify.js';
import { type VerdictSummary, verdictSummary, verdicts } from './frameworks/index.js';
import type { Reading } from './licenses.js';
import type { ModelRecord } from './model.js';
import type { Registry } from './registry.js';
import { type FactChange, type Resolved, type VariantInfo, lookupModel, refOf, releasedBy, releasesOf, resolveModel } from './resolve.js';
import { RIGHT_KEYS } from './licenses.js';
import { SCOPE_KEYS, scopeAnswer } from './rights.js';
import { COMPONENTS, levelLabel, parseLevel } from './taxonomy.js';

export interface Cell {
  level: string;
  /** 1..5, or null for N/A and Unknown. */
  score: number | null;
  license: string | null;
  hint: string | null;
  /** The other source's level where the two disagree. */
  other: string | null;
  /** On a family row: the levels its variants span where they differ ("D3–D5"), else null. */
  range: string | null;
}

export interface Row {
  id: string;
  name: string;
  organization: string;
  released: string;
  family: string | null;
  /** text, code, image, multimodal, audio, video or speech; null where the record does not say. */
  modality: string | null;
  record: ModelRecord;
  classification: Classification;
  cells: Record<string, Cell>;
  /** The frameworks' verdicts in one line each; null when no date was given to read them at. */
  frameworks: VerdictSummary | null;
  /** The release the row's facts are: a variant (the flagship on a family row), or null for a record without variants. */
  variant: VariantInfo | null;
  /** Every variant's reference of the record (`qwen2.5@7b`), flagship first; empty without variants. */
  variants: string[];
  /** The components read from an earlier state than today's, at the as-of date. */
  changes: FactChange[];
}

export interface TableOptions {
  reading?: Reading;
  source?: 'computed' | 'published';
  /**
   * ISO date at which the facts (each component's state, which models were out) and the frameworks'
   * dated rules are read. Without it: today's facts as recorded, and no verdicts.
   */
  asOf?: string;
  /** Read the verdicts at `asOf` (default true when asOf is given); false saves their cost. */
  verdicts?: boolean;
  /** A row per variant instead of one per record (the family row with its ranges). */
  variants?: boolean;
}

export function tableRows(registry: Registry, options: TableOptions = {}): Row[] {
  const rows: Row[] = [];
  for (const model of registry.models) {
    const releases = releasesOf(model, options.asOf).filter((r) => !options.asOf || releasedBy(r.record, options.asOf));
    if (!releases.length) continue;
    if (options.variants) rows.push(...releases.map((r) => releaseRow(r, registry, options, [])));
    else rows.push(tableRow(model, registry, options, releases));
  }
  return rows;
}

/** A record's row: its flagship's facts under the bare id, with the range its variants span. */
export function tableRow(model: ModelRecord, registry: Registry, options: TableOptions = {}, releases = releasesOf(model, options.asOf)): Row {
  return releaseRow(resolveModel(model, options.asOf ? { asOf: options.asOf } : {}), registry, options, releases);
}

function releaseRow(release: Resolved, registry: Registry, { reading = 'strict', source = 'computed', asOf, verdicts: withVerdicts = true }: TableOptions, family: readonly Resolved[]): Row {
  const model = release.record;
  const classification = classify(model, registry.index, { reading });
  const ranges = family.length > 1 ? levelRanges(family, registry, reading) : {};
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
        other: pubLabel && pubLabel !== computed.level ? computed.level : null, range: null,
      };
    } else {
      cells[key] = {
        level: computed.level, score: computed.score, license: computed.license, hint: computed.hint,
        other: pubLabel && pubLabel !== computed.level ? pubLabel : null, range: ranges[key] ?? null,
      };
    }
  }
  const frameworks = asOf && withVerdicts ? verdictSummary(verdicts(model, registry, { reading, asOf }, classification)) : null;
  return {
    id: refOf(release), name: model.name, organization: model.organization, released: model.released, family: model.family ?? null, modality: model.modality ?? null,
    record: model, classification, cells, frameworks, variant: release.variant, changes: release.changes,
    variants: releasesOf(release.source).filter((r) => r.variant).map((r) => `${r.source.id}@${r.variant!.id}`),
  };
}

/** The row of one release named by reference (`qwen2.5@7b` or a bare id); undefined when unknown or not out by `asOf`. */
export function releaseRowOf(registry: Registry, ref: string, options: TableOptions = {}): Row | undefined {
  const found = lookupModel(registry, ref, options.asOf);
  if (!found.ok) return undefined;
  const { resolved } = found;
  return resolved.variant?.explicit ? releaseRow(resolved, registry, options, []) : tableRow(resolved.source, registry, options);
}

/** Per component, the levels a family's variants span where they differ: "D3–D5", or "D5, Unknown". */
function levelRanges(family: readonly Resolved[], registry: Registry, reading: Reading): Record<string, string> {
  const results = family.map((r) => classify(r.record, registry.index, { reading }));
  const ranges: Record<string, string> = {};
  for (const { key, kind } of COMPONENTS) {
    const cells = results.map((c) => c.components[key]!);
    if (new Set(cells.map((c) => c.level)).size < 2) continue;
    const scores = cells.map((c) => c.score).filter((s): s is number => s !== null);
    const others = [...new Set(cells.filter((c) => c.score === null).map((c) => c.level))];
    const low = Math.min(...scores), high = Math.max(...scores);
    const span = scores.length ? (low === high ? levelLabel(kind, low) : `${levelLabel(kind, low)}–${levelLabel(kind, high)}`) : null;
    ranges[key] = [span, ...others].filter(Boolean).join(', ');
  }
  return ranges;
}

/** The columns of a flat row, in order: model fields, the twelve component keys, our aggregate (low and high end, coverage), the verdicts. */

/** The rights columns of a flat row, named as the conditions that filter on them: weights.commercial, data.modify, … */
export const RIGHTS_COLUMNS: readonly string[] = SCOPE_KEYS.flatMap((scope) => RIGHT_KEYS.map((right) => `${scope}.${right}`));

/** The license columns of a flat row: "deployment.data.weights.license", … (the license the cell shows). */
export const LICENSE_COLUMNS: readonly string[] = COMPONENTS.map((c) => `${c.key}.license`);

/** The columns of a flat row, in order: model fields, the twelve component keys, our aggregate, the verdicts, each component's license, the rights per scope. */
/** The columns of a flat row, in order: model fields, the twelve component keys, our aggregate (low and high end, coverage), the verdicts, each component's license, the rights per scope, the variants. */
export const FLAT_COLUMNS: readonly string[] = ['id', 'name', 'organization', 'released', ...COMPONENTS.map((c) => c.key), 'openness', 'openness_upper', 'known', 'applicable', 'mof', 'osaid', 'osai_index', 'eu_exemption', ...LICENSE_COLUMNS, ...RIGHTS_COLUMNS, 'variants'];

/** A flat object per row for CSV and JSON: model fields, then one column per component key. */
export function flatRow(row: Row): Record<string, string | number | null> {
  const flat: Record<string, string | number | null> = { id: row.id, name: row.name, organization: row.organization, released: row.released };
  for (const { key } of COMPONENTS) flat[key] = row.cells[key]!.level;
  const s = row.classification.summary;
  flat.openness = s.openness;
  flat.openness_upper = s.range?.upper ?? null;
  flat.known = s.coverage.known;
  flat.applicable = s.coverage.applicable;
  if (row.frameworks) {
    flat.mof = row.frameworks.mof;
    flat.osaid = row.frameworks.osaid;
    flat.osai_index = row.frameworks.osaiIndex;
    flat.eu_exemption = row.frameworks.euExemption;
  }
  for (const { key } of COMPONENTS) flat[`${key}.license`] = row.cells[key]!.license;
  for (const scope of SCOPE_KEYS) for (const right of RIGHT_KEYS) flat[`${scope}.${right}`] = scopeAnswer(row.classification, scope, right);
  // Last, so the other columns keep their places; a family row lists its variants' references.
  flat.variants = row.variants.length ? row.variants.join(' ') : null;
  return flat;
}
