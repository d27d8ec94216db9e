// A model's page: every component with its level, license, evidence, notes, explanation and published value; the summary; the badge.
import { publishedLabel } from '../../core/audit.js';
import { monetisation } from '../../core/frameworks/eu-ai-act.js';
import type { ComponentEntry, ModelRecord } from '../../core/model.js';
import { COMPONENTS, KINDS, STAGES } from '../../core/taxonomy.js';
import type { ModelView, SiteData } from '../data.js';
import { type Html, externalLink, html } from '../html.js';
import type { Links } from '../links.js';
import { page } from './layout.js';
import { chip, itemName, percent } from './parts.js';

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
import { type DateSource, adviceSection, verdictsPanel } from './verdicts.js';

/** A license expression with each license id linked to its page. */
function licenseExpression(links: Links, data: SiteData, expression: string): Html {
  return html`<span class="expr">${expression.split(/(\s+|\(|\))/).filter(Boolean).map((token) => {
    const id = token.replace(/\+$/, '');
    return data.license(id) ? html`<a href="${links.page(`/licenses/${id}`)}">${token}</a>` : token;
  })}</span>`;
}

function evidence(urls: readonly string[] | undefined): Html | string {
  if (!urls?.length) return '';
  return html`<p class="evidence">Evidence: ${urls.map((u, i) => html`${i ? ', ' : ''}${externalLink(u)}`)}</p>`;
}

function componentSection(links: Links, data: SiteData, view: ModelView, key: string): Html {
  const def = COMPONENTS.find((c) => c.key === key)!;
  const result = view.row.classification.components[key]!;
  const lenient = view.lenient.components[key]!;
  const entry: ComponentEntry | undefined = view.row.record.components[key];
  const pub = view.row.record.published?.['eiras-2024']?.values[key];
  const disagreement = view.disagreements.find((d) => d.component === key);
  return html`<section class="component" id="${key}" aria-labelledby="h-${key}">
<h4 id="h-${key}">${chip(result.level, result.score)} ${def.name} <code>${key}</code></h4>
<dl>
<dt>Status</dt><dd>${result.status}${result.hint ? html`, believed to be ${result.hint}` : ''}</dd>
${result.license ? html`<dt>License</dt><dd>${licenseExpression(links, data, result.license)}${result.points !== null ? html` · ${result.points} of 5 points · ${result.restrictiveness}` : ''}</dd>` : entry?.license ? html`<dt>License</dt><dd>${entry.license} (cannot be scored)</dd>` : ''}
${lenient.level !== result.level ? html`<dt>Lenient reading</dt><dd>${chip(lenient.level, lenient.score)} (conditional rights count 1 point)</dd>` : ''}
</dl>
<p class="explanation">${result.explanation}</p>
${entry?.notes ? html`<p class="notes">${entry.notes}</p>` : ''}
${evidence(entry?.evidence)}
${pub ? html`<p class="published${disagreement ? ' disagree' : ''}">Published by the paper's site: ${chip(publishedLabel(def.kind, pub.value), typeof pub.value === 'number' ? pub.value : null)}${pub.license ? html` (license as written there: ${pub.license})` : ''}${disagreement
    ? html`. <strong>howopen computes ${result.level} instead</strong>: ${disagreement.reason ?? html`<em>no reason recorded yet (the audit flags this)</em>`}`
    : '; howopen agrees.'}</p>` : ''}
</section>`;
}

