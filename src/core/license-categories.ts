// Every SPDX id resolves: ids without a hand-scored record get their five rights from their category, the category from maintained data.
import spdxList from 'spdx-license-list';
import { aliasKey } from './expression.js';
import type { Grant, License, LicenseKind, Obligation, ObligationKey, RightKey } from './licenses.js';
import { MOT_TYPES } from './frameworks/mot-licenses.js';
import { SCANCODE_CATEGORY, SCANCODE_SOURCE } from './spdx-categories.js';

export const LICENSE_CATEGORIES = [
  'permissive', 'weak copyleft', 'strong copyleft', 'network copyleft', 'public-domain dedication',
  'non-commercial', 'no-derivatives', 'source-available', 'uncategorised',
] as const;
export type LicenseCategory = (typeof LICENSE_CATEGORIES)[number];

type Rights = Record<RightKey, [Grant, string]>;
const all = (grant: Grant, why: string): Rights => ({ research: [grant, why], commercial: [grant, why], modify: [grant, why], copyright_derivative: [grant, why], other_license_derivative: [grant, why] });

/**
 * The five rights each category grants, as the hand-scored licenses of the category grant them
 * (MIT, CC0-1.0, MPL-2.0 and LGPL-2.1, GPL-3.0, AGPL-3.0, CC-BY-NC-4.0, CC-BY-ND-4.0); the test
 * suite checks the table against those records. Obligations: what every license of the category asks.
 */
export const CATEGORY_RULES: Readonly<Record<LicenseCategory, { rights: Rights; obligations: Partial<Record<ObligationKey, Obligation>>; means: string }>> = {
  'permissive': { means: 'use, change and share for any purpose, keeping notices', rights: all('yes', 'permissive licenses grant it'), obligations: { attribution: 'keep the copyright and license notices (typical of permissive licenses; see the text)' } },
  'public-domain dedication': { means: 'rights waived or dedicated to the public domain', rights: all('yes', 'a public-domain dedication waives the rights'), obligations: {} },
  'weak copyleft': {
    means: 'changes to the work itself stay under the license; larger works may use another',
    rights: { ...all('yes', 'weak-copyleft licenses grant it'), other_license_derivative: ['conditional', 'weak copyleft: modified files or the library stay under the license; a larger work may use another'] },
    obligations: { share_alike: 'modified files or the library itself stay under the license (weak copyleft)', attribution: 'keep the notices (see the text)' },
  },
  'strong copyleft': {
    means: 'derivative works are shared under the same license',
    rights: { ...all('yes', 'strong-copyleft licenses grant it'), other_license_derivative: ['no', 'strong copyleft: a shared derivative must use the same license'] },
    obligations: { share_alike: 'a shared derivative work is licensed as a whole under the same license (strong copyleft)', attribution: 'keep the notices (see the text)' },
  },
  'network copyleft': {
    means: 'strong copyleft that also reaches use over a network',
    rights: { ...all('yes', 'network-copyleft licenses grant it'), other_license_derivative: ['no', 'network copyleft: a derivative, even one only offered over a network, must use the same license'] },
    obligations: { share_alike: 'a derivative work, also one offered to users over a network, is licensed under the same license (network copyleft)', attribution: 'keep the notices (see the text)' },
  },
  'non-commercial': {
    means: 'no commercial use',
    rights: { ...all('yes', 'non-commercial licenses grant it for non-commercial use'), commercial: ['no', 'non-commercial: commercial use is not licensed'] },
    obligations: { attribution: 'credit and license notice (see the text)' },
  },
  'no-derivatives': {
    means: 'adapted material may not be shared',
    rights: {
      ...all('yes', 'no-derivatives licenses grant it'),
      modify: ['conditional', 'no-derivatives: adaptations may be made but not shared'],
      copyright_derivative: ['conditional', 'no-derivatives: rights in an adaptation only while it is not shared'],
      other_license_derivative: ['no', 'no-derivatives: adapted material may not be shared at all'],
    },
    obligations: { attribution: 'credit and license notice (see the text)' },
  },
  'source-available': {
    means: 'the source may be read and used within limits that stop short of an open license',
    rights: {
      research: ['yes', 'source-available licenses allow use within their limits'],
      commercial: ['conditional', 'source-available: commercial or production use is limited (see the text)'],
      modify: ['conditional', 'source-available: changes allowed within the license\'s limits'],
      copyright_derivative: ['conditional', 'source-available: derivative works stay under the license\'s limits'],
      other_license_derivative: ['no', 'source-available: derivatives stay under the same terms'],
    },
    obligations: { use_policy: 'unknown' },
  },
  'uncategorised': { means: 'no category in the maintained data: counted as all rights reserved until the license is scored by hand', rights: all('no', 'not established: the license has no category in the maintained data and is not scored by hand; counted as not granted'), obligations: {} },
};

/** ScanCode LicenseDB category → ours. Copyleft that reaches network use, non-commercial and no-derivatives need the finer rules below. */
export const SCANCODE_TO_CATEGORY: Readonly<Record<string, LicenseCategory>> = {
  'Permissive': 'permissive',
  'Public Domain': 'public-domain dedication',
  'Copyleft Limited': 'weak copyleft',
  'Copyleft': 'strong copyleft',
  'Source-available': 'source-available',
  'Free Restricted': 'source-available',
};

