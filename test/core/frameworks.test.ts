// The neighbouring frameworks on worked cases: fully open, Llama 2, Mistral 7B, GPT-4, a derived fine-tune, EU dates, readings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advise, parseRelease, whatIf } from '../../src/core/advice.js';
import { verdicts } from '../../src/core/frameworks/index.js';
import { euAiActVerdict } from '../../src/core/frameworks/eu-ai-act.js';
import { resolveMofLicense } from '../../src/core/frameworks/mof.js';
import type { ComponentEntry, ModelRecord } from '../../src/core/model.js';
import { buildRegistry } from '../../src/core/registry.js';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import { registry } from '../helpers.js';

const AS_OF = '2026-11-22';
const open = (license: string): ComponentEntry => ({ status: 'public', license, evidence: ['https://example.org'] });

/** An OLMo-like release: every component, document and artifact public under open licenses. */
function fullyOpen(id = 'open-model'): ModelRecord {
  return {
    id, name: 'Open Model', organization: 'Example', released: '2024-02', modality: 'text', monetised: { value: false, evidence: ['https://example.org/pricing'] },
    components: Object.fromEntries(COMPONENTS.map((c) => [c.key, open(c.kind === 'code' || c.key === 'deployment.data.weights' ? 'Apache-2.0' : 'CC-BY-4.0')])),
    documentation: Object.fromEntries(['model_card', 'data_card', 'technical_report', 'research_paper', 'evaluation_results'].map((d) => [d, open('CC-BY-4.0')])),
    artifacts: { data_preprocessing_code: open('Apache-2.0'), intermediate_checkpoints: open('Apache-2.0'), supporting_libraries: open('Apache-2.0') },
    training_compute: { flop: 1.0e23 * 4 },
  };
}

async function withExtra(...records: ModelRecord[]) {
  const r = await registry();
  return buildRegistry(r.licenses, [...r.models, ...records]);
}

describe('frameworks on a fully open model', () => {
  it('is MOF Class I, passes OSAID, scores 100% on the European index and is exempt', async () => {
    const reg = await withExtra(fullyOpen());
    const v = verdicts(reg.model('open-model')!, reg, { asOf: AS_OF });
    assert.equal(v.mof.class, 'I');
    assert.deepEqual(v.mof.progress, { III: 100, II: 100, I: 100 });
    assert.equal(v.osaid.verdict, 'pass');
    assert.deepEqual(v.osaid.missing, []);
    // Two parameters grade depth of documentation, which records do not hold: partial at best; the other ten are open.
    assert.deepEqual(v.osaiIndex.parameters.filter((p) => p.class !== 'open').map((p) => [p.ref, p.class]), [['code', 'partial'], ['hardware_architecture', 'partial']]);
    assert.equal(v.osaiIndex.total, 91.7);
    assert.equal(v.euAiAct.exemption.applies, 'yes');
    assert.deepEqual(v.euAiAct.obligations.filter((o) => o.applies === 'yes').map((o) => o.article), ['53(1)(c)', '53(1)(d)']);
    assert.ok(v.euAiAct.exemption.criteria.every((c) => c.result === 'pass'));
    assert.ok(v.paper.areas['research, innovation and development'].benefits.some((b) => b.id === 'reproducibility'));
  });

  it('drops a MOF class when one class-I artifact closes, and names it', async () => {
    const rec = fullyOpen();
    rec.artifacts!.intermediate_checkpoints = { status: 'closed' };
    const reg = await withExtra(rec);
    const v = verdicts(reg.model('open-model')!, reg, { asOf: AS_OF });
    assert.equal(v.mof.class, 'II');
    assert.ok(v.mof.missing.some((m) => m.includes('Model parameters (Intermediate)')));
  });

  it('a GPL training code fails MOF? no: GPL is OSI-approved; a non-commercial weights license fails OSAID', async () => {
    const rec = fullyOpen();
    rec.components['training.code.pretraining'] = open('GPL-3.0-only');
    rec.components['deployment.data.weights'] = open('CC-BY-NC-4.0');
    const reg = await withExtra(rec);
    const v = verdicts(reg.model('open-model')!, reg, { asOf: AS_OF });
    assert.ok(v.mof.components.find((c) => c.name === 'Training code')!.met);
    assert.equal(v.osaid.verdict, 'fail');
    assert.deepEqual(v.osaid.elements.filter((e) => !e.met).map((e) => e.element), ['parameters']);
    assert.equal(v.euAiAct.exemption.applies, 'no');
  });
});

