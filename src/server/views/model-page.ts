// A model's page: every component with its level, license, evidence, notes, explanation and published value; the summary; the badge.
import { publishedLabel } from '../../core/audit.js';
import { opennessText } from '../../core/classify.js';
import { monetisation } from '../../core/frameworks/eu-ai-act.js';
import type { ComponentEntry, ModelRecord } from '../../core/model.js';
import { RIGHTS, grantPoints } from '../../core/licenses.js';
import { type Answer, componentRights } from '../../core/rights.js';
import { COMPONENTS, KINDS, STAGES, pointsRow } from '../../core/taxonomy.js';
import type { ModelView, SiteData } from '../data.js';
import { type Html, externalLink, html } from '../html.js';
import type { Links } from '../links.js';
import { page } from './layout.js';
import { chip, commercialMark, itemName, levelMeaning } from './parts.js';

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
${rightsList(view, key)}
${result.rights ? html`<details class="sentence"><summary>The explanation as one sentence</summary><p class="explanation">${result.explanation}</p></details>` : ''}
${entry?.notes ? html`<p class="notes">${entry.notes}</p>` : ''}
${evidence(entry?.evidence)}
${entry?.history?.length ? html`<details class="history"><summary>Earlier states (${entry.history.length})</summary><ul>${entry.history.map((h) => html`<li>until ${h.until}: ${h.status}${h.license ? ` under ${h.license}` : ''}${h.notes ? html` — ${h.notes}` : ''} ${(h.evidence ?? []).map((u) => externalLink(u))}</li>`)}</ul></details>` : ''}
${pub ? html`<p class="published${disagreement ? ' disagree' : ''}">Published by the paper's site: ${chip(publishedLabel(def.kind, pub.value), typeof pub.value === 'number' ? pub.value : null)}${pub.license ? html` (license as written there: ${pub.license})` : ''}${disagreement
    ? html`. <strong>howopen computes ${result.level} instead</strong>: ${disagreement.reason ?? html`<em>no reason recorded yet (the audit flags this)</em>`}`
    : '; howopen agrees.'}</p>` : ''}
</section>`;
}

const ANSWER_TEXT: Record<Answer, string> = { yes: 'yes', no: 'no', unknown: 'unknown', 'n/a': 'n/a' };
const ANSWER_MARK: Record<Answer, string> = { yes: '✓', no: '✗', unknown: '?', 'n/a': '–' };

/** A component's explanation broken into its rights: each right's grant, clause and answer under the reading, then the points and the level. */
function rightsList(view: ModelView, key: string): Html {
  const result = view.row.classification.components[key]!;
  const reading = view.row.classification.reading;
  const rights = componentRights(result, reading);
  if (result.rights === null) {
    const { answer, reason } = rights.research;
    return html`<div class="explain"><p>${result.level}: ${levelMeaning(result.level, result.score)}${result.hint ? html`, believed to be ${result.hint}` : ''}. Each of the five rights: <strong>${ANSWER_TEXT[answer]}</strong> (${reason}).</p></div>`;
  }
  return html`<div class="explain"><p>${result.license ? html`Public under <code>${result.license}</code>.` : 'Public with no license: all rights are reserved.'} The five rights, ${reading} reading:</p>
<ul class="rights">${RIGHTS.map((r) => {
    const a = rights[r.key];
    const right = result.rights![r.key];
    return html`<li class="a-${a.answer === 'n/a' ? 'na' : a.answer}"><span class="mark" aria-hidden="true">${ANSWER_MARK[a.answer]}</span> <strong>${r.name}</strong> (${r.question}): <span class="grant g-${right.grant}">${right.grant}</span>${right.grant === 'conditional' ? html` → counts ${grantPoints('conditional', reading)} under the ${reading} reading` : ''}, so <strong>${ANSWER_TEXT[a.answer]}</strong>. <small>${right.license}: ${right.clause}</small></li>`;
  })}</ul>
