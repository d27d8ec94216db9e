// howopen capability: refresh the capability snapshot from a local copy of Epoch's repository, and report how its rows match the registry.
import type { Command } from 'commander';
import { importCapability } from '../../capability/import.js';
import { BENCHMARKS, type Benchmark } from '../../core/capability.js';
import { capabilityAnalysis } from '../../core/capability-analysis.js';
import { formatProblem } from '../../registry/problem.js';
import { CAPABILITY_OPTION, capabilityData, capabilityDir } from '../capability-io.js';
import type { Context } from '../context.js';
import { InputError, choice, isoDate, json, today } from '../output.js';

export function capabilityCommand(program: Command, ctx: Context): Command {
  const cmd = program.command('capability').description('capability data (Epoch AI\'s Capabilities Index and MMLU table): refresh the snapshot, report the matching');
  cmd.command('import')
    .description('refresh the snapshot from a local clone or copy of github.com/epoch-research/benchmark-stitching; reports every model version the mapping does not name (exit 1)')
    .argument('<dir>', 'the local copy (its data/website/epoch_capabilities_index.csv, data/external_benchmark_mmlu.csv, data/model_versions.csv)')
    .option('--to <dir>', 'snapshot folder to write (default: the --capability folder)')
    .option('--commit <sha>', 'the commit the copy is at (default: read from git when <dir> is a clone)')
    .option('--committed <date>', 'that commit\'s date (YYYY-MM-DD)')
    .option('--retrieved <date>', 'when the copy was taken', today())
    .option(...CAPABILITY_OPTION)
    .addHelpText('after', '\nExample:\n  git clone https://github.com/epoch-research/benchmark-stitching /tmp/bs && howopen capability import /tmp/bs')
    .action(async (dir: string, opts: { to?: string; commit?: string; committed?: string; retrieved: string; capability?: string }) => {
      const retrieved = isoDate(opts.retrieved, '--retrieved');
      if (opts.committed) isoDate(opts.committed, '--committed');
      if (opts.commit && !/^[0-9a-f]{7,40}$/.test(opts.commit)) throw new InputError(`--commit must be a git commit id (got "${opts.commit}")`);
      const target = opts.to ?? capabilityDir(opts.capability);
      const result = await importCapability(dir, target, { retrieved, ...(opts.commit ? { commit: opts.commit } : {}), ...(opts.committed ? { committed: opts.committed } : {}) });
      if (result.problems.length) throw new InputError(`nothing written; ${result.problems.length} problem(s):\n${result.problems.slice(0, 20).map(formatProblem).join('\n')}`);
      ctx.io.out(`Wrote ${result.written.join(', ')} to ${target}.`);
      const missing = unmatchedReport(result.loaded, ctx);
      if (missing) ctx.exitCode = 1;
    });
  cmd.command('report')
    .description('how the snapshot\'s rows match the registry: matched, excluded with their reasons, unmatched; and Epoch\'s training compute for records that state none (a secondary source)')
    .option('--format <format>', 'text or json', 'text')
    .option(...CAPABILITY_OPTION)
    .action(async (opts: { format: string; capability?: string }) => {
      const format = choice(opts.format, ['text', 'json'] as const, '--format');
      const cap = await capabilityData(opts.capability);
      const registry = await ctx.registry();
      const per = (Object.keys(BENCHMARKS) as Benchmark[]).map((b) => capabilityAnalysis(cap.snapshot, cap.mapping, registry, { benchmark: b }));
      if (format === 'json') {
        ctx.io.out(json({ source: per[0]!.source, benchmarks: Object.fromEntries(per.map((a) => [a.benchmark.id, { stats: cap.stats[a.benchmark.id], report: a.report }])), trainingComputeFromEpoch: per[0]!.computeFills }));
      } else {
        for (const a of per) {
          const r = a.report;
          ctx.io.out(`${a.benchmark.name}: ${r.rows} scored versions, ${r.matched} matched, ${r.excluded.length} without a record of their own, ${r.unmatched.length} unmatched, ${r.unknownIds.length} mapped to an unknown id.`);
          for (const u of r.unmatched) ctx.io.out(`  unmatched: ${u.version} (${u.name}, ${u.released}) at ${u.at}`);
          for (const u of r.unknownIds) ctx.io.out(`  unknown id: ${u.version} → ${u.id} at ${u.at}`);
        }
        ctx.io.out('\nTraining compute from Epoch\'s table for records that state none (secondary source; records are not changed):');
        for (const f of per[0]!.computeFills) ctx.io.out(`  ${f.id}: ${f.flop.toExponential(2)} FLOP (${f.version}, Epoch confidence ${f.confidence ?? 'not given'})`);
        ctx.io.out(`Source: ${per[0]!.source.attribution}`);
      }
      if (per.some((a) => a.report.unmatched.length || a.report.unknownIds.length)) ctx.exitCode = 1;
    });
  return cmd;
}

function unmatchedReport(loaded: Awaited<ReturnType<typeof capabilityData>>, ctx: Context): boolean {
  let any = false;
  for (const b of Object.keys(BENCHMARKS) as Benchmark[]) {
    const names = new Set(loaded.mapping.keys());
    const unmatched = loaded.snapshot.rows[b].filter((r) => !names.has(r.version));
    ctx.io.out(`${BENCHMARKS[b].name}: ${loaded.stats[b].rows} rows, ${loaded.stats[b].used} scored versions used, ${loaded.stats[b].skipped.length} skipped (no score, date or version); ${unmatched.length} not named in mapping.yaml.`);
    for (const r of unmatched) ctx.io.out(`  unmatched: ${r.version} (${r.name}, ${r.released}) at ${r.at}`);
    any ||= unmatched.length > 0;
  }
  return any;
}
