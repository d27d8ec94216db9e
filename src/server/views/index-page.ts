// The index: the taxonomy table as in the paper, with filters, sorting and the published/computed switch.
import { opennessShort, opennessText } from '../../core/classify.js';
import { COMPONENTS, COMPONENT_KEYS, KINDS, STAGES } from '../../core/taxonomy.js';
import { RIGHT_KEYS } from '../../core/licenses.js';
import { type Answer, QUESTIONS, RIGHT_ALIASES, SCOPES, SCOPE_KEYS, answerFor } from '../../core/rights.js';
import type { SiteData } from '../data.js';
import { type Html, html } from '../html.js';
import type { Links } from '../links.js';
import type { Row } from '../../core/table.js';
import { LEVEL_OPS, LEVEL_VALUES, type Selection, type TableQuery, type TableState, VERDICT_FILTERS, stateQuery } from '../table-query.js';
import { page } from './layout.js';
import { cell, cellText, commercialMark, legend } from './parts.js';

const OP_LABELS: Record<string, string> = { '>=': 'at least', '<=': 'at most', '=': 'exactly' };

/** Sortable columns and the direction of a first click: levels, dates and openness sort best-first. */
const SORT_COLUMNS = [
  { key: 'name', label: 'Model', descFirst: false },
  { key: 'released', label: 'Released', descFirst: true },
  ...COMPONENTS.map((c) => ({ key: c.key, label: c.short, descFirst: true })),
  { key: 'openness', label: 'Openness', descFirst: true },
];

function nextSort(current: string, key: string, descFirst: boolean): string {
  if (current === key) return `-${key}`;
  if (current === `-${key}`) return key;
  return descFirst ? `-${key}` : key;
}

function ariaSort(current: string, key: string): Html | string {
  if (current === key) return html` aria-sort="ascending"`;
  if (current === `-${key}`) return html` aria-sort="descending"`;
  return '';
}

function sortHeader(links: Links, state: TableState, key: string, attrs: Html | string = ''): Html {
  const col = SORT_COLUMNS.find((c) => c.key === key)!;
  const title = COMPONENTS.find((c) => c.key === key)?.name;
  return html`<th scope="col"${attrs} data-key="${key}"${col.descFirst ? html` data-desc` : ''}${ariaSort(state.sort, key)}${title ? html` title="${title}"` : ''}><a href="${links.page('/', stateQuery(state, { sort: nextSort(state.sort, key, col.descFirst) }))}">${col.label}</a></th>`;
}

function header(links: Links, state: TableState): Html {
  const groups = STAGES.map((stage) => ({ stage, kinds: KINDS.map((kind) => ({ kind, count: COMPONENTS.filter((c) => c.stage === stage && c.kind === kind).length })).filter((k) => k.count) }));
  return html`<colgroup><col class="m"><col class="r"></colgroup>${groups.flatMap((g) => g.kinds.map((k) => html`<colgroup class="${k.kind}">${Array.from({ length: k.count }, () => html`<col class="c">`)}</colgroup>`))}<colgroup><col class="o"><col class="v"></colgroup>
<thead>
<tr>${sortHeader(links, state, 'name', html` rowspan="3"`)}${sortHeader(links, state, 'released', html` rowspan="3"`)}${groups.map((g) => html`<th scope="colgroup" colspan="${g.kinds.reduce((n, k) => n + k.count, 0)}">${g.stage[0]!.toUpperCase() + g.stage.slice(1)}</th>`)}${sortHeader(links, state, 'openness', html` rowspan="3"`)}<th scope="col" rowspan="3" class="vh" title="${VERDICT_COLUMNS.map((v) => v.title).join('; ')}">Verdicts${VERDICT_COLUMNS.map((v) => html`<small>${v.label}</small>`)}</th></tr>
<tr>${groups.flatMap((g) => g.kinds.map((k) => html`<th scope="colgroup" colspan="${k.count}">${k.kind === 'code' ? 'Code' : 'Data'}</th>`))}</tr>
<tr>${COMPONENTS.map((c) => sortHeader(links, state, c.key))}</tr>
</thead>`;
}

/** The verdicts column, one line each: the text is the value the matching filter takes (mof=none, osaid=pass, exempt=unknown). */
const VERDICT_COLUMNS = [
  { label: 'MOF', short: 'MOF', title: 'Model Openness Framework 1.0 class (I is the most open; none: not even Class III)' },
  { label: 'OSAID', short: 'OSI', title: 'OSI Open Source AI Definition 1.0: pass or fail' },
  { label: 'EU exempt', short: 'EU', title: 'EU AI Act Art. 53(2) open-source exemption (indicative, not legal advice)' },
];

const VERDICT_TONE: Record<string, string> = { I: 'ok', II: 'ok', III: 'ok', pass: 'ok', yes: 'ok', none: 'no', fail: 'no', no: 'no', unknown: 'unk' };

