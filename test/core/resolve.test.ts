// Variants and dated history: resolution in the core, the table's family rows and ranges, as-of reading, per-variant verdicts.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { classify } from '../../src/core/classify.js';
import { verdicts } from '../../src/core/frameworks/index.js';
import type { ComponentEntry, ModelRecord } from '../../src/core/model.js';
import { type Registry, buildRegistry } from '../../src/core/registry.js';
import { lookupModel, parseModelRef, releasedBy, releasesOf, resolveModel, stateAt } from '../../src/core/resolve.js';
import { stats } from '../../src/core/stats.js';
import { tableRows } from '../../src/core/table.js';
import { COMPONENT_KEYS } from '../../src/core/taxonomy.js';
import { registry as loadBundled } from '../helpers.js';

const WEIGHTS = 'deployment.data.weights';
const closedAll = (): Record<string, ComponentEntry> => Object.fromEntries(COMPONENT_KEYS.map((k) => [k, { status: 'closed' } as ComponentEntry]));

/** A family of three sizes: the family's weights are Apache-2.0, the 3b is research-only, the 70b changed licence at a date. */
function family(): ModelRecord {
  return {
    id: 'fam', name: 'Fam', organization: 'Lab', released: '2024-03',
    components: { ...closedAll(), [WEIGHTS]: { status: 'public', license: 'Apache-2.0', evidence: ['https://example.org/a'] } },
    training_compute: { flop: 1e22 },
    flagship: '70b',
    variants: [
      { id: '3b', components: { [WEIGHTS]: { status: 'public', license: 'CC-BY-NC-4.0', evidence: ['https://example.org/nc'] } } },
      { id: '7b', name: 'Fam Seven', released: '2024-05', links: { weights: 'https://example.org/7b' } },
      {
        id: '70b', training_compute: { flop: 2e25 },
        components: {
          [WEIGHTS]: {
            status: 'public', license: 'Apache-2.0', evidence: ['https://example.org/now'],
            history: [
              { until: '2024-04-01', status: 'closed', evidence: ['https://example.org/closed'] },
              { until: '2024-06-15', status: 'public', license: 'CC-BY-NC-4.0', evidence: ['https://example.org/then'] },
            ],
          },
        },
      },
    ],
  };
}

let bundled: Registry;
let small: Registry;
before(async () => {
  bundled = await loadBundled();
  small = buildRegistry(bundled.licenses, [family()]);
});

describe('variant resolution', () => {
  it('reads a reference with and without @', () => {
    assert.deepEqual(parseModelRef('qwen2.5@72b'), { id: 'qwen2.5', variant: '72b' });
    assert.deepEqual(parseModelRef('llama-2'), { id: 'llama-2' });
  });

  it('the bare id reads the flagship, keeps the record id and says which variant it read', () => {
    const r = resolveModel(family());
    assert.equal(r.record.id, 'fam');
    assert.equal(r.record.name, 'Fam');
    assert.deepEqual(r.variant, { of: 'fam', id: '70b', flagship: true, explicit: false });
    assert.equal(r.record.training_compute?.flop, 2e25);
    assert.equal(r.record.variants, undefined, 'the resolved record is flat');
  });

  it('a variant entry replaces the family entry whole; what it leaves out comes from the family', () => {
    const nc = resolveModel(family(), { variant: '3b' });
    assert.equal(nc.record.id, 'fam@3b');
    assert.equal(nc.record.name, 'Fam 3b', 'without a name of its own the variant is named after the family');
    assert.equal(nc.record.components[WEIGHTS]!.license, 'CC-BY-NC-4.0');
    assert.deepEqual(nc.record.components[WEIGHTS]!.evidence, ['https://example.org/nc']);
    assert.equal(nc.record.training_compute?.flop, 1e22, 'compute not given by the variant is the family\'s');
    const seven = resolveModel(family(), { variant: '7b' });
    assert.equal(seven.record.name, 'Fam Seven');
    assert.equal(seven.record.released, '2024-05');
    assert.equal(seven.record.components[WEIGHTS]!.license, 'Apache-2.0');
    assert.equal(seven.record.links?.weights, 'https://example.org/7b');
  });

  it('the variants differ in level as their licenses do', () => {
    const levels = releasesOf(family()).map((r) => classify(r.record, small.index).components[WEIGHTS]!.level);
    assert.equal(levels[0], classify(resolveModel(family()).record, small.index).components[WEIGHTS]!.level, 'flagship first');
    assert.notEqual(levels[1], levels[0], 'the non-commercial 3b scores lower than the Apache 70b');
  });

  it('lookup names unknown ids and variants with the closest match', () => {
    const noVariant = lookupModel(small, 'fam@70c');
    assert.ok(!noVariant.ok);
    assert.match(noVariant.error, /no variant "70c".*3b, 7b, 70b/);
    assert.equal(noVariant.didYouMean, 'fam@70b');
    const noModel = lookupModel(small, 'fan');
    assert.ok(!noModel.ok);
    assert.equal(noModel.didYouMean, 'fam');
  });
});

