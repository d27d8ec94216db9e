// What every page shows, as data: built from the engine once per registry, shared by pages, twins, the API and the static export.
import { stringify } from 'csv-stringify/sync';
import { type Suggestion, advise } from '../core/advice.js';
import { gapJson } from '../core/capability-analysis.js';
import { DEVELOPER_RECOMMENDATIONS, PAPER_STAGES, REGULATOR_RECOMMENDATIONS } from '../core/frameworks/paper-recommendations.js';
import { type Disagreement, auditModel, audit } from '../core/audit.js';
import { type Classification, classificationJson, scopeAnswers } from '../core/classify.js';
import { rightAnswers } from '../core/rights.js';
import { type Verdicts, verdictSummary, verdicts } from '../core/frameworks/index.js';
import { licenseReport, licenseScores, modelsUsing } from '../core/license-use.js';
import { type License, OBLIGATIONS, READINGS, RIGHTS, type Reading } from '../core/licenses.js';
import type { Registry } from '../core/registry.js';
import { lookupModel } from '../core/resolve.js';
import { DISTRIBUTION_KEYS, type LevelSource, type ModelSet, type Stats, stats } from '../core/stats.js';
import { FLAT_COLUMNS, type Row, flatRow, releaseRowOf, tableRows } from '../core/table.js';
import { COMPONENTS, NOT_SCORED, POINTS_TO_LEVEL, SCALE, STATUS_LEVEL, STATUSES, scaleLevel } from '../core/taxonomy.js';
import type { Problem } from '../registry/problem.js';
import { capabilityFor } from './capability.js';
import type { Selection, Source, TableQuery } from './table-query.js';

export const STAT_VIEWS: readonly { set: ModelSet; source: LevelSource; title: string }[] = [
  { set: 'paper-40', source: 'published', title: 'The paper\'s 40 models, levels as published (the paper\'s figure)' },
  { set: 'paper-40', source: 'computed', title: 'The paper\'s 40 models, levels as computed by howopen' },
  { set: 'all', source: 'computed', title: 'Every model in the registry, levels as computed by howopen' },
];

/** The components the openness-over-time chart follows. */
export const TIMELINE_COMPONENTS = ['deployment.data.weights', 'training.data.pretraining', 'training.code.pretraining'] as const;

export interface TimelinePoint { id: string; name: string; released: string; levels: Record<string, string> }

/** How many suggestions the model page and the API give. */
export const ADVICE_LIMIT = 5;

export interface SiteData {
  registry: Registry;
  problems: readonly Problem[];
  /** The table's rows; with a date, each carries its verdict summary (`row.frameworks`) read at that date. */
  rows(source: Source, reading: Reading, asOf?: string): Row[];
  row(id: string, reading?: Reading, asOf?: string): Row | undefined;
  /** Every framework's verdict for one model, read at a date. */
  verdicts(id: string, reading: Reading, asOf: string): Verdicts | undefined;
  /** The releases that would raise the model's openness most (ADVICE_LIMIT of them). */
  advice(id: string, reading: Reading, asOf: string): Suggestion[];
  license(id: string): License | undefined;
  licenseModels(id: string): string[];
  organizations(): string[];
  years(): { min: number; max: number };
  /** With `asOf`: the facts in force on that date, models not yet released left out. */
  stats(set: ModelSet, source: LevelSource, reading?: Reading, asOf?: string): Stats;
  timeline(): TimelinePoint[];
  /** The model's published levels that differ from its computed ones under a reading. */
  disagreements(id: string, reading?: Reading): Disagreement[];
}

/** A map that forgets its oldest entries beyond `max`: dated answers for arbitrary as-of dates must not pile up. */
class Bounded<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string, make: () => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      v = make();
      this.map.set(key, v);
      if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    }
    return v;
  }
}

function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) { value = make(); done = true; }
    return value as T;
  };
}