<p>${result.points} of 5 points → ${result.points === null ? '' : pointsRow(result.points).restrictiveness} → <strong>${result.level}</strong> (${levelMeaning(result.level, result.score)}).</p></div>`;
}

const ANSWER_CELL: Record<Answer, string> = { yes: 'y', no: 'n', unknown: 'u', 'n/a': 'na' };

/** The page's first table: every component with its level, license and the five rights, each linking to its section. */
function componentTable(view: ModelView): Html {
  const reading = view.row.classification.reading;
  return html`<div class="scroll"><table class="plain components-table" id="component-table"><caption><span>Each component's level, license and rights (${reading} reading); the name leads to the reasons.</span></caption>
<thead><tr><th scope="col">Component</th><th scope="col">Level</th><th scope="col">License</th>${RIGHTS.map((r) => html`<th scope="col" class="rt" title="${r.question}">${r.name}</th>`)}</tr></thead>
<tbody>${COMPONENTS.map((c) => {
    const result = view.row.classification.components[c.key]!;
    const rights = componentRights(result, reading);
    return html`<tr><th scope="row"><a href="#${c.key}">${c.name}</a></th><td>${chip(result.level, result.score)}${c.key === 'deployment.data.weights' ? commercialMark(rights.commercial.answer) : ''}</td><td class="lic">${result.license ?? (result.hint ? `≈${result.hint}` : '')}</td>${RIGHTS.map((r) => html`<td class="rt a-${ANSWER_CELL[rights[r.key].answer]}" title="${rights[r.key].reason}">${ANSWER_TEXT[rights[r.key].answer]}</td>`)}</tr>\n`;
  })}</tbody></table></div>`;
}

/** Where the page goes: its sections in order. */
function jumpList(hasExtras: boolean): Html {
  const items = [['components-title', 'Components'], ['verdicts', 'Verdicts'], ['advice', 'Advice'], ['badge-title', 'Badge'], ['history-title', 'History'], ...(hasExtras ? [['extras-title', 'Documentation']] : [])];
  return html`<nav class="jump" aria-label="On this page"><ul>${items.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}</ul></nav>`;
}

/** What the record says about its own past: the release, the last check of its evidence, the levels others published. */
function history(view: ModelView): Html {
  const r = view.row.record;
  const sources = Object.entries(r.published ?? {});
  return html`<section aria-labelledby="history-title"><h2 id="history-title">History</h2>
<ul>
<li>Released <time>${r.released}</time>.</li>
${r.checked ? html`<li>Evidence last checked <time datetime="${r.checked}">${r.checked}</time>.</li>` : html`<li>The record does not say when its evidence was last checked.</li>`}
${sources.map(([name, src]) => html`<li>Levels published by ${src.title ?? name}${src.ref ? html` (${externalLink(src.ref, src.ref)})` : ''}: ${Object.keys(src.values).length} components; ${view.disagreements.length} differ from the computed ones under the ${view.row.classification.reading} reading.</li>`)}
</ul></section>`;
}

function summary(view: ModelView): Html {
  const s = view.row.classification.summary;
  return html`<section class="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>
