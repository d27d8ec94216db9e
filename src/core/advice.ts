// Advice for publishers: which release would raise openness most, and what-ifs that recompute every verdict.
import { classify } from './classify.js';
import { type VerdictSummary, verdictSummary, verdicts } from './frameworks/index.js';
import { DEVELOPER_RECOMMENDATIONS } from './frameworks/paper-recommendations.js';
import type { FrameworkOptions } from './frameworks/terms.js';
import type { ComponentEntry, ModelRecord } from './model.js';
import type { Registry } from './registry.js';
import { COMPONENTS, component } from './taxonomy.js';

/** The license we suggest for each kind of release: the least restrictive one in the knowledge base. */
export const SUGGESTED_LICENSE = { code: 'Apache-2.0', weights: 'Apache-2.0', data: 'CC-BY-4.0', document: 'CC-BY-4.0' } as const;

const DOCUMENTS = ['model_card', 'data_card', 'technical_report', 'research_paper', 'evaluation_results'];
const ARTIFACTS = ['data_preprocessing_code', 'intermediate_checkpoints', 'supporting_libraries', 'architecture_code'];

export interface Release { target: string; license: string }

export interface Outcome {
  levels: Record<string, string>;
  /** The paper's recommendations to developers that the release follows. */
  followed: string[];
  openness: number | null;
  frameworks: VerdictSummary;
}

export interface Suggestion {
  release: Release;
  level: { from: string; to: string } | null;
  openness: { from: number | null; to: number | null };
  frameworks: { [K in keyof VerdictSummary]: { from: VerdictSummary[K]; to: VerdictSummary[K] } };
  /** The frameworks whose verdict improves. */
  improves: string[];
  /** The paper's recommendations to developers that this release would newly satisfy. */
  recommendations: { id: string; text: string; section: string }[];
}

/** Parses "component=license" (component key, documentation.<doc> or artifacts.<artifact>). */
export function parseRelease(text: string): Release | { error: string } {
  const eq = text.indexOf('=');
  if (eq < 1) return { error: `cannot read release "${text}" (write COMPONENT=LICENSE, e.g. training.data.pretraining=CC-BY-4.0)` };
  const target = text.slice(0, eq).trim();
  const license = text.slice(eq + 1).trim();
  const [bag, key] = target.split(/\.(.*)/s) as [string, string | undefined];
  const known = component(target) || (bag === 'documentation' && key && DOCUMENTS.includes(key)) || (bag === 'artifacts' && key && ARTIFACTS.includes(key));
  if (!known) return { error: `unknown release target "${target}" (use a component key, documentation.${DOCUMENTS[0]}… or artifacts.${ARTIFACTS[0]}…)` };
  if (!license) return { error: `no license in "${text}"` };
  return { target, license };
}

/** The record as it would be after the releases: each target public under its license. */
export function applyReleases(record: ModelRecord, releases: readonly Release[]): ModelRecord {
  // Only the bags a release changes are copied: the record itself is never modified.
  const next: ModelRecord = { ...record, components: { ...record.components }, ...(record.documentation ? { documentation: { ...record.documentation } } : {}), ...(record.artifacts ? { artifacts: { ...record.artifacts } } : {}) };
  for (const { target, license } of releases) {
    const entry: ComponentEntry = { status: 'public', license, notes: 'what-if release' };
    if (component(target)) next.components[target] = entry;
    else {
      const [bag, key] = target.split(/\.(.*)/s) as ['documentation' | 'artifacts', string];
      next[bag] = { ...(next[bag] ?? {}), [key]: entry };
    }
  }
  return next;
}

export function outcome(record: ModelRecord, registry: Registry, options: FrameworkOptions): Outcome {
  const classification = classify(record, registry.index, { reading: options.reading ?? 'strict' });
  const v = verdicts(record, registry, options, classification);
  return {
    levels: Object.fromEntries(Object.values(classification.components).map((c) => [c.key, c.level])),
    followed: v.paper.recommendations.follows,
    openness: classification.summary.openness,
    frameworks: verdictSummary(v),
  };
}

const MOF_RANK: Record<string, number> = { none: 0, III: 1, II: 2, I: 3 };
const TRI_RANK: Record<string, number> = { no: 0, unknown: 1, yes: 2 };

