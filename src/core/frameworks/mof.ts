// Model Openness Framework 1.0 (LF AI & Data) as the Model Openness Tool computes it: the 17 components, their licenses, progress per class, the class.
import { type LicenseIndex, type LicenseTree, resolveLicense } from '../expression.js';
import type { ComponentEntry, ModelRecord, MofGlobalLicenses } from '../model.js';
import { MOT_OPEN, MOT_SOURCE, MOT_TYPES } from './mot-licenses.js';
import type { FrameworkContext, FrameworkOptions } from './terms.js';

export const MOF = {
  name: 'Model Openness Framework',
  version: '1.0',
  sources: [
    'https://arxiv.org/abs/2403.13784',
    'https://github.com/lfai/model_openness_tool',
    `https://github.com/lfai/model_openness_tool/blob/${MOT_SOURCE.commit}/web/modules/mof/src/ModelEvaluator.php`,
  ],
} as const;

export type ContentType = 'code' | 'data' | 'document';
type Source = { from: 'component' | 'artifact' | 'documentation'; keys: string[] };

export interface MofComponentDef {
  /** The MOT's component id (mof.settings.yml). */
  id: number;
  name: string;
  class: 1 | 2 | 3;
  content: ContentType;
  required: boolean;
  /** Where the record holds it; several keys: all applicable ones must qualify. */
  source: Source;
}

/** The 17 components as in the MOT's settings (web/modules/mof/config/install/mof.settings.yml), with where our record keeps each. */
export const MOF_COMPONENTS: readonly MofComponentDef[] = [
  { id: 9, name: 'Model architecture', class: 3, content: 'code', required: true, source: { from: 'artifact', keys: ['architecture_code'] } },
  { id: 10, name: 'Model parameters (Final)', class: 3, content: 'data', required: true, source: { from: 'component', keys: ['deployment.data.weights'] } },
  { id: 11, name: 'Technical report', class: 3, content: 'document', required: true, source: { from: 'documentation', keys: ['technical_report'] } },
  { id: 12, name: 'Evaluation results', class: 3, content: 'document', required: true, source: { from: 'documentation', keys: ['evaluation_results'] } },
  { id: 13, name: 'Model card', class: 3, content: 'document', required: true, source: { from: 'documentation', keys: ['model_card'] } },
  { id: 14, name: 'Data card', class: 3, content: 'document', required: true, source: { from: 'documentation', keys: ['data_card'] } },
  { id: 20, name: 'Sample model outputs', class: 3, content: 'document', required: false, source: { from: 'documentation', keys: ['sample_outputs'] } },
  { id: 7, name: 'Training code', class: 2, content: 'code', required: true, source: { from: 'component', keys: ['training.code.pretraining', 'training.code.finetuning', 'training.code.alignment'] } },
  { id: 8, name: 'Inference code', class: 2, content: 'code', required: true, source: { from: 'component', keys: ['deployment.code.inference'] } },
  { id: 18, name: 'Evaluation code', class: 2, content: 'code', required: true, source: { from: 'component', keys: ['evaluation.code.general'] } },
  { id: 19, name: 'Evaluation data', class: 2, content: 'data', required: true, source: { from: 'component', keys: ['evaluation.data.utility', 'evaluation.data.safety'] } },
  { id: 22, name: 'Supporting libraries and tools', class: 2, content: 'code', required: false, source: { from: 'artifact', keys: ['supporting_libraries'] } },
  { id: 15, name: 'Datasets', class: 1, content: 'data', required: true, source: { from: 'component', keys: ['training.data.pretraining', 'training.data.sft', 'training.data.alignment'] } },
  { id: 16, name: 'Data preprocessing code', class: 1, content: 'code', required: true, source: { from: 'artifact', keys: ['data_preprocessing_code'] } },
  { id: 24, name: 'Model parameters (Intermediate)', class: 1, content: 'data', required: true, source: { from: 'artifact', keys: ['intermediate_checkpoints'] } },
  { id: 21, name: 'Research paper', class: 1, content: 'document', required: true, source: { from: 'documentation', keys: ['research_paper'] } },
  { id: 17, name: 'Model metadata', class: 1, content: 'data', required: false, source: { from: 'artifact', keys: ['model_metadata'] } },
];

