// License detection on texts the project has: SPDX texts from spdx-license-list, texts in a fingerprint's shape; the matcher that decided is named.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { MATCHERS, detectLicense } from '../../src/interop/license-detect/index.js';
import { FINGERPRINTS } from '../../src/interop/license-detect/fingerprints.js';
import { normalizeLicense } from '../../src/interop/license-detect/normalize.js';
import { registry } from '../helpers.js';

const spdx = createRequire(import.meta.url)('spdx-license-list/full') as Record<string, { licenseText: string }>;

/** A text in the shape of a fingerprinted license, written here: its title at the top, then its required and body phrases. */
function fingerprintText(f: (typeof FINGERPRINTS)[number]): string {
  const filler = 'This paragraph was written for a test and grants nothing.';
  return [f.title[0]!.toUpperCase(), '', ...[...(f.requires ?? []), ...f.phrases].map((p) => `${filler} It mentions ${p} here.`)].join('\n\n');
}

describe('license detection by fingerprint', () => {
  it('every fingerprint recognises a text of its own shape, by the fingerprint matcher, with full confidence', () => {
    for (const f of FINGERPRINTS) {
      const d = detectLicense('LICENSE', fingerprintText(f));
      assert.ok(d.match, f.name);
      assert.deepEqual([d.match.license, d.match.name, d.match.matcher, d.match.kind], [f.license, f.name, 'fingerprint', f.kind], f.name);
      assert.equal(d.match.confidence, 1, f.name);
      assert.equal(d.tried.at(-1), 'fingerprint', 'the pipeline stops at the matcher that decided');
    }
  });

  it('a version\'s required phrase tells it from its siblings; without it the family\'s own version does not match', () => {
    const llama2 = FINGERPRINTS.find((f) => f.license === 'llama2')!;
    assert.equal(detectLicense('LICENSE', fingerprintText(llama2)).match?.license, 'llama2');
    const withoutDate = fingerprintText(llama2).replace(/It mentions llama 2 version release date here\./, '');
    assert.notEqual(detectLicense('LICENSE', withoutDate).match?.license, 'llama2');
  });

  it('half the phrases missing lowers the confidence, and says which', () => {
    const f = FINGERPRINTS.find((x) => x.license === 'llama3.1')!;
    const kept = f.phrases.slice(0, Math.ceil(f.phrases.length / 2));
    const d = detectLicense('LICENSE', fingerprintText({ ...f, phrases: kept }));
    assert.equal(d.match?.license, 'llama3.1');
    assert.ok(d.match!.confidence < 1);
    assert.match(d.match!.detail, /not found: /);
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
