// Stats: the per-component level distribution (the paper's figure) and openness over time, each chart with its numbers beside it.
import { DISTRIBUTION_KEYS } from '../../core/stats.js';
import { COMPONENTS } from '../../core/taxonomy.js';
import type { Charts } from '../charts.js';
import { TIMELINE_COMPONENTS } from '../data.js';
import { type Html, html, trusted } from '../html.js';
import type { Links } from '../links.js';
import { capabilitySections } from './capability-sections.js';
import { page } from './layout.js';
import { chipFor } from './parts.js';

export function statsPage(links: Links, charts: Charts): Html {
  const main = html`<h1>Stats</h1>
<p class="lede">How the levels fall across the pipeline, for the paper's 40 models and for every model in the registry, how openness changed over time, and how capability relates to openness (the open/closed gap). Each chart's numbers are in the table beside it.</p>
${charts.distributions.map((d, i) => html`<section class="chart" aria-labelledby="dist-${i}">
<h2 id="dist-${i}">${d.title}</h2>
<div class="chart-grid"><figure>${trusted(d.svg)}<figcaption>${d.stats.models} models; stacked bars count the models at each level per component${d.source === 'computed' ? ` (${d.stats.reading} reading)` : ''}.</figcaption></figure>
<div class="scroll"><table class="plain numbers" data-chart="dist-${i}"><caption>Models per level (${d.set}, ${d.source})</caption>
<thead><tr><th scope="col">Component</th>${DISTRIBUTION_KEYS.map((k) => html`<th scope="col">${chipFor(k)}</th>`)}</tr></thead>
<tbody>${COMPONENTS.map((c) => html`<tr><th scope="row">${c.stage} ${c.kind}: ${c.short}</th>${DISTRIBUTION_KEYS.map((k) => html`<td>${d.stats.components[c.key]![k]}</td>`)}</tr>`)}</tbody></table></div></div>
</section>`)}
<section class="chart" aria-labelledby="timeline-title">
<h2 id="timeline-title">Openness over time</h2>
<p>Release date against the computed level (strict reading) of the weights, the pre-training data and the pre-training code. A circle's size is the number of models released that month at that level.</p>
<div class="chart-grid"><figure>${trusted(charts.timeline.svg)}<figcaption>${charts.timeline.points.length} models by release month.</figcaption></figure>
<div class="scroll tall"><table class="plain numbers" data-chart="timeline"><caption>Each model's release and levels</caption>
<thead><tr><th scope="col">Released</th><th scope="col">Model</th>${TIMELINE_COMPONENTS.map((k) => html`<th scope="col">${COMPONENTS.find((c) => c.key === k)!.name}</th>`)}</tr></thead>
<tbody>${charts.timeline.points.map((p) => html`<tr><td>${p.released}</td><th scope="row"><a href="${links.page(`/models/${p.id}`)}">${p.name}</a></th>${TIMELINE_COMPONENTS.map((k) => html`<td>${chipFor(p.levels[k]!)}</td>`)}</tr>`)}</tbody></table></div></div>
</section>
${capabilitySections(links, charts.capability)}`;
  return page(links, { title: 'Stats', path: '/stats', twins: ['json', 'csv'], main });
}
