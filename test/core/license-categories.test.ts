// Every SPDX id resolves: hand-scored records stay the truth, every other id takes its rights from its category, and says so.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import spdxList from 'spdx-license-list';
import { lookupLicense, resolveLicense } from '../../src/core/expression.js';
import { CATEGORY_RULES, type LicenseCategory, categoriesOf, derivedLicense, withDerivedLicenses } from '../../src/core/license-categories.js';
import { RIGHT_KEYS } from '../../src/core/licenses.js';
import { classify } from '../../src/core/classify.js';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import { registry, runCli } from '../helpers.js';

describe('every SPDX id resolves', () => {
  it('resolves each of the SPDX list\'s ids, and keeps the hand-scored record where there is one', async () => {
    const reg = await registry();
    const ids = Object.keys(spdxList);
    assert.ok(ids.length > 700);
    for (const id of ids) {
      const license = lookupLicense(id, reg.index);
      assert.ok(license, id);
      const scored = reg.licenses.find((l) => l.spdx === id || l.id === id);
      if (scored) assert.equal(license, scored, `${id}: the hand-scored record wins`);
      else if (!license.derived) assert.ok(reg.licenses.includes(license), `${id}: an alias of a hand-scored record`);
      else assert.ok(license.rights.research.clause.startsWith('rights derived from category '), id);
    }
    assert.ok(reg.licenses.every((l) => !l.derived), 'the knowledge base lists only hand-scored records');
  });

  it('the category table agrees with the hand-scored records of each category', async () => {
    const reg = await registry();
    const examples: [string, LicenseCategory[]][] = [
      ['MIT', ['permissive']], ['CC0-1.0', ['public-domain dedication']], ['MPL-2.0', ['weak copyleft']], ['LGPL-2.1-only', ['weak copyleft']],
      ['GPL-3.0-only', ['strong copyleft']], ['AGPL-3.0-only', ['network copyleft']], ['CC-BY-NC-4.0', ['non-commercial']],
      ['CC-BY-ND-4.0', ['no-derivatives']], ['CC-BY-NC-ND-4.0', ['non-commercial', 'no-derivatives']], ['CC-BY-SA-4.0', ['strong copyleft']], ['CC-BY-NC-SA-4.0', ['non-commercial', 'strong copyleft']],
    ];
    for (const [id, categories] of examples) {
      assert.deepEqual(categoriesOf(id).categories, categories, `${id}: category from the data`);
      const scored = reg.licenses.find((l) => l.id === id)!;
      const derived = derivedLicense(id)!;
      for (const k of RIGHT_KEYS) assert.equal(derived.rights[k].grant, scored.rights[k].grant, `${id} ${k}: derived = hand-scored`);
    }
  });

  it('derives categories from the data and the naming rules, and shows the derivation', () => {
    assert.deepEqual(categoriesOf('AFL-3.0').categories, ['permissive']);
    assert.deepEqual(categoriesOf('CC-BY-3.0-NL').categories, ['permissive']);
    assert.deepEqual(categoriesOf('OSL-3.0').categories, ['network copyleft']);
    assert.deepEqual(categoriesOf('BUSL-1.1').categories, ['source-available']);
    assert.deepEqual(categoriesOf('PolyForm-Noncommercial-1.0.0').categories, ['non-commercial']);
    assert.equal(categoriesOf('NoSuchLicense-9').categories[0], 'uncategorised');
    assert.ok(Object.keys(CATEGORY_RULES).length === 9);
    const nd = derivedLicense('CC-BY-NC-ND-3.0')!;
    assert.equal(nd.rights.commercial.grant, 'no');
    assert.equal(nd.rights.modify.grant, 'conditional');
    assert.match(nd.notes!, /Rights derived from category non-commercial and no-derivatives \(ScanCode LicenseDB category "Source-available"; NC in its id/);
  });

  it('a derived alias never displaces a hand-scored one', async () => {
    const reg = await registry();
    const all = withDerivedLicenses(reg.licenses);
    assert.equal(new Set(all.map((l) => l.id)).size, all.length);
    assert.equal(lookupLicense('Apache 2.0', reg.index)!.id, 'Apache-2.0');
  });

  it('classify explains a derived license by its category; the MOF components it fails today count', async () => {
    const reg = await registry();
    const record = { id: 'x', name: 'X', organization: 'Y', released: '2025-01', components: Object.fromEntries(COMPONENTS.map((c) => [c.key, { status: 'unknown' as const }])) };
    record.components['deployment.code.inference'] = { status: 'public', license: 'NCSA' } as never;
    const c = classify(record, reg.index, { reading: 'strict' });
    const cell = c.components['deployment.code.inference']!;
    assert.equal(cell.level, 'C5');
    assert.match(JSON.stringify(cell.explanation), /rights derived from category permissive/);
    assert.ok(resolveLicense('AFL-3.0 AND ECL-2.0', reg.index).ok);
  });

  it('howopen license shows the derivation', async () => {
    const r = await runCli(['license', 'ECL-2.0']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Rights derived from category permissive \(ScanCode LicenseDB category "Permissive"/);
  });
});
