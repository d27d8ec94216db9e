// The method: the pipeline diagram and the scale drawn from the taxonomy's tables, the points, the readings, N/A and Unknown.
import { paperPolicySection } from './paper-recommendations.js';
import { RIGHTS } from '../../core/licenses.js';
import { COMPONENTS, KINDS, NOT_SCORED, POINTS_TO_LEVEL, SCALE, STAGES, STATUS_LEVEL, STATUSES } from '../../core/taxonomy.js';
import { type Html, html } from '../html.js';
import type { Links } from '../links.js';
import { page } from './layout.js';
import { chip } from './parts.js';

const STAGE_W = 300;
const GAP = 40;
const ROW = 20;

/** The pipeline as SVG: three stages in order, each with its code and data components. Colors come from the stylesheet. */
function pipelineSvg(): Html {
  const most = Math.max(...STAGES.flatMap((s) => KINDS.map((k) => COMPONENTS.filter((c) => c.stage === s && c.kind === k).length)));
  const boxH = 30 + most * ROW;
  const height = 40 + 2 * boxH + 20;
  const width = STAGES.length * STAGE_W + (STAGES.length - 1) * GAP + 10;
  const stageSvg = STAGES.map((stage, i) => {
    const x = 5 + i * (STAGE_W + GAP);
    const boxes = KINDS.map((kind, j) => {
      const y = 35 + j * (boxH + 10);
      const items = COMPONENTS.filter((c) => c.stage === stage && c.kind === kind);
      return html`<g class="pl-${kind}"><rect x="${x + 8}" y="${y}" width="${STAGE_W - 16}" height="${boxH - 4}" rx="6"/><text class="pl-kind" x="${x + 18}" y="${y + 18}">${kind === 'code' ? 'Code' : 'Data'}</text>${items.map((c, k) => html`<text x="${x + 26}" y="${y + 38 + k * ROW}">${c.name}</text>`)}</g>`;
    });
    const arrow = i < STAGES.length - 1 ? html`<path class="pl-arrow" d="M${x + STAGE_W + 4},${height / 2} h${GAP - 12} m-8,-6 l8,6 l-8,6"/>` : '';
    return html`<g><rect class="pl-stage" x="${x}" y="5" width="${STAGE_W}" height="${height - 10}" rx="10"/><text class="pl-title" x="${x + STAGE_W / 2}" y="26" text-anchor="middle">${stage[0]!.toUpperCase() + stage.slice(1)}</text>${boxes}${arrow}</g>`;
  });
  return html`<svg class="pipeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="pipeline-title"><title id="pipeline-title">The generative AI pipeline: training, evaluation and deployment, each with code and data components</title>${stageSvg}</svg>`;
}