function improved(key: keyof VerdictSummary, from: VerdictSummary[typeof key], to: VerdictSummary[typeof key]): boolean {
  switch (key) {
    case 'mof': return MOF_RANK[String(to)]! > MOF_RANK[String(from)]!;
    case 'osaid': return from === 'fail' && to === 'pass';
    case 'osaiIndex': return Number(to) > Number(from);
    case 'euExemption': return TRI_RANK[String(to)]! > TRI_RANK[String(from)]!;
  }
}

export function compareOutcomes(release: Release, before: Outcome, after: Outcome): Suggestion {
  const keys = Object.keys(before.frameworks) as (keyof VerdictSummary)[];
  const frameworks = Object.fromEntries(keys.map((k) => [k, { from: before.frameworks[k], to: after.frameworks[k] }])) as Suggestion['frameworks'];
  const level = component(release.target) ? { from: before.levels[release.target]!, to: after.levels[release.target]! } : null;
  const recommendations = DEVELOPER_RECOMMENDATIONS.filter((r) => after.followed.includes(r.id) && !before.followed.includes(r.id)).map((r) => ({ id: r.id, text: r.text, section: r.section }));
  return { release, level, openness: { from: before.openness, to: after.openness }, frameworks, improves: keys.filter((k) => improved(k, before.frameworks[k], after.frameworks[k])), recommendations };
}

/** Candidate releases: every component, document and artifact not yet at its best, under the suggested license. */
function candidates(record: ModelRecord, registry: Registry, options: FrameworkOptions): Release[] {
  const list: Release[] = [];
  const current = classify(record, registry.index, { reading: options.reading ?? 'strict' });
  for (const c of COMPONENTS) {
    const r = current.components[c.key]!;
    if (r.level === 'N/A' || r.score === 5) continue;
    list.push({ target: c.key, license: c.key === 'deployment.data.weights' ? SUGGESTED_LICENSE.weights : SUGGESTED_LICENSE[c.kind] });
  }
  for (const d of DOCUMENTS) {
    const e = record.documentation?.[d];
    if (e?.status !== 'n/a' && !(e?.status === 'public' && e.license)) list.push({ target: `documentation.${d}`, license: SUGGESTED_LICENSE.document });
  }
  for (const a of ['data_preprocessing_code', 'intermediate_checkpoints']) {
    const e = record.artifacts?.[a];
    if (e?.status !== 'n/a' && !(e?.status === 'public' && e.license)) list.push({ target: `artifacts.${a}`, license: a === 'intermediate_checkpoints' ? SUGGESTED_LICENSE.weights : SUGGESTED_LICENSE.code });
  }
  return list;
}

/** The single releases that would raise openness most, best first: more framework verdicts improved, then the larger gain in our aggregate. */
export function advise(record: ModelRecord, registry: Registry, options: FrameworkOptions, limit = 10): Suggestion[] {
  const before = outcome(record, registry, options);
  const suggestions = candidates(record, registry, options).map((release) => compareOutcomes(release, before, outcome(applyReleases(record, [release]), registry, options)));
  const gain = (s: Suggestion) => (s.openness.to ?? 0) - (s.openness.from ?? 0);
  const osai = (s: Suggestion) => Number(s.frameworks.osaiIndex.to) - Number(s.frameworks.osaiIndex.from);
  return suggestions
    .filter((s) => s.improves.length > 0 || gain(s) > 0)
    .sort((a, b) => b.improves.length - a.improves.length || gain(b) - gain(a) || osai(b) - osai(a))
    .slice(0, limit);
}

/** A what-if: all the given releases at once, with every level and verdict before and after. */
export function whatIf(record: ModelRecord, registry: Registry, releases: readonly Release[], options: FrameworkOptions) {
  const before = outcome(record, registry, options);
  const after = outcome(applyReleases(record, releases), registry, options);
  const changed = Object.keys(before.levels).filter((k) => before.levels[k] !== after.levels[k]).map((k) => ({ component: k, from: before.levels[k]!, to: after.levels[k]! }));
  const combined = compareOutcomes({ target: releases.map((r) => r.target).join(' + '), license: releases.map((r) => r.license).join(' + ') }, before, after);
  return { releases, before, after, changed, frameworks: combined.frameworks, improves: combined.improves, recommendations: combined.recommendations };
}