describe('frameworks on registry models', () => {
  it('Llama 2: no MOF class, OSAID fail, not exempt under a use-restricting license', async () => {
    const r = await registry();
    const v = verdicts(r.model('llama-2')!, r, { asOf: AS_OF });
    assert.equal(v.mof.class, null);
    assert.equal(v.osaid.verdict, 'fail');
    assert.ok(!v.osaid.elements.find((e) => e.element === 'parameters')!.met);
    assert.equal(v.euAiAct.exemption.applies, 'no');
    assert.match(v.euAiAct.exemption.reasons.join(' '), /llama2.*restricts use/);
    assert.match(v.euAiAct.framework.disclaimer, /not legal advice/);
  });

  it('the lenient reading changes the verdicts that turn on conditional rights', async () => {
    const r = await registry();
    const strict = verdicts(r.model('llama-2')!, r, { asOf: AS_OF, reading: 'strict' });
    const lenient = verdicts(r.model('llama-2')!, r, { asOf: AS_OF, reading: 'lenient' });
    assert.ok(!strict.osaid.elements.find((e) => e.element === 'parameters')!.met);
    assert.ok(lenient.osaid.elements.find((e) => e.element === 'parameters')!.met, 'conditional rights count as granted');
    assert.notEqual(lenient.euAiAct.exemption.applies, 'no');
    assert.ok(lenient.osaiIndex.total > strict.osaiIndex.total);
    const gpt4 = (reading: 'strict' | 'lenient') => verdicts(r.model('gpt-4')!, r, { asOf: AS_OF, reading }).osaid.verdict;
    assert.equal(gpt4('strict'), gpt4('lenient'), 'an API-only model has nothing conditional to read');
  });

  it('Mistral 7B: open weights pass OSAID parameters, closed data fail data information', async () => {
    const r = await registry();
    const v = verdicts(r.model('mistral-7b')!, r, { asOf: AS_OF });
    const el = (e: string) => v.osaid.elements.find((x) => x.element === e)!;
    assert.ok(el('parameters').met);
    assert.ok(!el('data information').met);
    assert.equal(v.osaid.verdict, 'fail');
    assert.equal(v.osaiIndex.parameters.find((p) => p.ref === 'weights_endmodel')!.class, 'open');
    assert.equal(v.osaiIndex.parameters.find((p) => p.ref === 'datasources_basemodel')!.class, 'closed');
  });

  it('GPT-4: API only: no exemption, nothing open, the paper sees dependence on one provider', async () => {
    const r = await registry();
    const v = verdicts(r.model('gpt-4')!, r, { asOf: AS_OF });
    assert.equal(v.euAiAct.exemption.applies, 'no');
    assert.match(v.euAiAct.exemption.reasons[0]!, /API only/);
    assert.equal(v.osaiIndex.parameters.find((p) => p.ref === 'weights_endmodel')!.class, 'closed');
    const risks = Object.values(v.paper.areas).flatMap((a) => a.risks.map((x) => x.id));
    assert.ok(risks.includes('api-dependence'));
    assert.ok(!risks.includes('misuse'));
    for (const a of Object.values(v.paper.areas)) for (const f of [...a.benefits, ...a.risks]) assert.ok(f.source.length > 5);
  });

  it('a derived fine-tune reads base-model parameters from its base record', async () => {
    const tune: ModelRecord = { ...fullyOpen('llama-2-tune'), derived_from: 'llama-2' };
    const reg = await withExtra(tune);
    const v = verdicts(reg.model('llama-2-tune')!, reg, { asOf: AS_OF });
    const p = (ref: string) => v.osaiIndex.parameters.find((x) => x.ref === ref)!;
    assert.equal(p('weights_endmodel').class, 'open');
    assert.equal(p('weights_basemodel').class, 'partial', 'Llama 2 weights are public but restricted');
    assert.equal(p('datasources_basemodel').class, 'closed');
    assert.match(p('weights_basemodel').rule, /base model llama-2/);
  });
});

