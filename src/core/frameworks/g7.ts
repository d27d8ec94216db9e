// G7 Vision on AI Openness Opportunities and Shared Language (Paris, 29 May 2026): its four labels, read from the record.
import type { ModelRecord } from '../model.js';
import { monetisation } from './eu-ai-act.js';
import { type EntryTerms, type FrameworkContext, type FrameworkOptions, applicable, entryTerms } from './terms.js';

export const G7 = {
  name: 'G7 Vision on AI Openness',
  version: 'Paris, 29 May 2026',
  sources: [
    'https://g7.utoronto.ca/ict/260529-vision.html',
    'https://www.entreprises.gouv.fr/files/files/Actualites/2026/g7/vision-AI-openness-opportunities-and-shared-language.pdf',
    'https://opensource.org/?p=412245',
  ],
} as const;

/** The labels, most open first. */
export const G7_LABELS = ['Open Source AI with Open Data', 'Open Source AI', 'Open Weights AI', 'Weights Available AI'] as const;
export type G7Label = (typeof G7_LABELS)[number];

type Result = 'pass' | 'fail' | 'unknown';
export interface G7Criterion { criterion: string; result: Result; why: string }

/**
 * What each label asks, as the Vision words it ("AI released free of charge … under an Open Source
 * license, including its models' weights, deployment code, training code, and full training data"),
 * cumulative from Weights Available up. Our reading: an Open Source license is OSI-approved for code
 * and has open terms (any use, commerce, modification, no use policy) for weights and data.
 */
export const G7_RULES: Readonly<Record<G7Label, readonly string[]>> = {
  'Weights Available AI': ['free of charge', 'weights released', 'deployment code released'],
  'Open Weights AI': ['free of charge', 'weights released', 'deployment code released', 'weights and deployment code under an Open Source license'],
  'Open Source AI': ['free of charge', 'weights released', 'deployment code released', 'weights and deployment code under an Open Source license', 'training code under an Open Source license', 'full training data, or data information where sharing it is legally or technically impossible'],
  'Open Source AI with Open Data': ['free of charge', 'weights released', 'deployment code released', 'weights and deployment code under an Open Source license', 'training code under an Open Source license', 'full training data under an Open Source license'],
};

export interface G7Verdict {
  framework: typeof G7;
  /** The most open label whose every criterion passes; null when not even Weights Available does. */
  label: G7Label | null;
  /** A more open label that could apply if the unknown criteria were established. */
  possible: G7Label | null;
  criteria: G7Criterion[];
  reasons: string[];
  missing: string[];
}

export function g7Verdict(record: ModelRecord, ctx: FrameworkContext, options: FrameworkOptions): G7Verdict {
  const reading = options.reading ?? 'strict';
  const t = (key: string) => entryTerms(record.components[key], ctx.index, reading);
  const released = (x: EntryTerms): Result => (x.status === 'public' ? 'pass' : x.status === 'unknown' || x.status === 'absent' ? 'unknown' : 'fail');
  const open = (x: EntryTerms, code: boolean): Result => (x.status !== 'public' ? released(x) === 'fail' ? 'fail' : 'unknown' : !x.evaluation ? 'fail' : (code ? x.osiApproved : x.openTerms) ? 'pass' : 'fail');
  const all = (rs: Result[]): Result => (rs.includes('fail') ? 'fail' : rs.includes('unknown') ? 'unknown' : 'pass');
  const weights = t('deployment.data.weights');
  const inference = t('deployment.code.inference');
  const trainingCode = applicable(['training.code.pretraining', 'training.code.finetuning', 'training.code.alignment'].map((k) => ({ k, status: record.components[k]?.status ?? 'unknown', terms: t(k) })));
  const trainingData = applicable(['training.data.pretraining', 'training.data.sft', 'training.data.alignment'].map((k) => ({ k, status: record.components[k]?.status ?? 'unknown', terms: t(k) })));
  const money = monetisation(record);
  // The release is free of charge when access is not sold; sold access (a paid API) does not tell whether the weights cost anything.
  const free: Result = money.value === false ? 'pass' : weights.status !== 'public' && weights.status !== 'unknown' && weights.status !== 'absent' ? 'fail' : 'unknown';
  const dataOpen = all(trainingData.map((d) => open(d.terms, false)));
  const dataInfo = record.documentation?.data_card?.status === 'public';
  const c: Record<string, G7Criterion> = {};
  const set = (criterion: string, result: Result, why: string) => { c[criterion] = { criterion, result, why }; };
  set('free of charge', free, free === 'pass' ? 'access is not sold' : money.value === true ? 'access is sold; whether the weights are released free of charge is not recorded apart' : free === 'fail' ? `weights ${weights.label}` : 'whether the release is free of charge is not recorded');
  set('weights released', released(weights), `weights ${weights.label}`);
  set('deployment code released', released(inference), `inference code ${inference.label}`);
  const wOpen = open(weights, false);
  const iOpen = open(inference, true);
  set('weights and deployment code under an Open Source license', all([wOpen, iOpen]), `weights ${weights.label}${wOpen === 'fail' && weights.evaluation ? ' (restricts use, commerce or modification)' : ''}; inference code ${inference.label}${iOpen === 'fail' && inference.evaluation ? ' (not OSI-approved)' : ''}`);
  set('training code under an Open Source license', all(trainingCode.map((x) => open(x.terms, true))), trainingCode.length ? trainingCode.map((x) => `${x.k}: ${x.terms.label}`).join('; ') : 'no training stage applies');
  set('full training data under an Open Source license', dataOpen, trainingData.map((d) => `${d.k}: ${d.terms.label}`).join('; ') || 'no training data applies');
  set('full training data, or data information where sharing it is legally or technically impossible', dataOpen === 'pass' ? 'pass' : dataInfo ? 'unknown' : dataOpen === 'unknown' ? 'unknown' : 'fail',
    dataOpen === 'pass' ? 'the full training data is released under open terms' : dataInfo ? 'a data card gives data information, but whether sharing the data is legally or technically impossible cannot be read from the record' : 'the training data is not all released and no data card is recorded');
  const resultOf = (label: G7Label) => all(G7_RULES[label].map((k) => c[k]!.result));
  const label = G7_LABELS.find((l) => resultOf(l) === 'pass') ?? null;
  const possible = G7_LABELS.find((l) => resultOf(l) === 'unknown' && (label === null || G7_LABELS.indexOf(l) < G7_LABELS.indexOf(label))) ?? null;
  const criteria = Object.values(c);
  return {
    framework: G7,
    label,
    possible,
    criteria,
    reasons: [
      label ? `Labelled ${label}: every criterion of the label is met.` : 'No label: not even Weights Available AI (weights and deployment code released free of charge) is established.',
      ...(possible ? [`${possible} if the unknown criteria were established.`] : []),
    ],
    missing: criteria.filter((x) => x.result !== 'pass').map((x) => `${x.result}: ${x.criterion} (${x.why})`),
  };
}