/**
 * The MOT's rules that are not in its settings, as data. The technical report (cid 11) may be
 * omitted when the research paper (cid 21) is provided (ModelEvaluator::handleTechnicalReportOmission).
 */
export const MOT_RULES = {
  technicalReport: 'Technical report',
  researchPaper: 'Research paper',
  /** howopen's records, unlike the MOT's, may say a part does not exist: an all-n/a component counts as met. */
  notApplicableCountsAsMet: true,
  /** howopen's records hold the architecture apart only sometimes: without it, the inference code stands in (never for an imported MOT record). */
  architectureFallback: 'deployment.code.inference',
} as const;

/** The MOT's four outcomes for a component (ModelEvaluator::evaluateComponents), plus n/a for parts our records say do not exist. */
export type MofStatus = 'included' | 'invalid' | 'unlicensed' | 'missing' | 'n/a';

export interface MofComponentVerdict {
  name: string;
  class: 1 | 2 | 3;
  required: boolean;
  status: MofStatus;
  met: boolean;
  /** The license the MOT reads, as a string, or null (unlicensed or missing). */
  license: string | null;
  /** Open but not of a kind meant for the component's content type (the MOT's "conditional" message). */
  typeAppropriate: boolean | null;
  reason: string;
}

export interface MofVerdict {
  framework: typeof MOF;
  /** The highest class whose progress is 100%, as the MOT's getClassification. */
  class: 'I' | 'II' | 'III' | null;
  /** Per class, the MOT's getProgress in percent (one decimal): 0 until the classes above are complete. */
  progress: { I: number; II: number; III: number };
  components: MofComponentVerdict[];
  missing: string[];
  /** Components with an open license that is not type-appropriate (counted as met, as in the MOT). */
  notTypeAppropriate: string[];
  reasons: string[];
}

/** Why the MOT counts a license id open, or null: OSI-approved or FSF-libre in its SPDX list, its open-data list, its open list. */
export function motOpenBasis(id: string): readonly string[] | null {
  return Object.hasOwn(MOT_OPEN, id) ? MOT_OPEN[id]! : null;
}

/** The MOT's isTypeAppropriate: the license's content types in its own list include the component's. */
export function motTypeAppropriate(id: string, content: ContentType): boolean {
  return Object.hasOwn(MOT_TYPES, id) && MOT_TYPES[id]!.includes(content);
}

/**
 * MOF's license resolution (ModelEvaluator::resolveLicense): a component's own license wins ("unlicensed"
 * or empty: none); otherwise the release's license for its content type, the distribution license last.
 */
export function resolveMofLicense(own: string | null | undefined, global: Partial<Record<ContentType | 'distribution', string | null>>, content: ContentType): string | null {
  if (own === 'unlicensed' || own === '') return null;
  if (own) return own;
  return global[content] || global.distribution || null;
}

const globalNames = (g: MofGlobalLicenses | undefined) => Object.fromEntries(Object.entries(g ?? {}).map(([k, v]) => [k, v?.name ?? null]));

const OPEN_WHY: Record<string, string> = { osi: 'OSI-approved', fsf: 'FSF-libre', 'open-data': 'on the MOT\'s open-data list', open: 'on the MOT\'s open list' };

/** An SPDX id (or our id) for each leaf of a resolved expression. */
function mofIds(tree: LicenseTree, index: LicenseIndex): LicenseTree {
  if ('license' in tree) return { license: index.byId.get(tree.license)?.spdx ?? tree.license };
  return { conjunction: tree.conjunction, left: mofIds(tree.left, index), right: mofIds(tree.right, index) };
}

