// howopen gap: the best capability score of open and of closed models month by month, and how far the open one trails.
import type { Command } from 'commander';
import { BENCHMARKS, type Benchmark } from '../../core/capability.js';
import { type CapabilityAnalysis, capabilityAnalysis, gapCsvRows, gapJson, lagText } from '../../core/capability-analysis.js';
import type { Best } from '../../core/gap.js';
import { READINGS } from '../../core/licenses.js';
import { CAPABILITY_OPTION, capabilityData } from '../capability-io.js';
import type { Context } from '../context.js';
import { InputError, choice, csv, json, textTable } from '../output.js';

const OPEN_LEVELS = { D3: 3, D4: 4, D5: 5 } as const;

const who = (b: Best | null) => (b ? `${b.score.toFixed(1)} ${b.version}` : '—');

function gapText(a: CapabilityAnalysis): string {
  const g = a.gap;
  const first = g.months.findIndex((m) => m.open || m.closed);
  const shown = first === -1 ? [] : g.months.slice(first);
  const out = [
    `${a.benchmark.name}, best score per month since ${g.from} (${a.benchmark.unit}); open = weights D${g.openLevel} or above, closed = D1/D2 (${a.reading} reading)`,
    `Source: ${a.source.attribution} File ${a.source.file}${a.source.commit ? ` @ ${a.source.commit.slice(0, 7)}` : ''}, retrieved ${a.source.retrieved}.`,
  ];
  if (first > 0) out.push(`${g.months[0]!.month} to ${g.months[first - 1]!.month}: no scored model in the table.`);
  out.push('', textTable(['month', `best open (≥D${g.openLevel})`, 'best D5/D4', 'best D3', 'best closed', 'lag'],
    shown.map((m) => [m.month, who(m.open), who(m.d45), who(m.d3), who(m.closed), lagText(m)])));
  out.push('', 'When an open model first reached each new closed best:', textTable(['closed best', 'model', 'score', 'open reached', 'by', 'lag'],
    g.steps.map((s) => [s.month, s.closed.version, s.closed.score.toFixed(1), s.reached ?? 'not yet', s.by ? `${s.by.version} (${s.by.score.toFixed(1)})` : '—', lagText(s)])));
  const s = g.summary;
  out.push('', `Latest month ${s.latestMonth ?? '—'}: lag ${lagText({ lag: s.latestLag, lagAtLeast: s.latestLagAtLeast }) || '—'}; median lag over ${s.monthsMeasured} measured month(s): ${s.medianLag ?? '—'} mo.`);
  const r = a.report;
  out.push(`Rows: ${r.rows} scored versions; ${r.matched} matched to a record, ${r.excluded.length} with no record of their own (mapping reasons), ${r.unmatched.length} unmatched, ${g.unknown.length} matched with an Unknown weights level (left out of every series).`);
  for (const u of r.unmatched) out.push(`  unmatched: ${u.version} (${u.name}, ${u.released}) at ${u.at}`);
  for (const u of r.unknownIds) out.push(`  unknown id: ${u.version} → ${u.id} at ${u.at}`);
  for (const p of g.unknown) out.push(`  Unknown weights level: ${p.version} → ${p.id}`);
  return out.join('\n');
}

export function gapCommand(program: Command, ctx: Context): Command {
  return program.command('gap')
    .description('the open/closed capability gap: best score per month of open-weights and of closed models, and the lag')
    .option('--open-level <level>', 'lowest weights level counted as open: D3 (any public weights), D4 or D5', 'D3')
    .option('--benchmark <benchmark>', `capability measure: ${Object.keys(BENCHMARKS).join(' or ')}`, 'eci')
    .option('--from <month>', 'first month (YYYY-MM)', '2019-01')
    .option('--reading <reading>', 'strict or lenient (for the weights level)', 'strict')
    .option('--format <format>', 'table, json or csv', 'table')
    .option(...CAPABILITY_OPTION)
    .addHelpText('after', '\nExamples:\n  howopen gap\n  howopen gap --open-level D4 --benchmark mmlu --format csv')
    .action(async (opts: { openLevel: string; benchmark: string; from: string; reading: string; format: string; capability?: string }) => {
      const level = choice(opts.openLevel.toUpperCase(), Object.keys(OPEN_LEVELS) as (keyof typeof OPEN_LEVELS)[], '--open-level');
      const benchmark = choice(opts.benchmark, Object.keys(BENCHMARKS) as Benchmark[], '--benchmark');
      const reading = choice(opts.reading, READINGS, '--reading');
      const format = choice(opts.format, ['table', 'json', 'csv'] as const, '--format');
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.from)) throw new InputError(`--from must be a month such as 2019-01 (got "${opts.from}")`);
      const cap = await capabilityData(opts.capability);
      const a = capabilityAnalysis(cap.snapshot, cap.mapping, await ctx.registry(), { benchmark, openLevel: OPEN_LEVELS[level], reading, from: opts.from });
      if (format === 'json') ctx.io.out(json(gapJson(a)));
      else if (format === 'csv') ctx.io.out(csv(gapCsvRows(a)));
      else ctx.io.out(gapText(a));
    });
}
