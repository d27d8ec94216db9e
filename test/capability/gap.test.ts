// The gap on a small hand-written table: monthly frontiers, the lag, the closed frontier's steps, Unknown kept apart.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type GapPoint, gap } from '../../src/core/gap.js';

const P = (version: string, month: string, score: number, level: number | null): GapPoint => ({ version, id: version.toLowerCase(), month, score, level });

// Hand-checked figures below are worked out from this table, not from the code.
const TABLE: GapPoint[] = [
  P('C1', '2023-01', 100, 1),
  P('U', '2023-02', 200, null),
  P('O1', '2023-03', 90, 5),
  P('O2', '2023-06', 101, 3),
  P('C2', '2023-07', 110, 2),
  P('O3', '2024-01', 112, 4),
];

describe('gap', () => {
  it('keeps monthly best scores per series, cumulative from the first month', () => {
    const g = gap(TABLE, { openLevel: 3, from: '2023-01' });
    assert.equal(g.months.length, 13);
    assert.equal(g.from, '2023-01');
    assert.equal(g.to, '2024-01');
    const m = (month: string) => g.months.find((x) => x.month === month)!;
    assert.equal(m('2023-01').open, null);
    assert.equal(m('2023-03').open?.version, 'O1');
    assert.equal(m('2023-05').open?.score, 90);
    assert.equal(m('2023-06').open?.version, 'O2');
    assert.equal(m('2023-06').d3?.version, 'O2');
    assert.equal(m('2023-06').d45?.version, 'O1');
    assert.equal(m('2023-06').closed?.version, 'C1');
    assert.equal(m('2023-07').closed?.score, 110);
    assert.equal(m('2024-01').d45?.version, 'O3');
  });

  it('never lets an Unknown level into a series, and lists it', () => {
    const g = gap(TABLE, { openLevel: 3, from: '2023-01' });
    assert.ok(g.months.every((m) => ![m.open, m.d45, m.d3, m.closed].some((b) => b?.version === 'U')));
    assert.deepEqual(g.unknown.map((p) => p.version), ['U']);
  });

  it('measures the lag as the months until the open best first reached the closed best', () => {
    const g = gap(TABLE, { openLevel: 3, from: '2023-01' });
    const lags = g.months.map((m) => m.lag);
    // 2023-01..05 wait for O2 (2023-06); 2023-06 is level; 2023-07..12 wait for O3 (2024-01).
    assert.deepEqual(lags, [5, 4, 3, 2, 1, 0, 6, 5, 4, 3, 2, 1, 0]);
    assert.equal(g.months[0]!.reached, '2023-06');
    assert.equal(g.summary.medianLag, 3);
    assert.equal(g.summary.latestLag, 0);
    assert.deepEqual(g.steps.map((s) => [s.month, s.closed.version, s.reached, s.by?.version, s.lag]), [
      ['2023-01', 'C1', '2023-06', 'O2', 5],
      ['2023-07', 'C2', '2024-01', 'O3', 6],
    ]);
  });

  it('counts only D4 and D5 as open with --open-level D4', () => {
    const g = gap(TABLE, { openLevel: 4, from: '2023-01' });
    assert.equal(g.months[5]!.open?.version, 'O1');
    assert.equal(g.steps[0]!.lag, 12);
    assert.equal(g.steps[0]!.by?.version, 'O3');
  });

  it('gives a lower bound when the open best has not caught up by the last month', () => {
    const g = gap(TABLE, { openLevel: 5, from: '2023-01' });
    assert.equal(g.months[0]!.lag, null);
    assert.equal(g.months[0]!.lagAtLeast, 12);
    assert.equal(g.summary.latestLag, null);
    assert.equal(g.summary.latestLagAtLeast, 0);
    assert.equal(g.summary.medianLag, null);
  });

  it('counts releases before the first month toward it', () => {
    const g = gap([P('C0', '2022-06', 50, 1), P('O0', '2023-02', 60, 5)], { openLevel: 3, from: '2023-01' });
    assert.equal(g.months[0]!.closed?.version, 'C0');
    assert.equal(g.months[0]!.lag, 1);
  });

  it('has no months without data', () => {
    const g = gap([], { openLevel: 3 });
    assert.deepEqual(g.months, []);
    assert.equal(g.to, null);
  });
});