export function siteData(registry: Registry, problems: readonly Problem[] = []): SiteData {
  // Undated rows (a handful of source × reading keys) are kept for good; dated ones for the last few dates.
  const rowCache = new Map<string, { rows: Row[]; byId: Map<string, Row | undefined> }>();
  const datedRows = new Bounded<{ rows: Row[]; byId: Map<string, Row | undefined> }>(12);
  const rowSet = (source: Source, reading: Reading, asOf?: string) => {
    const make = () => {
      const r = tableRows(registry, { source, reading, ...(asOf ? { asOf } : {}) });
      return { rows: r, byId: new Map<string, Row | undefined>(r.map((x) => [x.id, x])) };
    };
    const key = `${source}:${reading}`;
    if (asOf) return datedRows.get(`${key}:${asOf}`, make);
    let set = rowCache.get(key);
    if (!set) { set = make(); rowCache.set(key, set); }
    return set;
  };
  const rows = (source: Source, reading: Reading, asOf?: string) => rowSet(source, reading, asOf).rows;
  const verdictCache = new Bounded<Verdicts>(1000);
  const adviceCache = new Bounded<Suggestion[]>(500);
  const licenseById = new Map(registry.licenses.map((l) => [l.id, l]));
  const usedBy = memo(() => new Map(registry.licenses.map((l) => [l.id, modelsUsing(l, registry)])));
  const statsCache = new Map<string, Stats>();
  const datedStats = new Bounded<Stats>(50);
  const auditCache = new Map<string, Disagreement[]>();
  const data: SiteData = {
    registry,
    problems,
    rows,
    row(id, reading = 'strict', asOf) {
      const set = rowSet('computed', reading, asOf);
      // A variant's row (qwen2.5@7b) is built when first asked for, then kept with its date's rows.
      if (!set.byId.has(id) && id.includes('@')) set.byId.set(id, releaseRowOf(registry, id, { reading, ...(asOf ? { asOf } : {}) }));
      return set.byId.get(id);
    },
    verdicts(id, reading, asOf) {
      const row = data.row(id, reading, asOf);
      if (!row) return undefined;
      return verdictCache.get(`${asOf}:${reading}:${id}`, () => verdicts(row.record, registry, { reading, asOf }, row.classification));
    },
    advice(id, reading, asOf) {
      const row = data.row(id, reading, asOf);
      if (!row) return [];
      return adviceCache.get(`${asOf}:${reading}:${id}`, () => advise(row.record, registry, { reading, asOf }, ADVICE_LIMIT));
    },
    license: (id) => licenseById.get(id),
    licenseModels: (id) => usedBy().get(id) ?? [],
    organizations: memo(() => [...new Set(registry.models.map((m) => m.organization))].sort((a, b) => a.localeCompare(b))),
    years: memo(() => {
      const years = registry.models.map((m) => Number(m.released.slice(0, 4))).filter(Number.isFinite);
      return years.length ? { min: Math.min(...years), max: Math.max(...years) } : { min: 2018, max: 2025 };
    }),
    stats(set, source, reading = 'strict', asOf) {
      const key = `${set}:${source}:${reading}`;
      if (asOf) return datedStats.get(`${key}:${asOf}`, () => stats(registry, set, source, reading, asOf));
      let s = statsCache.get(key);
      if (!s) { s = stats(registry, set, source, reading); statsCache.set(key, s); }
      return s;
    },
    timeline: memo(() => [...rows('computed', 'strict')]
      .sort((a, b) => a.released.localeCompare(b.released) || a.id.localeCompare(b.id))
      .map((r) => ({ id: r.id, name: r.name, released: r.released, levels: Object.fromEntries(TIMELINE_COMPONENTS.map((k) => [k, r.cells[k]!.level])) }))),
    disagreements(id, reading = 'strict') {
      const key = `${reading}:${id}`;
      let d = auditCache.get(key);
      if (!d) {
        const row = data.row(id, reading);
        d = row?.record.published ? auditModel(row.classification, row.record.published).disagreements : [];
        auditCache.set(key, d);
      }
      return d;
    },
  };
  return data;
}

export function csv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  return stringify(rows as Record<string, unknown>[], { header: true, columns: [...columns], cast: { boolean: (b) => String(b) } });
}

// ---- the index / models list ----

