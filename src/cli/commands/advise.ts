// howopen advise: the releases that would raise a model's openness most, or a what-if with --release.
import type { Command } from 'commander';
import { type Suggestion, advise, parseRelease, whatIf, type Release } from '../../core/advice.js';
import { resolveLicense } from '../../core/expression.js';
import { READINGS } from '../../core/licenses.js';
import type { Context } from '../context.js';
import { InputError, choice, isoDate, json, today } from '../output.js';
import { findRelease } from './classify.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function adviseCommand(program: Command, ctx: Context): Command {
  return program.command('advise')
    .description('what to release next: the releases that raise openness most, with the change in level and in every framework verdict')
    .argument('<model>', 'a model id (id@variant for a variant, e.g. qwen2.5@7b) or a model file (.yaml)')
    .option('--release <component=license>', 'what-if: recompute everything as if this were released (repeatable)', collect, [])
    .option('--reading <reading>', 'strict or lenient', 'strict')
    .option('--as-of <date>', 'date at which the facts and the EU AI Act\'s dated rules are read', today())
    .option('--limit <n>', 'how many suggestions', '10')
    .option('--format <format>', 'text or json', 'text')
    .addHelpText('after', '\nExamples:\n  howopen advise llama-2\n  howopen advise llama-2 --release deployment.data.weights=Apache-2.0 --release training.data.pretraining=CC-BY-4.0')
    .action(async (model: string, opts: { release: string[]; reading: string; asOf: string; limit: string; format: string }) => {
      const reading = choice(opts.reading, READINGS, '--reading');
      const format = choice(opts.format, ['text', 'json'] as const, '--format');
      const asOf = isoDate(opts.asOf, '--as-of');
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new InputError(`--limit must be a whole number above 0 (got "${opts.limit}")`);
      const registry = await ctx.registry();
      const record = (await findRelease(model, registry, asOf)).record;
      if (opts.release.length) {
        const releases: Release[] = opts.release.map((text) => {
          const r = parseRelease(text);
          if ('error' in r) throw new InputError(r.error);
          const resolved = resolveLicense(r.license, registry.index);
          if (!resolved.ok) throw new InputError(`--release ${text}: ${resolved.error}`);
          return r;
        });
        const result = whatIf(record, registry, releases, { reading, asOf });
        ctx.io.out(format === 'json' ? json({ id: record.id, ...result }) : whatIfText(record.id, result));
        return;
      }
      const suggestions = advise(record, registry, { reading, asOf }, limit);
      ctx.io.out(format === 'json' ? json({ id: record.id, suggestions }) : suggestionsText(record.id, suggestions));
    });
}

function change<T>(c: { from: T; to: T }): string {
  return c.from === c.to ? String(c.from) : `${c.from} → ${c.to}`;
}

function frameworksLine(f: Suggestion['frameworks']): string {
  return `MOF ${change(f.mof)}; OSAID ${change(f.osaid)}; EU OSAI Index ${change(f.osaiIndex)}%; EU exemption ${change(f.euExemption)}`;
}

function suggestionsText(id: string, suggestions: Suggestion[]): string {
  if (!suggestions.length) return `${id}: no single release would raise its openness further.`;
  return [`Releases that would raise the openness of ${id} most (one at a time, best first):`, ...suggestions.map((s, i) =>
    `${i + 1}. release ${s.release.target} under ${s.release.license}${s.level ? `: ${change(s.level)}` : ''}; openness (low end: Unknown as closed) ${change(s.openness)}%\n   ${frameworksLine(s.frameworks)}${s.improves.length ? `\n   improves: ${s.improves.join(', ')}` : ''}${s.recommendations.length ? `\n   follows the paper's recommendation${s.recommendations.length > 1 ? 's' : ''}: ${s.recommendations.map((r) => `${r.text} (${r.section})`).join('; ')}` : ''}`)].join('\n');
}

function whatIfText(id: string, r: ReturnType<typeof whatIf>): string {
  return [
    `What if ${id} released ${r.releases.map((x) => `${x.target} under ${x.license}`).join(', ')}:`,
    ...r.changed.map((c) => `  ${c.component}: ${c.from} → ${c.to}`),
    `  openness (low end: Unknown as closed): ${r.before.openness}% → ${r.after.openness}%`,
    `  ${frameworksLine(r.frameworks)}`,
    ...(r.recommendations.length ? [`  newly follows the paper's recommendations: ${r.recommendations.map((x) => x.id).join(', ')}`] : []),
  ].join('\n');
}
