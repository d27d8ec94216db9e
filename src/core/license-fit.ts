// Does a component's license suit its kind: code licenses on code, data or content licenses on data and documents, model licenses on weights.
import { type LicenseIndex, licenseIds, resolveLicense } from './expression.js';
import type { LicenseKind } from './licenses.js';
import type { ModelRecord } from './model.js';
import { COMPONENTS } from './taxonomy.js';

export type Target = 'code' | 'data' | 'weights' | 'document';

/**
 * Which license kinds are meant for each kind of part. Weights accept code and data licenses too:
 * publishers commonly release weights under Apache-2.0 or MIT, and the paper grades weights as data.
 * The MOT is stricter (Apache-2.0 on weights is open but not type-appropriate there); its reading is
 * the MOF verdict's `notTypeAppropriate`.
 */
export const FITS: Readonly<Record<Target, { accepts: readonly LicenseKind[]; why: string }>> = {
  code: { accepts: ['code', 'any'], why: 'code is licensed with a software license' },
  data: { accepts: ['data', 'any'], why: 'data is licensed with a data or content license' },
  document: { accepts: ['document', 'data', 'any'], why: 'a document is licensed with a content or documentation license' },
  weights: { accepts: ['model', 'code', 'data', 'any'], why: 'weights are licensed with a model license (software and data licenses are common and accepted)' },
};

/** Where each record field sits. */
export function targetOf(field: string): Target | null {
  if (field === 'components.deployment.data.weights' || field === 'artifacts.intermediate_checkpoints' || field === 'artifacts.model_metadata') return 'weights';
  if (field.startsWith('components.')) return COMPONENTS.find((c) => `components.${c.key}` === field)?.kind ?? null;
  if (field.startsWith('artifacts.')) return 'code';
  if (field.startsWith('documentation.')) return 'document';
  return null;
}

export interface FitFinding { field: string; license: string; kind: LicenseKind; target: Target; message: string }

/** Every public part whose license (any license of its expression) is not of a kind meant for it; use policies are never a license for a part. */
export function licenseFit(record: ModelRecord, index: LicenseIndex): FitFinding[] {
  const out: FitFinding[] = [];
  const bags = [['components', record.components], ['documentation', record.documentation ?? {}], ['artifacts', record.artifacts ?? {}]] as const;
  for (const [bag, entries] of bags) {
    for (const [key, entry] of Object.entries(entries)) {
      if (!entry?.license || entry.status !== 'public') continue;
      const field = `${bag}.${key}`;
      const target = targetOf(field);
      const resolved = resolveLicense(entry.license, index);
      if (!target || !resolved.ok) continue;
      for (const id of licenseIds(resolved.tree)) {
        const license = index.byId.get(id)!;
        if (license.kind === 'policy' || FITS[target].accepts.includes(license.kind)) continue;
        out.push({ field, license: id, kind: license.kind, target, message: `${id} is a ${license.kind} license on ${target === 'weights' ? 'weights' : `a ${target} part`}: ${FITS[target].why}` });
      }
    }
  }
  return out;
}
