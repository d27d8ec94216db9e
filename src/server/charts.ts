// Charts of the registry as SVG, rendered on the server with Vega-Lite (no browser, no client script).
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { CapabilityAnalysis } from '../core/capability-analysis.js';
import type { Stats } from '../core/stats.js';
import { COMPONENTS, NOT_SCORED, SCALE, component } from '../core/taxonomy.js';
import { capabilityFor } from './capability.js';
import { type SiteData, STAT_VIEWS, TIMELINE_COMPONENTS, type TimelinePoint } from './data.js';
import { escape } from './html.js';

export const LEVEL_DOMAIN = ['1', '2', '3', '4', '5', 'N/A', 'Unknown'] as const;
const LEVEL_COLORS = [...SCALE.map((s) => s.color), NOT_SCORED['N/A'].color, NOT_SCORED.Unknown.color];
const LEVEL_NAMES = ['1 (C1/D1)', '2 (C2/D2)', '3 (C3/D3)', '4 (C4/D4)', '5 (C5/D5)', 'N/A', 'Unknown'];

function componentLabel(key: string): string {
  const c = component(key)!;
  return `${c.stage} ${c.kind}: ${c.short}`;
}

const CONFIG = { font: 'sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11, labelColor: '#222', titleColor: '#222' }, legend: { labelFontSize: 11, titleFontSize: 11, labelColor: '#222', titleColor: '#222' } };

/** An SVG with its text alternative: an image role, an accessible name, and a <title> for pointer users. */
async function toSvg(spec: TopLevelSpec, label: string): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  // The page's CSP allows no inline style: drop every double-quoted style="…" attribute the renderer writes (it
  // draws with presentation attributes, which the CSP allows), then mark the root <svg> as one image for screen readers.
  const name = escape(label);
  return svg.replace(/\sstyle="[^"]*"/g, '').replace(/^<svg ([^>]*)>/, `<svg role="img" focusable="false" aria-label="${name}" $1><title>${name}</title>`);
}

function distributionSpec(stats: Stats): TopLevelSpec {
  const values = COMPONENTS.flatMap((c) => LEVEL_DOMAIN.map((level, order) => ({ component: componentLabel(c.key), level: LEVEL_NAMES[order], n: stats.components[c.key]![level], order })));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 420,
    height: { step: 18 },
    data: { values },
    mark: { type: 'bar', stroke: '#fff', strokeWidth: 0.5 },
    encoding: {
      y: { field: 'component', type: 'nominal', sort: COMPONENTS.map((c) => componentLabel(c.key)), title: null, axis: { labelLimit: 300 } },
      x: { field: 'n', type: 'quantitative', stack: 'zero', title: `models (of ${stats.models})` },
      color: { field: 'level', type: 'nominal', scale: { domain: LEVEL_NAMES, range: LEVEL_COLORS }, legend: { title: 'Level', orient: 'bottom', columns: 4 } },
      order: { field: 'order', type: 'quantitative' },
    },
    config: CONFIG,
  } as TopLevelSpec;
}

/** Points per (component, release month, level), sized by how many models share them. */
function timelineValues(points: readonly TimelinePoint[]) {
  const counts = new Map<string, { component: string; date: string; level: string; n: number }>();
  for (const p of points) {
    for (const key of TIMELINE_COMPONENTS) {
      const label = p.levels[key]!;
      const level = /^[CD]\d$/.test(label) ? label.slice(1) : label;
      const id = `${key}|${p.released}|${level}`;
      const entry = counts.get(id) ?? { component: componentLabel(key), date: `${p.released}-15`, level, n: 0 };
      entry.n += 1;
      counts.set(id, entry);
    }
  }
  return [...counts.values()];
}

