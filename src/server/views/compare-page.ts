// Compare: models side by side, the components and verdicts that differ highlighted.
import { opennessText } from '../../core/classify.js';
import { COMPONENTS } from '../../core/taxonomy.js';
import { type Compared, type SiteData, VERDICT_LINES, cellBand, differingBands, differingComponents, differingVerdicts } from '../data.js';
import { type Html, html } from '../html.js';
import type { Links } from '../links.js';
import { page } from './layout.js';
import { answerFor } from '../../core/rights.js';
import { cell, cellText, commercialMark } from './parts.js';
import { verdictChip } from './verdicts.js';

export interface CompareOptions {
  /** The columns rendered: the chosen models (server) or every model (static export, where the client script picks). */
  columns: readonly Compared[];
  chosen: readonly string[];
  unknown: readonly string[];
  /** The static export renders every column hidden and lets the client script show the chosen ones. */
  client: boolean;
  /** The date the verdicts' dated rules were read at. */
  asOf: string;
}

const TONE: Record<string, 'ok' | 'no' | 'unk'> = { pass: 'ok', fail: 'no', yes: 'ok', no: 'no', unknown: 'unk', 'no class': 'no', 'none yet': 'unk' };

function tone(key: string, value: string): 'ok' | 'no' | 'unk' {
  if (key === 'euSystemicRisk') return value === 'no' ? 'ok' : value === 'yes' ? 'no' : 'unk';
  if (key === 'mof') return value === 'no class' ? 'no' : 'ok';
  if (key === 'osaiIndex') return parseFloat(value) >= 50 ? 'ok' : 'no';
  return TONE[value] ?? 'unk';
}

/** Empty slots the picker offers beside the chosen models: enough to add two more in one go without a script. */
const FREE_SLOTS = 2;
const MIN_SLOTS = 3;

/**
 * The picker: one text field per model, each typing ahead through the registry's models (a native
 * datalist, so it needs no script); a model's name or id both work.
 */
function picker(data: SiteData, chosen: readonly string[]): Html {
  const models = [...data.registry.models].sort((a, b) => a.name.localeCompare(b.name));
  const slots = [...chosen, ...Array.from({ length: Math.max(FREE_SLOTS, MIN_SLOTS - chosen.length) }, () => '')];
  return html`<form id="compare-form" class="filters picker" method="get">
<fieldset><legend>Models to compare (type a name or id; two or more)</legend>
${slots.map((id, i) => html`<label>Model ${i + 1} <input type="text" name="ids" list="model-ids" value="${id}" autocomplete="off" spellcheck="false"></label>`)}
</fieldset>
<datalist id="model-ids">${models.map((m) => html`<option value="${m.id}">${m.name} (${m.organization}, ${m.released})</option>`)}</datalist>
<button type="submit">Compare</button>
</form>`;
}