<p>${s.bands['fully open']} fully open, ${s.bands['semi-open']} semi-open, ${s.bands['fully closed']} fully closed, ${s.bands['N/A']} not applicable, ${s.bands.Unknown} unknown (${view.row.classification.reading} reading).</p>
<p>Openness <strong>${opennessText(s)}</strong>. This aggregate is howopen's own, not the paper's: the mean of (level − 1) / 4 over the applicable components, its low end counting each Unknown as closed (what models are ranked by), its high end counting each as fully open.</p>
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
${entries.length ? html`<div class="scroll"><table class="plain"><thead><tr><th scope="col">Item</th><th scope="col">Status</th><th scope="col">License</th><th scope="col">Evidence and notes</th></tr></thead><tbody>
${entries.map(([key, e]) => html`<tr><th scope="row">${capitalized(itemName(key))}</th><td>${e.status}</td><td>${e.license ?? (e.status === 'public' ? 'none stated' : '')}</td><td>${(e.evidence ?? []).map((u) => html`${externalLink(u)} `)}${e.notes ?? ''}</td></tr>\n`)}</tbody></table></div>` : ''}
${r.training_compute ? html`<p>Training compute: ${typeof r.training_compute.flop === 'number' ? `${r.training_compute.flop.toExponential(2)} FLOP` : 'unknown'}${r.training_compute.notes ? html` (${r.training_compute.notes})` : ''} ${(r.training_compute.evidence ?? []).map((u) => externalLink(u))}</p>` : ''}
${r.monetised !== undefined ? monetisedLine(r) : ''}
</section>`;
}

/** Which release this page reads (the bare id is the flagship, said so), its siblings, and the facts read from earlier states. */
function releaseNote(links: Links, view: ModelView): Html | string {
  const { variant, variants, changes } = view.row;
  const parts: (Html | string)[] = [];
  if (variant) {
    const which = variant.explicit ? html`This page reads the variant <strong>${variant.id}</strong> of <a href="${links.page(`/models/${variant.of}`)}">${variant.of}</a>${variant.flagship ? ' (the flagship)' : ''}.` : html`This page reads the flagship, <a href="${links.page(`/models/${variant.of}@${variant.id}`)}">${variant.of}@${variant.id}</a>; the index row shows the range across the variants.`;
    parts.push(html`<p class="release">${which} Variants: ${variants.map((ref, i) => html`${i ? ', ' : ''}<a href="${links.page(`/models/${ref}`)}">${ref}</a>`)}.</p>`);
  }
  if (changes.length) {
    parts.push(html`<p class="release">As of ${view.asOf} these components read an earlier state: ${changes.map((c, i) => html`${i ? '; ' : ''}${c.key}: ${c.state.status}${c.state.license ? ` under ${c.state.license}` : ''} (until ${c.until})`)}.</p>`);
  }
  return parts.length ? html`${parts}` : '';
}

/** `dated` says where the verdicts' date came from: today (server), ?as-of (server), or the build (static export). */
export function modelPage(links: Links, data: SiteData, view: ModelView, dated: DateSource = links.mode === 'static' ? 'built' : 'today'): Html {
  const r = view.row.record;
  const base = r.derived_from ? data.registry.model(r.derived_from) : undefined;
  const extrasHtml = extras(view);
  const main = html`<p class="crumbs"><a href="${links.page('/')}">Index</a> › ${r.organization}</p>
<h1>${r.name}</h1>
${jumpList(extrasHtml !== '')}
${componentTable(view)}
<p><a href="${links.page('/compare', { ids: r.id })}">Compare with other models</a></p>
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
${releaseNote(links, view)}
${summary(view)}
<section aria-labelledby="components-title"><h2 id="components-title">Components</h2>
${STAGES.map((stage) => html`<h3>${stage[0]!.toUpperCase() + stage.slice(1)}</h3>
${KINDS.flatMap((kind) => COMPONENTS.filter((c) => c.stage === stage && c.kind === kind).map((c) => componentSection(links, data, view, c.key)))}`)}
</section>
${verdictsPanel(links, view.verdicts, view.asOf, dated, `/models/${r.id}`)}
${adviceSection(view.advice)}
${badge(links, r.id, r.name)}
${history(view)}
${extrasHtml}`;
  // The twins carry the query the page was read with.
  const query = { ...(view.row.classification.reading === 'strict' ? {} : { reading: view.row.classification.reading }), ...(dated === 'asked' ? { 'as-of': view.asOf } : {}) };
  return page(links, { title: r.name, path: `/models/${r.id}`, query, twins: ['json', 'csv'], main, description: `How open is ${r.name}? Each pipeline component's openness level with its reasons, and the verdicts of MOF, OSI's definition, the European index and the EU AI Act.` });
}