function timelineSpec(points: readonly TimelinePoint[]): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values: timelineValues(points) },
    facet: { row: { field: 'component', type: 'nominal', sort: TIMELINE_COMPONENTS.map(componentLabel), header: { title: null, labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top', labelFontSize: 12, labelFontWeight: 'bold' } } },
    spec: {
      width: 460,
      height: 150,
      mark: { type: 'circle', opacity: 0.9, stroke: '#333', strokeWidth: 0.5 },
      encoding: {
        x: { field: 'date', type: 'temporal', title: 'release date', axis: { format: '%Y', tickCount: 'year' } },
        y: { field: 'level', type: 'ordinal', sort: [...LEVEL_DOMAIN].reverse(), scale: { domain: [...LEVEL_DOMAIN].reverse() }, title: 'level' },
        size: { field: 'n', type: 'quantitative', title: 'models', scale: { range: [30, 300] } },
        color: { field: 'level', type: 'nominal', scale: { domain: [...LEVEL_DOMAIN], range: LEVEL_COLORS }, legend: null },
      },
    },
    config: CONFIG,
  } as TopLevelSpec;
}

export interface Charts {
  distributions: { set: string; source: string; title: string; stats: Stats; svg: string }[];
  timeline: { points: TimelinePoint[]; svg: string };
  capability: CapabilityCharts;
}

// ---- capability against openness (Epoch AI's tables, docs/ANALYSIS.md) ----

export interface CapabilityCharts { analysis: CapabilityAnalysis; gap: string; byLevel: string; byOpenness: string }

const SERIES = [
  { key: 'open', color: '#1b7837', dash: [1, 0] },
  { key: 'd45', color: '#5aae61', dash: [6, 3] },
  { key: 'd3', color: '#9970ab', dash: [2, 2] },
  { key: 'closed', color: '#222222', dash: [1, 0] },
] as const;

export function seriesName(key: (typeof SERIES)[number]['key'], openLevel: number): string {
  return { open: `best open (weights D${openLevel} or above)`, d45: 'best D5/D4', d3: 'best D3', closed: 'best closed (D1/D2)' }[key];
}

/** The months that have data: from the first month with any scored model. */
export function dataMonths(a: CapabilityAnalysis) {
  const first = a.gap.months.findIndex((m) => m.open || m.closed);
  return first === -1 ? [] : a.gap.months.slice(first);
}

function gapSpec(a: CapabilityAnalysis): TopLevelSpec {
  const months = dataMonths(a);
  const names = SERIES.map((x) => seriesName(x.key, a.gap.openLevel));
  const lines = months.flatMap((m) => SERIES.flatMap((x) => (m[x.key] ? [{ date: `${m.month}-01`, series: seriesName(x.key, a.gap.openLevel), score: m[x.key]!.score }] : [])));
  const last = months.at(-1)?.month;
  const lags = a.gap.steps.map((st) => ({ date: `${st.month}-01`, until: `${st.reached ?? last}-01`, score: st.closed.score, label: st.lag !== null ? `${st.lag} mo` : `≥ ${st.lagAtLeast} mo`, reached: st.reached !== null }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 520,
    height: 300,
    layer: [
      {
        data: { values: lines },
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
        encoding: {
          x: { field: 'date', type: 'temporal', title: 'release month', axis: { format: '%Y', tickCount: 'year' } },
          y: { field: 'score', type: 'quantitative', title: a.benchmark.unit, scale: { zero: false } },
          color: { field: 'series', type: 'nominal', scale: { domain: names, range: SERIES.map((x) => x.color) }, legend: { title: null, orient: 'bottom', columns: 2 } },
          strokeDash: { field: 'series', type: 'nominal', scale: { domain: names, range: SERIES.map((x) => [...x.dash]) }, legend: null },
        },
      },
      {
        data: { values: lags },
        mark: { type: 'rule', color: '#b2182b', strokeWidth: 1.5 },
        encoding: { x: { field: 'date', type: 'temporal' }, x2: { field: 'until' }, y: { field: 'score', type: 'quantitative' }, strokeDash: { field: 'reached', type: 'nominal', scale: { domain: [true, false], range: [[1, 0], [4, 3]] }, legend: null } },
      },
      {
        data: { values: lags },
        mark: { type: 'text', color: '#b2182b', dy: -6, align: 'left', fontSize: 10 },
        encoding: { x: { field: 'date', type: 'temporal' }, y: { field: 'score', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
    // The lag rules' dash (reached or not) is a scale of its own, not the series'.
    resolve: { scale: { strokeDash: 'independent' } },
    config: CONFIG,
  } as TopLevelSpec;
}

export const LEVEL_AXIS = ['D1', 'D2', 'D3', 'D4', 'D5', 'Unknown', 'no record', 'unmatched'] as const;

/** Where a row sits on the level axis: its record's weights level, or why it has none. */
export function levelAxisValue(m: CapabilityAnalysis['rows'][number]['match']): (typeof LEVEL_AXIS)[number] {
  if (m.kind === 'matched') return (/^D[1-5]$/.test(m.weights) ? m.weights : 'Unknown') as (typeof LEVEL_AXIS)[number];
  return m.kind === 'excluded' ? 'no record' : 'unmatched';
}

/** The frame and mark the two capability scatter charts share. */
const SCATTER = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 420,
  height: 260,
  mark: { type: 'circle', size: 60, opacity: 0.85, stroke: '#333', strokeWidth: 0.6 },
} as const;

function levelSpec(a: CapabilityAnalysis): TopLevelSpec {
  const values = a.rows.map(({ row, match }) => ({ level: levelAxisValue(match), score: row.score }));
  const colors = [...SCALE.map((x) => x.color), NOT_SCORED.Unknown.color, '#bbbbbb', '#ffffff'];
  return {
    ...SCATTER,
    data: { values },
    encoding: {
      x: { field: 'level', type: 'ordinal', scale: { domain: [...LEVEL_AXIS] }, title: 'weights level (our rubric)', axis: { labelAngle: 0 } },
      xOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [0, 1] } },
      y: { field: 'score', type: 'quantitative', title: a.benchmark.unit, scale: { zero: false } },
      color: { field: 'level', type: 'ordinal', scale: { domain: [...LEVEL_AXIS], range: colors }, legend: null },
    },
    transform: [{ calculate: '(datum.score * 7919 % 100) / 100', as: 'jitter' }],
    config: CONFIG,
  } as TopLevelSpec;
}

function opennessSpec(a: CapabilityAnalysis): TopLevelSpec {
  const values = a.rows.flatMap(({ row, match }) => (match.kind === 'matched' && match.openness !== null ? [{ openness: match.openness, score: row.score, level: levelAxisValue(match) }] : []));
  const colors = [...SCALE.map((x) => x.color), NOT_SCORED.Unknown.color];
  return {
    ...SCATTER,
    data: { values },
    encoding: {
      x: { field: 'openness', type: 'quantitative', title: 'howopen openness aggregate (%)', scale: { domain: [0, 100] } },
      y: { field: 'score', type: 'quantitative', title: a.benchmark.unit, scale: { zero: false } },
      color: { field: 'level', type: 'ordinal', scale: { domain: [...LEVEL_AXIS.slice(0, 6)], range: colors }, legend: { title: 'weights', orient: 'right' } },
    },
    config: CONFIG,
  } as TopLevelSpec;
}

async function capabilityCharts(a: CapabilityAnalysis): Promise<CapabilityCharts> {
  const s = a.gap.summary;
  const latest = s.latestLag !== null ? `${s.latestLag} months` : s.latestLagAtLeast !== null ? `at least ${s.latestLagAtLeast} months (not yet reached)` : 'not measured';
  return {
    analysis: a,
    gap: await toSvg(gapSpec(a), `${a.benchmark.name}: best score per month of open-weights models (D${a.gap.openLevel} or above), of D5/D4 and of D3 models, and of closed models; red rules mark how long the open best took to reach each new closed best. Latest lag ${latest}; median ${s.medianLag ?? '—'} months. The numbers are in the tables beside it.`),
    byLevel: await toSvg(levelSpec(a), `${a.benchmark.name} score of each model version against its weights level, with versions that have no record of their own and unmatched versions in columns of their own; the numbers are in the table beside it.`),
    byOpenness: await toSvg(opennessSpec(a), `${a.benchmark.name} score of each matched model version against howopen's openness aggregate of its record; the numbers are in the table beside it.`),
  };
}

const cache = new WeakMap<SiteData, Promise<Charts>>();

/** The stats page's charts, rendered once per registry. */
export function charts(data: SiteData): Promise<Charts> {
  let c = cache.get(data);
  if (!c) {
    c = (async () => ({
      distributions: await Promise.all(STAT_VIEWS.map(async (v) => {
        const s = data.stats(v.set, v.source);
        return { ...v, stats: s, svg: await toSvg(distributionSpec(s), `${v.title}: stacked bars of the number of models at each level per component; the numbers are in the table beside it.`) };
      })),
      timeline: { points: data.timeline(), svg: await toSvg(timelineSpec(data.timeline()), 'Openness over time: release month against the level of the weights, the pre-training data and the pre-training code; the numbers are in the table beside it.') },
      capability: await capabilityCharts(capabilityFor(data.registry)),
    }))();
    cache.set(data, c);
    // A failed render is not kept: the next request tries again.
    c.catch(() => { if (cache.get(data) === c) cache.delete(data); });
  }
  return c;
}