/** Finer rules: the licenses whose copyleft reaches network use (their network clause), and the Creative Commons naming convention (-NC, -ND, -SA). */
export const CATEGORY_REFINEMENTS: readonly { test: RegExp; category: LicenseCategory; replaces: readonly LicenseCategory[]; why: string }[] = [
  { test: /^(AGPL-|OSL-3\.0$|NPOSL-3\.0$|RPL-1\.[15]$|CPAL-1\.0$)/, category: 'network copyleft', replaces: ['strong copyleft'], why: 'its copyleft reaches use over a network (AGPL §13, OSL 3.0 §5 "External Deployment", RPL, CPAL)' },
  { test: /(^|-)NC(-|$)|Non-?Commercial/i, category: 'non-commercial', replaces: ['source-available'], why: 'NC in its id: non-commercial' },
  { test: /(^|-)ND(-|$)/, category: 'no-derivatives', replaces: ['source-available'], why: 'ND in its id: no derivatives' },
  { test: /^CC-BY(-NC)?-SA-/, category: 'strong copyleft', replaces: ['weak copyleft', 'source-available'], why: 'SA in its Creative Commons id: ShareAlike puts the whole adaptation under the same license' },
];

/** An id's categories, and why: ScanCode's category mapped, then the refinements. */
export function categoriesOf(id: string): { categories: LicenseCategory[]; why: string[] } {
  const scancode = Object.hasOwn(SCANCODE_CATEGORY, id) ? SCANCODE_CATEGORY[id]! : undefined;
  const base = scancode && Object.hasOwn(SCANCODE_TO_CATEGORY, scancode) ? SCANCODE_TO_CATEGORY[scancode]! : 'uncategorised';
  const why = [scancode ? `ScanCode LicenseDB category "${scancode}"` : 'no ScanCode LicenseDB category for this id'];
  let categories: LicenseCategory[] = [base];
  const refined = CATEGORY_REFINEMENTS.filter((r) => r.test.test(id) && r.replaces.includes(base));
  if (refined.length) {
    categories = refined.map((r) => r.category);
    why.push(...refined.map((r) => r.why));
  }
  return { categories, why };
}

const GRANT_RANK: Record<Grant, number> = { no: 0, conditional: 1, yes: 2 };

/** The kind of work a derived license is meant for: Creative Commons tools for any work, else the MOT's typing where it has one, else by family. */
function kindOf(id: string): LicenseKind {
  if (/^(CC-|CC0)/.test(id)) return 'any';
  const mot = Object.hasOwn(MOT_TYPES, id) ? MOT_TYPES[id]! : [];
  if (mot.length === 1) return mot[0] === 'code' ? 'code' : mot[0] === 'data' ? 'data' : 'document';
  if (/^(ODC-|ODbL|PDDL|CDLA-|C-UDA|O-UDA|OGL-|OGDL|DL-DE|NLOD|Community-Spec|etalab|OPUBL)/i.test(id)) return 'data';
  if (/^(GFDL|FreeBSD-DOC|OFL|Linux-man-pages|LPPL)/.test(id)) return 'document';
  return 'code';
}

/** A license record derived from an SPDX id's category; the rights say where they come from. */
export function derivedLicense(id: string): License | undefined {
  if (!Object.hasOwn(spdxList, id)) return undefined;
  const entry = spdxList[id]!;
  const { categories, why } = categoriesOf(id);
  const label = categories.join(' and ');
  const rights = Object.fromEntries((Object.keys(CATEGORY_RULES.permissive.rights) as RightKey[]).map((key) => {
    // Several categories (CC-BY-NC-ND): the weakest grant of each right.
    const [grant, reason] = categories.map((c) => CATEGORY_RULES[c].rights[key]).reduce((a, b) => (GRANT_RANK[b[0]] < GRANT_RANK[a[0]] ? b : a));
    return [key, { grant, clause: `rights derived from category ${label}: ${reason}` }];
  })) as License['rights'];
  const obligations = { share_alike: false, attribution: false, use_policy: false, threshold: false, naming_rule: false, output_training_ban: false, revocable: false } as License['obligations'];
  for (const c of categories) Object.assign(obligations, CATEGORY_RULES[c].obligations);
  return {
    id, name: entry.name, version: 'as on the SPDX list', url: entry.url || `https://spdx.org/licenses/${id}.html`,
    kind: kindOf(id), spdx: id, aliases: [entry.name], osi_approved: entry.osiApproved, verified: 'unread',
    rights, obligations,
    derived: { categories, why, source: `${SCANCODE_SOURCE.repository} at ${SCANCODE_SOURCE.commit.slice(0, 7)} (${SCANCODE_SOURCE.license})` },
    notes: `Rights derived from category ${label} (${why.join('; ')}), not read from the license text; a hand-scored record would take precedence.`,
  };
}

/** The hand-scored licenses, then one derived record for every SPDX id none of them covers; a derived alias never takes a hand-scored one's place. */
export function withDerivedLicenses(scored: readonly License[]): License[] {
  const taken = new Set(scored.flatMap((l) => [l.id, ...(l.spdx ? [l.spdx] : []), ...l.aliases].map(aliasKey)));
  const derived: License[] = [];
  for (const id of Object.keys(spdxList)) {
    if (taken.has(aliasKey(id))) continue;
    const license = derivedLicense(id)!;
    license.aliases = license.aliases.filter((a) => !taken.has(aliasKey(a)));
    for (const a of [id, ...license.aliases]) taken.add(aliasKey(a));
    derived.push(license);
  }
  return [...scored, ...derived];
}
