// The paper view's stage and recommendations on a model page; the recommendations to regulators on /method.
import { PAPER_STAGES, REGULATOR_RECOMMENDATIONS, type RecommendationFinding } from '../../core/frameworks/paper-recommendations.js';
import type { Verdicts } from '../../core/frameworks/index.js';
import { type Html, html } from '../html.js';

const TONE: Record<RecommendationFinding['follows'], string> = { follows: 'ok', 'does not follow': 'no', unknown: 'unknown', 'not recorded': 'unknown' };

export function paperStageAndRecommendations(v: Verdicts['paper']): Html {
  const rec = v.recommendations;
  const group = (title: string, items: RecommendationFinding[]) => (items.length ? html`<h5>${title}</h5><ul class="recommendations">${items.map((r) => html`<li data-recommendation="${r.id}" data-follows="${r.follows}"><span class="vd ${TONE[r.follows]}">${r.follows}</span> ${r.text} <small>Source: ${r.section}. Here: ${r.reason}.</small></li>`)}</ul>` : '');
  return html`<div class="paper-stage" id="v-paper-stage"><h4>Stage of development</h4>
<p>This analysis is the paper's <strong>${v.stage.name}</strong> one. ${v.stage.reason}</p></div>
<div class="paper-recommendations" id="v-paper-recommendations"><h4>The paper's recommendations to developers, against this release</h4>
<p>Follows ${rec.follows.length}, does not follow ${rec.doesNotFollow.length}, of ${rec.developers.length}.</p>
${group('Follows', rec.developers.filter((r) => r.follows === 'follows'))}
${group('Does not follow', rec.developers.filter((r) => r.follows === 'does not follow'))}
${group('Cannot tell from the record', rec.developers.filter((r) => r.follows === 'unknown' || r.follows === 'not recorded'))}
</div>`;
}

/** For the policy reader: the stages, and what the paper asks of regulators. */
export function paperPolicySection(): Html {
  return html`<section id="paper-policy" aria-labelledby="paper-policy-title"><h2 id="paper-policy-title">The paper's stages and its recommendations to regulators</h2>
<p>Eiras et al. weigh open against closed generative AI over three stages of development, defined by capability and adoption rather than by dates (summarised in our own words):</p>
<dl class="stages">${PAPER_STAGES.map((s) => html`<dt>${s.name}</dt><dd>${s.summary}</dd>`)}</dl>
<p>Today's models sit in the near to mid term, the stage whose analysis howopen applies on every model page. What the paper asks of those who regulate:</p>
<ul class="recommendations regulators">${REGULATOR_RECOMMENDATIONS.map((r) => html`<li data-recommendation="${r.id}">${r.text} <small>Source: ${r.section}.</small></li>`)}</ul>
<p class="note">Paraphrases of arXiv 2405.08597 and 2404.17047; the section names follow the paper's abstract and structure (docs/ANALYSIS.md says what could and could not be checked against its text).</p>
</section>`;
}
