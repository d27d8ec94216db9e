// The open/closed capability gap: monthly best scores by our weights level and the lag of the best open model; pure.
import type { MatchedRow } from './capability.js';

/** A scored model version placed by our weights level. */
export interface GapPoint { version: string; id: string; month: string; score: number; /** Our weights level 1–5, null for Unknown. */ level: number | null }

export interface Best { score: number; version: string; id: string }

export interface GapMonth {
  month: string;
  /** Best score released up to and including this month, per series. */
  open: Best | null;
  d45: Best | null;
  d3: Best | null;
  closed: Best | null;
  /** Months until the open series first reached this month's closed best; 0 when it already had. */
  lag: number | null;
  /** The month the open series reached this month's closed best. */
  reached: string | null;
  /** When it has not yet been reached: the lag is at least this many months (to the last month of data). */
  lagAtLeast: number | null;
}

/** A step of the closed frontier: a closed model that set a new best, and when an open one matched it. */
export interface FrontierStep { month: string; closed: Best; reached: string | null; by: Best | null; lag: number | null; lagAtLeast: number | null }

export interface GapOptions {
  /** The lowest weights level counted as open: 3 (any public weights), 4 (D4 and D5) or 5. */
  openLevel: 3 | 4 | 5;
  /** First month, YYYY-MM; default 2019-01. */
  from?: string;
}

export interface GapResult {
  openLevel: 3 | 4 | 5;
  from: string;
  to: string | null;
  months: GapMonth[];
  steps: FrontierStep[];
  summary: { latestMonth: string | null; latestLag: number | null; latestLagAtLeast: number | null; medianLag: number | null; monthsMeasured: number };
  /** Points left out of every series: their weights level is Unknown. */
  unknown: GapPoint[];
}

export function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number);
  return y! * 12 + (m! - 1);
}
export function monthName(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The points of matched rows; each carries the row's own month (Epoch's release date of the version). */
export function gapPoints(rows: readonly MatchedRow[]): GapPoint[] {
  return rows.flatMap(({ row, match }) => (match.kind === 'matched'
    ? [{ version: row.version, id: match.id, month: row.released.slice(0, 7), score: row.score, level: match.weightsScore }]
    : []));
}

function better(a: Best | null, p: GapPoint): Best {
  return a && a.score >= p.score ? a : { score: p.score, version: p.version, id: p.id };
}

export function gap(points: readonly GapPoint[], options: GapOptions): GapResult {
  const from = options.from ?? '2019-01';
  const known = points.filter((p) => p.level !== null);
  const unknown = points.filter((p) => p.level === null);
  const last = known.length ? Math.max(...known.map((p) => monthIndex(p.month))) : null;
  const start = monthIndex(from);
  const months: GapMonth[] = [];
  if (last !== null) {
    const byMonth = new Map<number, GapPoint[]>();
    for (const p of known) {
      const i = Math.max(monthIndex(p.month), start);
      byMonth.set(i, [...(byMonth.get(i) ?? []), p]);
    }
    let open: Best | null = null, d45: Best | null = null, d3: Best | null = null, closed: Best | null = null;
    for (let i = start; i <= last; i++) {
      for (const p of byMonth.get(i) ?? []) {
        const level = p.level!;
        if (level >= options.openLevel) open = better(open, p);
        if (level >= 4) d45 = better(d45, p);
        if (level === 3) d3 = better(d3, p);
        if (level <= 2) closed = better(closed, p);
      }
      months.push({ month: monthName(i), open, d45, d3, closed, lag: null, reached: null, lagAtLeast: null });
    }
    // The open series never falls, so the first month it reaches a score is found by one forward scan per month.
    for (const [k, m] of months.entries()) {
      if (!m.closed) continue;
      const target = m.closed.score;
      const hit = months.findIndex((n) => n.open !== null && n.open.score >= target);
      if (hit === -1) { m.lagAtLeast = months.length - 1 - k; continue; }
      m.reached = months[hit]!.month;
      m.lag = Math.max(0, hit - k);
    }
  }
  const steps: FrontierStep[] = [];
  for (const [k, m] of months.entries()) {
    if (!m.closed || (k > 0 && months[k - 1]!.closed?.score === m.closed.score)) continue;
    const hitMonth = m.reached === null ? null : months.find((n) => n.month === m.reached)!;
    steps.push({ month: m.month, closed: m.closed, reached: m.reached, by: hitMonth?.open ?? null, lag: m.lag, lagAtLeast: m.lagAtLeast });
  }
  const measured = months.filter((m) => m.lag !== null).map((m) => m.lag!).sort((a, b) => a - b);
  const median = measured.length ? (measured.length % 2 ? measured[(measured.length - 1) / 2]! : (measured[measured.length / 2 - 1]! + measured[measured.length / 2]!) / 2) : null;
  const latest = months.at(-1) ?? null;
  return {
    openLevel: options.openLevel,
    from,
    to: latest?.month ?? null,
    months,
    steps,
    summary: { latestMonth: latest?.month ?? null, latestLag: latest?.lag ?? null, latestLagAtLeast: latest?.lagAtLeast ?? null, medianLag: median, monthsMeasured: measured.length },
    unknown,
  };
}
