// howopen stats: per-component counts of levels 1–5, N/A and Unknown over a set of models.
import type { Command } from 'commander';
import { READINGS } from '../../core/licenses.js';
import { DISTRIBUTION_KEYS, MODEL_SETS, type ModelSet, stats } from '../../core/stats.js';
import { COMPONENTS } from '../../core/taxonomy.js';
import type { Context } from '../context.js';
import { InputError, choice, isoDate, json, textTable } from '../output.js';

export function statsCommand(program: Command, ctx: Context): Command {
  return program.command('stats')
    .description('per-component counts of levels 1–5, N/A and Unknown')
    .option('--set <set>', 'paper-40 (the site\'s models released before 2024), site-45, or all', 'all')
    .option('--source <source>', 'published (the site\'s levels) or computed (our rubric)', 'computed')
    .option('--reading <reading>', 'strict or lenient (computed only)', 'strict')
    .option('--format <format>', 'table or json', 'table')
    .option('--as-of <date>', 'read the facts in force on that date (computed levels); models not yet out are left out')
    .addHelpText('after', '\nExample: howopen stats --set paper-40 --source published')
    .action(async (opts: { set: string; source: string; reading: string; format: string; asOf?: string }) => {
      const set = choice(opts.set, Object.keys(MODEL_SETS) as ModelSet[], '--set');
      const source = choice(opts.source, ['published', 'computed'] as const, '--source');
      const reading = choice(opts.reading, READINGS, '--reading');
      const format = choice(opts.format, ['table', 'json'] as const, '--format');
      if (source === 'published' && opts.reading !== 'strict') throw new InputError('--reading applies to computed levels only; published levels are as the source gave them');
      const asOf = opts.asOf === undefined ? undefined : isoDate(opts.asOf, '--as-of');
      const result = stats(await ctx.registry(), set, source, reading, asOf);
      if (format === 'json') { ctx.io.out(json(result)); return; }
      ctx.io.out(`${result.models} models (${set}), ${source} levels${source === 'computed' ? `, ${reading} reading` : ''}${asOf ? `, as of ${asOf}` : ''}`);
      ctx.io.out(textTable(['Component', ...DISTRIBUTION_KEYS], COMPONENTS.map((c) => [c.name, ...DISTRIBUTION_KEYS.map((k) => String(result.components[c.key]![k]))])));
    });
}