export function modelListJson(query: TableQuery, selection: Selection, asOf: string | null = null) {
  return {
    source: query.state.source,
    reading: query.state.reading,
    sort: query.state.sort || null,
    filters: query.conditions.map((c) => `${c.field}${c.op}${c.value}`).concat(query.state.q ? [`text~${query.state.q}`] : []),
    ...(asOf ? { asOf } : {}),
    count: selection.matching.length,
    total: selection.ordered.length,
    models: selection.matching.map((row) => ({
      id: row.id,
      name: row.name,
      organization: row.organization,
      released: row.released,
      family: row.family,
      openness: row.classification.summary.openness,
      opennessRange: row.classification.summary.range,
      coverage: row.classification.summary.coverage,
      components: Object.fromEntries(COMPONENTS.map(({ key }) => {
        const c = row.cells[key]!;
        return [key, { level: c.level, license: c.license, hint: c.hint, [query.state.source === 'published' ? 'computed' : 'published']: c.other, can: rightAnswers(row.classification.components[key]!, row.classification.reading), ...(c.range ? { range: c.range } : {}) }];
      })),
      can: scopeAnswers(row.classification),
      // A family row reads its flagship; its variants are one request away (/api/v1/models/qwen2.5@7b).
      ...(row.variants.length ? { variants: row.variants } : {}),
      ...(row.frameworks ? { frameworks: row.frameworks } : {}),
    })),
  };
}

export function modelListCsv(selection: Selection): string {
  return csv(selection.matching.map(flatRow), FLAT_COLUMNS);
}

// ---- one model ----

export interface ModelView {
  row: Row;
  lenient: Classification;
  disagreements: Disagreement[];
  /** The date the verdicts' dated rules (EU AI Act) were read at. */
  asOf: string;
  verdicts: Verdicts;
  advice: Suggestion[];
}

/** One release's page: its facts at `asOf` (a variant's own, or the flagship's under the bare id). */
/** Why a model reference has no page: unknown id or variant (with the closest), or not yet released at the date. */
export function modelMissing(data: SiteData, ref: string, asOf: string): { error: string; did_you_mean?: string } {
  const found = lookupModel(data.registry, ref, asOf);
  if (found.ok) return { error: `There is no model "${ref}" in the registry.` };
  return { error: `${found.error[0]!.toUpperCase()}${found.error.slice(1)}.`, ...(found.didYouMean ? { did_you_mean: found.didYouMean } : {}) };
}

export function modelView(data: SiteData, id: string, reading: Reading, asOf: string): ModelView | undefined {
  const row = data.row(id, reading, asOf);
  if (!row) return undefined;
  return {
    row, lenient: data.row(id, 'lenient', asOf)!.classification, disagreements: data.disagreements(id, reading),
    asOf, verdicts: data.verdicts(id, reading, asOf)!, advice: data.advice(id, reading, asOf),
  };
}

export function modelJson(view: ModelView) {
  return {
    id: view.row.id,
    // Which release the facts are (the bare id reads the flagship, said here) and its siblings.
    variant: view.row.variant,
    variants: view.row.variants,
    changes: view.row.changes,
    record: view.row.record,
    classification: classificationJson(view.row.classification),
    disagreements: view.disagreements,
    asOf: view.asOf,
    frameworks: view.verdicts,
    advice: view.advice,
  };
}

