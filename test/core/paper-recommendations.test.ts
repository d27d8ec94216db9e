// The paper's recommendations on worked records: which a release follows and which not, with reasons; advise names the ones a release satisfies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advise, whatIf } from '../../src/core/advice.js';
import { classify } from '../../src/core/classify.js';
import { verdicts } from '../../src/core/frameworks/index.js';
import { DEVELOPER_RECOMMENDATIONS, PAPER_STAGES, REGULATOR_RECOMMENDATIONS, paperRecommendations } from '../../src/core/frameworks/paper-recommendations.js';
import type { ComponentEntry, ModelRecord } from '../../src/core/model.js';
import { buildRegistry } from '../../src/core/registry.js';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import { registry } from '../helpers.js';

const AS_OF = '2026-11-22';
const pub = (license: string): ComponentEntry => ({ status: 'public', license, evidence: ['https://example.org'] });
const closed: ComponentEntry = { status: 'closed' };

/** Weights and inference code public under Apache-2.0, everything else closed; a model card only. */
function weightsOnly(): ModelRecord {
  return {
    id: 'weights-only', name: 'Weights Only', organization: 'Example', released: '2025-01',
    components: Object.fromEntries(COMPONENTS.map((c) => [c.key, c.key === 'deployment.data.weights' || c.key === 'deployment.code.inference' ? pub('Apache-2.0') : closed])),
    documentation: { model_card: pub('CC-BY-4.0'), data_card: closed, technical_report: pub('CC-BY-4.0') },
    artifacts: { intermediate_checkpoints: closed },
  };
}

const byId = (view: ReturnType<typeof paperRecommendations>) => Object.fromEntries(view.developers.map((d) => [d.id, d.follows]));

describe('the paper\'s recommendations', () => {
  it('mark what a weights-only release follows and what it does not, each with the components that decide', async () => {
    const r = await registry();
    const record = weightsOnly();
    const view = paperRecommendations(record, classify(record, r.index));
    const f = byId(view);
    assert.equal(f['open-weights'], 'follows');
    assert.equal(f['open-inference-code'], 'follows');
    assert.equal(f['permissive-licences'], 'follows');
    assert.equal(f['open-training-data'], 'does not follow');
    assert.equal(f['open-safety-evaluation'], 'does not follow');
    assert.equal(f.documentation, 'does not follow');
    assert.equal(f['intermediate-checkpoints'], 'does not follow');
    assert.equal(f['staged-release'], 'not recorded');
    assert.match(view.developers.find((d) => d.id === 'open-safety-evaluation')!.reason, /evaluation\.code\.safety \(C1\)/);
    assert.match(view.developers.find((d) => d.id === 'documentation')!.reason, /data_card/);
    assert.ok(view.developers.every((d) => d.section.startsWith('Recommendations')));
  });

  it('say Unknown when the record cannot tell, never "does not follow"', async () => {
    const r = await registry();
    const record = weightsOnly();
    record.components['deployment.data.weights'] = { status: 'unknown' };
    assert.equal(byId(paperRecommendations(record, classify(record, r.index)))['open-weights'], 'unknown');
  });

  it('read Llama 2 as a restrictive weights release, and appear in classify\'s frameworks.paper', async () => {
    const r = await registry();
    const v = verdicts(r.model('llama-2')!, r, { asOf: AS_OF });
    const f = byId(v.paper.recommendations);
    assert.equal(f['open-weights'], 'does not follow');
    assert.match(v.paper.recommendations.developers[0]!.reason, /D3 \(public, but under a restrictive licence\)/);
    assert.equal(v.paper.stage.name, 'near to mid term');
    assert.deepEqual(v.paper.stage.applies, ['near', 'mid']);
    assert.equal(v.paper.recommendations.regulators, REGULATOR_RECOMMENDATIONS);
    assert.equal(PAPER_STAGES.length, 3);
  });

  it('are named in advise beside the release that satisfies them, and only there', async () => {
    const r = await registry();
    const record = weightsOnly();
    record.components['deployment.data.weights'] = pub('llama2');
    const reg = buildRegistry(r.licenses, [...r.models, record]);
    const suggestions = advise(record, reg, { asOf: AS_OF }, 30);
    const weights = suggestions.find((s) => s.release.target === 'deployment.data.weights')!;
    assert.equal(weights.level?.to, 'D5');
    assert.deepEqual(weights.recommendations.map((x) => x.id), ['open-weights', 'permissive-licences']);
    const checkpoints = whatIf(record, reg, [{ target: 'artifacts.intermediate_checkpoints', license: 'Apache-2.0' }], { asOf: AS_OF });
    assert.deepEqual(checkpoints.recommendations.map((x) => x.id), ['intermediate-checkpoints']);
    // Releasing one safety component does not satisfy the safety recommendation while the other stays closed.
    const oneSafety = suggestions.find((s) => s.release.target === 'evaluation.code.safety');
    assert.ok(!oneSafety || !oneSafety.recommendations.some((x) => x.id === 'open-safety-evaluation'));
    const both = whatIf(record, reg, [{ target: 'evaluation.code.safety', license: 'Apache-2.0' }, { target: 'evaluation.data.safety', license: 'CC-BY-4.0' }], { asOf: AS_OF });
    assert.deepEqual(both.recommendations.map((x) => x.id), ['open-safety-evaluation']);
    assert.ok(DEVELOPER_RECOMMENDATIONS.some((d) => d.targets.includes('evaluation.data.safety')));
  });
});
