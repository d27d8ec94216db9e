// Validation of variants and dated history: each mistake named at its line, with the fix.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ModelRecord } from '../../src/core/model.js';
import type { Registry } from '../../src/core/registry.js';
import { checkModel } from '../../src/registry/checks.js';
import { parseRecord } from '../../src/registry/parse.js';
import type { Problem } from '../../src/registry/problem.js';
import { modelSchema } from '../../src/registry/schema.js';
import { COMPONENT_KEYS } from '../../src/core/taxonomy.js';
import { registry } from '../helpers.js';

let bundled: Registry;
before(async () => { bundled = await registry(); });

const HEAD = `id: fam
name: Fam
organization: Lab
released: "2024-03"
components:
${COMPONENT_KEYS.filter((k) => k !== 'deployment.data.weights').map((k) => `  ${k}: { status: closed }`).join('\n')}
  deployment.data.weights:
    status: public
    license: Apache-2.0
    evidence: [https://example.org/LICENSE]
`;

function problems(text: string): Problem[] {
  const parsed = parseRecord(text, 'fam.yaml', modelSchema);
  if (!parsed.value) return parsed.problems;
  return checkModel({ file: 'fam.yaml', value: parsed.value as ModelRecord, locate: parsed.locate }, bundled.index);
}

/** The 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string, from = 0) => text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;

describe('variants in a record', () => {
  it('a record with variants and a flagship that names one of them is valid', () => {
    assert.deepEqual(problems(`${HEAD}flagship: 7b\nvariants:\n  - id: 7b\n  - id: 1b\n    released: "2024-04"\n`), []);
  });

  it('variants without a flagship, or a flagship that names none of them', () => {
    const none = problems(`${HEAD}variants:\n  - id: 7b\n`);
    assert.equal(none.length, 1);
    assert.match(none[0]!.message, /names its flagship.*add flagship: one of 7b/);
    const wrong = `${HEAD}flagship: 9b\nvariants:\n  - id: 7b\n`;
    const [p] = problems(wrong);
    assert.match(p!.message, /flagship "9b" is not one of the variants \(7b\)/);
    assert.equal(p!.line, lineOf(wrong, 'flagship:'));
    assert.match(problems(`${HEAD}flagship: 7b\n`)[0]!.message, /lists no variants/);
  });

  it('duplicate variant ids and bad variant fields are caught at their lines', () => {
    const dup = `${HEAD}flagship: 7b\nvariants:\n  - id: 7b\n  - id: 7b\n`;
    const [p] = problems(dup);
    assert.match(p!.message, /duplicate variant id "7b"/);
    assert.equal(p!.line, dup.split('\n').length - 1);
    const bad = `${HEAD}flagship: 7b\nvariants:\n  - id: 7b\n    size: 7\n`;
    assert.match(problems(bad)[0]!.message, /unknown field "size"/);
  });

  it('a variant\'s component entry is checked like the record\'s: license ids, statuses by kind', () => {
    const text = `${HEAD}flagship: 7b\nvariants:\n  - id: 7b\n    components:\n      deployment.data.weights:\n        status: public\n        license: Apache-2.O\n        evidence: [https://example.org/x]\n      training.code.pretraining: { status: api }\n`;
    const found = problems(text);
    assert.equal(found.length, 2, JSON.stringify(found));
    const license = found.find((p) => p.field === 'variants.0.components.deployment.data.weights.license');
    assert.equal(license?.line, lineOf(text, 'Apache-2.O'));
    const status = found.find((p) => p.field === 'variants.0.components.training.code.pretraining.status');
    assert.match(status?.message ?? '', /for data components only/);
  });
});

describe('dated history of a component', () => {
  const withHistory = (states: string) => `${HEAD}    history:\n${states}`;

  it('earlier states with rising dates are valid', () => {
    assert.deepEqual(problems(withHistory('      - { until: "2024-01-10", status: closed, evidence: [https://example.org/a] }\n      - { until: "2024-05-01", status: public, license: CC-BY-NC-4.0, evidence: [https://example.org/b] }\n')), []);
  });

  it('dates that do not rise, bad dates and unknown licenses are caught at their lines', () => {
    const text = withHistory('      - { until: "2024-05-01", status: closed }\n      - { until: "2024-01-10", status: public, license: CC-BY-NC-9.0 }\n');
    const found = problems(text);
    const order = found.find((p) => /must rise/.test(p.message));
    assert.ok(order, JSON.stringify(found));
    assert.equal(order.line, lineOf(text, '2024-01-10'));
    assert.ok(found.some((p) => p.field === 'components.deployment.data.weights.history.1.license'));
    const date = problems(withHistory('      - { until: "2024-13-01", status: closed }\n'));
    assert.match(date[0]!.message, /must be a date/);
    assert.match(problems(withHistory('      - { until: "2024-01-01", status: closed, license: MIT }\n'))[0]!.message, /only counts on a public component/);
  });
});
