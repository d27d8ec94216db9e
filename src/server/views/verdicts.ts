// The verdicts of the neighbouring frameworks on a model's page (MOF, OSI's definition, the European index, the EU AI Act, the paper's view) and the advice on what to release next.
import { paperStageAndRecommendations } from './paper-recommendations.js';
import type { Suggestion } from '../../core/advice.js';
import type { Verdicts } from '../../core/frameworks/index.js';
import { component } from '../../core/taxonomy.js';
import { type Html, externalLink, html, join } from '../html.js';
import type { Links } from '../links.js';
import { itemName } from './parts.js';

/** Where the date the verdicts were read at came from: today's (server), the visitor's ?as-of, or the build's (static export). */
export type DateSource = 'today' | 'asked' | 'built';

/** A release target in words: a component's name, or a document or artifact. */
function targetName(target: string): string {
  const c = component(target);
  if (c) return c.name;
  const [, key] = target.split(/\.(.*)/s);
  return key === undefined || itemName(key) === key ? target : itemName(key);
}

type Tone = 'ok' | 'no' | 'unk' | 'neu';

/** A verdict as a labelled chip: the words carry the meaning, the color repeats it. */
export function verdictChip(text: string, tone: Tone): Html {
  return html`<span class="vd ${tone}">${text}</span>`;
}

const triTone = (t: string, good: 'yes' | 'no' = 'yes'): Tone => (t === 'unknown' ? 'unk' : t === good ? 'ok' : 'no');

function sources(v: { framework: { name: string; version: string; sources: readonly string[] } }): Html {
  return html`<p class="vsrc">${v.framework.name} ${v.framework.version}. Sources: ${join(v.framework.sources.map((u) => externalLink(u)), ', ')}</p>`;
}

function list(items: readonly string[], empty = ''): Html | string {
  if (!items.length) return empty ? html`<p>${empty}</p>` : '';
  return html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;
}

function mof(v: Verdicts['mof']): Html {
  const classes = [['III', 'open model'], ['II', 'open tooling'], ['I', 'open science']] as const;
  return html`<section class="verdict" id="v-mof" aria-labelledby="v-mof-title">
<h3 id="v-mof-title">Model Openness Framework: ${verdictChip(v.class ? `Class ${v.class}` : 'no class', v.class ? 'ok' : 'no')}</h3>
${list(v.reasons)}
<div class="scroll"><table class="plain progress"><caption>Progress per class (required components met, with those of the classes above)</caption>
<tbody>${classes.map(([c, name]) => html`<tr><th scope="row">Class ${c} (${name})</th><td><meter min="0" max="100" value="${v.progress[c]}">${v.progress[c]}%</meter></td><td class="num">${v.progress[c]}%</td></tr>`)}</tbody></table></div>
<h4>Missing components</h4>
${list(v.missing, 'None: every required component is met.')}
${sources(v)}
</section>`;
}

function osaid(v: Verdicts['osaid']): Html {
  return html`<section class="verdict" id="v-osaid" aria-labelledby="v-osaid-title">
<h3 id="v-osaid-title">OSI Open Source AI Definition: ${verdictChip(v.verdict, v.verdict === 'pass' ? 'ok' : 'no')}</h3>
${list(v.reasons)}
<ul class="elements">${v.elements.map((e) => html`<li class="${e.met ? 'met' : 'failing'}">${verdictChip(e.met ? 'met' : 'fails', e.met ? 'ok' : 'no')} <strong>${e.element}</strong>${list(e.reasons)}</li>`)}</ul>
${sources(v)}
</section>`;
}

function osaiIndex(v: Verdicts['osaiIndex']): Html {
  const tone = (c: string): Tone => (c === 'open' ? 'ok' : c === 'partial' ? 'unk' : 'no');
  return html`<section class="verdict" id="v-osai" aria-labelledby="v-osai-title">
<h3 id="v-osai-title">European Open Source AI Index: ${verdictChip(`${v.total}%`, v.total >= 50 ? 'ok' : 'no')}</h3>
<p>Availability ${v.categories.availability}%, documentation ${v.categories.documentation}%, access ${v.categories.access}% (open 1, partial 0.5, closed 0, averaged).</p>
${list(v.reasons)}
<div class="scroll"><table class="plain"><caption>The index's twelve parameters, derived from the record by howopen's mapping rules</caption>
<thead><tr><th scope="col">Parameter</th><th scope="col">Category</th><th scope="col">Class</th><th scope="col">Rule</th></tr></thead>
<tbody>${v.parameters.map((p) => html`<tr><th scope="row">${p.name}</th><td>${p.category}</td><td>${verdictChip(p.class, tone(p.class))}</td><td>${p.rule}</td></tr>`)}</tbody></table></div>
${sources(v)}
</section>`;
}