/** Open by the MOT's lists; an expression (which the MOT, reading single ids, never sees) is open when every AND part and some OR alternative is. */
function treeOpen(tree: LicenseTree): boolean {
  if ('license' in tree) return motOpenBasis(tree.license) !== null;
  return tree.conjunction === 'and' ? treeOpen(tree.left) && treeOpen(tree.right) : treeOpen(tree.left) || treeOpen(tree.right);
}
function treeFits(tree: LicenseTree, content: ContentType): boolean {
  if ('license' in tree) return motTypeAppropriate(tree.license, content);
  return tree.conjunction === 'and' ? treeFits(tree.left, content) && treeFits(tree.right, content) : treeFits(tree.left, content) || treeFits(tree.right, content);
}

interface EntryJudgement { status: Exclude<MofStatus, 'n/a'>; license: string | null; typeAppropriate: boolean | null; reason: string }

/** One record entry as the MOT would judge the component it stands for. */
export function judgeEntry(entry: ComponentEntry | undefined, def: MofComponentDef, record: ModelRecord, index: LicenseIndex): EntryJudgement {
  if (!entry) return { status: 'missing', license: null, typeAppropriate: null, reason: 'not in the record' };
  let text: string | null;
  let from: string;
  if (entry.mof) {
    // Listed in a MOT record: its own license string, else MOF's inheritance from the release's licenses, read as the MOT reads them.
    text = resolveMofLicense(entry.mof.license, globalNames(record.mof_release?.license), def.content);
    from = entry.mof.license !== undefined ? 'its own license in the MOT record' : text ? 'the release license it inherits' : 'no license given';
  } else if (entry.status === 'public') {
    if (entry.license === undefined) return { status: 'unlicensed', license: null, typeAppropriate: null, reason: 'public with no license: the MOT counts it as unlicensed' };
    const resolved = resolveLicense(entry.license, index);
    if (!resolved.ok) return { status: 'invalid', license: entry.license, typeAppropriate: null, reason: `${entry.license} does not resolve` };
    const tree = mofIds(resolved.tree, index);
    const open = treeOpen(tree);
    const fits = treeFits(tree, def.content);
    const shown = 'license' in tree ? tree.license : entry.license;
    if (!open) return { status: 'invalid', license: shown, typeAppropriate: null, reason: `${shown} is not open by the MOT's license lists (OSI-approved, FSF-libre, open data, OpenMDW-1.0)` };
    return { status: 'included', license: shown, typeAppropriate: fits, reason: `${shown} is open${'license' in tree ? ` (${motOpenBasis(tree.license)!.map((w) => OPEN_WHY[w]).join(', ')})` : ''}${fits ? '' : `, but not a ${def.content} license by the MOT's typing`}` };
  } else {
    return { status: 'missing', license: null, typeAppropriate: null, reason: entry.status === 'api' ? 'API only: not released' : `${entry.status}: not released` };
  }
  if (text === null) return { status: 'unlicensed', license: null, typeAppropriate: null, reason: `listed with no license (${from}): the MOT counts it as unlicensed` };
  const basis = motOpenBasis(text);
  if (!basis) return { status: 'invalid', license: text, typeAppropriate: null, reason: `"${text}" (${from}) is not open by the MOT's license lists` };
  const fits = motTypeAppropriate(text, def.content);
  return { status: 'included', license: text, typeAppropriate: fits, reason: `${text} (${from}) is open (${basis.map((w) => OPEN_WHY[w]).join(', ')})${fits ? '' : `, but not a ${def.content} license by the MOT's typing`}` };
}

const WORST: readonly Exclude<MofStatus, 'n/a'>[] = ['missing', 'invalid', 'unlicensed', 'included'];

function entriesFor(record: ModelRecord, source: Source): (ComponentEntry | undefined)[] {
  const bag = source.from === 'component' ? record.components : source.from === 'artifact' ? record.artifacts : record.documentation;
  return source.keys.map((k) => bag?.[k]);
}

function judge(def: MofComponentDef, record: ModelRecord, index: LicenseIndex): MofComponentVerdict {
  const base = { name: def.name, class: def.class, required: def.required };
  let source = def.source;
  if (def.name === 'Model architecture' && !record.artifacts?.architecture_code && !record.mof_release) {
    source = { from: 'component', keys: [MOT_RULES.architectureFallback] };
  }
  const entries = entriesFor(record, source).filter((e) => e?.status !== 'n/a' || e?.mof);
  if (entries.length === 0) return { ...base, status: 'n/a', met: true, license: null, typeAppropriate: null, reason: 'not applicable to this model (n/a), counted as met' };
  const judged = entries.map((e) => judgeEntry(e, def, record, index));
  const worst = judged.reduce((a, b) => (WORST.indexOf(b.status) < WORST.indexOf(a.status) ? b : a));
  const fits = judged.every((j) => j.typeAppropriate !== false);
  return { ...base, status: worst.status, met: worst.status === 'included', license: worst.license, typeAppropriate: worst.status === 'included' ? fits : null, reason: worst.reason };
}

const CLASSES = [3, 2, 1] as const;
const included = (c: MofComponentVerdict) => c.status === 'included' || c.status === 'n/a';

/** ModelEvaluator::getProgress for one class, from the components' statuses. */
function progressOf(components: MofComponentVerdict[], cls: 1 | 2 | 3): number {
  const byName = (n: string) => components.find((c) => c.name === n)!;
  const tr = byName(MOT_RULES.technicalReport);
  const rp = byName(MOT_RULES.researchPaper);
  // handleTechnicalReportOmission: without an included report, a listed paper stands in for it in Classes II and III.
  const paperStandsIn = !included(tr) && rp.status !== 'missing';
  const includedIn = (i: number) => components.filter((c) => c.required && c.class >= i && included(c)).length + (i >= 2 && paperStandsIn && included(rp) ? 1 : 0);
  let total = 0;
  let count = 0;
  let i: number = 3;
  for (; i >= cls; i--) {
    total += components.filter((c) => c.required && c.class === i).length;
    count = includedIn(i);
    if (count < total) break;
  }
  if (i > cls) return 0;
  if (cls === 1 && !included(tr) && included(rp)) total--;
  return Math.min(100, (count / total) * 100);
}

export function mofVerdict(record: ModelRecord, ctx: FrameworkContext, _options: FrameworkOptions): MofVerdict {
  const components = MOF_COMPONENTS.map((def) => judge(def, record, ctx.index));
  const raw = Object.fromEntries(CLASSES.map((c) => [c, progressOf(components, c)])) as Record<1 | 2 | 3, number>;
  const progress = { III: Math.round(raw[3] * 10) / 10, II: Math.round(raw[2] * 10) / 10, I: Math.round(raw[1] * 10) / 10 };
  const cls = raw[1] === 100 ? 'I' : raw[2] === 100 ? 'II' : raw[3] === 100 ? 'III' : null;
  const tr = components.find((c) => c.name === MOT_RULES.technicalReport)!;
  const rp = components.find((c) => c.name === MOT_RULES.researchPaper)!;
  const waived = !included(tr) && rp.status !== 'missing';
  const missing = components
    .filter((c) => c.required && !included(c) && !(c === tr && waived))
    .map((c) => `Class ${'I'.repeat(c.class)}: ${c.name} (${c.reason})`);
  const notTypeAppropriate = components.filter((c) => c.typeAppropriate === false).map((c) => `${c.name} of type ${MOF_COMPONENTS.find((d) => d.name === c.name)!.content}: ${c.license}`);
  const reasons = [cls ? `Meets every required component of Class ${cls}${cls === 'I' ? '' : ' and the classes above it'}.` : `Not even Class III: ${missing.filter((m) => m.startsWith('Class III:')).length} of its required components are not met.`];
  if (waived) reasons.push(`No included technical report: the research paper stands in for it (${rp.status}), as the MOT allows.`);
  if (notTypeAppropriate.length) reasons.push(`Open, but should have a type-appropriate open license: ${notTypeAppropriate.join('; ')}.`);
  return { framework: MOF, class: cls, progress, components, missing, notTypeAppropriate, reasons };
}