describe('EU AI Act dates and thresholds', () => {
  const reg = () => registry();
  const at = async (record: ModelRecord, asOf: string) => euAiActVerdict(record, { index: (await reg()).index, model: () => undefined }, { asOf });

  it('a model placed on the market before 2 Aug 2025 is bound from 2 Aug 2027', async () => {
    const rec = { ...fullyOpen(), released: '2024-06', monetised: { value: true, evidence: ['https://example.org/pricing'] } };
    const mid = await at(rec, '2026-01-01');
    assert.equal(mid.placedOnMarket, 'before 2 Aug 2025');
    assert.ok(mid.obligations.every((o) => o.from === '2027-08-02' && o.inForce === 'no'));
    const after = await at(rec, '2027-08-03');
    assert.ok(after.obligations.filter((o) => o.applies === 'yes').every((o) => o.inForce === 'yes'));
  });

  it('a model placed on the market from 2 Aug 2025 is bound at once', async () => {
    const rec = { ...fullyOpen(), released: '2025-10', monetised: { value: true, evidence: ['https://example.org/pricing'] } };
    const before = await at(rec, '2025-07-01');
    assert.ok(before.obligations.every((o) => o.inForce === 'no'));
    const v = await at(rec, '2025-11-01');
    assert.equal(v.placedOnMarket, 'from 2 Aug 2025');
    assert.ok(v.obligations.filter((o) => o.applies === 'yes').every((o) => o.inForce === 'yes' && o.from === '2025-08-02'));
    assert.equal(v.exemption.applies, 'no', 'monetised');
    assert.match(v.enforcement, /start on 2 Aug 2026/);
    assert.match((await at(rec, '2026-09-01')).enforcement, /can enforce/);
  });

  it('above 10^25 FLOP systemic risk is presumed and the exemption never applies', async () => {
    const v = await at({ ...fullyOpen(), training_compute: { flop: 3.8e25 } }, AS_OF);
    assert.equal(v.systemicRisk, 'yes');
    assert.equal(v.exemption.applies, 'no');
    assert.ok(v.obligations.some((o) => o.article === '55' && o.applies === 'yes'));
    const unknown = await at({ ...fullyOpen(), training_compute: { flop: 'unknown' } }, AS_OF);
    assert.equal(unknown.systemicRisk, 'unknown');
    assert.equal(unknown.exemption.applies, 'unknown');
  });

  it('when GPAI status is unknown, every duty says "applies: unknown", never yes, and none is in force', async () => {
    const v = await at({ ...fullyOpen(), released: '2025-10', training_compute: { flop: 'unknown' } }, '2026-01-01');
    assert.equal(v.gpai, 'unknown');
    assert.deepEqual(v.obligations.map((o) => [o.article, o.applies, o.inForce]), [
      ['53(1)(a)', 'unknown', 'unknown'], ['53(1)(b)', 'unknown', 'unknown'], ['53(1)(c)', 'unknown', 'unknown'], ['53(1)(d)', 'unknown', 'unknown'], ['55', 'unknown', 'unknown'],
    ]);
    assert.ok(v.obligations.every((o) => /cannot be read/.test(o.why)));
    const notGpai = await at({ ...fullyOpen(), training_compute: { flop: 1e21 } }, AS_OF);
    assert.ok(notGpai.obligations.every((o) => o.applies === 'no' && o.inForce === 'no'));
  });

  it('marks each condition of the exemption pass, fail or unknown', async () => {
    const rec = fullyOpen();
    rec.components['deployment.data.weights'] = open('llama2');
    const v = await at(rec, AS_OF);
    const result = (c: string) => v.exemption.criteria.find((x) => x.criterion === c)!.result;
    assert.equal(result('weights public'), 'pass');
    assert.equal(result('free and open-source licence'), 'fail');
    assert.equal(result('not monetised'), 'pass');
    assert.equal(v.exemption.applies, 'no');
    assert.ok(v.exemption.reasons.some((r) => r.startsWith('fail: ')) && v.exemption.reasons.some((r) => r.startsWith('pass: ')));
  });

  it('reads monetisation only with evidence: a bare true or false leaves the exemption unknown', async () => {
    for (const monetised of [false, true, 'unknown', undefined] as const) {
      const v = await at({ ...fullyOpen(), monetised }, AS_OF);
      assert.equal(v.exemption.criteria.find((c) => c.criterion === 'not monetised')!.result, 'unknown', String(monetised));
      assert.equal(v.exemption.applies, 'unknown', String(monetised));
    }
    const sold = await at({ ...fullyOpen(), monetised: { value: true, evidence: ['https://example.org/pricing'] } }, AS_OF);
    assert.equal(sold.exemption.applies, 'no');
  });

  it('says where the exemption does not reach, with sources: Art. 53(1)(c)-(d), systemic risk, Art. 50', async () => {
    const v = await at(fullyOpen(), AS_OF);
    assert.deepEqual(v.exemption.limits.map((l) => l.article), ['53(1)(c)–(d)', '51, 55', '50']);
    assert.ok(v.exemption.limits.every((l) => l.source.startsWith('https://eur-lex.europa.eu/')));
    assert.ok(v.obligations.filter((o) => o.article === '53(1)(c)' || o.article === '53(1)(d)').every((o) => o.applies === 'yes'), 'exempt, yet (c) and (d) apply');
  });
});

