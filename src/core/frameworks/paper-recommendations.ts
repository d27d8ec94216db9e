// The paper's three stages of development and its recommendations, as rule tables tied to what a record shows.
import type { Classification } from '../classify.js';
import type { ModelRecord } from '../model.js';

/**
 * The paper's stages are defined by capability and adoption, not by dates; summaries in our own words of
 * arXiv 2405.08597 (abstract and stage framework) and its ICML version arXiv 2404.17047.
 */
export const PAPER_STAGES = [
  { id: 'near', name: 'Near term', summary: 'Today\'s generative models and their uses while the technology is still being explored: capabilities like those of the models available when the paper was written.' },
  { id: 'mid', name: 'Mid term', summary: 'Wide adoption of the same kind of technology, scaled up at the current pace: more capable models through incremental gains, not a change in kind.' },
  { id: 'long', name: 'Long term', summary: 'Substantially greater capabilities brought by technological advances, where questions about highly capable (AGI-level) systems arise; the paper weighs openness for this stage separately.' },
] as const;
export type StageId = (typeof PAPER_STAGES)[number]['id'];

/** Which stage's analysis howopen applies to a record, and why. */
export interface StageView { applies: StageId[]; name: string; reason: string }

/**
 * The paper's near-to-mid-term analysis covers models "with similar capabilities to the ones currently available";
 * it gives no capability threshold for the long term, so every record in the registry is read under the near-to-mid-term analysis.
 */
export function paperStage(): StageView {
  return {
    applies: ['near', 'mid'],
    name: 'near to mid term',
    reason: 'The paper analyses models with capabilities similar to those currently available, and their incremental successors, as the near to mid term; today\'s models sit there. It defines the long term by substantially greater capabilities without a threshold a record could be checked against, so howopen applies the near-to-mid-term analysis to every model and does not apply the long-term one.',
  };
}

export type Audience = 'developers' | 'regulators';
export type Follows = 'follows' | 'does not follow' | 'unknown' | 'not recorded';

interface Profile { record: ModelRecord; scores: Record<string, number | null>; levels: Record<string, string> }

interface DeveloperRule {
  id: string;
  text: string;
  /** The part of the paper the recommendation paraphrases. */
  section: string;
  /** The components, documents or artifacts whose release satisfies it (advise names it beside that release). */
  targets: readonly string[];
  check: (p: Profile) => { follows: Follows; reason: string };
}

const SECTION = {
  open: 'Recommendations: open-source models together with their training and evaluation data (abstract; recommendations and best practices)',
  safety: 'Recommendations and best practices: safety evaluation and red teaming in the open (the openness analysis finds safety components the most closed)',
  licences: 'Recommendations and best practices: clear, permissive licences (the license-points rubric of the openness taxonomy)',
  docs: 'Recommendations and best practices: documentation and transparency',
  practice: 'Recommendations and best practices: responsible release practice',
} as const;

const applicable = (p: Profile, keys: readonly string[]) => keys.filter((k) => p.levels[k] !== 'N/A');

/** All of the applicable components public (level 3 or more for data, 2 or more for code), none closed. */
function allPublic(keys: readonly string[], what: string) {
  return (p: Profile): { follows: Follows; reason: string } => {
    const keysHere = applicable(p, keys);
    if (!keysHere.length) return { follows: 'follows', reason: `no ${what} applies to this model` };
    const closed = keysHere.filter((k) => (p.scores[k] ?? 0) >= 1 && (p.scores[k] ?? 0) <= (k.includes('.data.') ? 2 : 1));
    const unknown = keysHere.filter((k) => p.scores[k] === null);
    const shown = (ks: string[]) => ks.map((k) => `${k} (${p.levels[k]})`).join(', ');
    if (closed.length) return { follows: 'does not follow', reason: `not public: ${shown(closed)}` };
    if (unknown.length) return { follows: 'unknown', reason: `openness not established: ${shown(unknown)}` };
    return { follows: 'follows', reason: `public: ${shown(keysHere)}` };
  };
}

const documentPublic = (p: Profile, key: string) => {
  const e = p.record.documentation?.[key] ?? (p.record.artifacts?.[key]);
  return e?.status ?? 'unknown';
};

