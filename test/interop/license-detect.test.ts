// License detection: real license texts through the matcher pipeline; the matcher that decided and its similarity are named.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MATCHERS, detectLicense } from '../../src/interop/license-detect/index.js';
import { FINGERPRINTS } from '../../src/interop/license-detect/fingerprints.js';
import { normalizeLicense } from '../../src/interop/license-detect/normalize.js';
import { registry } from '../helpers.js';
import { LICENSE_TEXTS, licenseBody } from './helpers.js';

const text = (name: string) => licenseBody(readFileSync(join(LICENSE_TEXTS, name), 'utf8'));
const spdx = createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { licenseText: string }>;

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

  it('a title mentioned further down does not count: a README that names the Llama 2 license is not the license', () => {
    const readme = `${'This model card describes a model. '.repeat(40)}\nIt is released under the Llama 2 Community License Agreement.`;
    assert.equal(detectLicense('README.md', readme).match, undefined);
  });
});

describe('license detection of SPDX licenses', () => {
  it('filled-in templates are exact matches; an edited copy is a Dice match with its similarity', () => {
    for (const id of ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'GPL-3.0-only', 'CC-BY-4.0', 'CC-BY-NC-4.0']) {
      const filled = spdx[id]!.licenseText.replace('<year>', '2024').replace('<copyright holders>', 'Example Lab');
      const d = detectLicense('LICENSE', filled);
      assert.deepEqual([d.match?.license, d.match?.matcher], [id, 'exact'], id);
    }
    const edited = spdx['Apache-2.0']!.licenseText.replace('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION', 'Terms and conditions of this model release');
    const d = detectLicense('LICENSE', `Copyright 2024 Example Lab\n\n${edited}\n\nAPPENDIX: see NOTICE for the model weights.`);
    assert.equal(d.match?.matcher, 'dice');
    assert.equal(d.match?.license, 'Apache-2.0');
    assert.ok(d.match!.similarity > 0.95 && d.match!.similarity < 1);
    assert.match(d.match!.detail, /Dice similarity \d+\.\d% with the SPDX text of Apache-2.0/);
  });

  it('an SPDX-License-Identifier line decides before any text comparison', () => {
    const d = detectLicense('LICENSE', '// SPDX-License-Identifier: Apache-2.0 OR MIT\nsome code');
    assert.deepEqual([d.match?.license, d.match?.matcher, d.tried], ['Apache-2.0 OR MIT', 'spdx-identifier', ['spdx-identifier']]);
  });

  it('text that is no license: no match, the closest SPDX text reported for the record', () => {
    const d = detectLicense('LICENSE', 'All rights reserved. You may not use, copy or distribute these weights without written permission from the authors, who keep every right in them for themselves.');
    assert.equal(d.match, undefined);
    assert.deepEqual(d.tried, MATCHERS.map((m) => m.name));
  });
});

describe('fingerprint table', () => {
  it('every license id is in the knowledge base; no two fingerprints are the same (title and required phrases)', async () => {
    const reg = await registry();
    for (const f of FINGERPRINTS) if (f.license) assert.ok(reg.index.byId.has(f.license), f.license);
    const keys = FINGERPRINTS.flatMap((f) => f.title.map((t) => `${normalizeLicense(t)}|${(f.requires ?? []).join('|')}`));
    assert.equal(new Set(keys).size, keys.length);
  });

  it('covers the families: Llama, Gemma, OpenRAIL, Falcon, Qwen, DeepSeek, Mistral (MRL and MNPL)', () => {
    const ids = new Set(FINGERPRINTS.map((f) => f.license));
    for (const id of ['llama2', 'llama3', 'llama3.1', 'gemma', 'bigscience-openrail-m', 'creativeml-openrail-m', 'bigcode-openrail-m', 'bigscience-bloom-rail-1.0', 'falcon-180b-tii-license', 'qwen', 'deepseek-license', 'mrl', 'mnpl']) {
      assert.ok(ids.has(id), id);
    }
  });
});

describe('fingerprints of texts read for the registry', () => {
  // The modified MITs are the MIT text plus one paragraph; the MIT text comes from the SPDX list, the paragraph is paraphrased short.
  const mit = spdx.MIT!.licenseText;
  const kimi = `Modified MIT License\n\n${mit.replace(/^MIT License\s*/, '')}\n\nOur only modification part is that, if the Software is used for commercial products or services that have more than 100 million monthly active users, you shall prominently display "Kimi K2" on the user interface.`;
  const minimax = `${mit}\n\nOur only modification is that, for commercial products or services with more than 100 million monthly active users or more than 30 million US dollars in annual recurring revenue, you shall prominently display "MiniMax M2" on the user interface.`;

  it('a modified MIT is its own licence, not MIT, and Kimi K2 is not MiniMax-M2', () => {
    const detected = [kimi, minimax].map((t) => detectLicense('LICENSE', t).match);
    assert.deepEqual(detected.map((m) => [m?.license, m?.matcher]), [['kimi-k2-modified-mit', 'fingerprint'], ['minimax-m2-modified-mit', 'fingerprint']]);
  });

  it('plain MIT is still MIT', () => {
    assert.equal(detectLicense('LICENSE', mit).match?.license, 'MIT');
  });

  it('BigCode OpenRAIL-M is recognised by the words its own text uses (Modifications of the Model, Use restrictions)', () => {
    const bigcode = 'BigCode Open RAIL-M v1 License Agreement\n\nSection I: Preamble. Explanatory Documentation means model cards. Modifications of the Model means all changes to the Model. Compliance with the restrictions in Attachment A is a condition. Attachment A - Use restrictions.';
    const m = detectLicense('LICENSE', bigcode).match;
    assert.equal(m?.license, 'bigcode-openrail-m');
    assert.equal(m?.confidence, 1);
  });
});
