// Every framework's verdict from one record: MOF, OSI's definition, the European index, the EU AI Act, the G7 labels, the Open Weight Definition, the paper's view.
import { type Classification, classify } from '../classify.js';
import type { ModelRecord } from '../model.js';
import type { Registry } from '../registry.js';
import { type EuVerdict, euAiActVerdict } from './eu-ai-act.js';
import { type G7Verdict, g7Verdict } from './g7.js';
import { type MofVerdict, mofVerdict } from './mof.js';
import { type OsaiVerdict, osaiIndexVerdict } from './osai-index.js';
import { type OsaidVerdict, osaidVerdict } from './osaid.js';
import { type OwdVerdict, owdVerdict } from './owd.js';
import { type PaperVerdict, paperVerdict } from './paper.js';
import type { FrameworkContext, FrameworkOptions } from './terms.js';

export interface Verdicts {
  mof: MofVerdict;
  osaid: OsaidVerdict;
  osaiIndex: OsaiVerdict;
  euAiAct: EuVerdict;
  g7: G7Verdict;
  owd: OwdVerdict;
  paper: PaperVerdict;
}

export function frameworkContext(registry: Registry): FrameworkContext {
  return { index: registry.index, model: (id) => registry.model(id) };
}

export function verdicts(record: ModelRecord, registry: Registry, options: FrameworkOptions, classification?: Classification): Verdicts {
  const ctx = frameworkContext(registry);
  return {
    mof: mofVerdict(record, ctx, options),
    osaid: osaidVerdict(record, ctx, options),
    osaiIndex: osaiIndexVerdict(record, ctx, options),
    euAiAct: euAiActVerdict(record, ctx, options),
    g7: g7Verdict(record, ctx, options),
    owd: owdVerdict(record, ctx, options),
    paper: paperVerdict(record, classification ?? classify(record, registry.index, { reading: options.reading ?? 'strict' })),
  };
}

/** One line per framework, for tables and summaries. */
export function verdictSummary(v: Verdicts) {
  return {
    mof: v.mof.class ?? 'none',
    osaid: v.osaid.verdict,
    osaiIndex: v.osaiIndex.total,
    euExemption: v.euAiAct.exemption.applies,
  };
}
export type VerdictSummary = ReturnType<typeof verdictSummary>;
