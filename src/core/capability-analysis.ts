// One answer for `howopen gap`, /api/v1/gap and /stats: the gap, the matched rows and the match report for a benchmark; pure.
import { BENCHMARKS, type Benchmark, type CapabilitySnapshot, type ComputeFill, type Mapping, type MatchReport, type MatchedRow, computeFills, matchReport, matchRows } from './capability.js';
import { type Best, type GapMonth, type GapResult, gap, gapPoints } from './gap.js';
import type { Reading } from './licenses.js';
import type { Registry } from './registry.js';

export interface CapabilityAnalysis {
  benchmark: { id: Benchmark; name: string; unit: string };
  source: { url: string; retrieved: string; license: string; attribution: string; file: string; commit: string | null; committed: string | null };
  reading: Reading;
  gap: GapResult;
  rows: MatchedRow[];
  report: MatchReport;
  /** Training compute from Epoch for records that state none (ECI only): a secondary source. */
  computeFills: ComputeFill[];
}

export interface AnalysisOptions { benchmark?: Benchmark; openLevel?: 3 | 4 | 5; reading?: Reading; from?: string }

export function capabilityAnalysis(snapshot: CapabilitySnapshot, mapping: Mapping, registry: Registry, options: AnalysisOptions = {}): CapabilityAnalysis {
  const benchmark = options.benchmark ?? 'eci';
  const reading = options.reading ?? 'strict';
  const rows = matchRows(snapshot.rows[benchmark], mapping, registry, reading);
  const allVersions = new Set(Object.values(snapshot.rows).flat().map((r) => r.version));
  const info = BENCHMARKS[benchmark];
  const file = snapshot.files[info.file];
  return {
    benchmark: { id: benchmark, name: info.name, unit: info.unit },
    source: { url: snapshot.source, retrieved: snapshot.retrieved, license: snapshot.license, attribution: snapshot.attribution, file: info.file, commit: file?.commit ?? null, committed: file?.committed ? String(file.committed) : null },
    reading,
    gap: gap(gapPoints(rows), { openLevel: options.openLevel ?? 3, ...(options.from ? { from: options.from } : {}) }),
    rows,
    report: matchReport(rows, mapping, allVersions),
    computeFills: benchmark === 'eci' ? computeFills(rows, registry, snapshot.attribution) : [],
  };
}

const score = (b: Best | null) => (b ? b.score.toFixed(1) : '');
export const lagText = (m: { lag: number | null; lagAtLeast: number | null; reached?: string | null }) =>
  (m.lag !== null ? `${m.lag} mo` : m.lagAtLeast !== null ? `≥ ${m.lagAtLeast} mo (not yet reached)` : '');

/** One row per month, for CSV and the API's twin. */
export function gapCsvRows(a: CapabilityAnalysis): Record<string, string | number | null>[] {
  return a.gap.months.map((m: GapMonth) => ({
    month: m.month,
    best_open: score(m.open), best_open_version: m.open?.version ?? '', best_open_id: m.open?.id ?? '',
    best_d5_d4: score(m.d45), best_d5_d4_version: m.d45?.version ?? '',
    best_d3: score(m.d3), best_d3_version: m.d3?.version ?? '',
    best_closed: score(m.closed), best_closed_version: m.closed?.version ?? '', best_closed_id: m.closed?.id ?? '',
    lag_months: m.lag, lag_at_least_months: m.lagAtLeast, open_reached: m.reached ?? '',
  }));
}

/** The JSON contract shared with GET /api/v1/gap. */
export function gapJson(a: CapabilityAnalysis) {
  return {
    benchmark: a.benchmark,
    source: a.source,
    reading: a.reading,
    openLevel: `D${a.gap.openLevel}`,
    from: a.gap.from,
    to: a.gap.to,
    summary: a.gap.summary,
    steps: a.gap.steps,
    months: a.gap.months,
    models: a.rows.map(({ row, match }) => ({
      version: row.version, name: row.name, released: row.released, score: row.score, accessibility: row.accessibility, at: row.at,
      match: match.kind,
      ...(match.kind === 'matched' ? { id: match.id, variant: match.variant, weights: match.weights, group: match.group, openness: match.openness } : {}),
      ...(match.kind === 'excluded' ? { reason: match.reason } : {}),
      ...(match.kind === 'unknown-id' ? { id: match.id } : {}),
    })),
    report: a.report,
    trainingComputeFromEpoch: a.computeFills,
  };
}

