// Property-based fuzzing (fast-check) of every reader of foreign input: never a throw past our own error type,
// whatever validates also classifies, and no input costs more than a generous bound (a guard against blow-ups,
// not a speed measurement: speed is measured in bench/). FUZZ_RUNS sets the cases per property (npm run fuzz).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { advise } from '../../src/core/advice.js';
import { classify } from '../../src/core/classify.js';
import { EXPRESSION_LIMITS, evaluateTree, resolveLicense } from '../../src/core/expression.js';
import { verdicts } from '../../src/core/frameworks/index.js';
import type { ModelRecord } from '../../src/core/model.js';
import { filterRows, parseCondition } from '../../src/core/query.js';
import type { Registry } from '../../src/core/registry.js';
import { type Row, tableRows } from '../../src/core/table.js';
import { COMPONENT_KEYS, STATUSES } from '../../src/core/taxonomy.js';
import { BatchClassifier } from '../../src/interop/batch.js';
import { parseFrontMatter } from '../../src/interop/front-matter.js';
import { hubLicense, hubModality, hubTrainingData } from '../../src/interop/hub.js';
import { checkModel } from '../../src/registry/checks.js';
import { loadRegistry } from '../../src/registry/load.js';
import { parseRecord } from '../../src/registry/parse.js';
import { modelSchema } from '../../src/registry/schema.js';
import { ROOT } from '../helpers.js';

export const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/**
 * The stated bound: no single input of these sizes (most under 10 KB, some 1 MB) takes longer, warm, on two
 * runs in a row (a real blow-up repeats; a pause of a shared machine does not). The bugs it guards against cost
 * seconds: 100 AND terms took 1.5 s, 800 took 16–41 s.
 */
export const BOUND_MS = 1000;
const params = { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined, includeErrorInReport: true };

