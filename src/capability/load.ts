// Reads the capability snapshot (data/capability/): Epoch's CSV tables, their provenance and our version mapping, with positioned problems.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { type Benchmark, type CapabilityRow, type CapabilitySnapshot, type Mapping, type MappingEntry, type SnapshotFile, parseTarget } from '../core/capability.js';
import type { Problem } from '../registry/problem.js';

/** The snapshot shipped with the package. */
export const BUNDLED_CAPABILITY = resolve(fileURLToPath(import.meta.url), '../../../data/capability');

/** The tables a snapshot holds, under the names they have in Epoch's repository. */
export const SOURCE_FILES = {
  'epoch_capabilities_index.csv': 'data/website/epoch_capabilities_index.csv',
  'external_benchmark_mmlu.csv': 'data/external_benchmark_mmlu.csv',
  'model_versions.csv': 'data/model_versions.csv',
} as const;
export type SourceFile = keyof typeof SOURCE_FILES;

const REQUIRED: Record<SourceFile, readonly string[]> = {
  'epoch_capabilities_index.csv': ['Model version', 'ECI Score', 'Release date', 'Organization', 'Model accessibility', 'Training compute (FLOP)', 'Confidence', 'Model name'],
  'external_benchmark_mmlu.csv': ['Model version', 'EM', 'Name'],
  'model_versions.csv': ['id', 'Version release date', 'Model'],
};

/** Upper bound on a table: the shipped ones are under 100 KB; a much larger file is not Epoch's table. */
export const MAX_TABLE_BYTES = 8 * 1024 * 1024;

export interface TableStats { rows: number; used: number; skipped: { at: string; why: string }[] }

export interface Parsed<T> { value: T; problems: Problem[] }

type Record_ = Record<string, string>;

