// The capability snapshot for the web face: loaded once per registry, and the gap's query options read as every face reads them.
import { loadCapabilitySync, type LoadedCapability } from '../capability/load.js';
import { BENCHMARKS, type Benchmark } from '../core/capability.js';
import { type CapabilityAnalysis, capabilityAnalysis } from '../core/capability-analysis.js';
import type { Reading } from '../core/licenses.js';
import type { Registry } from '../core/registry.js';
import { formatProblem } from '../registry/problem.js';
import { type Read, errorsOf, oneOf, parseReading } from './options.js';

const loaded = new Map<string, LoadedCapability>();
const analyses = new WeakMap<Registry, Map<string, CapabilityAnalysis>>();

/** The bundled snapshot (or $HOWOPEN_CAPABILITY); a snapshot with problems is a fault of the installation, not of a request. */
function snapshot(): LoadedCapability {
  const dir = process.env.HOWOPEN_CAPABILITY ?? '';
  let l = loaded.get(dir);
  if (!l) {
    l = dir ? loadCapabilitySync(dir) : loadCapabilitySync();
    if (l.problems.length) throw new Error(`the capability snapshot has problems: ${l.problems.slice(0, 5).map(formatProblem).join('; ')}`);
    loaded.set(dir, l);
  }
  return l;
}

export interface GapQuery { benchmark: Benchmark; openLevel: 3 | 4 | 5; reading: Reading; from: string }

export const OPEN_LEVEL_VALUES = ['D3', 'D4', 'D5'] as const;

export function parseGapQuery(params: URLSearchParams): { query: GapQuery; errors: string[] } {
  const benchmark = oneOf(params, 'benchmark', Object.keys(BENCHMARKS) as Benchmark[], 'eci');
  const level = oneOf(params, 'open-level', OPEN_LEVEL_VALUES, 'D3');
  const reading = parseReading(params);
  const fromText = (params.get('from') ?? '').trim();
  const from: Read<string> = !fromText ? { value: '2019-01' } : /^\d{4}-(0[1-9]|1[0-2])$/.test(fromText) ? { value: fromText } : { value: '2019-01', error: `from must be a month such as 2019-01 (got "${fromText}")` };
  return {
    query: { benchmark: benchmark.value, openLevel: Number(level.value.slice(1)) as 3 | 4 | 5, reading: reading.value, from: from.value },
    errors: errorsOf(benchmark, level, reading, from),
  };
}

/** The analysis for a registry and a query, computed once. */
export function capabilityFor(registry: Registry, q: Partial<GapQuery> = {}): CapabilityAnalysis {
  const full: GapQuery = { benchmark: 'eci', openLevel: 3, reading: 'strict', from: '2019-01', ...q };
  let byKey = analyses.get(registry);
  if (!byKey) { byKey = new Map(); analyses.set(registry, byKey); }
  const key = `${full.benchmark}|${full.openLevel}|${full.reading}|${full.from}`;
  let a = byKey.get(key);
  if (!a) {
    const cap = snapshot();
    a = capabilityAnalysis(cap.snapshot, cap.mapping, registry, full);
    byKey.set(key, a);
  }
  return a;
}
