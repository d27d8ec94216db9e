// Classification: a model record → a level per component, each with its points and the reasons.
import { type Evaluation, type LicenseIndex, evaluateTree, resolveLicense } from './expression.js';
import { type Reading, type RightKey, type ScoredRightMap, NO_LICENSE_RIGHTS, RIGHTS, grantPoints } from './licenses.js';
import type { ComponentEntry, ModelRecord } from './model.js';
import { SCOPE_KEYS, rightAnswers, scopeAnswer } from './rights.js';
import {
  type Band, type Component, type Kind, type LevelLabel, type Restrictiveness,
  COMPONENTS, STATUS_LEVEL, levelLabel, pointsRow, scaleLevel,
} from './taxonomy.js';

export interface ComponentResult {
  key: string;
  kind: Kind;
  status: ComponentEntry['status'];
  level: LevelLabel;
  /** 1..5, or null for N/A and Unknown. */
  score: number | null;
  points: number | null;
  restrictiveness: Restrictiveness | null;
  hint: string | null;
  /** The license expression in canonical ids, as scored. */
  license: string | null;
  rights: ScoredRightMap | null;
  explanation: string;
}

export interface Summary {
  /** Components per band; N/A and Unknown counted apart from closed. */
  bands: Record<Band | 'N/A' | 'Unknown', number>;
  /** Components per level 1..5. */
  levels: Record<1 | 2 | 3 | 4 | 5, number>;
  /**
   * howopen's own aggregate, not the paper's, as a percentage: the mean of (level − 1) / 4 over the
   * applicable components (all but N/A), with every Unknown counted as closed (0), so not knowing is
   * never rewarded. It is the lower end of `range`, and what models are ranked by. null when no
   * component is applicable.
   */
  openness: number | null;
  /** Where the figure would lie once every Unknown is known: lower counts each Unknown as closed, upper as fully open. */
  range: { lower: number; upper: number } | null;
  /** Components with a level out of the applicable ones (all but N/A). */
  coverage: { known: number; applicable: number };
}

export interface Classification {
  id: string;
  name: string;
  reading: Reading;
  components: Record<string, ComponentResult>;
  summary: Summary;
}

export interface ClassifyOptions { reading?: Reading }

export function classify(record: ModelRecord, index: LicenseIndex, options: ClassifyOptions = {}): Classification {
  const reading = options.reading ?? 'strict';
  const components: Record<string, ComponentResult> = {};
  for (const component of COMPONENTS) {
    const entry = record.components[component.key];
    components[component.key] = entry
      ? classifyComponent(component, entry, index, reading)
      : unknownResult(component, { status: 'unknown' }, 'The record says nothing about this component.');
  }
  return { id: record.id, name: record.name, reading, components, summary: summarize(Object.values(components)) };
}

export function classifyComponent(component: Component, entry: ComponentEntry, index: LicenseIndex, reading: Reading): ComponentResult {
  const rule = STATUS_LEVEL[entry.status][component.kind];
  const base = { key: component.key, kind: component.kind, status: entry.status, hint: null, license: null, points: null, restrictiveness: null, rights: null };
  if (rule === null) return unknownResult(component, entry, `Status "${entry.status}" is not defined for a ${component.kind} component.`);
  if (rule === 'N/A') return { ...base, level: 'N/A', score: null, explanation: 'Not applicable: this stage does not exist for the model.' };
  if (rule === 'Unknown') return unknownResult(component, entry, 'The stage exists, but its openness could not be established.');
  if (typeof rule === 'number') {
    const level = levelLabel(component.kind, rule);
    const why = entry.status === 'api' ? 'Reachable only through a (paid) API' : 'Not publicly released in any form';
    return { ...base, level, score: rule, explanation: `${why} → ${level}.` };
  }
  return publicResult(component, entry, index, reading);
}

function unknownResult(component: Component, entry: ComponentEntry, why: string): ComponentResult {
  const hint = entry.hint ?? null;
  return {
    key: component.key, kind: component.kind, status: entry.status, level: 'Unknown', score: null, points: null,
    restrictiveness: null, hint, license: null, rights: null,
    explanation: `${why}${hint ? ` Believed to be ${hint}.` : ''} Unknown is counted apart from closed.`,
  };
}