function summary(view: ModelView): Html {
  const s = view.row.classification.summary;
  return html`<section class="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>
<p>${s.bands['fully open']} fully open, ${s.bands['semi-open']} semi-open, ${s.bands['fully closed']} fully closed, ${s.bands['N/A']} not applicable, ${s.bands.Unknown} unknown (${view.row.classification.reading} reading).</p>
<p>Openness <strong>${percent(s.openness)}</strong> over ${s.coverage.known} of ${s.coverage.applicable} applicable components. This aggregate is howopen's own, not the paper's: the mean of (level − 1) / 4 over the components that have a level.</p>
<ul class="chips">${COMPONENTS.map((c) => { const r = view.row.classification.components[c.key]!; return html`<li><a href="#${c.key}">${chip(r.level, r.score)} ${c.name}</a></li>`; })}</ul>
${view.disagreements.length ? html`<p>${view.disagreements.length} of the paper's published levels differ from the computed ones; each component below gives the reason.</p>` : ''}
</section>`;
}

function badge(links: Links, id: string, name: string): Html {
  const svg = links.absolute(`/badges/${id}.svg`) ?? links.file(`/badges/${id}.svg`);
  const pageUrl = links.absolute(`/models/${id}`) ?? links.page(`/models/${id}`);
  const shields = links.absolute(`/badges/${id}.json`);
  return html`<section class="badge" aria-labelledby="badge-title"><h2 id="badge-title">Badge</h2>
<p><img src="${links.file(`/badges/${id}.svg`)}" alt="howopen levels of ${name}: weights, training data and training code"></p>
<p>Markdown:</p><pre><code>[![howopen](${svg})](${pageUrl})</code></pre>
<p>HTML:</p><pre><code>${`<a href="${pageUrl}"><img src="${svg}" alt="howopen openness levels"></a>`}</code></pre>
${shields ? html`<p>shields.io endpoint: <code>https://img.shields.io/endpoint?url=${encodeURIComponent(shields)}</code></p>` : html`<p>A shields.io endpoint is at <a href="${links.file(`/badges/${id}.json`)}">${`badges/${id}.json`}</a>.</p>`}
</section>`;
}

function monetisedLine(r: ModelRecord): Html {
  const m = monetisation(r);
  return html`<p>Access sold (paid API or weights): ${m.value === 'unknown' ? 'unknown' : m.value ? 'yes' : 'no'}${m.evidence.length ? html` ${m.evidence.map((u) => externalLink(u))}` : m.value === 'unknown' ? '' : ' (no evidence recorded)'}</p>`;
}

function extras(view: ModelView): Html | string {
  const r = view.row.record;
  const entries = [...Object.entries(r.documentation ?? {}), ...Object.entries(r.artifacts ?? {})].filter((e): e is [string, ComponentEntry] => e[1] !== undefined);
  if (!entries.length && r.training_compute === undefined && r.monetised === undefined) return '';
  return html`<section aria-labelledby="extras-title"><h2 id="extras-title">Documentation and further artifacts</h2>
<p>Fields the neighbouring frameworks (MOF, OSI, the EU AI Act) ask about; not part of the paper's taxonomy.</p>
${entries.length ? html`<table class="plain"><thead><tr><th scope="col">Item</th><th scope="col">Status</th><th scope="col">License</th><th scope="col">Evidence and notes</th></tr></thead><tbody>
${entries.map(([key, e]) => html`<tr><th scope="row">${capitalized(itemName(key))}</th><td>${e.status}</td><td>${e.license ?? (e.status === 'public' ? 'none stated' : '')}</td><td>${(e.evidence ?? []).map((u) => html`${externalLink(u)} `)}${e.notes ?? ''}</td></tr>\n`)}</tbody></table>` : ''}
${r.training_compute ? html`<p>Training compute: ${typeof r.training_compute.flop === 'number' ? `${r.training_compute.flop.toExponential(2)} FLOP` : 'unknown'}${r.training_compute.notes ? html` (${r.training_compute.notes})` : ''} ${(r.training_compute.evidence ?? []).map((u) => externalLink(u))}</p>` : ''}
${r.monetised !== undefined ? monetisedLine(r) : ''}
</section>`;
}

/** `dated` says where the verdicts' date came from: today (server), ?as-of (server), or the build (static export). */
export function modelPage(links: Links, data: SiteData, view: ModelView, dated: DateSource = links.mode === 'static' ? 'built' : 'today'): Html {
  const r = view.row.record;
  const base = r.derived_from ? data.registry.model(r.derived_from) : undefined;
  const main = html`<p class="crumbs"><a href="${links.page('/')}">Index</a> › ${r.organization}</p>
<h1>${r.name}</h1>
<dl class="facts">
<dt>Organization</dt><dd>${r.organization}</dd>
<dt>Released</dt><dd>${r.released}</dd>
${r.family ? html`<dt>Family</dt><dd>${r.family}</dd>` : ''}
${r.modality ? html`<dt>Modality</dt><dd>${r.modality}</dd>` : ''}
${r.derived_from ? html`<dt>Derived from</dt><dd>${base ? html`<a href="${links.page(`/models/${base.id}`)}">${base.name}</a>` : r.derived_from}</dd>` : ''}
${r.checked ? html`<dt>Evidence checked</dt><dd>${r.checked}</dd>` : ''}
${r.links && Object.keys(r.links).length ? html`<dt>Links</dt><dd>${Object.entries(r.links).map(([k, u], i) => html`${i ? ' · ' : ''}${externalLink(u!, k.replace(/_/g, ' '))}`)}</dd>` : ''}
</dl>
${r.notes ? html`<p class="notes">${r.notes}</p>` : ''}
<p><a href="${links.page('/compare', { ids: r.id })}">Compare with other models</a> · <a href="#verdicts">Verdicts</a> · <a href="#advice">What to release next</a></p>
${summary(view)}
${verdictsPanel(links, view.verdicts, view.asOf, dated, `/models/${r.id}`)}
${adviceSection(view.advice)}
<section aria-labelledby="components-title"><h2 id="components-title">Components</h2>
${STAGES.map((stage) => html`<h3>${stage[0]!.toUpperCase() + stage.slice(1)}</h3>
${KINDS.flatMap((kind) => COMPONENTS.filter((c) => c.stage === stage && c.kind === kind).map((c) => componentSection(links, data, view, c.key)))}`)}
</section>
${extras(view)}
${badge(links, r.id, r.name)}`;
  // The twins carry the query the page was read with.
  const query = { ...(view.row.classification.reading === 'strict' ? {} : { reading: view.row.classification.reading }), ...(dated === 'asked' ? { 'as-of': view.asOf } : {}) };
  return page(links, { title: r.name, path: `/models/${r.id}`, query, twins: ['json', 'csv'], main, description: `How open is ${r.name}? Each pipeline component's openness level with its reasons, and the verdicts of MOF, OSI's definition, the European index and the EU AI Act.` });
}
