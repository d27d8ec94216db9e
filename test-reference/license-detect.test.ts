// License detection on real license texts (reference data): the matcher that decided and its similarity are named.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { detectLicense } from '../src/interop/license-detect/index.js';
import { licenseBody } from '../test/interop/helpers.js';
import { LICENSE_TEXTS, mustExist } from './reference.js';

const text = (name: string) => licenseBody(readFileSync(mustExist(join(LICENSE_TEXTS, name)), 'utf8'));

describe('license detection on the real texts', () => {
  const cases: { file: string; license: string | null; name: RegExp; matcher: string; kind?: 'policy' }[] = [
    { file: 'meta-llama2.txt', license: 'llama2', name: /Llama 2 Community License/, matcher: 'fingerprint' },
    { file: 'meta-llama3_1.txt', license: 'llama3.1', name: /Llama 3\.1 Community License/, matcher: 'fingerprint' },
    { file: 'sc-llama-license-2023.txt', license: 'llama-1', name: /LLaMA License Agreement/, matcher: 'fingerprint' },
    { file: 'sc-bigscience-open-rail-m.txt', license: 'bigscience-openrail-m', name: /BigScience Open RAIL-M/, matcher: 'fingerprint' },
    { file: 'meta-llama2-aup.md', license: null, name: /Llama 2 Acceptable Use Policy/, matcher: 'fingerprint', kind: 'policy' },
    { file: 'sc-cdla-permissive-2.0.txt', license: 'CDLA-Permissive-2.0', name: /Community Data License Agreement/, matcher: 'exact' },
    { file: 'sc-odc-by-1.0.txt', license: 'ODC-By-1.0', name: /Open Data Commons Attribution/, matcher: 'dice' },
  ];
  for (const c of cases) {
    it(`${c.file} → ${c.license ?? 'a use policy'} by the ${c.matcher} matcher`, () => {
      const d = detectLicense(c.file, text(c.file));
      assert.ok(d.match, JSON.stringify(d));
      assert.equal(d.match.license, c.license);
      assert.match(d.match.name, c.name);
      assert.equal(d.match.matcher, c.matcher);
      assert.equal(d.tried.at(-1), c.matcher, 'the pipeline stops at the matcher that decided');
      assert.ok(d.match.similarity >= 0.9 && d.match.confidence >= 0.9, `${d.match.similarity} ${d.match.confidence}`);
      assert.equal(d.match.kind, c.kind ?? 'license');
    });
  }

  it('tells the Llama versions apart: 2 is not 3.1 is not 1', () => {
    const detected = ['meta-llama2.txt', 'meta-llama3_1.txt', 'sc-llama-license-2023.txt'].map((f) => detectLicense(f, text(f)).match?.license);
    assert.deepEqual(detected, ['llama2', 'llama3.1', 'llama-1']);
  });
});