function verdictCell(row: Row): Html {
  const f = row.frameworks;
  // Each line says which verdict it is; the <b> holds the value the matching filter takes.
  return html`<td class="v">${f ? [f.mof, f.osaid, f.euExemption].map((v, i) => html`<span>${VERDICT_COLUMNS[i]!.short} <b class="${VERDICT_TONE[v] ?? 'unk'}">${v}</b></span>`) : '—'}</td>`;
}

const VERDICT_LABELS: Record<keyof typeof VERDICT_FILTERS, string> = { mof: 'MOF class', osaid: 'OSAID', exempt: 'EU exemption' };
/** The MOF filter's options in words; the other filters show their values. */
const MOF_NAMES: Record<string, string> = { I: 'Class I', II: 'Class II', III: 'Class III', none: 'no class' };

function filterForm(links: Links, data: SiteData, state: TableState): Html {
  const { min, max } = data.years();
  const selected = (a: string, b: string) => (a === b ? html` selected` : '');
  return html`<form id="filters" class="filters" method="get" role="search" aria-label="Filter the table">
<label>Search <input type="search" name="q" value="${state.q}" placeholder="name, license, level…"></label>
<label>Organization <select name="org"><option value="">all</option>${data.organizations().map((o) => html`<option${selected(o, state.org)}>${o}</option>`)}</select></label>
<label>Released from <input type="number" name="from" min="${min}" max="${max}" step="1" value="${state.from}" inputmode="numeric"></label>
<label>to <input type="number" name="to" min="${min}" max="${max}" step="1" value="${state.to}" inputmode="numeric"></label>
<span class="level-filter"><label>Component <select name="component"><option value="">any</option>${STAGES.flatMap((stage) => KINDS.map((kind) => html`<optgroup label="${stage} ${kind}">${COMPONENTS.filter((c) => c.stage === stage && c.kind === kind).map((c) => html`<option value="${c.key}"${selected(c.key, state.component)}>${c.name}</option>`)}</optgroup>`))}</select></label>
<label>is <select name="op">${LEVEL_OPS.map((op) => html`<option value="${op}"${selected(op, state.op)}>${OP_LABELS[op]}</option>`)}</select></label>
<label>level <select name="level"><option value="">any</option>${LEVEL_VALUES.map((v) => html`<option value="${v}"${selected(v, state.level)}>${/\d/.test(v) ? `${v} (C${v}/D${v})` : v}</option>`)}</select></label></span>
<span class="rights-filter"><label>Can I… <select name="can"><option value="">(any rights)</option>${QUESTIONS.map((q) => html`<option value="${q.right}"${selected(q.right, canValue(state.can))}>${q.label}</option>`)}</select></label>
<label>with <select name="for">${SCOPE_KEYS.map((k) => html`<option value="${k}"${selected(k, state.for || 'weights')}>${SCOPES[k].name}</option>`)}</select></label></span>
<span class="verdict-filter">${(Object.keys(VERDICT_FILTERS) as (keyof typeof VERDICT_FILTERS)[]).map((key) => html`<label>${VERDICT_LABELS[key]} <select name="${key}"><option value="">any</option>${VERDICT_FILTERS[key].map((v) => html`<option value="${v}"${selected(v.toLowerCase(), state[key].toLowerCase())}>${key === 'mof' ? MOF_NAMES[v] : v}</option>`)}</select></label>`)}</span>
${state.where.map((w) => html`<input type="hidden" name="where" value="${w}">`)}<input type="hidden" name="sort" value="${state.sort}">${state.source !== 'computed' ? html`<input type="hidden" name="source" value="${state.source}">` : ''}${state.reading !== 'strict' ? html`<input type="hidden" name="reading" value="${state.reading}">` : ''}${state.asOf ? html`<input type="hidden" name="as-of" value="${state.asOf}">` : ''}
<button type="submit">Apply</button> <a class="reset" href="${links.page('/', stateQuery(emptyState(state)))}">Clear filters</a>
${state.where.length ? html`<p class="where">Also filtered by: ${state.where.map((w) => html`<code>${w}</code> `)}</p>` : ''}</form>`;
}

/** The form shows a right by its key; the URL may name it by an alias (relicense). */
function canValue(can: string): string {
  return Object.hasOwn(RIGHT_ALIASES, can) ? RIGHT_ALIASES[can]! : can;
}

/** Answers as one letter each: y(es), n(o), u(nknown), -(n/a). */
const ANSWER_CODE: Record<Answer, string> = { yes: 'y', no: 'n', unknown: 'u', 'n/a': '-' };
/** The rights' subjects in the order of a row's data-r: the twelve components, then the scopes. */
const RIGHT_SUBJECTS: readonly string[] = [...COMPONENT_KEYS, ...SCOPE_KEYS];

/**
 * Every rights answer of a row, from the core's answerFor, as data-r: five letters per subject. The
 * client script filters on these letters and never decides a right itself.
 */
function rightsCodes(row: Row): string {
  return RIGHT_SUBJECTS.map((subject) => RIGHT_KEYS.map((right) => ANSWER_CODE[answerFor(row.classification, subject, right)!]).join('')).join(' ');
}


