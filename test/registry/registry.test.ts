// The shipped registry: it validates, holds the site's 45 models with their published values, and gives evidence.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { loadRegistry } from '../../src/registry/load.js';
import { ROOT, registry } from '../helpers.js';

describe('shipped registry', () => {
  it('validates with no problems', async () => {
    const { problems } = await loadRegistry(join(ROOT, 'registry'));
    assert.deepEqual(problems, []);
  });

  it('holds the paper\'s 45 site models, each with all twelve published values (checked against the site itself by test-reference/)', async () => {
    const r = await registry();
    const cited = r.models.filter((m) => m.published?.['eiras-2024']);
    assert.equal(cited.length, 45);
    assert.equal(new Set(cited.map((m) => m.published!['eiras-2024']!.ref)).size, 45, 'one record per site file');
    for (const m of cited) assert.equal(Object.keys(m.published!['eiras-2024']!.values).length, 12, m.id);
  });

  it('gives evidence for every public or api component of the site models', async () => {
    const r = await registry();
    const missing = r.models.flatMap((m) => Object.entries(m.components)
      .filter(([, c]) => (c.status === 'public' || c.status === 'api') && !c.evidence?.length).map(([k]) => `${m.id} ${k}`));
    assert.deepEqual(missing, []);
  });
});