export function methodPage(links: Links): Html {
  const main = html`<h1>Method</h1>
<p class="lede">howopen implements the openness taxonomy of Eiras et al., <cite>Risks and Opportunities of Open-Source Generative AI</cite> (2024): twelve pipeline components, each given a level on a five-level scale, C1–C5 for code and D1–D5 for data.</p>
<section aria-labelledby="pipeline-h"><h2 id="pipeline-h">The pipeline</h2>
<figure class="diagram">${pipelineSvg()}<figcaption>Each stage has code and data components; model weights count as data. A component that does not exist for a model is N/A.</figcaption></figure>
<ul>${COMPONENTS.map((c) => html`<li><strong>${c.name}</strong> <code>${c.key}</code>: ${c.description}</li>`)}</ul>
</section>
<section aria-labelledby="scale-h"><h2 id="scale-h">The scale</h2>
<div class="scroll"><table class="plain scale"><thead><tr><th scope="col">Level</th><th scope="col">Band</th><th scope="col">Code</th><th scope="col">Data</th></tr></thead><tbody>
${SCALE.map((s) => html`<tr><th scope="row">${chip(`C${s.score}`, s.score)} ${chip(`D${s.score}`, s.score)}</th><td>${s.band}</td><td>${s.code}</td><td>${s.data}</td></tr>`)}
<tr><th scope="row">${chip('N/A', null)}</th><td>not scored</td><td colspan="2">${NOT_SCORED['N/A'].meaning}</td></tr>
<tr><th scope="row">${chip('Unknown', null)}</th><td>not scored</td><td colspan="2">${NOT_SCORED.Unknown.meaning}</td></tr>
</tbody></table></div>
</section>
<section aria-labelledby="status-h"><h2 id="status-h">From a record's status to a level</h2>
<div class="scroll"><table class="plain"><thead><tr><th scope="col">Status</th><th scope="col">Code</th><th scope="col">Data</th></tr></thead><tbody>
${STATUSES.map((s) => html`<tr><th scope="row"><code>${s}</code></th>${KINDS.map((k) => { const v = STATUS_LEVEL[s][k]; return html`<td>${v === null ? 'not allowed' : v === 'license' ? 'by the license\'s points' : typeof v === 'number' ? chip(`${k === 'code' ? 'C' : 'D'}${v}`, v) : chip(v, null)}</td>`; })}</tr>`)}
</tbody></table></div>
</section>
<section aria-labelledby="points-h"><h2 id="points-h">The point system</h2>
<p>A public component's license earns one point for each of the five rights it grants:</p>
<ol>${RIGHTS.map((r) => html`<li><strong>${r.name}</strong>: ${r.question}</li>`)}</ol>
<div class="scroll"><table class="plain"><thead><tr><th scope="col">Points</th><th scope="col">Restrictiveness</th><th scope="col">Code level</th><th scope="col">Data level</th></tr></thead><tbody>
${POINTS_TO_LEVEL.map((row) => html`<tr><th scope="row">${row.points.join('–')}</th><td>${row.restrictiveness}</td><td>${chip(`C${row.code}`, row.code)}</td><td>${chip(`D${row.data}`, row.data)}</td></tr>`)}
</tbody></table></div>
<p>A public component with no license grants nothing: all rights are reserved, 0 points. An expression <code>A AND B</code> grants a right only if both do; <code>A OR B</code> takes the alternative worth more points; a <code>WITH</code> exception widens a right where the exception says so.</p>
</section>
<section aria-labelledby="reading-h"><h2 id="reading-h">Strict and lenient readings</h2>
<p>Many model licenses grant a right only under a condition: a cap on monthly users, an acceptable-use policy, a field-of-use limit, registration. Under the <strong>strict</strong> reading (the default) such a conditional right counts 0 points; under the <strong>lenient</strong> reading it counts 1. Every level on this site says which reading it uses, and each model page shows where the lenient reading would differ.</p>
</section>
<section aria-labelledby="na-h"><h2 id="na-h">How N/A and Unknown count</h2>
<p>${chip('N/A', null)} means the stage does not exist for the model (for instance, no alignment stage). ${chip('Unknown', null)} means the stage exists but its openness could not be established; a hint such as D3-D4 may record what it is believed to be. Neither is counted as closed, and each has a color of its own, distinct from the closed level and from each other.</p>
<p>howopen's openness percentage is its own aggregate, not the paper's: the mean of (level − 1) / 4 over the applicable components (all but N/A), given as a range. Its low end counts each Unknown as closed, so not knowing never raises a model's figure, and models are ranked by it; its high end counts each Unknown as fully open, the most the figure could become once the Unknowns are known. The coverage beside it says how many applicable components have a level at all. A model with every component known has one figure: the two ends meet.</p>
</section>
<section id="frameworks" aria-labelledby="frameworks-h"><h2 id="frameworks-h">The neighbouring frameworks' verdicts</h2>
<p>From the same record, each model's page also gives the verdicts of four neighbouring frameworks and the paper's own view, each with its reasons and what is missing. They are howopen's readings of each framework from the fields the records hold, not the frameworks' own assessments.</p>
<ul>
<li><strong>Model Openness Framework 1.0</strong> (MOF): computed as the Model Openness Tool computes it: its 17 components, each met when released under a license the MOT counts open (OSI-approved or FSF-libre, its open-data list, OpenMDW-1.0); a research paper may stand in for the technical report; progress per class and the class (III, II or I, cumulative: a class counts only once those above it are complete; none when not even Class III is). Unknown does not count.</li>
<li><strong>OSI Open Source AI Definition 1.0</strong> (OSAID): pass when data information, code and parameters are all met, else fail with the failing elements. Unknown never passes.</li>
<li><strong>European Open Source AI Index</strong>: its 12 parameters as open, partial or closed by stated mapping rules, scored 1, 0.5 and 0 and averaged per category and in total. Unknown counts as closed.</li>
<li><strong>EU AI Act, general-purpose AI models</strong>: at a date, whether the Art. 53(2) open-source exemption applies and why, the systemic-risk presumption (over 10<sup>25</sup> FLOP), which duties of Art. 53(1) and 55 apply and when they bind (2 Aug 2025; 2 Aug 2027 for models placed on the market earlier). Indicative, never legal advice; a fact that is not recorded makes the answer unknown.</li>
<li><strong>The paper's view</strong>: benefits and risks in the paper's four areas, from a small rule table keyed on component levels, each rule with the part of the paper it paraphrases; the stage of development whose analysis applies; and the paper's recommendations to developers, each marked as followed or not by the release (see below for those to regulators).</li>
</ul>
<p>The advice on a model's page tries every component, document and artifact not yet at its best as a single release under the least restrictive license of its kind, and orders them by how many verdicts improve, then by the gain in openness.</p>
</section>
${paperPolicySection()}
<section aria-labelledby="published-h"><h2 id="published-h">Published and computed levels</h2>
<p>The paper's site published a level for each component of its models. howopen keeps those values verbatim and computes its own from the records' evidence and the license knowledge base. Where the two differ, the record gives the reason, the index marks the cell, and the model's page explains it. See the <a href="${links.page('/', { source: 'published' })}">published table</a>.</p>
</section>`;
  return page(links, { title: 'Method', path: '/method', twins: ['json', 'csv'], main });
}