function euAiAct(v: Verdicts['euAiAct']): Html {
  return html`<section class="verdict" id="v-eu" aria-labelledby="v-eu-title">
<h3 id="v-eu-title">EU AI Act, general-purpose AI models: open-source exemption ${verdictChip(v.exemption.applies, triTone(v.exemption.applies))}</h3>
<p class="disclaimer" role="note"><strong>${v.framework.disclaimer}</strong></p>
<dl class="facts">
<dt>Read as of</dt><dd><time datetime="${v.asOf}">${v.asOf}</time></dd>
<dt>General-purpose AI model</dt><dd>${verdictChip(v.gpai, 'neu')}</dd>
<dt>Systemic risk presumed</dt><dd>${verdictChip(v.systemicRisk, triTone(v.systemicRisk, 'no'))}</dd>
<dt>Placed on the market</dt><dd>${v.placedOnMarket}</dd>
</dl>
<h4>Open-source exemption (Art. 53(2)): ${v.exemption.applies}</h4>
${list(v.exemption.reasons)}
<p>Where the exemption does not reach:</p>
${list(v.exemption.limits.map((l) => `Art. ${l.article}: ${l.note} Source: ${l.source}.`))}
<div class="scroll"><table class="plain"><caption>Duties of the provider as of ${v.asOf}</caption>
<thead><tr><th scope="col">Article</th><th scope="col">Duty</th><th scope="col">Applies</th><th scope="col">From</th><th scope="col">In force</th><th scope="col">Why</th></tr></thead>
<tbody>${v.obligations.map((o) => html`<tr><th scope="row">Art. ${o.article}</th><td>${o.duty}</td><td>${o.applies}</td><td><time datetime="${o.from}">${o.from}</time></td><td>${o.inForce}</td><td>${o.why}</td></tr>`)}</tbody></table></div>
<p>${v.enforcement}</p>
${list(v.reasons)}
${sources(v)}
</section>`;
}

const resultTone = (r: string): Tone => (r === 'pass' ? 'ok' : r === 'unknown' ? 'unk' : 'no');
function criteriaTable(caption: string, rows: readonly { criterion: string; result: string; why: string }[]): Html {
  return html`<div class="scroll"><table class="plain"><caption>${caption}</caption>
<thead><tr><th scope="col">Criterion</th><th scope="col">Result</th><th scope="col">Why</th></tr></thead>
<tbody>${rows.map((c) => html`<tr><th scope="row">${c.criterion}</th><td>${verdictChip(c.result, resultTone(c.result))}</td><td>${c.why}</td></tr>`)}</tbody></table></div>`;
}

function g7(v: Verdicts['g7']): Html {
  return html`<section class="verdict" id="v-g7" aria-labelledby="v-g7-title">
<h3 id="v-g7-title">G7 Vision on AI Openness: ${verdictChip(v.label ?? 'no label', v.label ? 'ok' : 'no')}</h3>
${list(v.reasons)}
${criteriaTable('The labels\' criteria, read from the record', v.criteria)}
${sources(v)}
</section>`;
}

function owd(v: Verdicts['owd']): Html {
  return html`<section class="verdict" id="v-owd" aria-labelledby="v-owd-title">
<h3 id="v-owd-title">Open Weight Definition ${v.framework.version}: ${verdictChip(v.verdict, resultTone(v.verdict))}</h3>
${list(v.reasons)}
${criteriaTable('The ten criteria for the weights\' terms', v.criteria.map((c) => ({ ...c, criterion: `${c.number}. ${c.criterion}` })))}
${sources(v)}
</section>`;
}

function paper(v: Verdicts['paper']): Html {
  const finding = (f: { text: string; source: string }) => html`<li>${f.text} <small>Source: ${f.source}</small></li>`;
  return html`<section class="verdict" id="v-paper" aria-labelledby="v-paper-title">
<h3 id="v-paper-title">The paper's view: benefits and risks of this profile</h3>
${list(v.reasons)}
<div class="areas">${Object.entries(v.areas).map(([area, a]) => html`<div class="area"><h4>${area[0]!.toUpperCase() + area.slice(1)}</h4>
<p class="effect">Benefits</p>${a.benefits.length ? html`<ul class="benefits">${a.benefits.map(finding)}</ul>` : html`<p class="none">none from this profile</p>`}
<p class="effect">Risks</p>${a.risks.length ? html`<ul class="risks">${a.risks.map(finding)}</ul>` : html`<p class="none">none from this profile</p>`}
</div>`)}</div>
${paperStageAndRecommendations(v)}
${sources(v)}
</section>`;
}

function dateLine(asOf: string, source: DateSource): Html {
  const when = source === 'built' ? ', the day this site was built' : source === 'today' ? ' (today, UTC)' : ', the date asked for';
  return html`<p class="asof">Dated rules read as of <time datetime="${asOf}">${asOf}</time>${when}.</p>`;
}