export function modelCsv(view: ModelView): string {
  const record = view.row.record;
  const published = record.published?.['eiras-2024']?.values ?? {};
  const summary = verdictSummary(view.verdicts);
  // The model's verdicts repeat on every row, so that the file stays one table.
  const verdictColumns = { mof: summary.mof, osaid: summary.osaid, osai_index: summary.osaiIndex, eu_exemption: summary.euExemption, eu_systemic_risk: view.verdicts.euAiAct.systemicRisk, as_of: view.asOf };
  const rows = COMPONENTS.map((c) => {
    const r = view.row.classification.components[c.key]!;
    const entry = record.components[c.key];
    const pub = published[c.key];
    return {
      component: c.key, name: c.name, status: r.status, level: r.level, points: r.points, license: r.license,
      restrictiveness: r.restrictiveness, hint: r.hint, ...rightAnswers(r, view.row.classification.reading), lenient_level: view.lenient.components[c.key]!.level,
      published: pub ? String(pub.value) : null, published_license: pub?.license ?? null, reason: pub?.reason ?? null,
      evidence: entry?.evidence?.join(' ') ?? null, notes: entry?.notes ?? null, explanation: r.explanation, ...verdictColumns,
    };
  });
  return csv(rows, ['component', 'name', 'status', 'level', 'points', 'license', 'restrictiveness', 'hint', ...RIGHTS.map((r) => r.key), 'lenient_level', 'published', 'published_license', 'reason', 'evidence', 'notes', 'explanation', ...Object.keys(verdictColumns)]);
}

// ---- compare ----

/** The models asked for, by id or by name (the picker's fields take either), each once, in order. */
export function compareIds(params: URLSearchParams, registry?: Registry): string[] {
  const byName = new Map(registry?.models.map((m) => [m.name.toLowerCase(), m.id]) ?? []);
  const resolve = (text: string) => (registry?.model(text) ? text : byName.get(text.toLowerCase()) ?? text);
  return [...new Set(params.getAll('ids').flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean).map(resolve))];
}

/** The components whose levels differ among the given rows. */
export function differingComponents(rows: readonly Row[]): Set<string> {
  return new Set(COMPONENTS.filter(({ key }) => new Set(rows.map((r) => r.cells[key]!.level)).size > 1).map((c) => c.key));
}

/** A cell's band: fully closed, semi-open or fully open; N/A and Unknown (and a source's "—") are bands of their own. */
export function cellBand(cell: Row['cells'][string]): string {
  return cell.score === null ? cell.level : scaleLevel(cell.score).band;
}

/** The components whose levels differ by band (closed against semi-open, D3 against D5, Unknown against D4): what matters when comparing. */
export function differingBands(rows: readonly Row[]): Set<string> {
  return new Set(COMPONENTS.filter(({ key }) => new Set(rows.map((r) => cellBand(r.cells[key]!))).size > 1).map((c) => c.key));
}

/** One line of the verdicts compared side by side: a value to compare and show, and its detail. */
export interface VerdictLine { key: string; label: string; value(v: Verdicts): string; detail(v: Verdicts): string }

const pct = (n: number) => `${n}%`;

export const VERDICT_LINES: readonly VerdictLine[] = [
  { key: 'mof', label: 'MOF 1.0 class', value: (v) => (v.mof.class ? `Class ${v.mof.class}` : 'no class'), detail: (v) => `progress: III ${pct(v.mof.progress.III)}, II ${pct(v.mof.progress.II)}, I ${pct(v.mof.progress.I)}` },
  { key: 'osaid', label: 'OSI Open Source AI Definition 1.0', value: (v) => v.osaid.verdict, detail: (v) => (v.osaid.verdict === 'pass' ? 'every element met' : `fails: ${v.osaid.elements.filter((e) => !e.met).map((e) => e.element).join(', ')}`) },
  { key: 'osaiIndex', label: 'European Open Source AI Index', value: (v) => pct(v.osaiIndex.total), detail: (v) => `availability ${pct(v.osaiIndex.categories.availability)}, documentation ${pct(v.osaiIndex.categories.documentation)}, access ${pct(v.osaiIndex.categories.access)}` },
  { key: 'euExemption', label: 'EU AI Act: open-source exemption (Art. 53(2))', value: (v) => v.euAiAct.exemption.applies, detail: (v) => v.euAiAct.exemption.reasons[0] ?? '' },
  { key: 'euSystemicRisk', label: 'EU AI Act: systemic risk presumed (over 10^25 FLOP)', value: (v) => v.euAiAct.systemicRisk, detail: (v) => `general-purpose AI model: ${v.euAiAct.gpai}` },
  { key: 'euDuties', label: 'EU AI Act: duties in force', value: (v) => inForce(v) || 'none yet', detail: (v) => `from ${v.euAiAct.obligations[0]?.from ?? '—'} (placed on the market ${v.euAiAct.placedOnMarket})` },
  { key: 'paper', label: 'The paper\'s view', value: (v) => paperCount(v), detail: () => 'benefits and risks across its four areas' },
];

