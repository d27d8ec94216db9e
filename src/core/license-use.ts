// What a license means in use: its scores under both readings, and the models that use it.
import { licenseIds, resolveLicense } from './expression.js';
import { type License, READINGS, licensePoints } from './licenses.js';
import type { Registry } from './registry.js';
import { pointsRow } from './taxonomy.js';

export function licenseScores(license: License) {
  return Object.fromEntries(READINGS.map((reading) => {
    const points = licensePoints(license, reading);
    const row = pointsRow(points);
    return [reading, { points, restrictiveness: row.restrictiveness, code: `C${row.code}`, data: `D${row.data}` }];
  })) as Record<(typeof READINGS)[number], { points: number; restrictiveness: string; code: string; data: string }>;
}

/** Ids of the models whose components (or any of their variants' components) name this license anywhere in their expressions. */
export function modelsUsing(license: License, registry: Registry): string[] {
  const names = (c: { license?: string } | undefined) => {
    if (!c?.license) return false;
    const resolved = resolveLicense(c.license, registry.index);
    return resolved.ok && licenseIds(resolved.tree).includes(license.id);
  };
  return registry.models.filter((m) => Object.values(m.components).some(names)
    || (m.variants ?? []).some((v) => Object.values(v.components ?? {}).some(names))).map((m) => m.id);
}


/** A license as faces report it: the record, its scores under both readings, and the models that use it. */
export function licenseReport(license: License, models: readonly string[]) {
  return { ...license, scores: licenseScores(license), models: [...models] };
}