describe('dated history', () => {
  const entry = family().variants![2]!.components![WEIGHTS]!;

  it('a state holds on the dates before its until; the change date reads the next state', () => {
    assert.equal(stateAt(entry, '2024-03-31').entry.status, 'closed');
    assert.equal(stateAt(entry, '2024-04-01').entry.license, 'CC-BY-NC-4.0');
    assert.equal(stateAt(entry, '2024-06-14').entry.license, 'CC-BY-NC-4.0');
    const today = stateAt(entry, '2024-06-15');
    assert.equal(today.entry, entry, 'from the last change on, the entry itself');
    assert.equal(today.from, null);
  });

  it('resolving at a date reports the components read from an earlier state', () => {
    const then = resolveModel(family(), { asOf: '2024-05-01' });
    assert.deepEqual(then.changes.map((c) => [c.key, c.until]), [[WEIGHTS, '2024-06-15']]);
    assert.deepEqual(then.record.components[WEIGHTS]!.evidence, ['https://example.org/then'], 'the earlier state brings its own evidence');
    assert.deepEqual(resolveModel(family(), { asOf: '2025-01-01' }).changes, []);
  });

  it('a release counts from its month; lookup refuses a model not out at the date', () => {
    assert.equal(releasedBy(family(), '2024-03-01'), true);
    assert.equal(releasedBy(family(), '2024-02-29'), false);
    const early = lookupModel(small, 'fam@7b', '2024-04-30');
    assert.ok(!early.ok);
    assert.match(early.error, /not released as of 2024-04-30/);
  });

  it('the table at a date reads the facts then, and leaves out what was not out', () => {
    const level = (asOf: string) => tableRows(small, { asOf, verdicts: false })[0]?.cells[WEIGHTS]!.level;
    assert.equal(tableRows(small, { asOf: '2024-02-01' }).length, 0);
    assert.equal(level('2024-03-15'), 'D1', 'closed before the first change');
    assert.notEqual(level('2024-05-01'), level('2025-01-01'), 'the licence then differs from today\'s');
    const rows = tableRows(small, { asOf: '2024-04-15', variants: true, verdicts: false });
    assert.deepEqual(rows.map((r) => r.id).sort(), ['fam@3b', 'fam@70b'], 'the 7b, out in May, is not listed in April');
  });

  it('stats at a date count the facts then', () => {
    const at = (asOf?: string) => stats(small, 'all', 'computed', 'strict', asOf);
    assert.equal(at('2024-02-01').models, 0);
    assert.equal(at('2024-03-15').components[WEIGHTS]!['1'], 1);
    assert.equal(at().components[WEIGHTS]!['1'], 0);
  });
});

describe('family rows', () => {
  it('a family row reads the flagship, spans its variants\' levels and lists them', () => {
    const [row] = tableRows(small, { verdicts: false });
    assert.equal(row!.id, 'fam');
    assert.deepEqual(row!.variants, ['fam@70b', 'fam@3b', 'fam@7b']);
    const levels = releasesOf(family()).map((r) => classify(r.record, small.index).components[WEIGHTS]!.score!);
    assert.equal(row!.cells[WEIGHTS]!.range, `D${Math.min(...levels)}–D${Math.max(...levels)}`);
    assert.equal(row!.cells['training.code.pretraining']!.range, null, 'no range where the variants agree');
  });
});

describe('per-variant verdicts', () => {
  it('the EU AI Act presumes systemic risk for the variant above 10^25 FLOP only', () => {
    const read = (variant: string) => verdicts(resolveModel(family(), { variant }).record, small, { asOf: '2026-01-01' }).euAiAct.systemicRisk;
    assert.equal(read('70b'), 'yes');
    assert.equal(read('3b'), 'no');
  });

  it('llama-3.1: each size reads its own training compute', () => {
    const source = bundled.model('llama-3.1')!;
    assert.ok(source.variants && source.variants.length >= 3, 'llama-3.1 lists its sizes');
    for (const v of source.variants) {
      const record = resolveModel(source, { variant: v.id }).record;
      const flop = record.training_compute?.flop;
      // A variant's own figure, or the record's (the flagship's) where the variant gives none.
      assert.equal(flop, (v.training_compute ?? source.training_compute)?.flop, `${v.id} reads its own compute`);
      const expected = flop === undefined || flop === 'unknown' ? 'unknown' : flop > 1e25 ? 'yes' : 'no';
      assert.equal(verdicts(record, bundled, { asOf: '2026-01-01' }).euAiAct.systemicRisk, expected, v.id);
    }
    const risks = new Set(source.variants.map((v) => verdicts(resolveModel(source, { variant: v.id }).record, bundled, { asOf: '2026-01-01' }).euAiAct.systemicRisk));
    assert.equal(risks.size, 2, 'some sizes are presumed to carry systemic risk and some are not');
  });

  it('qwen2.5: the 7b and the 72b differ as their weights\' licenses do', () => {
    const at = (ref: string) => {
      const found = lookupModel(bundled, ref);
      assert.ok(found.ok, ref);
      return classify(found.resolved.record, bundled.index).components[WEIGHTS]!;
    };
    const seven = at('qwen2.5@7b'), flagship = at('qwen2.5@72b');
    assert.notEqual(seven.license, flagship.license);
    assert.notEqual(seven.level, flagship.level);
    assert.equal(at('qwen2.5').level, flagship.level, 'the bare id is the flagship');
  });
});