function inForce(v: Verdicts): string {
  return v.euAiAct.obligations.filter((o) => o.inForce === 'yes').map((o) => `Art. ${o.article}`).join(', ');
}

function paperCounts(v: Verdicts): { benefits: number; risks: number } {
  const areas = Object.values(v.paper.areas);
  const n = (k: 'benefits' | 'risks') => areas.reduce((sum, a) => sum + a[k].length, 0);
  return { benefits: n('benefits'), risks: n('risks') };
}

function paperCount(v: Verdicts): string {
  const { benefits, risks } = paperCounts(v);
  return `${benefits} benefit${benefits === 1 ? '' : 's'}, ${risks} risk${risks === 1 ? '' : 's'}`;
}

export interface Compared { row: Row; verdicts: Verdicts }

/** The verdict lines whose values differ among the compared models. */
export function differingVerdicts(models: readonly Compared[]): Set<string> {
  return new Set(VERDICT_LINES.filter((l) => new Set(models.map((m) => l.value(m.verdicts))).size > 1).map((l) => l.key));
}

export function compareJson(models: readonly Compared[], asOf: string) {
  const rows = models.map((m) => m.row);
  const differing = differingComponents(rows);
  return {
    ids: rows.map((r) => r.id),
    differing: [...differing],
    differingBands: [...differingBands(rows)],
    asOf,
    differingVerdicts: [...differingVerdicts(models)],
    models: models.map(({ row: r, verdicts: v }) => ({
      id: r.id, name: r.name, organization: r.organization, released: r.released, openness: r.classification.summary.openness, opennessRange: r.classification.summary.range, coverage: r.classification.summary.coverage,
      components: Object.fromEntries(COMPONENTS.map(({ key }) => [key, { level: r.cells[key]!.level, band: cellBand(r.cells[key]!), license: r.cells[key]!.license, can: rightAnswers(r.classification.components[key]!, r.classification.reading) }])),
      can: scopeAnswers(r.classification),
      frameworks: {
        ...verdictSummary(v),
        euSystemicRisk: v.euAiAct.systemicRisk,
        euGpai: v.euAiAct.gpai,
        euDutiesInForce: v.euAiAct.obligations.filter((o) => o.inForce === 'yes').map((o) => o.article),
        paper: paperCounts(v),
      },
    })),
  };
}

/** The compare CSV's columns per model: its level, license and each right's answer ("llama-2", "llama-2.license", "llama-2.commercial", …). */
const modelColumns = (id: string) => [id, `${id}.license`, ...RIGHTS.map((r) => `${id}.${r.key}`)];

export function compareCsv(models: readonly Compared[]): string {
  const rows = models.map((m) => m.row);
  const differing = differingComponents(rows);
  const bands = differingBands(rows);
  const verdictDiffs = differingVerdicts(models);
  return csv([
    ...COMPONENTS.map((c) => ({
      component: c.key, differs: differing.has(c.key), differs_band: bands.has(c.key),
      ...Object.fromEntries(rows.flatMap((r) => {
        const can = rightAnswers(r.classification.components[c.key]!, r.classification.reading);
        return [[r.id, r.cells[c.key]!.level], [`${r.id}.license`, r.cells[c.key]!.license], ...RIGHTS.map((x) => [`${r.id}.${x.key}`, can[x.key]])];
      })),
    })),
    ...VERDICT_LINES.map((l) => ({
      component: `framework.${l.key}`, differs: verdictDiffs.has(l.key), differs_band: verdictDiffs.has(l.key),
      ...Object.fromEntries(models.map((m) => [m.row.id, l.value(m.verdicts)])),
    })),
  ], ['component', 'differs', 'differs_band', ...rows.flatMap((r) => modelColumns(r.id))]);
}

// ---- licenses ----

