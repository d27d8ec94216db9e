// The /stats sections on capability against openness: the open/closed gap and capability by weights level and by openness, each beside its numbers.
import { lagText } from '../../core/capability-analysis.js';
import type { Best } from '../../core/gap.js';
import { type CapabilityCharts, LEVEL_AXIS, dataMonths, levelAxisValue, seriesName } from '../charts.js';
import { type Html, externalLink, html, trusted } from '../html.js';
import type { Links } from '../links.js';

const cell = (b: Best | null) => (b ? html`${b.score.toFixed(1)} <span class="note">${b.version}</span>` : html`<span class="note">—</span>`);

export function capabilitySections(links: Links, c: CapabilityCharts): Html {
  const a = c.analysis;
  const g = a.gap;
  const r = a.report;
  const months = dataMonths(a);
  const model = (id: string | undefined, text: string) => (id ? html`<a href="${links.page(`/models/${id}`)}">${text}</a>` : text);
  const sorted = [...a.rows].sort((x, y) => y.row.score - x.row.score);
  const source = html`<p class="note">Capability data: ${a.source.attribution} ${externalLink(a.source.url, 'Repository')}, file <code>${a.source.file}</code>${a.source.commit ? html` at commit <code>${a.source.commit.slice(0, 7)}</code>` : ''}, retrieved ${a.source.retrieved}. How each figure is formed: docs/ANALYSIS.md; the data in this page's <a href="${links.twin('/stats', 'json')}">JSON twin</a> (<code>capability</code>) and from the API, <code>GET /api/v1/gap</code> (JSON or CSV).</p>`;
  return html`<section class="chart" aria-labelledby="gap-title">
<h2 id="gap-title">The open/closed capability gap</h2>
<p>${a.benchmark.name}: for every month, the best score among models released so far whose weights are public (our weights level D${g.openLevel} or above, and split into D5/D4 and D3) and among closed or API-only ones (D1/D2). The lag is the number of months until the open best first reached that month's closed best. Latest month ${g.summary.latestMonth ?? '—'}: lag ${lagText({ lag: g.summary.latestLag, lagAtLeast: g.summary.latestLagAtLeast }) || '—'}; median over ${g.summary.monthsMeasured} measured months: ${g.summary.medianLag ?? '—'} months.</p>
${source}
<div class="chart-grid"><figure>${trusted(c.gap)}<figcaption>Step lines: the best score so far per series. Red rules: from each new closed best to the month an open model reached it (dashed where none has yet).</figcaption></figure>
<div class="scroll tall"><table class="plain numbers" data-chart="gap"><caption>Best score per month (${a.benchmark.unit})</caption>
<thead><tr><th scope="col">Month</th><th scope="col">${seriesName('open', g.openLevel)}</th><th scope="col">${seriesName('d45', g.openLevel)}</th><th scope="col">${seriesName('d3', g.openLevel)}</th><th scope="col">${seriesName('closed', g.openLevel)}</th><th scope="col">Lag</th></tr></thead>
<tbody>${months.map((m) => html`<tr><th scope="row">${m.month}</th><td>${cell(m.open)}</td><td>${cell(m.d45)}</td><td>${cell(m.d3)}</td><td>${cell(m.closed)}</td><td>${lagText(m)}</td></tr>`)}</tbody></table>
<table class="plain numbers" data-chart="gap-steps"><caption>When an open model first reached each new closed best</caption>
<thead><tr><th scope="col">Closed best</th><th scope="col">Model</th><th scope="col">Score</th><th scope="col">Open reached</th><th scope="col">By</th><th scope="col">Lag</th></tr></thead>
<tbody>${g.steps.map((s) => html`<tr><th scope="row">${s.month}</th><td>${model(s.closed.id, s.closed.version)}</td><td>${s.closed.score.toFixed(1)}</td><td>${s.reached ?? 'not yet'}</td><td>${s.by ? model(s.by.id, s.by.version) : '—'}</td><td>${lagText(s)}</td></tr>`)}</tbody></table></div></div>
<p>${r.rows} scored model versions: ${r.matched} matched to a registry record through <code>data/capability/mapping.yaml</code>, ${r.excluded.length} with no record whose levels are their own (the mapping says why), ${r.unmatched.length} unmatched${g.unknown.length ? html`, ${g.unknown.length} with an Unknown weights level (left out of the series)` : ''}. Every version is listed in the table of the next chart.</p>
</section>
<section class="chart" aria-labelledby="cap-level-title">
<h2 id="cap-level-title">Capability against the weights level</h2>
<p>Each scored model version at its record's weights level; versions without a record of their own and unmatched ones are shown in columns of their own, not dropped.</p>
<div class="chart-grid"><figure>${trusted(c.byLevel)}<figcaption>${LEVEL_AXIS.map((l) => `${l}: ${a.rows.filter((x) => levelAxisValue(x.match) === l).length}`).join(', ')} versions.</figcaption></figure>
<div class="scroll tall"><table class="plain numbers" data-chart="cap-level"><caption>Every scored version, best first</caption>
<thead><tr><th scope="col">Version</th><th scope="col">Released</th><th scope="col">Score</th><th scope="col">Record</th><th scope="col">Weights</th><th scope="col">Openness</th></tr></thead>
<tbody>${sorted.map(({ row, match }) => html`<tr><th scope="row">${row.version}</th><td>${row.released}</td><td>${row.score.toFixed(1)}</td><td>${match.kind === 'matched' ? model(match.id, match.name) : match.kind === 'excluded' ? html`<span class="note">none: ${match.reason}</span>` : match.kind === 'unmatched' ? 'unmatched' : `unknown id ${match.id}`}</td><td>${levelAxisValue(match)}</td><td>${match.kind === 'matched' && match.openness !== null ? `${match.openness}%` : '—'}</td></tr>`)}</tbody></table></div></div>
</section>
<section class="chart" aria-labelledby="cap-open-title">
<h2 id="cap-open-title">Capability against howopen's openness aggregate</h2>
<p>Each matched version's score against its record's openness (the mean of (level − 1) / 4 over the components with a level; howopen's own aggregate, not the paper's). The numbers are the Openness and Score columns of the table above.</p>
<div class="chart-grid"><figure>${trusted(c.byOpenness)}<figcaption>${a.rows.filter((x) => x.match.kind === 'matched' && x.match.openness !== null).length} matched versions; the others have no record to take an aggregate from.</figcaption></figure>
<div class="scroll tall"><table class="plain numbers" data-chart="cap-openness"><caption>Matched versions by openness</caption>
<thead><tr><th scope="col">Version</th><th scope="col">Openness</th><th scope="col">Score</th></tr></thead>
<tbody>${sorted.flatMap(({ row, match }) => (match.kind === 'matched' && match.openness !== null ? [html`<tr><th scope="row">${row.version}</th><td>${match.openness}%</td><td>${row.score.toFixed(1)}</td></tr>`] : []))}</tbody></table></div></div>
</section>`;
}
