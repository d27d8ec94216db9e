// The modality condition: every record's stated modality is a filter, and an unknown modality is an error, not an empty answer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterRows, parseCondition } from '../../src/core/query.js';
import { tableRows } from '../../src/core/table.js';
import { registry } from '../helpers.js';

describe('the modality condition', () => {
  it('keeps exactly the records that state that modality, and !=, ~ work as on other fields', async () => {
    const reg = await registry();
    const rows = tableRows(reg, { verdicts: false });
    const cond = (text: string) => { const c = parseCondition(text); assert.ok(c.ok, text); return c.value; };
    const video = filterRows(rows, [cond('modality=video')]).map((r) => r.id).sort();
    const expected = reg.models.filter((m) => m.modality === 'video').map((m) => m.id).sort();
    assert.ok(expected.length > 0, 'the bundled registry holds video models');
    assert.deepEqual(video, expected);
    assert.equal(filterRows(rows, [cond('modality!=video')]).length, rows.length - expected.length);
  });

  it('refuses a modality the records cannot state, naming the allowed ones', () => {
    const c = parseCondition('modality=hologram');
    assert.equal(c.ok, false);
    assert.match(!c.ok ? c.error : '', /not a modality .* text, code, image, multimodal, audio, video, speech/);
  });
});
