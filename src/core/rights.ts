// The five rights as a user's questions ("may I use the weights commercially?"), answered per component and per scope under a reading.
import type { Classification, ComponentResult } from './classify.js';
import { type Grant, type Reading, type RightKey, RIGHTS, RIGHT_KEYS, grantPoints } from './licenses.js';
import type { Status } from './taxonomy.js';

/** yes / no under the reading; unknown when the component or its license could not be established; n/a when the stage does not exist. */
export const ANSWERS = ['yes', 'no', 'unknown', 'n/a'] as const;
export type Answer = (typeof ANSWERS)[number];

export interface RightAnswer {
  answer: Answer;
  /** The license's grant (yes, conditional, no) when the component is public under a scored license. */
  grant: Grant | null;
  /** Why: the clause that decides, or the status that leaves no license to read. */
  reason: string;
}

export type RightAnswers = Record<RightKey, RightAnswer>;

/**
 * Statuses that leave no license to read, and what they answer. A closed component and one
 * reachable only through an API grant no right over the component itself: whatever an API's terms
 * allow, nobody holds the weights or data to modify or relicense.
 */
const STATUS_ANSWER: Record<Exclude<Status, 'public'>, { answer: Answer; reason: string }> = {
  closed: { answer: 'no', reason: 'not released: there is nothing to use' },
  api: { answer: 'no', reason: 'reachable only through an API: no license to the component itself' },
  'n/a': { answer: 'n/a', reason: 'the stage does not exist for this model' },
  unknown: { answer: 'unknown', reason: 'the openness of this component could not be established' },
};

/** Each right of one classified component: the license's grant read as yes or no under the reading. */
export function componentRights(result: ComponentResult, reading: Reading): RightAnswers {
  const answers = {} as RightAnswers;
  for (const key of RIGHT_KEYS) {
    if (result.status !== 'public') {
      answers[key] = { ...STATUS_ANSWER[result.status], grant: null };
    } else if (result.rights === null) {
      // Public, but the license could not be scored (the level is Unknown).
      answers[key] = { answer: 'unknown', grant: null, reason: 'public, but its license cannot be scored' };
    } else {
      const right = result.rights[key];
      const conditional = right.grant === 'conditional' ? ` (conditional: ${reading} reading counts it ${grantPoints('conditional', reading) ? 'granted' : 'not granted'})` : '';
      answers[key] = { answer: grantPoints(right.grant, reading) ? 'yes' : 'no', grant: right.grant, reason: `${right.license}: ${right.clause}${conditional}` };
    }
  }
  return answers;
}

/** The answers alone, { research: 'yes', commercial: 'no', … }: what JSON, CSV and filters carry. */
export function rightAnswers(result: ComponentResult, reading: Reading): Record<RightKey, Answer> {
  const rights = componentRights(result, reading);
  return Object.fromEntries(RIGHT_KEYS.map((k) => [k, rights[k].answer])) as Record<RightKey, Answer>;
}

/** The names a right goes by in a condition: its key, and the words people use for the last two. */
export const RIGHT_ALIASES: Readonly<Record<string, RightKey>> = {
  ...Object.fromEntries(RIGHT_KEYS.map((k) => [k, k])),
  own_derivatives: 'copyright_derivative',
  relicense: 'other_license_derivative',
};

export function rightKey(name: string): RightKey | undefined {
  return Object.hasOwn(RIGHT_ALIASES, name) ? RIGHT_ALIASES[name] : undefined;
}

/**
 * Scopes a person asks about: "the weights", "the training data", "the code". A scope answers yes
 * when every component in it that exists answers yes, no when any answers no, else unknown.
 */
export const SCOPES = {
  weights: { name: 'the weights', components: ['deployment.data.weights'] },
  data: { name: 'the training data', components: ['training.data.pretraining', 'training.data.sft', 'training.data.alignment'] },
  code: { name: 'the training and inference code', components: ['training.code.pretraining', 'training.code.finetuning', 'training.code.alignment', 'deployment.code.inference'] },
} as const;
export type Scope = keyof typeof SCOPES;
export const SCOPE_KEYS = Object.keys(SCOPES) as Scope[];
export const isScope = (s: string): s is Scope => Object.hasOwn(SCOPES, s);

/** The questions the web form offers, in words; each is a right over a scope. */
export const QUESTIONS: readonly { right: RightKey; label: string }[] = [
  { right: 'commercial', label: 'use it commercially' },
  { right: 'modify', label: 'modify it' },
  { right: 'other_license_derivative', label: 'redistribute changes under my own license' },
  { right: 'research', label: 'use it for research' },
  { right: 'copyright_derivative', label: 'own the copyright of what I derive' },
];

export function scopeAnswer(classification: Classification, scope: Scope, right: RightKey): Answer {
  const answers = SCOPES[scope].components.map((key) => rightAnswers(classification.components[key]!, classification.reading)[right]).filter((a) => a !== 'n/a');
  if (!answers.length) return 'n/a';
  if (answers.includes('no')) return 'no';
  return answers.every((a) => a === 'yes') ? 'yes' : 'unknown';
}

/**
 * The one function that decides a rights question for every face: `subject` is a component key
 * or a scope (weights, data, code). CLI --where, the web form and the API all come here.
 */
export function answerFor(classification: Classification, subject: string, right: RightKey): Answer | undefined {
  if (isScope(subject)) return scopeAnswer(classification, subject, right);
  const result = classification.components[subject];
  return result ? rightAnswers(result, classification.reading)[right] : undefined;
}

export const RIGHT_NAMES: Readonly<Record<RightKey, string>> = Object.fromEntries(RIGHTS.map((r) => [r.key, r.name])) as Record<RightKey, string>;
