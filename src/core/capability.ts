// Capability data (Epoch AI's tables) matched to registry records through a hand-kept mapping; pure, no I/O.
import { classify } from './classify.js';
import type { Reading } from './licenses.js';
import type { Registry } from './registry.js';

/** The capability measures howopen reads: Epoch's Capabilities Index and MMLU (best reported score per version). */
export const BENCHMARKS = {
  eci: { name: 'Epoch Capabilities Index (ECI)', unit: 'ECI score', file: 'epoch_capabilities_index.csv' },
  mmlu: { name: 'MMLU (best reported score per model version, from Epoch\'s external benchmark table)', unit: '% correct', file: 'external_benchmark_mmlu.csv' },
} as const;
export type Benchmark = keyof typeof BENCHMARKS;

/** One scored model version as the source gives it. */
export interface CapabilityRow {
  version: string;
  name: string;
  organization: string;
  /** YYYY-MM-DD, the version's release date in Epoch's tables. */
  released: string;
  score: number;
  /** Epoch's "Model accessibility" (ECI only), e.g. "Open weights (unrestricted)", "API access". */
  accessibility: string | null;
  trainingCompute: number | null;
  computeConfidence: string | null;
  /** Where the row is in the snapshot, for reports: file:line. */
  at: string;
}

export interface SnapshotFile { path: string; commit: string; committed: string }

export interface CapabilitySnapshot {
  source: string;
  retrieved: string;
  license: string;
  attribution: string;
  files: Record<string, SnapshotFile>;
  rows: Record<Benchmark, CapabilityRow[]>;
}

/** A mapping target: a registry id, optionally a variant (`id@variant`), or none with the reason. */
export type MappingEntry = { id: string; variant: string | null } | { id: null; reason: string };
export type Mapping = ReadonlyMap<string, MappingEntry>;

/** Reads `id` or `id@variant`; null for anything else. */
export function parseTarget(text: string): { id: string; variant: string | null } | null {
  const m = /^([a-z0-9][a-z0-9.-]*)(?:@([a-z0-9][a-z0-9._-]*))?$/.exec(text);
  return m ? { id: m[1]!, variant: m[2] ?? null } : null;
}

/** Our weights level, as the gap groups it. */
export type WeightsGroup = 'D5/D4' | 'D3' | 'closed (D1/D2)' | 'Unknown';
export const WEIGHTS_GROUPS: readonly WeightsGroup[] = ['D5/D4', 'D3', 'closed (D1/D2)', 'Unknown'];

export type Match =
  | { kind: 'matched'; id: string; variant: string | null; name: string; weights: string; weightsScore: number | null; group: WeightsGroup; openness: number | null }
  /** The mapping says the version has no record whose levels are its own. */
  | { kind: 'excluded'; reason: string }
  /** The mapping does not name the version: a decision is needed. */
  | { kind: 'unmatched' }
  /** The mapping names an id the registry does not have. */
  | { kind: 'unknown-id'; id: string };

export interface MatchedRow { row: CapabilityRow; match: Match }

const groupOf = (score: number | null): WeightsGroup => (score === null ? 'Unknown' : score >= 4 ? 'D5/D4' : score === 3 ? 'D3' : 'closed (D1/D2)');

/** Each row with its record's weights level and openness aggregate; a version is matched only through the mapping. */
export function matchRows(rows: readonly CapabilityRow[], mapping: Mapping, registry: Registry, reading: Reading = 'strict'): MatchedRow[] {
  const classified = new Map<string, ReturnType<typeof classify>>();
  return rows.map((row) => {
    const entry = mapping.get(row.version);
    if (!entry) return { row, match: { kind: 'unmatched' } };
    if (entry.id === null) return { row, match: { kind: 'excluded', reason: entry.reason } };
    const record = registry.model(entry.id);
    if (!record) return { row, match: { kind: 'unknown-id', id: entry.id } };
    let c = classified.get(record.id);
    if (!c) { c = classify(record, registry.index, { reading }); classified.set(record.id, c); }
    const weights = c.components['deployment.data.weights']!;
    return { row, match: { kind: 'matched', id: record.id, variant: entry.variant, name: record.name, weights: weights.level, weightsScore: weights.score, group: groupOf(weights.score), openness: c.summary.openness } };
  });
}

export interface MatchReport {
  rows: number;
  matched: number;
  excluded: { version: string; at: string; reason: string }[];
  unmatched: { version: string; name: string; organization: string; released: string; at: string }[];
  unknownIds: { version: string; id: string; at: string }[];
  /** Mapping entries no row uses (kept for other benchmarks or older snapshots). */
  unusedMappings: string[];
}

export function matchReport(matched: readonly MatchedRow[], mapping: Mapping, allVersions: ReadonlySet<string>): MatchReport {
  const report: MatchReport = { rows: matched.length, matched: 0, excluded: [], unmatched: [], unknownIds: [], unusedMappings: [] };
  for (const { row, match } of matched) {
    if (match.kind === 'matched') report.matched += 1;
    else if (match.kind === 'excluded') report.excluded.push({ version: row.version, at: row.at, reason: match.reason });
    else if (match.kind === 'unmatched') report.unmatched.push({ version: row.version, name: row.name, organization: row.organization, released: row.released, at: row.at });
    else report.unknownIds.push({ version: row.version, id: match.id, at: row.at });
  }
  report.unusedMappings = [...mapping.keys()].filter((v) => !allVersions.has(v)).sort();
  return report;
}

/** Epoch's training compute for a record that states none: a secondary source, always named as such. */
export interface ComputeFill { id: string; flop: number; version: string; confidence: string | null; source: string }

/** For every record without a training-compute figure, the largest figure Epoch gives for a version mapped to it. */
export function computeFills(matched: readonly MatchedRow[], registry: Registry, attribution: string): ComputeFill[] {
  const best = new Map<string, ComputeFill>();
  for (const { row, match } of matched) {
    if (match.kind !== 'matched' || row.trainingCompute === null) continue;
    const flop = registry.model(match.id)?.training_compute?.flop;
    if (typeof flop === 'number') continue;
    const prev = best.get(match.id);
    // The largest size: records' own figures are for their flagship, and the EU AI Act's threshold is about the largest.
    if (!prev || row.trainingCompute > prev.flop) {
      best.set(match.id, { id: match.id, flop: row.trainingCompute, version: row.version, confidence: row.computeConfidence, source: `secondary source: ${attribution} (row ${row.at})` });
    }
  }
  return [...best.values()].sort((a, b) => a.id.localeCompare(b.id));
}