describe('advice', () => {
  it('suggests releases ordered by effect, each with the verdict changes', async () => {
    const r = await registry();
    const list = advise(r.model('llama-2')!, r, { asOf: AS_OF });
    assert.ok(list.length > 3);
    assert.equal(list[0]!.release.target, 'deployment.data.weights');
    assert.ok(list[0]!.improves.includes('euExemption'));
    for (let i = 1; i < list.length; i++) assert.ok(list[i - 1]!.improves.length >= list[i]!.improves.length);
  });

  it('what-if recomputes every level and verdict', async () => {
    const r = await registry();
    const releases = ['deployment.data.weights=Apache-2.0', 'training.data.pretraining=CC-BY-4.0'].map((t) => parseRelease(t) as { target: string; license: string });
    const result = whatIf(r.model('llama-2')!, r, releases, { asOf: AS_OF });
    assert.deepEqual(result.changed.map((c) => [c.component, c.to]), [['training.data.pretraining', 'D5'], ['deployment.data.weights', 'D5']]);
    assert.ok(result.after.openness! > result.before.openness!);
    assert.ok('error' in parseRelease('weights=MIT'));
    assert.ok('error' in parseRelease('deployment.data.weights'));
  });
});

describe('MOF license resolution', () => {
  it('a component license wins, else the content type\'s, else the distribution license; unlicensed stays unlicensed', () => {
    const global = { distribution: 'Apache-2.0', code: 'MIT', data: null };
    assert.equal(resolveMofLicense('BSD-3-Clause', global, 'code'), 'BSD-3-Clause');
    assert.equal(resolveMofLicense(undefined, global, 'code'), 'MIT');
    assert.equal(resolveMofLicense(undefined, global, 'data'), 'Apache-2.0');
    assert.equal(resolveMofLicense('unlicensed', global, 'document'), null);
  });
});
