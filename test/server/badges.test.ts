// The badge: one segment per level, each boundary marked by a white separator so that segments of one color stay apart.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify } from '../../src/core/classify.js';
import type { ModelRecord } from '../../src/core/model.js';
import { BADGE_COMPONENTS, badgeSvg } from '../../src/server/badges.js';
import { COMPONENT_KEYS } from '../../src/core/taxonomy.js';
import { registry } from '../helpers.js';

function segments(svg: string) {
  const g = /<g clip-path="url\(#r\)">(.*?)<\/g>/s.exec(svg)![1]!;
  const rects = [...g.matchAll(/<rect( class="sep")? x="([\d.]+)" width="([\d.]+)" height="20" fill="(#[0-9a-f]{6})"\/>/g)].map((m) => ({ sep: Boolean(m[1]), x: Number(m[2]), width: Number(m[3]), fill: m[4]! }));
  return { parts: rects.filter((r) => !r.sep), separators: rects.filter((r) => r.sep) };
}

describe('badges', () => {
  it('separates every pair of neighbouring segments, two closed (red) ones included', async () => {
    const reg = await registry();
    const closed: ModelRecord = { id: 'closed-test', name: 'Closed', organization: 'Lab', released: '2024-01', components: Object.fromEntries(COMPONENT_KEYS.map((k) => [k, { status: 'closed' as const }])) };
    const { parts, separators } = segments(badgeSvg(classify(closed, reg.index)));
    assert.equal(parts.length, BADGE_COMPONENTS.length + 1);
    // The three levels are all D1/C1: one color, side by side.
    assert.equal(new Set(parts.slice(1).map((p) => p.fill)).size, 1);
    assert.equal(separators.length, parts.length - 1);
    for (const [i, sep] of separators.entries()) {
      const boundary = parts[i + 1]!.x;
      assert.ok(sep.x < boundary && sep.x + sep.width > boundary, `separator ${i} straddles the boundary at ${boundary}`);
      assert.notEqual(sep.fill, parts[i + 1]!.fill);
    }
  });
});
