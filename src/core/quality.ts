// Data-quality checks over the whole registry: evidence, references between records, duplicates, check dates.
import { closest } from 'fastest-levenshtein';
import { resolveLicense } from './expression.js';
import type { Registry } from './registry.js';

export interface QualityFinding {
  model: string;
  field: string;
  check: 'evidence' | 'license' | 'family' | 'derived_from' | 'duplicate' | 'checked';
  message: string;
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
