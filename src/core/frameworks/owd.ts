// The Open Weight Definition (openweight.org, v0.1): its ten criteria for the weights' distribution terms, read from the record where a record can say.
import type { License } from '../licenses.js';
import type { ModelRecord } from '../model.js';
import { type FrameworkContext, type FrameworkOptions, entryTerms } from './terms.js';

export const OWD = {
  name: 'Open Weight Definition',
  version: '0.1 (draft)',
  sources: ['https://openweight.org/open-weight-definition-v0.1.html', 'https://github.com/OpenWeight/owd'],
} as const;

type Result = 'pass' | 'fail' | 'unknown';
export interface OwdCriterion { number: number; criterion: string; result: Result; why: string }

export interface OwdVerdict {
  framework: typeof OWD;
  /** pass: every criterion met; fail: one is not; unknown: none fails but some cannot be read. */
  verdict: Result;
  criteria: OwdCriterion[];
  reasons: string[];
  missing: string[];
}

/** The ten criteria; `fromRights` says which the record's five rights and obligations can settle for a license that is not OSI-approved. */
export const OWD_CRITERIA = [
  { number: 1, criterion: 'Free redistribution', fromRights: true },
  { number: 2, criterion: 'Model weights', fromRights: true },
  { number: 3, criterion: 'Derived works', fromRights: true },
  { number: 4, criterion: 'Integrity of the author\'s source code', fromRights: false },
  { number: 5, criterion: 'No discrimination against persons or groups', fromRights: true },
  { number: 6, criterion: 'No discrimination against fields of endeavor', fromRights: true },
  { number: 7, criterion: 'Distribution of license', fromRights: false },
  { number: 8, criterion: 'License must not be specific to a product', fromRights: false },
  { number: 9, criterion: 'License must not restrict other software', fromRights: false },
  { number: 10, criterion: 'License must be technology-neutral', fromRights: false },
] as const;

const obliged = (licenses: License[], key: 'threshold' | 'use_policy') => licenses.some((l) => l.obligations[key] !== false);

/**
 * Criterion 2 asks for the weights themselves; the others are about their license. An OSI-approved
 * license meets the Open Source Definition, on which the OWD's criteria are modelled almost word for
 * word, so its criteria 1 and 3–10 are read as met (our inference, flagged in each reason). For any other
 * license, the five rights settle 1, 3, 5 and 6; the text-only criteria 4 and 7–10 stay unknown.
 */
export function owdVerdict(record: ModelRecord, ctx: FrameworkContext, options: FrameworkOptions): OwdVerdict {
  const reading = options.reading ?? 'strict';
  const w = entryTerms(record.components['deployment.data.weights'], ctx.index, reading);
  const licenses = w.evaluation ? w.evaluation.licenses.map((id) => ctx.index.byId.get(id)!) : [];
  const grant = (k: 'commercial' | 'modify' | 'copyright_derivative' | 'research') => w.evaluation?.rights[k].grant;
  const criteria: OwdCriterion[] = OWD_CRITERIA.map(({ number, criterion, fromRights }) => {
    const out = (result: Result, why: string): OwdCriterion => ({ number, criterion, result, why });
    if (number === 2) return w.status === 'public' ? out('pass', `weights ${w.label}`) : out(w.status === 'unknown' || w.status === 'absent' ? 'unknown' : 'fail', `weights ${w.label}: the model must include the weights and allow their distribution`);
    if (w.status !== 'public') return out(w.status === 'unknown' || w.status === 'absent' ? 'unknown' : 'fail', `weights ${w.label}: no distribution terms to read`);
    if (!w.evaluation) return out('fail', `weights ${w.label}: without a license nothing is granted`);
    if (w.osiApproved) return out('pass', `${w.evaluation.expression} is OSI-approved: it meets the Open Source Definition, whose criterion the OWD adapts (howopen's inference)`);
    if (!fromRights) return out('unknown', `${w.evaluation.expression} is not OSI-approved, and this criterion needs the license text, which a record does not hold`);
    switch (number) {
      case 1: return grant('commercial') === 'yes' ? out('pass', 'selling and giving away are allowed (commercial use granted)') : out('fail', `commercial use is ${grant('commercial')}: the license restricts selling the weights`);
      case 3: return grant('modify') === 'yes' && grant('copyright_derivative') === 'yes' ? out('pass', 'modifications and derived works are allowed') : out('fail', `modify ${grant('modify')}, derivative works ${grant('copyright_derivative')}`);
      case 5: return obliged(licenses, 'threshold') ? out('fail', 'a user or revenue threshold discriminates against persons or groups') : out('pass', 'no user or revenue threshold');
      default: return obliged(licenses, 'use_policy') || grant('commercial') !== 'yes' || grant('research') !== 'yes' ? out('fail', 'a use policy or a limit on commercial or research use restricts fields of endeavor') : out('pass', 'no use policy and no limit on commercial or research use');
    }
  });
  const results = criteria.map((c) => c.result);
  const verdict: Result = results.includes('fail') ? 'fail' : results.includes('unknown') ? 'unknown' : 'pass';
  const unknown = criteria.filter((c) => c.result === 'unknown').map((c) => c.number);
  return {
    framework: OWD,
    verdict,
    criteria,
    reasons: [verdict === 'pass' ? 'Meets the ten criteria.' : verdict === 'fail' ? `Fails criteria ${criteria.filter((c) => c.result === 'fail').map((c) => c.number).join(', ')}.` : `No criterion fails, but criteria ${unknown.join(', ')} cannot be read from the record.`],
    missing: criteria.filter((c) => c.result !== 'pass').map((c) => `${c.result}: ${c.number}. ${c.criterion} (${c.why})`),
  };
}
