// howopen table on a terminal: fits its width, one line per model, newest first; full width for md, csv, json and pipes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { COMPONENTS } from '../../src/core/taxonomy.js';
import { registry, runCli } from '../helpers.js';

/** Runs the CLI as if on a terminal of `columns` columns. */
async function onTerminal(args: string[], columns: number): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await main(args, { out: (t) => { stdout += t.endsWith('\n') ? t : `${t}\n`; }, err: () => {}, color: false, columns });
  return { code, stdout };
}

/** The rows of a text table: the lines between the rule under the header and the first blank line. */
function tableLines(stdout: string): { header: string; rows: string[]; after: string } {
  const lines = stdout.split('\n');
  const end = lines.indexOf('');
  return { header: lines[0]!, rows: lines.slice(2, end), after: lines.slice(end).join('\n') };
}

describe('howopen table on a terminal', () => {
  for (const columns of [80, 100, 160]) {
    it(`at ${columns} columns: one line per model, none wider than the terminal`, async () => {
      const r = await onTerminal(['table'], columns);
      assert.equal(r.code, 0);
      const { rows } = tableLines(r.stdout);
      assert.equal(rows.length, (await registry()).models.length);
      const wide = r.stdout.split('\n').filter((l) => [...l].length > columns);
      assert.deepEqual(wide, []);
    });
  }

  it('compact column codes with a legend that spells them out', async () => {
    const r = await onTerminal(['table'], 80);
    const { header, after } = tableLines(r.stdout);
    for (const code of ['TcP', 'TcF', 'TcA', 'TdP', 'TdS', 'TdA', 'EcG', 'EcS', 'EdU', 'EdS', 'DcI', 'DdW']) assert.match(header, new RegExp(`\\b${code}\\b`));
    assert.equal(header.split(/\s+/).filter((h) => /^[TED][cd][A-Z]$/.test(h)).length, COMPONENTS.length);
    for (const word of ['T training', 'E evaluation', 'D deployment', 'c code', 'd data', '? Unknown', '– N/A']) assert.ok(after.replace(/\n/g, ' ').includes(word), word);
  });

  it('newest first by default; --sort still decides', async () => {
    const r = await runCli(['table', '--format', 'json']);
    const released = (JSON.parse(r.stdout) as { released: string }[]).map((x) => x.released);
    assert.deepEqual(released, [...released].sort().reverse());
    const byName = (JSON.parse((await runCli(['table', '--format', 'json', '--sort', 'name'])).stdout) as { name: string }[]).map((x) => x.name.toLowerCase());
    assert.deepEqual(byName, [...byName].sort());
    const { rows } = tableLines((await onTerminal(['table'], 80)).stdout);
    const dates = rows.map((l) => /\b(\d{4}-\d{2})\b/.exec(l)![1]!);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  it('license columns only when there is room, or when asked for', async () => {
    const narrow = tableLines((await onTerminal(['table'], 80)).stdout).header;
    assert.doesNotMatch(narrow, /lic\./);
    const wide = tableLines((await onTerminal(['table'], 200)).stdout);
    assert.match(wide.header, /Weights lic\..*Inference lic\./);
    assert.match(wide.header, /Openness/);
    const llama = wide.rows.find((l) => l.startsWith('Llama 2 '))!;
    assert.match(llama, /llama2/);
    const asked = await onTerminal(['table', '--licenses', '--where', 'id=llama-2'], 80);
    const t = tableLines(asked.stdout);
    assert.match(t.header, /Weights lic\./);
    assert.equal(t.rows.length, 1);
    assert.match(t.rows[0]!, /llama2/);
  });

  it('a name longer than its column is cut with an ellipsis, never wrapped', async () => {
    const reg = await registry();
    const longest = [...reg.models].sort((a, b) => b.name.length - a.name.length)[0]!;
    const { rows } = tableLines((await onTerminal(['table', '--where', `id=${longest.id}`], 80)).stdout);
    assert.equal(rows.length, 1);
    if (longest.name.length > 24) assert.match(rows[0]!, /…/);
  });

  it('piped (no terminal) and as Markdown, the table keeps its full width and full headers', async () => {
    const piped = await runCli(['table']);
    assert.match(tableLines(piped.stdout).header, /training\.code\.Pre-training/);
    assert.match(tableLines(piped.stdout).header, /Openness \(known\)/);
    assert.ok(piped.stdout.split('\n').some((l) => l.length > 160));
    const md = await onTerminal(['table', '--format', 'md'], 80);
    assert.match(md.stdout.split('\n')[0]!, /\| Training code: Pre-training \|/);
    const csv = await onTerminal(['table', '--format', 'csv'], 80);
    assert.match(csv.stdout.split('\n')[0]!, /training\.code\.pretraining/);
  });
});
