// One answer for `howopen gap`, /api/v1/gap and /stats: the gap, the matched rows and the match report for a benchmark; pure.
import { BENCHMARKS, type Benchmark, type CapabilitySnapshot, type ComputeFill, type Mapping, type MatchReport, type MatchedRow, computeFills, matchReport, matchRows } from './capability.js';
import { type GapResult, gap, gapPoints } from './gap.js';
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