function readTable(text: string, file: SourceFile): Parsed<{ records: { line: number; r: Record_ }[] }> {
  const problems: Problem[] = [];
  let rows: { record: Record_; info: { lines: number } }[];
  try {
    rows = parseCsv(text, { bom: true, columns: true, info: true, skip_empty_lines: true, relax_column_count: false }) as typeof rows;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    return { value: { records: [] }, problems: [{ file, line: err.lines ?? 1, col: 1, message: `not a readable CSV table: ${err.message}` }] };
  }
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  for (const col of REQUIRED[file]) {
    if (rows.length && !header.includes(col)) problems.push({ file, line: 1, col: 1, field: col, message: `the header has no column "${col}"; is this Epoch's ${SOURCE_FILES[file]}?` });
  }
  if (!rows.length) problems.push({ file, line: 1, col: 1, message: 'the table has no rows' });
  return { value: { records: rows.map((x) => ({ line: x.info.lines, r: x.record })) }, problems };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function number(text: string | undefined): number | null | 'bad' {
  const t = (text ?? '').trim().replace(/%$/, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : 'bad';
}

function colOf(header: string[], name: string): number {
  return header.indexOf(name) + 1;
}

/** ECI rows with a score and a release date; the others are counted as skipped. */
export function parseEci(text: string, file: SourceFile = 'epoch_capabilities_index.csv'): Parsed<{ rows: CapabilityRow[]; stats: TableStats }> {
  const t = readTable(text, file);
  const problems = [...t.problems];
  const rows: CapabilityRow[] = [];
  const stats: TableStats = { rows: t.value.records.length, used: 0, skipped: [] };
  if (problems.length) return { value: { rows, stats }, problems };
  const header = Object.keys(t.value.records[0]!.r);
  for (const { line, r } of t.value.records) {
    const at = `${file}:${line}`;
    const score = number(r['ECI Score']);
    const compute = number(r['Training compute (FLOP)']);
    const released = (r['Release date'] ?? '').trim();
    if (score === 'bad') { problems.push({ file, line, col: colOf(header, 'ECI Score'), field: 'ECI Score', message: `"${r['ECI Score']}" is not a number` }); continue; }
    if (compute === 'bad') { problems.push({ file, line, col: colOf(header, 'Training compute (FLOP)'), field: 'Training compute (FLOP)', message: `"${r['Training compute (FLOP)']}" is not a number` }); continue; }
    if (released && !ISO_DAY.test(released)) { problems.push({ file, line, col: colOf(header, 'Release date'), field: 'Release date', message: `"${released}" is not a date (YYYY-MM-DD)` }); continue; }
    if (score === null) { stats.skipped.push({ at, why: 'no ECI score' }); continue; }
    if (!released) { stats.skipped.push({ at, why: 'no release date' }); continue; }
    const version = (r['Model version'] ?? '').trim();
    if (!version) { problems.push({ file, line, col: colOf(header, 'Model version'), field: 'Model version', message: 'a scored row has no model version' }); continue; }
    rows.push({
      version, name: (r['Model name'] ?? '').trim() || version, organization: (r.Organization ?? '').trim(), released, score,
      accessibility: (r['Model accessibility'] ?? '').trim() || null, trainingCompute: compute, computeConfidence: (r.Confidence ?? '').trim() || null, at,
    });
  }
  stats.used = rows.length;
  return { value: { rows, stats }, problems };
}

/** Release date per model version, from Epoch's model_versions table. */
export function parseModelVersions(text: string, file: SourceFile = 'model_versions.csv'): Parsed<Map<string, string>> {
  const t = readTable(text, file);
  const problems = [...t.problems];
  const dates = new Map<string, string>();
  for (const { line, r } of t.value.records) {
    const date = (r['Version release date'] ?? '').trim();
    if (date && !ISO_DAY.test(date)) { problems.push({ file, line, col: 1, field: 'Version release date', message: `"${date}" is not a date (YYYY-MM-DD)` }); continue; }
    if (r.id && date) dates.set(r.id.trim(), date);
  }
  return { value: dates, problems };
}

/** MMLU: the best reported score of each model version that has a release date. */
export function parseMmlu(text: string, dates: ReadonlyMap<string, string>, file: SourceFile = 'external_benchmark_mmlu.csv'): Parsed<{ rows: CapabilityRow[]; stats: TableStats }> {
  const t = readTable(text, file);
  const problems = [...t.problems];
  const best = new Map<string, CapabilityRow>();
  const stats: TableStats = { rows: t.value.records.length, used: 0, skipped: [] };
  if (problems.length) return { value: { rows: [], stats }, problems };
  const header = Object.keys(t.value.records[0]!.r);
  for (const { line, r } of t.value.records) {
    const at = `${file}:${line}`;
    const score = number(r.EM);
    if (score === 'bad') { problems.push({ file, line, col: colOf(header, 'EM'), field: 'EM', message: `"${r.EM}" is not a percentage` }); continue; }
    const version = (r['Model version'] ?? '').trim();
    if (score === null) { stats.skipped.push({ at, why: 'no score' }); continue; }
    if (!version) { stats.skipped.push({ at, why: 'no model version' }); continue; }
    const released = dates.get(version);
    if (!released) { stats.skipped.push({ at, why: `no release date for ${version} in model_versions.csv` }); continue; }
    const prev = best.get(version);
    if (!prev || score > prev.score) {
      best.set(version, { version, name: (r.Name ?? '').trim() || version, organization: '', released, score, accessibility: null, trainingCompute: null, computeConfidence: null, at });
    }
  }
  const rows = [...best.values()];
  stats.used = rows.length;
  return { value: { rows, stats }, problems };
}

/** mapping.yaml: `versions: { "<Epoch model version>": id | id@variant | { id: null, reason } }`. */
export function parseMapping(text: string, file = 'mapping.yaml'): Parsed<Mapping> {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  const problems: Problem[] = [];
  const at = (offset: number | undefined) => lc.linePos(offset ?? 0);
  const push = (offset: number | undefined, message: string, field?: string) => { const p = at(offset); problems.push({ file, line: p.line, col: p.col, ...(field ? { field } : {}), message }); };
  for (const e of doc.errors) push(e.pos[0], e.message);
  const map = new Map<string, MappingEntry>();
  if (problems.length) return { value: map, problems };
  const versions = isMap(doc.contents) ? doc.contents.get('versions', true) : undefined;
  if (!isMap(versions)) { push(doc.contents?.range?.[0], 'expected a top-level "versions:" map of Epoch model versions to registry ids', 'versions'); return { value: map, problems }; }
  for (const pair of versions.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : null;
    const keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    if (!key) { push(keyOffset, 'a model version must be a string'); continue; }
    const field = `versions.${key}`;
    const v = pair.value;
    if (isScalar(v) && typeof v.value === 'string') {
      const target = parseTarget(v.value);
      if (!target) { push(v.range?.[0], `"${v.value}" is not a registry id (lower-case id, optionally id@variant)`, field); continue; }
      map.set(key, target);
    } else if (isMap(v)) {
      const js = v.toJSON() as Record<string, unknown>;
      const id = js.id;
      const reason = js.reason;
      if (id !== null) { push(v.range?.[0], 'a map entry is for a version without a record: { id: null, reason: "…" }; give a mapped version as a plain id', field); continue; }
      if (typeof reason !== 'string' || !reason.trim()) { push(v.range?.[0], 'say why the version has no record: reason: "…"', field); continue; }
      map.set(key, { id: null, reason });
    } else {
      push(v && typeof v === 'object' && 'range' in v ? (v as { range?: [number] }).range?.[0] : keyOffset, 'expected a registry id or { id: null, reason: "…" }', field);
    }
  }
  return { value: map, problems };
}

/** snapshot.yaml: where each file came from. */
export function parseSnapshotInfo(text: string, file = 'snapshot.yaml'): Parsed<Omit<CapabilitySnapshot, 'rows'>> {
  const doc = parseDocument(text);
  const data = doc.toJS() as Partial<Omit<CapabilitySnapshot, 'rows'>> | null;
  const problems: Problem[] = doc.errors.map((e) => ({ file, line: 1, col: 1, message: e.message }));
  const value = { source: String(data?.source ?? ''), retrieved: String(data?.retrieved ?? ''), license: String(data?.license ?? ''), attribution: String(data?.attribution ?? ''), files: (data?.files ?? {}) as Record<string, SnapshotFile> };
  for (const k of ['source', 'retrieved', 'license', 'attribution'] as const) if (!value[k]) problems.push({ file, line: 1, col: 1, field: k, message: `snapshot.yaml must say the data's ${k}` });
  return { value, problems };
}

export interface LoadedCapability { snapshot: CapabilitySnapshot; mapping: Mapping; stats: Record<Benchmark, TableStats>; problems: Problem[] }

/** Parses a snapshot's files (given as texts, so the importer can check what it is about to write). */
export function parseCapability(texts: Record<SourceFile | 'snapshot.yaml' | 'mapping.yaml', string>): LoadedCapability {
  const info = parseSnapshotInfo(texts['snapshot.yaml']);
  const mapping = parseMapping(texts['mapping.yaml']);
  const eci = parseEci(texts['epoch_capabilities_index.csv']);
  const dates = parseModelVersions(texts['model_versions.csv']);
  const mmlu = parseMmlu(texts['external_benchmark_mmlu.csv'], dates.value);
  return {
    snapshot: { ...info.value, rows: { eci: eci.value.rows, mmlu: mmlu.value.rows } },
    mapping: mapping.value,
    stats: { eci: eci.value.stats, mmlu: mmlu.value.stats },
    problems: [...info.problems, ...mapping.problems, ...eci.problems, ...dates.problems, ...mmlu.problems],
  };
}

async function readCapped(path: string): Promise<string> {
  const buf = await readFile(path);
  if (buf.length > MAX_TABLE_BYTES) throw Object.assign(new Error(`${path} is larger than ${MAX_TABLE_BYTES} bytes`), { code: 'ETOOBIG' });
  return buf.toString('utf8');
}

export const SNAPSHOT_FILES = [...Object.keys(SOURCE_FILES) as SourceFile[], 'snapshot.yaml', 'mapping.yaml'] as const;

/** Loads a snapshot folder (default: the bundled one). */
export async function loadCapability(dir: string = BUNDLED_CAPABILITY): Promise<LoadedCapability> {
  const entries = await Promise.all(SNAPSHOT_FILES.map(async (f) => [f, await readCapped(join(dir, f))] as const));
  return parseCapability(Object.fromEntries(entries) as Record<(typeof SNAPSHOT_FILES)[number], string>);
}

/** The same, synchronously: the web face reads the bundled snapshot once when it first needs it. */
export function loadCapabilitySync(dir: string = BUNDLED_CAPABILITY): LoadedCapability {
  const texts = Object.fromEntries(SNAPSHOT_FILES.map((f) => {
    const buf = readFileSync(join(dir, f));
    if (buf.length > MAX_TABLE_BYTES) throw new Error(`${join(dir, f)} is larger than ${MAX_TABLE_BYTES} bytes`);
    return [f, buf.toString('utf8')];
  }));
  return parseCapability(texts as Record<(typeof SNAPSHOT_FILES)[number], string>);
}
