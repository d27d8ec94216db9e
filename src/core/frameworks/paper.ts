// The paper's own view: what a model's openness profile implies in its four areas, as benefits and risks from a rule table.
import type { Classification } from '../classify.js';
import type { ModelRecord } from '../model.js';
import { type RecommendationsView, type StageView, paperRecommendations, paperStage } from './paper-recommendations.js';

export const PAPER_VIEW = {
  name: 'Eiras et al. (2024): risks and opportunities',
  version: 'arXiv 2405.08597v1 (near-to-mid term analysis)',
  sources: ['https://arxiv.org/abs/2405.08597', 'https://arxiv.org/abs/2404.17047'],
} as const;

export const AREAS = ['research, innovation and development', 'safety and security', 'equity, access and usability', 'broader societal aspects'] as const;
export type Area = (typeof AREAS)[number];

interface Profile { levels: Record<string, number | null>; weightsLevel: number | null }

interface Rule {
  id: string;
  area: Area;
  effect: 'benefit' | 'risk';
  when: (p: Profile) => boolean;
  text: string;
  /** The part of the paper the rule paraphrases. */
  source: string;
}

const level = (p: Profile, key: string) => p.levels[key] ?? null;
const atLeast = (p: Profile, key: string, n: number) => (level(p, key) ?? 0) >= n;
const closed = (p: Profile, key: string) => level(p, key) === 1;

/** Paraphrases of the paper's near-to-mid-term analysis, keyed on component levels. */
export const PAPER_RULES: readonly Rule[] = [
  { id: 'weights-research', area: 'research, innovation and development', effect: 'benefit', when: (p) => atLeast(p, 'deployment.data.weights', 3), text: 'Public weights let researchers study the model directly (interpretability, probing) and build on it.', source: 'Research, innovation and development: scientific insight from open weights' },
  { id: 'weights-adaptation', area: 'research, innovation and development', effect: 'benefit', when: (p) => atLeast(p, 'deployment.data.weights', 4), text: 'Permissively licensed weights can be fine-tuned and adapted cheaply for new tasks and products.', source: 'Research, innovation and development: cheap adaptation and tailored models' },
  { id: 'reproducibility', area: 'research, innovation and development', effect: 'benefit', when: (p) => atLeast(p, 'training.code.pretraining', 4) && atLeast(p, 'training.data.pretraining', 3), text: 'With training code and data public, results can be reproduced and methods examined.', source: 'Research, innovation and development: reproducibility' },
  { id: 'no-reproducibility', area: 'research, innovation and development', effect: 'risk', when: (p) => closed(p, 'training.code.pretraining') && closed(p, 'training.data.pretraining'), text: 'With training code and data closed, claims about the model cannot be reproduced independently.', source: 'Research, innovation and development: reproducibility' },
  { id: 'api-dependence', area: 'research, innovation and development', effect: 'risk', when: (p) => p.weightsLevel === 2, text: 'API-only access ties research and products to one provider\'s pricing, versions and terms.', source: 'Research, innovation and development; broader societal aspects: concentration' },
  { id: 'misuse', area: 'safety and security', effect: 'risk', when: (p) => atLeast(p, 'deployment.data.weights', 3), text: 'Anyone can run public weights without oversight, so misuse cannot be monitored or stopped after release.', source: 'Safety and security: misuse and lack of usage monitoring' },
  { id: 'safeguards-removable', area: 'safety and security', effect: 'risk', when: (p) => atLeast(p, 'deployment.data.weights', 3) && (level(p, 'training.code.alignment') !== null || level(p, 'training.data.alignment') !== null), text: 'Safety tuning of public weights can be removed by further fine-tuning.', source: 'Safety and security: safeguards removable by fine-tuning' },
  { id: 'irreversible', area: 'safety and security', effect: 'risk', when: (p) => atLeast(p, 'deployment.data.weights', 3), text: 'A weights release cannot be recalled.', source: 'Safety and security: irreversibility of release' },
  { id: 'scrutiny', area: 'safety and security', effect: 'benefit', when: (p) => atLeast(p, 'deployment.data.weights', 3) || atLeast(p, 'evaluation.code.safety', 3), text: 'Outside researchers can audit and red-team the model, finding flaws the developer missed.', source: 'Safety and security: scrutiny and auditing by the community' },
  { id: 'safety-evals-open', area: 'safety and security', effect: 'benefit', when: (p) => atLeast(p, 'evaluation.code.safety', 3) || atLeast(p, 'evaluation.data.safety', 3), text: 'Public safety evaluations let others check and extend the developer\'s safety claims.', source: 'Recommendations: publish safety evaluations and red-teaming data and code' },
  { id: 'safety-evals-closed', area: 'safety and security', effect: 'risk', when: (p) => closed(p, 'evaluation.code.safety') || closed(p, 'evaluation.data.safety'), text: 'Closed safety evaluations leave the developer\'s safety claims unverifiable.', source: 'Openness analysis: safety components are among the most closed' },
  { id: 'local-deployment', area: 'equity, access and usability', effect: 'benefit', when: (p) => atLeast(p, 'deployment.data.weights', 3) && atLeast(p, 'deployment.code.inference', 3), text: 'Public weights and inference code allow local, private deployment without sending data to a provider.', source: 'Equity, access and usability: local and private deployment' },
  { id: 'under-resourced', area: 'equity, access and usability', effect: 'benefit', when: (p) => atLeast(p, 'deployment.data.weights', 4), text: 'Groups and languages that providers under-serve can adapt permissively licensed weights themselves.', source: 'Equity, access and usability: access for under-resourced groups and languages' },
  { id: 'api-access', area: 'equity, access and usability', effect: 'benefit', when: (p) => p.weightsLevel === 2, text: 'API access needs no hardware of one\'s own, but it costs money and may be unavailable in some regions.', source: 'Equity, access and usability' },
  { id: 'closed-access', area: 'equity, access and usability', effect: 'risk', when: (p) => p.weightsLevel === 1, text: 'With no weights and no API, only the developer can use the model.', source: 'Equity, access and usability' },
  { id: 'data-copyright', area: 'broader societal aspects', effect: 'risk', when: (p) => atLeast(p, 'training.data.pretraining', 3), text: 'Public training data can carry copyright and privacy problems of the material it contains.', source: 'Broader societal aspects: copyright and privacy in open data' },
  { id: 'decentralisation', area: 'broader societal aspects', effect: 'benefit', when: (p) => atLeast(p, 'deployment.data.weights', 4), text: 'Freely usable weights spread capability beyond a few companies.', source: 'Broader societal aspects: decentralisation of power' },
  { id: 'concentration', area: 'broader societal aspects', effect: 'risk', when: (p) => (p.weightsLevel ?? 0) <= 2 && p.weightsLevel !== null, text: 'Closed or API-only models concentrate control over the technology with their developer.', source: 'Broader societal aspects: concentration of power' },
  { id: 'data-transparency', area: 'broader societal aspects', effect: 'benefit', when: (p) => atLeast(p, 'training.data.pretraining', 3), text: 'Public training data let outsiders examine bias, consent and contamination.', source: 'Broader societal aspects: transparency about training data' },
];

