// EU AI Act duties of general-purpose AI model providers, read from the record at a given date. Indicative, not legal advice.
import type { ModelRecord } from '../model.js';
import { type FrameworkContext, type FrameworkOptions, type Tri, entryTerms } from './terms.js';

export const EU_AI_ACT = {
  name: 'EU AI Act (general-purpose AI models)',
  version: 'Regulation (EU) 2024/1689; Commission GPAI guidelines C(2025) 5045 of 18 July 2025',
  sources: [
    'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
    'https://digital-strategy.ec.europa.eu/en/library/guidelines-scope-obligations-providers-general-purpose-ai-models-under-ai-act',
  ],
  disclaimer: 'Indicative reading of public rules from the record; not legal advice.',
} as const;

/** The dates and thresholds the rules turn on. */
export const EU_RULES = {
  gpaiObligationsFrom: '2025-08-02',
  legacyComplianceBy: '2027-08-02',
  enforcementFrom: '2026-08-02',
  systemicRiskFlop: 1e25,
  gpaiIndicativeFlop: 1e23,
  generativeModalities: ['text', 'code', 'image', 'video', 'multimodal'],
} as const;

export interface EuObligation {
  article: string;
  duty: string;
  /** unknown when it turns on a fact the record does not establish (GPAI status, the exemption, systemic risk). */
  applies: Tri;
  /** When the duty binds this model: 2 Aug 2025, or 2 Aug 2027 for models placed on the market earlier. */
  from: string;
  /** Binding at the as-of date: yes when it applies and its date has come; unknown when whether it applies is. */
  inForce: Tri;
  why: string;
}

/** One condition of the Art. 53(2) exemption, marked as it reads from the record. */
export interface EuCriterion {
  criterion: string;
  result: 'pass' | 'fail' | 'unknown';
  why: string;
  source: string;
}

/** Where the exemption does not reach, whatever the record says. */
export interface EuLimit {
  article: string;
  note: string;
  source: string;
}

const ACT = 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj';

/** The exemption's limits, from the Regulation's text. */
export const EU_EXEMPTION_LIMITS: readonly EuLimit[] = [
  { article: '53(1)(c)–(d)', note: 'The exemption lifts only points (a) and (b) of Art. 53(1): the copyright policy (c) and the public summary of training content (d) bind every GPAI provider, open-source or not (Art. 53(2); Recital 104).', source: `${ACT} (Art. 53(2), Recital 104)` },
  { article: '51, 55', note: 'It never applies to a GPAI model with systemic risk (Art. 53(2), last sentence): such a model owes Art. 53 in full and the Art. 55 duties, and needs an authorised representative if its provider is outside the EU (Art. 54(6)).', source: `${ACT} (Art. 53(2), 54(6), 55)` },
  { article: '50', note: 'It is an exemption for GPAI models; the transparency duties of Art. 50 fall on providers and deployers of AI systems (e.g. marking synthetic content) and bind systems released under free and open-source licences too (Art. 2(12)); they apply from 2 Aug 2026 (Art. 113).', source: `${ACT} (Art. 2(12), 50, 113)` },
];

export interface EuVerdict {
  framework: typeof EU_AI_ACT;
  asOf: string;
  gpai: Tri;
  systemicRisk: Tri;
  /** reasons: each criterion as "pass: …", "fail: …" or "unknown: …". */
  exemption: { applies: Tri; criteria: EuCriterion[]; reasons: string[]; limits: readonly EuLimit[] };
  placedOnMarket: 'before 2 Aug 2025' | 'from 2 Aug 2025';
  obligations: EuObligation[];
  enforcement: string;
  reasons: string[];
  missing: string[];
}

/** Whether access is sold, and the evidence the record gives for it (a bare true or false has none). */
export function monetisation(record: ModelRecord): { value: boolean | 'unknown'; evidence: string[] } {
  const m = record.monetised;
  if (m === undefined || m === 'unknown') return { value: 'unknown', evidence: [] };
  if (typeof m === 'boolean') return { value: m, evidence: [] };
  return { value: m.value, evidence: m.evidence ?? [] };
}

