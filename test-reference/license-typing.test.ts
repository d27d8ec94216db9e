// The Model Openness Tool's own license typing (mof-licenses.json) as a second source for our license records, hand-scored and derived.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { lookupLicense } from '../src/core/expression.js';
import { loadRegistry } from '../src/registry/load.js';

const REFERENCE = process.env.HOWOPEN_REFERENCE ?? resolve('../shared/reference');
const FILE = join(REFERENCE, 'mot/mof-licenses.json');
if (!existsSync(FILE)) throw new Error(`the reference data is missing: no ${FILE} (set HOWOPEN_REFERENCE to the shared reference folder)`);
const mot = (JSON.parse(readFileSync(FILE, 'utf8')) as { licenses: { licenseId: string; isOsiApproved?: boolean; ContentType: string | string[] }[] }).licenses;

/** Where our records knowingly differ from the MOT's typing, and why. */
const JUDGED: Record<string, string> = {
  'C-UDA-1.0 commercial': 'hand-scored conditional: C-UDA licenses computational use only, not every commercial use (§2)',
  'OpenMDW-1.0 code': 'hand-scored kind model: written for model weights and their materials; it also covers code and documents',
  'OpenMDW-1.0 document': 'as above',
  'Apache-2.0 document': 'hand-scored kind code: written for software; the MOT also accepts it for documents',
};

describe('the MOT\'s license typing against ours', () => {
  it('every license the MOT types resolves, to a license that grants research, commercial use and modification', async () => {
    const { registry } = await loadRegistry();
    for (const l of mot) {
      const ours = lookupLicense(l.licenseId, registry.index);
      assert.ok(ours, `${l.licenseId} resolves`);
      for (const k of ['research', 'commercial', 'modify'] as const) if (!JUDGED[`${l.licenseId} ${k}`]) assert.equal(ours.rights[k].grant, 'yes', `${l.licenseId}: ${k} (${ours.derived ? 'derived' : 'hand-scored'})`);
      if (l.isOsiApproved) assert.equal(ours.osi_approved, true, `${l.licenseId}: OSI-approved in both`);
    }
  });

  it('the kind we give a license fits the content type the MOT gives it', async () => {
    const { registry } = await loadRegistry();
    const fits: Record<string, string[]> = { code: ['code', 'any'], data: ['data', 'any', 'model'], document: ['document', 'any', 'data'] };
    const misfits: string[] = [];
    for (const l of mot) {
      const ours = lookupLicense(l.licenseId, registry.index)!;
      for (const type of ([] as string[]).concat(l.ContentType)) if (!fits[type]!.includes(ours.kind) && !JUDGED[`${l.licenseId} ${type}`]) misfits.push(`${l.licenseId}: MOT ${type}, ours ${ours.kind}`);
    }
    assert.deepEqual(misfits, []);
  });
});
