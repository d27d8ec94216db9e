// Data-quality checks over the whole registry: evidence, references between records, duplicates, check dates.
import { closest } from 'fastest-levenshtein';
import { resolveLicense } from './expression.js';
import type { ModelRecord } from './model.js';
import type { Registry } from './registry.js';

export interface QualityFinding {
  model: string;
  field: string;
  check: 'evidence' | 'license' | 'family' | 'derived_from' | 'duplicate' | 'checked' | 'act-input';
  message: string;
}

type ActInputs = Pick<ModelRecord, 'monetised' | 'training_compute'>;

/**
 * The EU AI Act inputs of one record or variant without a source: a `monetised` value (bare, or
 * without evidence) and a `training_compute` figure without evidence; `unknown` needs a note saying
 * what was looked for. The verdict already reads a bare `monetised` as unknown, so these are for
 * review (audit --check inputs), not errors.
 */
function actInputGaps(model: string, prefix: string, r: ActInputs): QualityFinding[] {
  const out: QualityFinding[] = [];
  const m = r.monetised;
  if (m !== undefined) {
    const value = typeof m === 'object' ? m.value : m;
    const evidence = typeof m === 'object' ? m.evidence ?? [] : [];
    const notes = typeof m === 'object' ? m.notes : undefined;
    if (value !== 'unknown' && !evidence.length) out.push({ model, field: `${prefix}monetised`, check: 'act-input', message: `${String(value)} without evidence: the EU AI Act verdict reads it as unknown (give a pricing page or licence, or record unknown with a note)` });
    if (value === 'unknown' && !notes?.trim()) out.push({ model, field: `${prefix}monetised`, check: 'act-input', message: 'unknown without a note saying what was looked for' });
  }
  const t = r.training_compute;
  if (t) {
    if (t.flop !== 'unknown' && !t.evidence?.length) out.push({ model, field: `${prefix}training_compute`, check: 'act-input', message: `${t.flop} FLOP without evidence (a technical report or model card giving it or the figures it is computed from)` });
    if (t.flop === 'unknown' && !t.notes?.trim()) out.push({ model, field: `${prefix}training_compute`, check: 'act-input', message: 'unknown without a note saying what was looked for' });
  }
  return out;
}

/** EU AI Act inputs without evidence, over every record and variant (for review: see actInputGaps). */
export function actInputFindings(registry: Registry): QualityFinding[] {
  return registry.models.flatMap((m) => [
    ...actInputGaps(m.id, '', m),
    ...(m.variants ?? []).flatMap((v, i) => actInputGaps(m.id, `variants.${i}.`, v)),
  ]);
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9+]/g, '');

export function qualityFindings(registry: Registry): QualityFinding[] {
  const findings: QualityFinding[] = [];
  const byName = new Map<string, string>();
  const byWeights = new Map<string, string>();

  for (const m of registry.models) {
    const entries = [
      ...Object.entries(m.components).map(([key, entry]) => [`components.${key}`, entry] as const),
      ...(m.variants ?? []).flatMap((v, i) => Object.entries(v.components ?? {}).map(([key, entry]) => [`variants.${i}.components.${key}`, entry!] as const)),
    ];
    for (const [field, entry] of entries) {
      if ((entry.status === 'public' || entry.status === 'api') && !entry.evidence?.length) {
        findings.push({ model: m.id, field, check: 'evidence', message: `${entry.status} but no evidence link` });
      }
      // A dated change is a claim about the past: every earlier state cites where it is seen.
      (entry.history ?? []).forEach((state, i) => {
        if (!state.evidence?.length) findings.push({ model: m.id, field: `${field}.history.${i}`, check: 'evidence', message: `state until ${state.until} has no evidence link` });
      });
    }
    for (const [key, entry] of Object.entries(m.components)) {
      if (entry.license) {
        const r = resolveLicense(entry.license, registry.index);
        if (!r.ok) findings.push({ model: m.id, field: `components.${key}.license`, check: 'license', message: r.error });
      }
    }
    for (const bag of ['documentation', 'artifacts'] as const) {
      for (const [key, entry] of Object.entries(m[bag] ?? {})) {
        if (entry?.status === 'public' && !entry.evidence?.length) findings.push({ model: m.id, field: `${bag}.${key}`, check: 'evidence', message: 'public but no link' });
      }
    }
    if (m.derived_from && !registry.model(m.derived_from)) {
      findings.push({ model: m.id, field: 'derived_from', check: 'derived_from', message: `no record "${m.derived_from}" in the registry` });
    }
    if (m.derived_from === m.id) findings.push({ model: m.id, field: 'derived_from', check: 'derived_from', message: 'a model cannot derive from itself' });
    if (m.family && !registry.families.has(m.family)) {
      const guess = registry.families.size ? closest(m.family, [...registry.families.keys()]) : undefined;
      findings.push({ model: m.id, field: 'family', check: 'family', message: `family "${m.family}" is not in registry/families.yaml${guess ? ` (did you mean ${guess}?)` : ''}` });
    }
    if (!m.checked) findings.push({ model: m.id, field: 'checked', check: 'checked', message: 'no date on which the evidence was checked' });
    const name = norm(m.name);
    const twin = byName.get(name);
    if (twin) findings.push({ model: m.id, field: 'name', check: 'duplicate', message: `same name as ${twin}: two records for one release?` });
    else byName.set(name, m.id);
    const weights = m.links?.weights;
    if (weights) {
      const other = byWeights.get(weights);
      if (other) findings.push({ model: m.id, field: 'links.weights', check: 'duplicate', message: `same weights link as ${other}: two records for one release?` });
      else byWeights.set(weights, m.id);
    }
  }
  return findings;
}