export interface PaperFinding { id: string; area: Area; effect: 'benefit' | 'risk'; text: string; source: string }

export interface PaperVerdict {
  framework: typeof PAPER_VIEW;
  areas: Record<Area, { benefits: PaperFinding[]; risks: PaperFinding[] }>;
  /** Which of the paper's stages of development this analysis applies. */
  stage: StageView;
  /** The paper's recommendations: which this release follows and which it does not; those addressed to regulators. */
  recommendations: RecommendationsView;
  reasons: string[];
}

export function paperVerdict(record: ModelRecord, classification: Classification): PaperVerdict {
  const levels = Object.fromEntries(Object.values(classification.components).map((c) => [c.key, c.score]));
  const profile: Profile = { levels, weightsLevel: levels['deployment.data.weights'] ?? null };
  const areas = Object.fromEntries(AREAS.map((a) => [a, { benefits: [] as PaperFinding[], risks: [] as PaperFinding[] }])) as PaperVerdict['areas'];
  for (const rule of PAPER_RULES) {
    if (!rule.when(profile)) continue;
    const finding = { id: rule.id, area: rule.area, effect: rule.effect, text: rule.text, source: rule.source };
    areas[rule.area][rule.effect === 'benefit' ? 'benefits' : 'risks'].push(finding);
  }
  const benefits = AREAS.reduce((n, a) => n + areas[a].benefits.length, 0);
  const risks = AREAS.reduce((n, a) => n + areas[a].risks.length, 0);
  const recommendations = paperRecommendations(record, classification);
  return {
    framework: PAPER_VIEW,
    areas,
    stage: paperStage(),
    recommendations,
    reasons: [`${benefits} benefit(s) and ${risks} risk(s) from the paper's near-to-mid-term analysis apply to this profile; the paper judges that, for today's models, the benefits of openness outweigh its risks.`, `Stage: ${paperStage().name}. The release follows ${recommendations.follows.length} of the paper's ${recommendations.developers.length} recommendations to developers and does not follow ${recommendations.doesNotFollow.length}.`],
  };
}