function publicResult(component: Component, entry: ComponentEntry, index: LicenseIndex, reading: Reading): ComponentResult {
  let evaluation: Evaluation;
  let opening: string;
  if (entry.license === undefined) {
    evaluation = { expression: '', licenses: [], rights: noLicenseRights(), points: 0, obligations: {}, steps: [] };
    opening = 'Public with no license: all rights are reserved, so none of the five rights is granted.';
  } else {
    const resolved = resolveLicense(entry.license, index);
    if (!resolved.ok) return unknownResult(component, entry, `Public, but its license cannot be scored: ${resolved.error}.`);
    evaluation = evaluateTree(resolved.tree, index, reading);
    const names = evaluation.licenses.map((id) => { const l = index.byId.get(id)!; return `${l.name} (${l.version})`; });
    opening = `Public under ${names.join(' and ')}.${evaluation.steps.length ? ` ${evaluation.steps.join(' ')}` : ''}`;
  }
  const row = pointsRow(evaluation.points);
  const score = component.kind === 'code' ? row.code : row.data;
  const level = levelLabel(component.kind, score);
  const rights = RIGHTS.map(({ key, name }) => describeRight(name, evaluation.rights[key], reading, evaluation.licenses.length > 1)).join(' ');
  const explanation = `${opening} ${rights} ${evaluation.points} point${evaluation.points === 1 ? '' : 's'} under the ${reading} reading → ${row.restrictiveness} → ${level} (${scaleLevel(score)[component.kind]}).`;
  return {
    key: component.key, kind: component.kind, status: entry.status, level, score, points: evaluation.points,
    restrictiveness: row.restrictiveness, hint: null, license: evaluation.expression || null, rights: evaluation.rights, explanation,
  };
}

function describeRight(name: string, right: ScoredRightMap[RightKey], reading: Reading, several: boolean): string {
  const source = several ? `${right.license} ` : '';
  const scored = right.grant === 'conditional' ? ` → ${grantPoints('conditional', reading)} under the ${reading} reading` : '';
  return `${name}: ${right.grant} (${source}${right.clause})${scored}.`;
}

function noLicenseRights(): ScoredRightMap {
  return Object.fromEntries(Object.entries(NO_LICENSE_RIGHTS).map(([k, v]) => [k, { ...v, license: 'none' }])) as ScoredRightMap;
}

export function summarize(results: readonly ComponentResult[]): Summary {
  const bands: Summary['bands'] = { 'fully closed': 0, 'semi-open': 0, 'fully open': 0, 'N/A': 0, Unknown: 0 };
  const levels: Summary['levels'] = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let total = 0;
  for (const r of results) {
    if (r.score === null) { bands[r.level as 'N/A' | 'Unknown'] += 1; continue; }
    bands[scaleLevel(r.score).band] += 1;
    levels[r.score as 1 | 2 | 3 | 4 | 5] += 1;
    total += (r.score - 1) / 4;
  }
  const applicable = results.length - bands['N/A'];
  const known = applicable - bands.Unknown;
  const pct = (x: number) => Math.round((x / applicable) * 1000) / 10;
  // Unknown adds 0 to the lower bound (as if closed) and 1 to the upper (as if fully open).
  const range = applicable ? { lower: pct(total), upper: pct(total + bands.Unknown) } : null;
  return { bands, levels, openness: range ? range.lower : null, range, coverage: { known, applicable } };
}

/** The aggregate as people read it, with its range and coverage: "45.8–79.2% (8 of 12 known)", or "62.5% (12 of 12 known)". */
export function opennessText(summary: Summary): string {
  const { range, coverage } = summary;
  if (!range) return 'n/a (no applicable component)';
  const known = `${coverage.known} of ${coverage.applicable} known`;
  return range.lower === range.upper ? `${range.lower}% (${known})` : `${range.lower}–${range.upper}% (${known})`;
}

/** The same in a few characters, for table cells: "45.8–79.2% 8/12". */
export function opennessShort(summary: Summary): string {
  const { range, coverage } = summary;
  if (!range) return '—';
  return `${range.lower === range.upper ? range.lower : `${range.lower}–${range.upper}`}% ${coverage.known}/${coverage.applicable}`;
}

/**
 * The JSON contract: { id, name, reading, components: { key: { level, points, hint, license, status,
 * restrictiveness, rights, can, explanation } }, can, summary }. `can` answers the five rights under
 * the reading (yes, no, unknown, n/a), per component and per scope (weights, data, code).
 */
export function classificationJson(result: Classification) {
  return {
    id: result.id,
    name: result.name,
    reading: result.reading,
    components: Object.fromEntries(Object.values(result.components).map((c) => [c.key, {
      level: c.level, points: c.points, hint: c.hint, license: c.license, status: c.status,
      restrictiveness: c.restrictiveness, rights: c.rights, can: rightAnswers(c, result.reading), explanation: c.explanation,
    }])),
    can: scopeAnswers(result),
    summary: result.summary,
  };
}

/** Each scope's answers: { weights: { research, commercial, … }, data: …, code: … }. */
export function scopeAnswers(result: Classification) {
  return Object.fromEntries(SCOPE_KEYS.map((scope) => [scope, Object.fromEntries(RIGHTS.map(({ key }) => [key, scopeAnswer(result, scope, key)]))]));
}