/** A license as data: the record, its scores under both readings and the models using it (the same as `howopen license --format json`). */
export function licenseJson(data: SiteData, license: License) {
  return licenseReport(license, data.licenseModels(license.id));
}

export function licensesCsv(data: SiteData): string {
  return csv(data.registry.licenses.map((l) => {
    const s = licenseScores(l);
    return {
      id: l.id, name: l.name, version: l.version, kind: l.kind, spdx: l.spdx, osi_approved: l.osi_approved, verified: l.verified,
      ...Object.fromEntries(RIGHTS.map((r) => [r.key, l.rights[r.key].grant])),
      strict_points: s.strict.points, lenient_points: s.lenient.points, strict_code: s.strict.code, strict_data: s.strict.data,
      lenient_code: s.lenient.code, lenient_data: s.lenient.data, models: data.licenseModels(l.id).length,
    };
  }), ['id', 'name', 'version', 'kind', 'spdx', 'osi_approved', 'verified', ...RIGHTS.map((r) => r.key), 'strict_points', 'lenient_points', 'strict_code', 'strict_data', 'lenient_code', 'lenient_data', 'models']);
}

export function licenseCsv(license: License): string {
  return csv([
    ...RIGHTS.map((r) => ({ part: 'right', key: r.key, name: r.name, value: license.rights[r.key].grant, clause: license.rights[r.key].clause })),
    ...OBLIGATIONS.map((o) => {
      const v = license.obligations[o.key];
      return { part: 'obligation', key: o.key, name: o.name, value: v === false ? 'none' : v === 'unknown' ? 'unknown' : 'yes', clause: v === false || v === 'unknown' ? null : v };
    }),
  ], ['part', 'key', 'name', 'value', 'clause']);
}

// ---- stats ----

/** The stats page's data; with `asOf`, the facts in force then and only the models out by then. */
export function statsJson(data: SiteData, asOf?: string) {
  const timeline = asOf
    ? [...data.rows('computed', 'strict', asOf)].sort((a, b) => a.released.localeCompare(b.released) || a.id.localeCompare(b.id))
      .map((r) => ({ id: r.id, name: r.name, released: r.released, levels: Object.fromEntries(TIMELINE_COMPONENTS.map((k) => [k, r.cells[k]!.level])) }))
    : data.timeline();
  return {
    ...(asOf ? { asOf } : {}),
    distributions: STAT_VIEWS.map((v) => data.stats(v.set, v.source, 'strict', asOf)),
    timeline: { components: TIMELINE_COMPONENTS, models: timeline },
    audit: { disagreements: audit(data.registry).disagreements.length },
    capability: gapJson(capabilityFor(data.registry)),
  };
}

export function statsCsv(data: SiteData, asOf?: string): string {
  const rows = STAT_VIEWS.flatMap((v) => {
    const s = data.stats(v.set, v.source, 'strict', asOf);
    return COMPONENTS.map((c) => ({ set: v.set, source: v.source, reading: v.source === 'computed' ? s.reading : null, models: s.models, component: c.key, ...s.components[c.key] }));
  });
  return csv(rows, ['set', 'source', 'reading', 'models', 'component', ...DISTRIBUTION_KEYS]);
}

// ---- method ----

export function methodJson() {
  return {
    components: COMPONENTS,
    scale: SCALE,
    not_scored: NOT_SCORED,
    statuses: STATUSES.map((s) => ({ status: s, code: STATUS_LEVEL[s].code, data: STATUS_LEVEL[s].data })),
    points_to_level: POINTS_TO_LEVEL,
    rights: RIGHTS,
    readings: READINGS,
    paper: { stages: PAPER_STAGES, recommendations: { developers: DEVELOPER_RECOMMENDATIONS.map(({ id, text, section, targets }) => ({ id, text, section, targets })), regulators: REGULATOR_RECOMMENDATIONS } },
  };
}

export function methodCsv(): string {
  return csv(POINTS_TO_LEVEL.flatMap((row) => row.points.map((p) => ({ points: p, restrictiveness: row.restrictiveness, code: `C${row.code}`, data: `D${row.data}` }))), ['points', 'restrictiveness', 'code', 'data']);
}
