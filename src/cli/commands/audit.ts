// howopen audit: published levels that differ from the computed ones (with reasons), and the data's quality.
import type { Command } from 'commander';
import { audit } from '../../core/audit.js';
import { READINGS } from '../../core/licenses.js';
import { licenseFit } from '../../core/license-fit.js';
import { actInputFindings, qualityFindings } from '../../core/quality.js';
import type { Context } from '../context.js';
import { choice, json, wrap } from '../output.js';

export function auditCommand(program: Command, ctx: Context): Command {
  return program.command('audit')
    .description('list every disagreement between a published level and the computed one, with its reason, and check the data\'s quality')
    .option('--check <check>', 'disagreements, quality, fit, inputs, or all', 'all')
    .option('--format <format>', 'text or json', 'text')
    .option('--reading <reading>', 'strict or lenient', 'strict')
    .addHelpText('after', `
Quality checks: every public or api cell has evidence; every license exists; family and derived_from
resolve; no two records describe the same release; every record has a checked date.
JSON: --check disagreements (or all) prints [{ model, component, published, computed, reason }];
--check quality prints [{ model, field, check, message }].
License fit (--check fit, and a count under all): each public part's license is of a kind meant for it
(code licenses on code, data or content licenses on data and documents, model licenses on weights);
JSON [{ model, field, license, kind, target, message }]. A misfit is for review, not an error: it does
not change the exit code.
EU AI Act inputs (--check inputs, and a count under all): a monetised value or training_compute figure
without evidence, or unknown without a note; JSON [{ model, field, check, message }]. For review: the
verdict already reads a bare monetised as unknown, so these do not change the exit code either.
Exit 1 when a disagreement has no recorded reason or a quality check fails.
Example: howopen audit --format json`)
    .action(async (opts: { check: string; format: string; reading: string }) => {
      const check = choice(opts.check, ['disagreements', 'quality', 'fit', 'inputs', 'all'] as const, '--check');
      const format = choice(opts.format, ['text', 'json'] as const, '--format');
      const reading = choice(opts.reading, READINGS, '--reading');
      const registry = await ctx.registry();
      const fits = check === 'fit' || check === 'all' ? registry.models.flatMap((m) => licenseFit(m, registry.index).map((f) => ({ model: m.id, ...f }))) : [];
      if (check === 'fit') {
        if (format === 'json') ctx.io.out(json(fits));
        else for (const f of fits) ctx.io.out(`fit: ${f.model}  ${f.field}: ${f.message}`);
        ctx.io.err(`${fits.length} license(s) not of a kind meant for their part, over ${registry.models.length} models`);
        return;
      }
      const inputs = check === 'inputs' || check === 'all' ? actInputFindings(registry) : [];
      if (check === 'inputs') {
        if (format === 'json') ctx.io.out(json(inputs));
        else for (const f of inputs) ctx.io.out(`input: ${f.model}  ${f.field}: ${f.message}`);
        ctx.io.err(`${inputs.length} EU AI Act input(s) without evidence (for review), over ${registry.models.length} models`);
        return;
      }
      const result = audit(registry, reading);
      const unexplained = check === 'quality' ? [] : result.disagreements.filter((d) => !d.reason);
      const quality = check === 'disagreements' ? [] : qualityFindings(registry);
      if (check === 'all' && fits.length) ctx.io.err(`${fits.length} license(s) not of a kind meant for their part (for review): howopen audit --check fit`);
      if (check === 'all' && inputs.length) ctx.io.err(`${inputs.length} EU AI Act input(s) without evidence (for review): howopen audit --check inputs`);
      if (format === 'json') {
        ctx.io.out(json(check === 'quality' ? quality
          : result.disagreements.map(({ model, component, published, computed, reason, source, publishedLicense }) => ({ model, component, published, computed, reason, source, publishedLicense }))));
        if (check === 'all' && quality.length) ctx.io.err(`${quality.length} data-quality finding(s): howopen audit --check quality`);
      } else {
        if (check !== 'quality') {
          for (const d of result.disagreements) {
            ctx.io.out(`${d.model}  ${d.component}  published ${d.published}${d.publishedLicense ? ` (${d.publishedLicense})` : ''} → computed ${d.computed}`);
            ctx.io.out(wrap(d.reason ?? 'NO REASON RECORDED: add published.eiras-2024.values.<component>.reason to the record', 100, '    '));
          }
          for (const s of result.staleReasons) ctx.io.err(`warning: ${s.model} ${s.component}: a reason is recorded but the levels agree`);
          ctx.io.err(`${result.disagreements.length} disagreement(s), ${unexplained.length} without a reason`);
        }
        if (check !== 'disagreements') {
          for (const q of quality) ctx.io.out(`quality: ${q.model}  ${q.field}: ${q.message}`);
          ctx.io.err(`${quality.length} data-quality finding(s) over ${registry.models.length} models`);
        }
      }
      if (unexplained.length || quality.length) ctx.exitCode = 1;
    });
}