/** Runs `work`, failing when it takes longer than the bound; returns what it returned. */
function bounded<T>(what: string, work: () => T): T {
  let started = performance.now();
  const result = work();
  let ms = performance.now() - started;
  if (ms >= BOUND_MS) { started = performance.now(); work(); ms = Math.min(ms, performance.now() - started); }
  // The first calls of each reader compile its code: they are not held to the bound.
  const calls = (seen.get(what) ?? 0) + 1;
  seen.set(what, calls);
  if (calls > 20) assert.ok(ms < BOUND_MS, `${what} took ${ms.toFixed(0)} ms (bound ${BOUND_MS} ms)`);
  slowest.set(what, Math.max(slowest.get(what) ?? 0, calls > 20 ? ms : 0));
  total.set(what, (total.get(what) ?? 0) + ms);
  return result;
}
const seen = new Map<string, number>();
const total = new Map<string, number>();
/** The slowest warm call of each reader, printed at the end (npm run fuzz reports it). */
export const slowest = new Map<string, number>();
after(() => {
  if (process.env.FUZZ_REPORT) console.log(`slowest warm call per reader (ms): ${[...slowest].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}; total (ms): ${[...total].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
});

let registry: Registry;
let rows: Row[];
let ids: string[];
before(async () => {
  ({ registry } = await loadRegistry(join(ROOT, 'registry')));
  rows = tableRows(registry, { asOf: '2026-06-01' });
  ids = registry.licenses.flatMap((l) => [l.id, ...l.aliases.slice(0, 1)]);
});

/** Text with the characters that break readers: control characters, quotes, brackets, YAML and SPDX syntax. */
const nasty = () => fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('(', ')', '[', ']', '{', '}', ':', '-', '#', '&', '*', '!', '|', '>', '"', "'", '\\', '\n', ' ', '\t', '\0', '\u0007', '\u2028', '\uFEFF', 'é', 'AND', 'OR', 'WITH', '+', 'MIT', '---'), maxLength: 30 }),
  fc.constantFrom('', 'N/A', 'Unknown', 'null', '~', 'yes', 'no', '2026-02-30', '2023-07', '1e999', 'toString', '__proto__', 'constructor'),
);

const licenseExpression = () => fc.letrec<{ expr: string; leaf: string }>((tie) => ({
  leaf: fc.oneof(fc.constantFrom(...ids), nasty(), fc.constantFrom(...ids).map((id) => `${id}+`), fc.constantFrom(...ids).map((id) => `${id} WITH Classpath-exception-2.0`)),
  expr: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.tuple(tie('expr'), fc.constantFrom(' AND ', ' OR ', ' and ', ' WITH ', ' '), tie('expr')).map(([a, op, b]) => `${a}${op}${b}`),
    tie('expr').map((e) => `(${e})`),
    tie('expr').map((e) => `(${e}`),
  ),
})).expr;

/** Mostly a good value, sometimes a hostile one: enough records validate to reach the classifier. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ arbitrary: good, weight: 30 }, { arbitrary: bad, weight: 1 });

/** Well-formed expressions of known licenses. */
const goodExpression = () => fc.array(fc.constantFrom(...ids), { minLength: 1, maxLength: 4 })
  .chain((names) => fc.tuple(fc.constant(names), fc.array(fc.constantFrom(' AND ', ' OR '), { minLength: names.length - 1, maxLength: names.length - 1 })))
  .map(([names, ops]) => names.map((n, i) => (i ? `${ops[i - 1]}${n}` : n)).join(''));

const entry = () => fc.oneof(
  { arbitrary: fc.constantFrom('closed', 'n/a').map((status) => ({ status })), weight: 4 },
  { arbitrary: fc.record({ status: fc.constant('public'), license: mostly(goodExpression(), fc.oneof(licenseExpression(), fc.integer())) }), weight: 4 },
  { arbitrary: fc.record({ status: fc.constant('unknown'), hint: fc.constantFrom('D3', 'C5', 'D3-D4', 'C1-D2', 'X') }, { requiredKeys: ['status'] }), weight: 1 },
  { arbitrary: fc.record({ status: fc.oneof(fc.constantFrom(...STATUSES), nasty()), license: fc.oneof(licenseExpression(), fc.integer()), hint: nasty(), notes: nasty(), evidence: fc.oneof(fc.constant(['https://example.org/a']), fc.array(nasty(), { maxLength: 2 })) }, { requiredKeys: ['status'] }), weight: 1 },
);

/** Records near the valid ones (so many validate), with hostile values and types anywhere. */
const recordValue = () => fc.record({
  id: mostly(fc.constantFrom('fuzz', 'fuzz-1', 'a.b'), nasty()),
  name: mostly(fc.constant('Fuzz'), fc.oneof(nasty(), fc.integer())),
  organization: mostly(fc.constant('Org'), nasty()),
  released: mostly(fc.constantFrom('2023-07', '1999-01'), fc.oneof(fc.constant('2024-13'), nasty())),
  checked: mostly(fc.constantFrom('2026-02-28', '2024-02-29'), fc.oneof(fc.constant('2026-02-30'), nasty())),
  notes: mostly(fc.constantFrom('A note.', 'Weights: see the card', 'ünïcödé ✓'), nasty()),
  monetised: mostly(fc.boolean(), fc.oneof(fc.constant('unknown'), nasty())),
  training_compute: mostly(fc.record({ flop: fc.oneof(fc.double({ min: 1, max: 1e27, noNaN: true }), fc.constant('unknown')) }), fc.anything({ maxDepth: 3 })),
  components: mostly(
    fc.tuple(...COMPONENT_KEYS.map(() => entry())).map((es) => Object.fromEntries(COMPONENT_KEYS.map((k, i) => [k, es[i]]))),
    fc.dictionary(fc.oneof(fc.constantFrom(...COMPONENT_KEYS), nasty()), entry(), { maxKeys: 4 }),
  ),
}, { requiredKeys: ['id', 'name', 'organization', 'released', 'components'] });

/** The record as YAML or JSON text, sometimes damaged: truncated, a byte flipped, a document appended. */
const recordBytes = () => fc.tuple(recordValue(), fc.constantFrom('yaml', 'json'), fc.nat(), fc.constantFrom('none', 'none', 'none', 'none', 'truncate', 'flip', 'second-document', 'latin1')).map(([value, format, at, damage]) => {
  const text = format === 'yaml' ? stringify(value) : JSON.stringify(value);
  const bytes = Buffer.from(text);
  const i = bytes.length ? at % bytes.length : 0;
  if (damage === 'truncate') return bytes.subarray(0, i);
  if (damage === 'flip') { const copy = Buffer.from(bytes); copy[i] = (copy[i]! ^ 0x80) & 0xff; return copy; }
  if (damage === 'second-document') return Buffer.concat([bytes, Buffer.from('\n---\nid: x\n')]);
  if (damage === 'latin1') return Buffer.from(text, 'latin1');
  return bytes;
});

describe(`fuzzing: ${RUNS} cases per property`, () => {
  it('record parser and validator: problems, never a throw; whatever validates also classifies, with verdicts and advice', () => {
    let valid = 0;
    fc.assert(fc.property(recordBytes(), (bytes) => {
      const parsed = bounded('parseRecord', () => parseRecord(bytes, 'fuzz.yaml', modelSchema));
      for (const p of parsed.problems) assert.ok(p.line >= 1 && p.col >= 1 && p.message.length > 0);
      if (!parsed.value) { assert.ok(parsed.problems.length > 0); return; }
      const record = parsed.value as ModelRecord;
      const problems = bounded('checkModel', () => checkModel({ file: 'fuzz.yaml', value: record, locate: parsed.locate }, registry.index));
      if (problems.length) return;
      valid++;
      bounded('classify', () => {
        const c = classify(record, registry.index, { reading: 'strict' });
        verdicts(record, registry, { reading: 'strict', asOf: '2026-06-01' }, c);
        advise(record, registry, { reading: 'lenient', asOf: '2026-06-01' }, 3);
      });
    }), params);
    assert.ok(valid > RUNS / 50, `enough generated records validate to reach the classifier (${valid} of ${RUNS})`);
  });

  it('license expressions: resolve or a reason, never a throw; resolved ones score 0–5 within the limits', () => {
    fc.assert(fc.property(fc.oneof(licenseExpression(), fc.string({ maxLength: 200 })), (text) => {
      const resolved = bounded('resolveLicense', () => resolveLicense(text, registry.index));
      if (!resolved.ok) { assert.ok(resolved.error.length > 0); return; }
      const e = bounded('evaluateTree', () => evaluateTree(resolved.tree, registry.index, 'lenient'));
      assert.ok(e.points >= 0 && e.points <= 5);
      assert.ok(e.licenses.length <= EXPRESSION_LIMITS.terms);
      // The formatted expression reads back to itself.
      const again = resolveLicense(resolved.expression, registry.index);
      assert.ok(again.ok && again.expression === resolved.expression, resolved.expression);
    }), params);
  });

  it('where-conditions: a condition or an error naming what is allowed, never a throw; parsed ones filter', () => {
    const field = fc.oneof(fc.constantFrom(...COMPONENT_KEYS, 'id', 'name', 'organization', 'released', 'family', 'mof', 'osaid', 'exempt'), nasty());
    const op = fc.constantFrom('=', '!=', '>=', '<=', '>', '<', '~', '==', '');
    const condition = fc.oneof(fc.tuple(field, op, nasty()).map(([f, o, v]) => `${f}${o}${v}`), fc.string({ maxLength: 60 }));
    fc.assert(fc.property(condition, (text) => {
      const c = bounded('parseCondition', () => parseCondition(text));
      if (!c.ok) { assert.ok(c.error.length > 0); return; }
      bounded('filterRows', () => filterRows(rows, [c.value]));
    }), params);
  });

  it('front matter: data or a positioned problem, never a throw', () => {
    const yamlish = fc.oneof(fc.anything({ maxDepth: 3 }).map((v) => stringify(v)), fc.string({ maxLength: 200 }), nasty());
    const text = fc.tuple(fc.constantFrom('---\n', '', '---\r\n', '\uFEFF---\n'), yamlish, fc.constantFrom('\n---\n# Title\nbody', '', '\n...\n', '\n---'), fc.nat(60))
      .map(([open, yaml, close, deep]) => `${open}${deep > 55 ? '['.repeat(deep) : ''}${yaml}${close}`);
    fc.assert(fc.property(text, fc.boolean(), (t, required) => {
      const fm = bounded('parseFrontMatter', () => parseFrontMatter(t, 'README.md', required));
      if (!fm.ok) assert.ok(fm.problem.line >= 1 && fm.problem.message.length > 0);
    }), params);
  });

  it('batch lines and the Hub-metadata mapper: an output line or a reason, never a throw', () => {
    const classifier = new BatchClassifier(registry, 'strict', 'jsonl');
    const csv = new BatchClassifier(registry, 'lenient', 'csv');
    const meta = fc.record({
      id: fc.oneof(fc.constantFrom('org/model'), nasty(), fc.integer()),
      license: fc.oneof(fc.constantFrom(...ids, 'other', 'unknown', 'llama2', 'apache-2.0'), nasty(), fc.array(nasty(), { maxLength: 3 }), fc.anything({ maxDepth: 2 })),
      license_name: fc.oneof(nasty(), fc.anything({ maxDepth: 1 })),
      datasets: fc.oneof(fc.array(fc.oneof(fc.constantFrom('c4', 'the_pile', 'HuggingFaceFW/fineweb'), nasty()), { maxLength: 4 }), fc.anything({ maxDepth: 2 })),
      base_model: fc.oneof(nasty(), fc.anything({ maxDepth: 1 })),
      tags: fc.anything({ maxDepth: 2 }),
      pipeline_tag: fc.anything({ maxDepth: 1 }),
    }, { requiredKeys: [] });
    const line = fc.oneof(meta.map((m) => JSON.stringify(m)), fc.string({ maxLength: 100 }), fc.json({ maxDepth: 3 }), fc.nat(40).map((n) => `{"id":"x","license":${'['.repeat(n)}${']'.repeat(n)}}`));
    fc.assert(fc.property(line, (text) => {
      for (const c of [classifier, csv]) {
        const r = bounded('classifyLine', () => c.classifyLine(text));
        if (r.ok) assert.ok(r.out.endsWith('\n')); else assert.ok(r.message.length > 0);
      }
      let parsed: unknown;
      try { parsed = JSON.parse(text); } catch { return; }
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        bounded('hub mapper', () => { hubLicense(parsed as object, registry); hubTrainingData(parsed as object); hubModality(parsed as object); });
      }
    }), params);
  });
});
