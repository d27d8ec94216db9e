// Small pieces shared by pages: a level's class and chip, a table cell, the legend, percentages.
import type { Answer } from '../../core/rights.js';
import type { Cell } from '../../core/table.js';
import { NOT_SCORED, SCALE, parseLevel } from '../../core/taxonomy.js';
import { type Html, html } from '../html.js';

/**
 * The CSS class of a level: s1–s5 for the scale, na for N/A, un for Unknown, nd where a source
 * has no value. The classes' colors are in web/style.css (a test checks them against the scale).
 */
function levelClass(level: string, score: number | null): string {
  if (score !== null) return `s${score}`;
  if (level === 'N/A') return 'na';
  if (level === 'Unknown') return 'un';
  return 'nd';
}

/** A level as a colored chip with its label: the label carries the meaning, the color repeats it. */
export function chip(level: string, score: number | null): Html {
  return html`<span class="lv ${levelClass(level, score)}">${level}</span>`;
}

/** A chip for a level written as text (C3, D5, 3, N/A, Unknown): its color from the level it names. */
export function chipFor(label: string): Html {
  const score = parseLevel(label);
  return chip(label, typeof score === 'number' ? score : null);
}

/** The names of the documents and artifacts a record lists beside its components (frameworks' items). */
const ITEM_NAMES: Readonly<Record<string, string>> = {
  model_card: 'model card', data_card: 'data card', technical_report: 'technical report', research_paper: 'research paper', evaluation_results: 'evaluation results',
  data_preprocessing_code: 'data preprocessing code', intermediate_checkpoints: 'intermediate checkpoints', supporting_libraries: 'supporting libraries', architecture_code: 'architecture code',
  sample_outputs: 'sample model outputs', model_metadata: 'model metadata',
};

/** A document or artifact key in words ("model card"); an unknown key as itself. */
export function itemName(key: string): string {
  return Object.hasOwn(ITEM_NAMES, key) ? ITEM_NAMES[key]! : key;
}

/** What a level means in words: "public, moderately restrictive license" (C3), or N/A's and Unknown's meaning. */
export function levelMeaning(level: string, score: number | null): string {
  if (score !== null) return SCALE[score - 1]![level.startsWith('C') ? 'code' : 'data'];
  if (level === 'N/A' || level === 'Unknown') return NOT_SCORED[level].meaning;
  return 'no value from this source';
}

/** A cell's whole text: level and meaning, the full license or hint, the other source's level, and any extra (a right). */
export function cellText(c: Cell, otherSource: string, extra = ''): string {
  return [
    `${c.level}: ${levelMeaning(c.level, c.score)}`,
    c.license ? `license ${c.license}` : c.hint ? `believed to be ${c.hint}` : '',
    c.other ? `${otherSource}: ${c.other}` : '',
    extra,
  ].filter(Boolean).join('; ');
}

const COMMERCIAL_MARK: Record<Answer, { code: string; text: string }> = {
  yes: { code: 'y', text: '$ yes' }, no: { code: 'n', text: '$ no' }, unknown: { code: 'u', text: '$ ?' }, 'n/a': { code: '-', text: '' },
};

/** The weights cell's commercial-use mark: "$ yes", "$ no" or "$ ?" (the legend says what it means). */
export function commercialMark(answer: Answer): Html {
  const m = COMMERCIAL_MARK[answer];
  return html`<small class="cu ${m.code}">${m.text}</small>`;
}

export interface CellOptions {
  /** The cell's link: its component on the model's page. */
  href?: string;
  /** The whole text, shown on hover and focus (and read by screen readers) where the cell is cut short. */
  tip?: string;
  /** A mark beneath the license (the weights' commercial-use answer). */
  mark?: Html;
}

/** One table cell: the label, the other source's level where it differs, and the license or hint beneath. Kept small: the index has a dozen per row. */
export function cell(c: Cell, attrs: Html | string = '', options: CellOptions = {}): Html {
  const note = c.license ?? (c.hint ? `≈${c.hint}` : null);
  const body = html`${c.level}${c.other ? html`<b> ≠${c.other}</b>` : ''}${note ? (note.length > 11 && !options.tip ? html`<i title="${note}">${note}</i>` : html`<i>${note}</i>`) : ''}${options.mark ?? ''}${c.range ? html`<span class="rg" title="the levels this family's variants span">variants ${c.range}</span>` : ''}`;
  return html`<td${attrs} class="${levelClass(c.level, c.score)}${c.other ? ' x' : ''}">${options.href ? html`<a class="cl" href="${options.href}"${options.tip ? html` aria-label="${options.tip}"` : ''}>${body}</a>` : body}</td>`;
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)}%`;
}

/** The legend: the scale's five levels, N/A, Unknown, and the marks the table uses. */
export function legend(options: { published?: boolean; otherSource: string }): Html {
  return html`<section class="legend" aria-labelledby="legend-title"><h2 id="legend-title">Legend</h2><ul>
${SCALE.map((s) => html`<li><span class="lv s${s.score}">C${s.score} D${s.score}</span> ${s.band}: ${s.code === s.data ? s.code : html`code ${s.code}; data ${s.data}`}</li>\n`)}<li><span class="lv na">N/A</span> ${NOT_SCORED['N/A'].meaning} (not counted as closed)</li>
<li><span class="lv un">Unknown</span> ${NOT_SCORED.Unknown.meaning} (not counted as closed); ≈D3-D4 is what it is believed to be</li>
<li><span class="lv s4">D4<small class="cu y">$ yes</small></span> beneath the weights: may they be used commercially under the reading shown ($ yes; $ no, struck through; $ ? where unknown); “Can I…” above the table asks this and the other rights</li>
${options.published ? html`<li><span class="lv nd">—</span> the paper's site has no value for this model</li>\n` : ''}<li><span class="lv s3 x">D3<b> ≠D1</b></span> the ${options.otherSource} level differs (D1 here); the model's page gives the reason</li>
</ul><p>Beneath each level: the license it was scored from (as an SPDX-style expression of the registry's license ids).</p></section>`;
}
