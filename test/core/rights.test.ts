// The five rights as answers: each status and license read under both readings, scopes, and the conditions that filter on them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify } from '../../src/core/classify.js';
import { RIGHT_KEYS, grantPoints } from '../../src/core/licenses.js';
import type { ModelRecord } from '../../src/core/model.js';
import { matches, parseCondition } from '../../src/core/query.js';
import { answerFor, componentRights, rightAnswers, scopeAnswer } from '../../src/core/rights.js';
import { tableRow } from '../../src/core/table.js';
import { COMPONENT_KEYS } from '../../src/core/taxonomy.js';
import { registry } from '../helpers.js';

/** A record whose components are all closed except the given ones. */
function record(components: ModelRecord['components']): ModelRecord {
  return {
    id: 'rights-test', name: 'Rights Test', organization: 'Example Lab', released: '2024-05',
    components: { ...Object.fromEntries(COMPONENT_KEYS.map((k) => [k, { status: 'closed' as const }])), ...components },
  };
}

describe('rights of one component', () => {
  it('reads each right of a public component from its license\'s grant, conditional ones by the reading', async () => {
    const reg = await registry();
    for (const license of ['llama2', 'CC-BY-NC-4.0', 'Apache-2.0', 'CC-BY-SA-4.0']) {
      const grants = reg.index.byId.get(license)!.rights;
      for (const reading of ['strict', 'lenient'] as const) {
        const result = classify(record({ 'deployment.data.weights': { status: 'public', license } }), reg.index, { reading }).components['deployment.data.weights']!;
        const answers = componentRights(result, reading);
        for (const key of RIGHT_KEYS) {
          assert.equal(answers[key].answer, grantPoints(grants[key].grant, reading) ? 'yes' : 'no', `${license} ${key} ${reading}`);
          assert.equal(answers[key].grant, grants[key].grant);
          assert.ok(answers[key].reason.includes(grants[key].clause));
        }
      }
    }
  });

  it('answers the issue\'s case: CC-BY-NC-4.0 weights score D4 and still may not be used commercially', async () => {
    const reg = await registry();
    const result = classify(record({ 'deployment.data.weights': { status: 'public', license: 'CC-BY-NC-4.0' } }), reg.index).components['deployment.data.weights']!;
    assert.equal(result.level, 'D4');
    assert.equal(rightAnswers(result, 'strict').commercial, 'no');
    assert.equal(rightAnswers(result, 'strict').modify, 'yes');
  });

  it('llama2\'s conditional commercial grant is no under the strict reading and yes under the lenient one', async () => {
    const reg = await registry();
    const r = record({ 'deployment.data.weights': { status: 'public', license: 'llama2' } });
    assert.equal(answerFor(classify(r, reg.index, { reading: 'strict' }), 'deployment.data.weights', 'commercial'), 'no');
    assert.equal(answerFor(classify(r, reg.index, { reading: 'lenient' }), 'deployment.data.weights', 'commercial'), 'yes');
  });

  it('closed and API-only components grant nothing, N/A is n/a, Unknown and an unscorable license are unknown, public without a license grants nothing', async () => {
    const reg = await registry();
    const c = classify(record({
      'deployment.data.weights': { status: 'api' },
      'training.data.sft': { status: 'n/a' },
      'training.data.alignment': { status: 'unknown', hint: 'D3-D4' },
      'training.data.pretraining': { status: 'public', license: 'LicenseRef-no-such-license' },
      'deployment.code.inference': { status: 'public' },
    }), reg.index).components;
    const all = (key: string) => new Set(Object.values(rightAnswers(c[key]!, 'strict')));
    assert.deepEqual(all('deployment.data.weights'), new Set(['no']));
    assert.deepEqual(all('training.code.pretraining'), new Set(['no']));
    assert.deepEqual(all('training.data.sft'), new Set(['n/a']));
    assert.deepEqual(all('training.data.alignment'), new Set(['unknown']));
    assert.equal(c['training.data.pretraining']!.level, 'Unknown');
    assert.deepEqual(all('training.data.pretraining'), new Set(['unknown']));
    assert.deepEqual(all('deployment.code.inference'), new Set(['no']));
  });
});

describe('rights of a scope', () => {
  it('is yes when every existing component says yes, no when any says no, unknown otherwise, n/a when none exists', async () => {
    const reg = await registry();
    const data = (sft: ModelRecord['components'][string], alignment: ModelRecord['components'][string]) => scopeAnswer(classify(record({
      'training.data.pretraining': { status: 'public', license: 'CC-BY-4.0' }, 'training.data.sft': sft, 'training.data.alignment': alignment,
    }), reg.index), 'data', 'commercial');
    assert.equal(data({ status: 'n/a' }, { status: 'public', license: 'Apache-2.0' }), 'yes');
    assert.equal(data({ status: 'unknown' }, { status: 'n/a' }), 'unknown');
    assert.equal(data({ status: 'unknown' }, { status: 'public', license: 'CC-BY-NC-4.0' }), 'no');
    const none = classify(record({ 'training.data.pretraining': { status: 'n/a' }, 'training.data.sft': { status: 'n/a' }, 'training.data.alignment': { status: 'n/a' } }), reg.index);
    assert.equal(scopeAnswer(none, 'data', 'research'), 'n/a');
    assert.equal(answerFor(none, 'weights', 'research'), answerFor(none, 'deployment.data.weights', 'research'));
  });
});

describe('rights conditions', () => {
  it('parses COMPONENT.RIGHT and SCOPE.RIGHT with = and != and the answers, aliases included', () => {
    assert.deepEqual(parseCondition('deployment.data.weights.commercial=yes'), { ok: true, value: { field: 'deployment.data.weights.commercial', op: '=', value: 'yes' } });
    assert.ok(parseCondition('weights.relicense!=No').ok);
    assert.ok(parseCondition('data.own_derivatives=unknown').ok);
    const op = parseCondition('weights.commercial>=yes');
    assert.ok(!op.ok && /takes = or != only/.test(op.error));
    const value = parseCondition('weights.commercial=maybe');
    assert.ok(!value.ok && /not an answer.*yes, no, unknown, n\/a/.test(value.error));
    const field = parseCondition('weights.resell=yes');
    assert.ok(!field.ok && /unknown field "weights.resell"/.test(field.error));
  });

  it('a row matches a rights condition exactly when the core answers so, whichever source the cells show', async () => {
    const reg = await registry();
    const model = reg.model('llama-2')!;
    for (const source of ['computed', 'published'] as const) {
      const row = tableRow(model, reg, { source });
      const answer = answerFor(row.classification, 'deployment.data.weights', 'commercial')!;
      const c = parseCondition(`deployment.data.weights.commercial=${answer}`);
      assert.ok(c.ok && matches(row, c.value));
      const other = parseCondition(`weights.commercial!=${answer}`);
      assert.ok(other.ok && !matches(row, other.value));
    }
  });
});