export function comparePage(links: Links, data: SiteData, options: CompareOptions): Html {
  const chosen = new Set(options.chosen);
  const shown = options.columns.filter((m) => chosen.has(m.row.id));
  const levels = differingComponents(shown.map((m) => m.row));
  const differing = differingBands(shown.map((m) => m.row));
  const verdictDiffs = differingVerdicts(shown);
  const hide = (id: string) => (options.client && !chosen.has(id) ? html` hidden` : '');
  const col = (id: string) => (options.client ? html` data-m="${id}"${hide(id)}` : '');
  const heads = (first: string) => html`<thead><tr><th scope="col">${first}</th>${options.columns.map(({ row: r }) => html`<th scope="col"${col(r.id)}><a href="${links.page(`/models/${r.id}`)}">${r.name}</a><small>${r.organization}, ${r.released}</small></th>`)}</tr></thead>`;
  const main = html`<h1>Compare models</h1>
${picker(data, options.chosen)}
${options.unknown.length ? html`<p class="error" role="alert">Not in the registry: ${options.unknown.join(', ')}.</p>` : ''}
<p id="compare-status" class="count" aria-live="polite">${shown.length < 2 ? 'Choose at least two models to compare.' : statusText(differing.size, levels.size - differing.size, verdictDiffs.size)}</p>
<div class="scroll"><table id="compare" class="taxonomy compare"${options.client ? html` data-client` : ''}>
<caption><span>Levels side by side (computed, strict reading): “differs” marks levels in different bands (fully closed, semi-open, fully open, N/A, Unknown); “level” marks levels that differ within one band. Beneath the weights: may they be used commercially.</span></caption>
${heads('Component')}
<tbody>
${COMPONENTS.map((c) => {
    const minor = !differing.has(c.key) && levels.has(c.key);
    return html`<tr${differing.has(c.key) ? html` class="diff"` : minor ? html` class="minor"` : ''}><th scope="row">${c.name}<span class="diffmark"${differing.has(c.key) ? '' : html` hidden`}>differs</span><span class="minormark"${minor ? '' : html` hidden`}>level</span></th>${options.columns.map(({ row: r }) => compareCell(links, r, c.key, col(r.id)))}</tr>\n`;
  })}<tr><th scope="row">Openness (howopen's aggregate)</th>${options.columns.map(({ row: r }) => html`<td class="pct"${col(r.id)}>${opennessText(r.classification.summary)}</td>`)}</tr>
</tbody></table></div>
<h2 id="verdicts-title">Verdicts side by side</h2>
<p class="asof">The neighbouring frameworks' verdicts from the same records (strict reading); the EU AI Act's dated rules read as of <time datetime="${options.asOf}">${options.asOf}</time>${options.client ? ', the day this site was built' : ''}. Indicative, not legal advice: each model's page gives the reasons.</p>
<div class="scroll"><table id="compare-verdicts" class="taxonomy compare verdicts-compare"${options.client ? html` data-client` : ''} aria-labelledby="verdicts-title">
${heads('Framework')}
<tbody>
${VERDICT_LINES.map((l) => html`<tr${verdictDiffs.has(l.key) ? html` class="diff"` : ''} data-verdict="${l.key}"><th scope="row">${l.label}<span class="diffmark"${verdictDiffs.has(l.key) ? '' : html` hidden`}>differs</span></th>${options.columns.map(({ row: r, verdicts: v }) => {
    const value = l.value(v);
    return html`<td${col(r.id)} data-v="${value}">${verdictChip(value, tone(l.key, value))}<small>${l.detail(v)}</small></td>`;
  })}</tr>\n`)}</tbody></table></div>`;
  return page(links, { title: 'Compare', path: '/compare', query: { ids: options.chosen.join(',') }, twins: options.client ? [] : ['json', 'csv'], main });
}

/** The status line: what differs by band, what only by level, and the verdicts; the static page's script writes the same words. */
export function statusText(bands: number, levelsOnly: number, verdicts: number): string {
  return `${bands} of ${COMPONENTS.length} components differ in band${levelsOnly ? ` (${levelsOnly} more only in level)` : ''}; ${verdicts} of ${VERDICT_LINES.length} verdicts differ.`;
}

function compareCell(links: Links, row: Compared['row'], key: string, attrs: Html | string): Html {
  const c = row.cells[key]!;
  const def = COMPONENTS.find((x) => x.key === key)!;
  let extra = '';
  let mark: Html | undefined;
  if (key === 'deployment.data.weights') {
    const commercial = answerFor(row.classification, key, 'commercial')!;
    extra = `commercial use ${commercial} (${row.classification.reading} reading)`;
    mark = commercialMark(commercial);
  }
  return cell(c, html`${attrs} data-b="${cellBand(c)}"`, { href: `${links.page(`/models/${row.id}`)}#${key}`, tip: `${def.name}: ${cellText(c, 'published', extra)}`, ...(mark ? { mark } : {}) });
}
