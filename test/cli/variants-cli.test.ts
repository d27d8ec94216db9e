// The CLI per variant and at a date: classify qwen2.5@7b, table --as-of and --variants, stats --as-of.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../helpers.js';

const WEIGHTS = 'deployment.data.weights';

interface Classified { id: string; variant: { id: string; flagship: boolean; explicit: boolean } | null; asOf: string; changes: { key: string }[]; components: Record<string, { level: string; license: string | null }> }

async function classifyJson(...args: string[]): Promise<Classified> {
  const run = await runCli(['classify', ...args, '--format', 'json']);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Classified;
}

describe('classify per variant', () => {
  it('qwen2.5@7b and qwen2.5@72b differ as their licenses do', async () => {
    const seven = await classifyJson('qwen2.5@7b');
    const flagship = await classifyJson('qwen2.5@72b');
    assert.equal(seven.id, 'qwen2.5@7b');
    assert.notEqual(seven.components[WEIGHTS]!.license, flagship.components[WEIGHTS]!.license);
    assert.notEqual(seven.components[WEIGHTS]!.level, flagship.components[WEIGHTS]!.level);
  });

  it('the bare id reads the flagship and the text says so', async () => {
    const run = await runCli(['classify', 'qwen2.5']);
    assert.equal(run.code, 0);
    assert.match(run.stdout.split('\n')[0]!, /^Release: qwen2\.5: the flagship, qwen2\.5@72b; other variants: .*qwen2\.5@7b/);
    assert.deepEqual((await classifyJson('qwen2.5')).components, (await classifyJson('qwen2.5@72b')).components);
  });

  it('an unknown variant or a model not yet out is bad input (exit 2)', async () => {
    const variant = await runCli(['classify', 'qwen2.5@9b']);
    assert.equal(variant.code, 2);
    assert.match(variant.stderr, /no variant "9b" \(its variants are 0\.5b, .*72b\)/);
    const early = await runCli(['classify', 'qwen2.5', '--as-of', '2024-06-01']);
    assert.equal(early.code, 2);
    assert.match(early.stderr, /not released as of 2024-06-01/);
  });

  it('--as-of reads an earlier state and names it', async () => {
    const then = await classifyJson('yi-34b', '--as-of', '2024-01-01');
    const now = await classifyJson('yi-34b');
    assert.deepEqual(then.changes.map((c) => c.key), [WEIGHTS]);
    assert.notEqual(then.components[WEIGHTS]!.license, now.components[WEIGHTS]!.license);
    const text = await runCli(['classify', 'yi-34b', '--as-of', '2024-01-01']);
    assert.match(text.stdout, /As of 2024-01-01, deployment\.data\.weights reads its earlier state/);
  });
});

describe('table and stats at a date', () => {
  const rows = async (...args: string[]) => {
    const run = await runCli(['table', '--format', 'json', ...args]);
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(run.stdout) as Record<string, string | number | null>[];
  };

  it('table --as-of 2024-06-01 differs from today: fewer models, and the licenses then in force', async () => {
    const then = await rows('--as-of', '2024-06-01');
    const now = await rows();
    assert.ok(then.length < now.length);
    assert.ok(then.every((r) => String(r.released) <= '2024-06'));
    const early = await rows('--as-of', '2024-01-01', '--where', 'id=yi-34b');
    const today = now.find((r) => r.id === 'yi-34b')!;
    assert.notEqual(early[0]![WEIGHTS], today[WEIGHTS], 'Yi-34B\'s weights level before its relicensing differs from today\'s');
  });

  it('--variants gives a row per variant; the family row lists them', async () => {
    const family = (await rows('--where', 'id=qwen2.5'))[0]!;
    const split = await rows('--variants', '--where', 'id~qwen2.5@');
    assert.deepEqual(split.map((r) => r.id).sort(), String(family.variants).split(' ').sort());
    assert.ok(new Set(split.map((r) => r[WEIGHTS])).size > 1);
    const text = await runCli(['table', '--where', 'id=qwen2.5']);
    assert.match(text.stdout, /Qwen2\.5 \[7 variants\].*D3–D5/);
  });

  it('stats --as-of counts only the models out by then', async () => {
    const count = async (...args: string[]) => {
      const run = await runCli(['stats', '--format', 'json', ...args]);
      assert.equal(run.code, 0, run.stderr);
      return (JSON.parse(run.stdout) as { models: number }).models;
    };
    assert.ok(await count('--as-of', '2024-06-01') < await count());
    assert.equal((await runCli(['stats', '--as-of', '2024-02-30'])).code, 2);
  });
});