function modelCells(links: Links, row: Row, published: boolean): Html[] {
  const href = links.page(`/models/${row.id}`);
  return COMPONENTS.map((c) => {
    const data = row.cells[c.key]!;
    let extra = '';
    let mark: Html | undefined;
    if (c.key === 'deployment.data.weights') {
      const commercial = answerFor(row.classification, c.key, 'commercial')!;
      extra = `commercial use ${commercial} (${row.classification.reading} reading)`;
      mark = commercialMark(commercial);
    }
    return cell(data, '', { href: `${href}#${c.key}`, tip: `${c.name}: ${cellText(data, published ? 'computed' : 'published', extra)}`, ...(mark ? { mark } : {}) });
  });
}

function emptyState(state: TableState): TableState {
  return { ...state, q: '', org: '', from: '', to: '', component: '', op: '>=', level: '', mof: '', osaid: '', exempt: '', can: '', for: '', where: [] };
}

function switches(links: Links, state: TableState): Html {
  const options = [
    { label: 'computed, strict reading', source: 'computed', reading: 'strict' },
    { label: 'computed, lenient reading', source: 'computed', reading: 'lenient' },
    { label: 'published by the paper\'s site', source: 'published', reading: 'strict' },
  ] as const;
  return html`<nav class="switch" aria-label="Levels shown">Levels: ${options.map((o) => {
    const current = state.source === o.source && (o.source === 'published' || state.reading === o.reading);
    return html`<a class="keepstate" href="${links.page('/', stateQuery(state, { source: o.source, reading: o.reading }))}"${current ? html` aria-current="true"` : ''}>${o.label}</a> `;
  })}</nav>`;
}

/** A family row's variants, one click away; the bare id above is the flagship's page. */
function variantLinks(links: Links, row: Row): Html | string {
  if (!row.variants.length) return '';
  return html`<span class="vars">variants: ${row.variants.map((ref, i) => html`${i ? ', ' : ''}<a href="${links.page(`/models/${ref}`)}">${ref.slice(ref.indexOf('@') + 1)}</a>`)}</span>`;
}

export function indexPage(links: Links, data: SiteData, query: TableQuery, selection: Selection, asOf: string | null = null): Html {
  const { state } = query;
  const published = state.source === 'published';
  const visible = new Set(selection.matching);
  const order = new Map(data.registry.models.map((m, i) => [m.id, i]));
  const main = html`<h1>How open is each model?</h1>
<p class="lede">Each model's twelve pipeline components, scored on the five-level scale of Eiras et al. (2024). Every level links to its reasons on the model's page; hover or focus a cell for its whole text. “Can I…” asks the licenses' rights directly: <code>$ yes</code> under the weights marks the models whose weights may be used commercially.</p>
${switches(links, state)}
${query.errors.length ? html`<div class="error" role="alert"><p>Some of the filters could not be read:</p><ul>${query.errors.map((e) => html`<li>${e}</li>`)}</ul></div>` : ''}
${filterForm(links, data, state)}
<p id="count" class="count" aria-live="polite"><strong>${selection.matching.length}</strong> of ${selection.ordered.length} models${published ? ' (levels as published by the paper\'s site; — where it has none)' : ''}</p>
<div class="scroll"><table id="taxonomy" class="taxonomy index" data-sort="${state.sort}" aria-describedby="count" data-rights="${RIGHT_KEYS.join(' ')}" data-aliases="${Object.entries(RIGHT_ALIASES).map(([a, k]) => `${a}=${k}`).join(' ')}" data-subjects="${RIGHT_SUBJECTS.join(' ')}">
<caption><span>Openness of each model's pipeline components: ${published ? 'as published by the paper\'s site' : `as computed by howopen, ${state.reading} reading`}. Sort with the column headers.</span></caption>
${header(links, state)}
<tbody>
${selection.ordered.map((row) => html`<tr data-id="${row.id}" data-i="${order.get(row.id) ?? 0}"${row.family ? html` data-f="${row.family}"` : ''}${row.modality ? html` data-m="${row.modality}"` : ''} data-r="${rightsCodes(row)}"${visible.has(row) ? '' : html` hidden`}><th scope="row"><a href="${links.page(`/models/${row.id}`)}">${row.name}</a><small>${row.organization}</small>${variantLinks(links, row)}</th><td>${row.released}</td>${modelCells(links, row, published)}<td class="pct" title="${opennessText(row.classification.summary)}">${opennessShort(row.classification.summary)}</td>${verdictCell(row)}</tr>\n`)}</tbody>
</table></div>
<p class="note">Openness is howopen's own aggregate, not the paper's: the mean of (level − 1) / 4 over the components that have a level, from the computed levels. MOF class, OSAID and EU exempt are the verdicts of the Model Openness Framework, OSI's Open Source AI Definition and the EU AI Act's open-source exemption (indicative, not legal advice), computed from the same records${asOf ? html` as of <time datetime="${asOf}">${asOf}</time>` : ''}; each model's page gives their reasons.</p>
${legend({ published, otherSource: published ? 'computed' : 'published' })}`;
  return page(links, { title: 'The openness index', path: '/', query: stateQuery(state), twins: ['json', 'csv'], main });
}