const combine = (results: EuCriterion['result'][]): Tri => (results.includes('fail') ? 'no' : results.includes('unknown') ? 'unknown' : 'yes');

export function euAiActVerdict(record: ModelRecord, ctx: FrameworkContext, options: FrameworkOptions): EuVerdict {
  const reading = options.reading ?? 'strict';
  const asOf = options.asOf;
  const flop = record.training_compute?.flop ?? 'unknown';
  const generative = record.modality ? (EU_RULES.generativeModalities as readonly string[]).includes(record.modality) : true;
  const gpai: Tri = !generative ? 'no' : flop === 'unknown' ? 'unknown' : flop > EU_RULES.gpaiIndicativeFlop ? 'yes' : 'no';
  const systemicRisk: Tri = flop === 'unknown' ? 'unknown' : flop > EU_RULES.systemicRiskFlop ? 'yes' : 'no';
  const reasons: string[] = [];
  reasons.push(flop === 'unknown'
    ? 'Training compute is not recorded, so neither the indicative GPAI criterion (over 10^23 FLOP) nor the systemic-risk presumption (over 10^25 FLOP, Art. 51(2)) can be read.'
    : `Training compute ${flop.toExponential(1)} FLOP: ${gpai === 'yes' ? 'above' : 'not above'} the guidelines' indicative GPAI criterion of 10^23 FLOP; ${systemicRisk === 'yes' ? 'above 10^25 FLOP, so systemic risk is presumed (Art. 51(2))' : 'below the 10^25 FLOP systemic-risk presumption (Art. 51(2))'}.`);

  // Art. 53(2): the open-source exemption, condition by condition.
  const weights = entryTerms(record.components['deployment.data.weights'], ctx.index, reading);
  const isPublic = (e: { status: string } | undefined) => e?.status === 'public';
  const criteria: EuCriterion[] = [];
  const add = (criterion: string, result: EuCriterion['result'], why: string, source: string) => criteria.push({ criterion, result, why, source });
  add('weights public', weights.status === 'public' ? 'pass' : weights.status === 'unknown' || weights.status === 'absent' ? 'unknown' : 'fail',
    weights.status === 'public' ? `weights ${weights.label}` : `weights are ${weights.label}: Art. 53(2) needs the parameters, including the weights, made public`, 'Art. 53(2)');
  if (weights.status === 'public') {
    add('free and open-source licence', weights.openTerms ? 'pass' : weights.evaluation ? 'fail' : 'unknown',
      weights.openTerms ? `${weights.evaluation!.expression} allows access, use, modification and distribution (attribution and share-alike are allowed, Recital 102)` : weights.evaluation ? `weights ${weights.label}: a license that restricts use, commerce or modification is not free and open-source (Recital 103, guidelines)` : `weights ${weights.label}: whether it allows access, use, modification and distribution cannot be read`, 'Art. 53(2); Recitals 102–103');
  }
  const architecture = [record.artifacts?.architecture_code, record.components['deployment.code.inference'], record.documentation?.technical_report, record.documentation?.research_paper].some(isPublic);
  add('architecture information public', architecture ? 'pass' : 'unknown', architecture ? 'the architecture is public (its code, the inference code, a technical report or a paper)' : 'no public architecture code, inference code, report or paper is recorded', 'Art. 53(2)');
  const usage = isPublic(record.documentation?.model_card);
  add('usage information public', usage ? 'pass' : 'unknown', usage ? 'a public model card gives the usage information' : 'no public model card recorded for the usage information Art. 53(2) asks for', 'Art. 53(2)');
  const money = monetisation(record);
  const sold = money.value === 'unknown' ? 'unknown' : money.evidence.length === 0 ? 'unknown' : money.value ? 'fail' : 'pass';
  add('not monetised', sold,
    money.value === 'unknown' ? 'whether access is monetised is not recorded (Recital 103)'
      : money.evidence.length === 0 ? `the record says access is ${money.value ? '' : 'not '}sold, without evidence, so it cannot be read (Recital 103)`
        : money.value ? 'access is sold: monetised releases do not benefit (Recital 103)' : 'access is not sold (Recital 103)', 'Recital 103; guidelines');
  add('no systemic risk', systemicRisk === 'no' ? 'pass' : systemicRisk === 'yes' ? 'fail' : 'unknown',
    systemicRisk === 'no' ? 'below the systemic-risk presumption' : systemicRisk === 'yes' ? 'models with systemic risk never benefit (Art. 53(2))' : 'systemic risk cannot be excluded without the training compute', 'Art. 53(2), 51');
  const exempt = combine(criteria.map((c) => c.result));
  const exemptionReasons = criteria.map((c) => `${c.result}: ${c.why}`);

  const placedOnMarket = record.released < EU_RULES.gpaiObligationsFrom.slice(0, 7) ? 'before 2 Aug 2025' : 'from 2 Aug 2025';
  const from = placedOnMarket === 'before 2 Aug 2025' ? EU_RULES.legacyComplianceBy : EU_RULES.gpaiObligationsFrom;
  const dated = asOf >= from;
  const notGpai = 'not a general-purpose AI model by the indicative criterion';
  const gpaiUnknown = 'applies only to a general-purpose AI model, which cannot be read from the record';
  // A GPAI duty applies when the model is a GPAI model and `when` holds; each unknown makes it unknown, never yes.
  const duty = (article: string, text: string, when: Tri, why: Record<Tri, string>): EuObligation => {
    const applies: Tri = gpai === 'no' || when === 'no' ? 'no' : gpai === 'unknown' || when === 'unknown' ? 'unknown' : 'yes';
    const reason = gpai === 'no' ? notGpai : gpai === 'unknown' && when !== 'no' ? `${gpaiUnknown}; ${why[when]}` : why[when];
    return { article, duty: text, applies, from, inForce: applies === 'no' || !dated ? 'no' : applies, why: reason };
  };
  const notExempt: Tri = exempt === 'yes' ? 'no' : exempt === 'no' ? 'yes' : 'unknown';
  const ab = { yes: 'applies: no open-source exemption', no: 'exempt under Art. 53(2)', unknown: 'whether the Art. 53(2) exemption applies is unknown' };
  const always = { yes: 'applies to every GPAI model, open-source or not (Art. 53(2), Recital 104)', no: '', unknown: '' };
  const obligations = [
    duty('53(1)(a)', 'technical documentation for the AI Office and national authorities', notExempt, ab),
    duty('53(1)(b)', 'information and documentation for downstream providers', notExempt, ab),
    duty('53(1)(c)', 'a policy to comply with EU copyright law', 'yes', always),
    duty('53(1)(d)', 'a public summary of the content used for training', 'yes', always),
  ];
  if (systemicRisk !== 'no') obligations.push(duty('55', 'evaluation, risk assessment and mitigation, incident reporting and cybersecurity for systemic-risk models', systemicRisk, { yes: 'systemic risk presumed', no: '', unknown: 'only if systemic risk is established' }));

  reasons.push(placedOnMarket === 'before 2 Aug 2025'
    ? `Released ${record.released}, before 2 Aug 2025: the duties bind from 2 Aug 2027 (Art. 111(3)).`
    : `Released ${record.released}: the duties bind from 2 Aug 2025.`);
  reasons.push(dated ? `As of ${asOf} the duties that apply are in force.` : `As of ${asOf} the duties are not yet binding for this model (from ${from}).`);
  if (gpai === 'no') reasons.push('By the indicative criterion this is not a general-purpose AI model, so these duties would not apply at all.');
  if (gpai === 'unknown') reasons.push('Whether this is a general-purpose AI model cannot be read, so whether any duty applies is unknown.');

  return {
    framework: EU_AI_ACT,
    asOf,
    gpai,
    systemicRisk,
    exemption: { applies: exempt, criteria, reasons: exemptionReasons, limits: EU_EXEMPTION_LIMITS },
    placedOnMarket,
    obligations,
    enforcement: asOf >= EU_RULES.enforcementFrom ? 'The Commission can enforce GPAI duties, fines included (from 2 Aug 2026).' : 'The Commission\'s enforcement powers, fines included, start on 2 Aug 2026.',
    reasons,
    missing: criteria.filter((c) => c.result !== 'pass').map((c) => `${c.result}: ${c.why}`),
  };
}
