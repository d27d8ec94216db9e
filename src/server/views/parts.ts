// Small pieces shared by pages: a level's class and chip, a table cell, the legend, percentages.
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

/** One table cell: the label, the other source's level where it differs, and the license or hint beneath. Kept small: the index has a dozen per row. */
export function cell(c: Cell, attrs: Html | string = ''): Html {
  const note = c.license ?? (c.hint ? `≈${c.hint}` : null);
  return html`<td${attrs} class="${levelClass(c.level, c.score)}${c.other ? ' x' : ''}">${c.level}${c.other ? html`<b> ≠${c.other}</b>` : ''}${note ? (note.length > 11 ? html`<i title="${note}">${note}</i>` : html`<i>${note}</i>`) : ''}</td>`;
}

export function percent(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)}%`;
}

/** The legend: the scale's five levels, N/A, Unknown, and the marks the table uses. */
export function legend(options: { published?: boolean; otherSource: string }): Html {
  return html`<section class="legend" aria-labelledby="legend-title"><h2 id="legend-title">Legend</h2><ul>
${SCALE.map((s) => html`<li><span class="lv s${s.score}">C${s.score} D${s.score}</span> ${s.band}: ${s.code === s.data ? s.code : html`code ${s.code}; data ${s.data}`}</li>\n`)}<li><span class="lv na">N/A</span> ${NOT_SCORED['N/A'].meaning} (not counted as closed)</li>
<li><span class="lv un">Unknown</span> ${NOT_SCORED.Unknown.meaning} (not counted as closed); ≈D3-D4 is what it is believed to be</li>
${options.published ? html`<li><span class="lv nd">—</span> the paper's site has no value for this model</li>\n` : ''}<li><span class="lv s3 x">D3<b> ≠D1</b></span> the ${options.otherSource} level differs (D1 here); the model's page gives the reason</li>
</ul><p>Beneath each level: the license it was scored from (as an SPDX-style expression of the registry's license ids).</p></section>`;
}