/** The verdicts panel: each framework's verdict with its reasons and what is missing. */
export function verdictsPanel(links: Links, v: Verdicts, asOf: string, source: DateSource, path: string): Html {
  return html`<section class="verdicts" id="verdicts" aria-labelledby="verdicts-title"><h2 id="verdicts-title">Verdicts</h2>
<p>The verdicts of the neighbouring frameworks, computed from the same record: howopen's readings of each framework from the fields the record holds (<a href="${links.page('/method')}#frameworks">how each is read</a>).</p>
${dateLine(asOf, source)}
${links.mode === 'server' ? html`<form class="filters asof-form" method="get" action="${links.page(path)}"><label>Read the dated rules as of <input type="date" name="as-of" value="${asOf}" required></label><button type="submit">Apply</button></form>` : ''}
<ul class="verdict-summary">
<li><a href="#v-mof">MOF</a> ${verdictChip(v.mof.class ? `Class ${v.mof.class}` : 'no class', v.mof.class ? 'ok' : 'no')}</li>
<li><a href="#v-osaid">OSAID</a> ${verdictChip(v.osaid.verdict, v.osaid.verdict === 'pass' ? 'ok' : 'no')}</li>
<li><a href="#v-osai">European index</a> ${verdictChip(`${v.osaiIndex.total}%`, v.osaiIndex.total >= 50 ? 'ok' : 'no')}</li>
<li><a href="#v-eu">EU AI Act exemption</a> ${verdictChip(v.euAiAct.exemption.applies, triTone(v.euAiAct.exemption.applies))}</li>
<li><a href="#v-eu">Systemic risk</a> ${verdictChip(v.euAiAct.systemicRisk, triTone(v.euAiAct.systemicRisk, 'no'))}</li>
<li><a href="#v-g7">G7 label</a> ${verdictChip(v.g7.label ?? 'no label', v.g7.label ? 'ok' : 'no')}</li>
<li><a href="#v-owd">Open Weight Definition</a> ${verdictChip(v.owd.verdict, resultTone(v.owd.verdict))}</li>
</ul>
${mof(v.mof)}
${osaid(v.osaid)}
${osaiIndex(v.osaiIndex)}
${euAiAct(v.euAiAct)}
${g7(v.g7)}
${owd(v.owd)}
${paper(v.paper)}
</section>`;
}

function change(c: { from: unknown; to: unknown }, suffix = ''): Html {
  return c.from === c.to ? html`${String(c.from)}${suffix}` : html`${String(c.from)}${suffix} → <strong>${String(c.to)}${suffix}</strong>`;
}

const FRAMEWORK_NAMES: Record<string, string> = { mof: 'MOF class', osaid: 'OSAID', osaiIndex: 'European index', euExemption: 'EU exemption' };

/** The releases that would raise openness most, each with its change in level and in every verdict. */
export function adviceSection(suggestions: readonly Suggestion[]): Html {
  return html`<section class="advice" id="advice" aria-labelledby="advice-title"><h2 id="advice-title">Advice: what to release next</h2>
<p>Each row is one release tried on its own, under the least restrictive license of its kind (Apache-2.0 for code and weights, CC-BY-4.0 for data and documents), best first: the most framework verdicts improved, then the largest gain in openness. <code>howopen advise</code> runs the same and takes what-ifs.</p>
${suggestions.length ? html`<div class="scroll"><table class="plain"><caption>Top ${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'}</caption>
<thead><tr><th scope="col">#</th><th scope="col">Release</th><th scope="col">License</th><th scope="col">Level</th><th scope="col">Openness</th><th scope="col">Verdicts</th><th scope="col">Improves</th></tr></thead>
<tbody>${suggestions.map((s, i) => html`<tr><td>${i + 1}</td><th scope="row">${targetName(s.release.target)} <code>${s.release.target}</code></th><td>${s.release.license}</td><td>${s.level ? change(s.level) : '—'}${s.recommendations.length ? html`<small class="satisfies">follows the paper's recommendation: ${s.recommendations.map((r) => r.text).join(' ')}</small>` : ''}</td><td>${change(s.openness, '%')}</td>
<td><ul class="changes">${(Object.keys(s.frameworks) as (keyof Suggestion['frameworks'])[]).map((k) => html`<li>${FRAMEWORK_NAMES[k] ?? k}: ${change(s.frameworks[k], k === 'osaiIndex' ? '%' : '')}</li>`)}</ul></td>
<td>${s.improves.length ? s.improves.map((k) => FRAMEWORK_NAMES[k] ?? k).join(', ') : 'openness only'}</td></tr>\n`)}</tbody></table></div>` : html`<p>No single release would raise this model's openness further.</p>`}
</section>`;
}
