// Licenses as the five rights of Eiras et al., read strictly or leniently, and their points.

export const RIGHTS = [
  { key: 'research', name: 'Research', question: 'may be used for research' },
  { key: 'commercial', name: 'Commercial', question: 'may be used for any commercial purpose' },
  { key: 'modify', name: 'Modify', question: 'may be modified as desired (with notice)' },
  { key: 'copyright_derivative', name: 'Copyright derivative', question: 'the licensee may hold copyright on derivative work' },
  { key: 'other_license_derivative', name: 'Other-license derivative', question: 'shared derivative work may use another license (no share-alike)' },
] as const;
export type RightKey = (typeof RIGHTS)[number]['key'];
export const RIGHT_KEYS: readonly RightKey[] = RIGHTS.map((r) => r.key);

export const GRANTS = ['yes', 'conditional', 'no'] as const;
export type Grant = (typeof GRANTS)[number];

export const READINGS = ['strict', 'lenient'] as const;
export type Reading = (typeof READINGS)[number];

export const LICENSE_KINDS = ['code', 'data', 'model', 'document', 'any', 'policy'] as const;
export type LicenseKind = (typeof LICENSE_KINDS)[number];

export const OBLIGATIONS = [
  { key: 'share_alike', name: 'Share-alike' },
  { key: 'attribution', name: 'Attribution' },
  { key: 'use_policy', name: 'Use policy' },
  { key: 'threshold', name: 'User or revenue threshold' },
  { key: 'naming_rule', name: 'Naming rule' },
  { key: 'output_training_ban', name: 'Ban on training other models with outputs' },
  { key: 'revocable', name: 'Revocable' },
] as const;
export type ObligationKey = (typeof OBLIGATIONS)[number]['key'];
/** false: none; 'unknown': not established; text: the obligation, citing its clause. */
export type Obligation = false | 'unknown' | string;

export interface RightGrant {
  grant: Grant;
  clause: string;
}

export interface License {
  id: string;
  name: string;
  version: string;
  url: string;
  kind: LicenseKind;
  spdx: string | null;
  aliases: string[];
  osi_approved: boolean;
  verified: 'text' | 'quotes' | 'unread';
  rights: Record<RightKey, RightGrant>;
  obligations: Record<ObligationKey, Obligation>;
  notes?: string;
  /** Not hand-scored: the rights come from the SPDX id's category (src/core/license-categories.ts). */
  derived?: { categories: string[]; why: string[]; source: string };
}

/** Points a grant earns: conditional rights count only under the lenient reading. */
const GRANT_POINTS: Record<Reading, Record<Grant, 0 | 1>> = {
  strict: { yes: 1, conditional: 0, no: 0 },
  lenient: { yes: 1, conditional: 1, no: 0 },
};

export function grantPoints(grant: Grant, reading: Reading): 0 | 1 {
  return GRANT_POINTS[reading][grant];
}

/** Order used to combine licenses: AND keeps the weakest grant of each right. */
const GRANT_RANK: Record<Grant, number> = { no: 0, conditional: 1, yes: 2 };
export function weakerGrant(a: Grant, b: Grant): Grant {
  return GRANT_RANK[a] <= GRANT_RANK[b] ? a : b;
}

export function rightsPoints(rights: Record<RightKey, { grant: Grant }>, reading: Reading): number {
  return RIGHT_KEYS.reduce((sum, key) => sum + grantPoints(rights[key].grant, reading), 0);
}

export function licensePoints(license: License, reading: Reading): number {
  return rightsPoints(license.rights, reading);
}

/** The rights of "public, no license": all rights reserved. */
export const NO_LICENSE_RIGHTS: Record<RightKey, RightGrant> = Object.fromEntries(
  RIGHT_KEYS.map((k) => [k, { grant: 'no', clause: 'no license: all rights reserved' }]),
) as Record<RightKey, RightGrant>;

/** Rights after combining licenses, each naming the license whose clause decided it. */
export type ScoredRightMap = Record<RightKey, RightGrant & { license: string }>;