export const DEVELOPER_RECOMMENDATIONS: readonly DeveloperRule[] = [
  {
    id: 'open-weights', section: SECTION.open, targets: ['deployment.data.weights'],
    text: 'Release the model\'s weights openly, under a licence without use restrictions.',
    check: (p) => {
      const s = p.scores['deployment.data.weights'];
      const l = p.levels['deployment.data.weights'];
      if (s === null || s === undefined) return { follows: 'unknown', reason: `weights ${l ?? 'Unknown'}` };
      return s >= 4 ? { follows: 'follows', reason: `weights ${l}` } : { follows: 'does not follow', reason: `weights ${l}${s === 3 ? ' (public, but under a restrictive licence)' : ''}` };
    },
  },
  { id: 'open-training-data', section: SECTION.open, targets: ['training.data.pretraining', 'training.data.sft', 'training.data.alignment'], text: 'Release the training data: pre-training, supervised fine-tuning and alignment datasets.', check: allPublic(['training.data.pretraining', 'training.data.sft', 'training.data.alignment'], 'training data') },
  { id: 'open-training-code', section: SECTION.open, targets: ['training.code.pretraining', 'training.code.finetuning', 'training.code.alignment'], text: 'Release the training code: pre-training, fine-tuning and alignment.', check: allPublic(['training.code.pretraining', 'training.code.finetuning', 'training.code.alignment'], 'training code') },
  { id: 'open-evaluation', section: SECTION.open, targets: ['evaluation.code.general', 'evaluation.data.utility'], text: 'Release the evaluation code and the internal utility benchmarks.', check: allPublic(['evaluation.code.general', 'evaluation.data.utility'], 'evaluation') },
  { id: 'open-safety-evaluation', section: SECTION.safety, targets: ['evaluation.code.safety', 'evaluation.data.safety'], text: 'Publish the safety evaluation: red-teaming code and safety evaluation datasets.', check: allPublic(['evaluation.code.safety', 'evaluation.data.safety'], 'safety evaluation') },
  { id: 'open-inference-code', section: SECTION.open, targets: ['deployment.code.inference'], text: 'Release the inference code.', check: allPublic(['deployment.code.inference'], 'inference code') },
  {
    id: 'permissive-licences', section: SECTION.licences, targets: [],
    text: 'Use clear, permissive licences: every public component at level 4 or 5 (slightly restrictive or restriction-free).',
    check: (p) => {
      const publicOnes = Object.keys(p.scores).filter((k) => (p.scores[k] ?? 0) >= (k.includes('.data.') ? 3 : 2));
      if (!publicOnes.length) return { follows: 'does not follow', reason: 'no component is public' };
      const restrictive = publicOnes.filter((k) => (p.scores[k] ?? 0) < 4);
      return restrictive.length
        ? { follows: 'does not follow', reason: `restrictive: ${restrictive.map((k) => `${k} (${p.levels[k]})`).join(', ')}` }
        : { follows: 'follows', reason: `all ${publicOnes.length} public components at level 4 or 5` };
    },
  },
  {
    id: 'documentation', section: SECTION.docs, targets: ['documentation.model_card', 'documentation.data_card', 'documentation.technical_report'],
    text: 'Document the release: a model card, a data card (datasheet) and a technical report.',
    check: (p) => {
      const docs = ['model_card', 'data_card', 'technical_report'];
      const status = docs.map((d) => [d, documentPublic(p, d)] as const);
      const missing = status.filter(([, s]) => s === 'closed');
      const unknown = status.filter(([, s]) => s !== 'public' && s !== 'closed' && s !== 'n/a');
      if (missing.length) return { follows: 'does not follow', reason: `not published: ${missing.map(([d]) => d).join(', ')}` };
      if (unknown.length) return { follows: 'unknown', reason: `not recorded: ${unknown.map(([d]) => d).join(', ')}` };
      return { follows: 'follows', reason: 'model card, data card and technical report published' };
    },
  },
  {
    id: 'intermediate-checkpoints', section: SECTION.open, targets: ['artifacts.intermediate_checkpoints'],
    text: 'Release intermediate checkpoints, so training can be studied and not only its end point.',
    check: (p) => {
      const s = documentPublic(p, 'intermediate_checkpoints');
      return s === 'public' ? { follows: 'follows', reason: 'intermediate checkpoints public' } : s === 'closed' ? { follows: 'does not follow', reason: 'intermediate checkpoints not released' } : s === 'n/a' ? { follows: 'follows', reason: 'no intermediate checkpoints apply' } : { follows: 'unknown', reason: 'the record does not say' };
    },
  },
  {
    id: 'staged-release', section: SECTION.practice, targets: [],
    text: 'Test before release and release in stages; give users a channel to report incidents.',
    check: () => ({ follows: 'not recorded', reason: 'howopen\'s records do not track release practice (pre-release testing, staging, incident channels)' }),
  },
];

/** What the paper asks of those who regulate; shown to the policy reader on /method. Paraphrases, with the part of the paper. */
export const REGULATOR_RECOMMENDATIONS = [
  { id: 'keep-open-source-possible', text: 'Do not regulate in a way that puts open-source generative AI at risk: for near-to-mid-term capabilities the paper judges that the benefits of openness outweigh its risks.', section: 'Abstract: calls for tighter regulation "likely to put at risk the budding field of open-source generative AI"; benefits outweigh risks' },
  { id: 'encourage-open-data', text: 'Encourage releasing models together with their training and evaluation data, not weights alone.', section: 'Abstract: "we encourage the open sourcing of models, training and evaluation data"' },
  { id: 'voluntary-safety', text: 'Pair openness with voluntary, proactive safety and transparency practice (safety evaluations, documentation) rather than closing models.', section: 'Recommendations and best practices' },
  { id: 'safeguard-research', text: 'Support research on safeguards that hold up when open weights are fine-tuned, and on evaluating risks.', section: 'Recommendations: technical and scientific contributions' },
  { id: 'revisit-long-term', text: 'Treat substantially more capable (long-term) systems as a separate question: the near-to-mid-term conclusion is not a verdict on them.', section: 'Stages of development: the long-term analysis' },
] as const;

export interface RecommendationFinding { id: string; audience: Audience; text: string; section: string; follows: Follows; reason: string; targets: readonly string[] }

export interface RecommendationsView {
  /** For the developer: which recommendations this release follows and which it does not. */
  developers: RecommendationFinding[];
  regulators: typeof REGULATOR_RECOMMENDATIONS;
  follows: string[];
  doesNotFollow: string[];
}

export function paperRecommendations(record: ModelRecord, classification: Classification): RecommendationsView {
  const comps = Object.values(classification.components);
  const p: Profile = { record, scores: Object.fromEntries(comps.map((c) => [c.key, c.score])), levels: Object.fromEntries(comps.map((c) => [c.key, c.level])) };
  const developers = DEVELOPER_RECOMMENDATIONS.map((r) => ({ id: r.id, audience: 'developers' as const, text: r.text, section: r.section, targets: r.targets, ...r.check(p) }));
  return {
    developers,
    regulators: REGULATOR_RECOMMENDATIONS,
    follows: developers.filter((d) => d.follows === 'follows').map((d) => d.id),
    doesNotFollow: developers.filter((d) => d.follows === 'does not follow').map((d) => d.id),
  };
}
