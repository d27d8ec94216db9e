// howopen export: registry records written in another format (the paper's site files, the index, MOF, JSON).
import { join } from 'node:path';
import type { Command } from 'commander';
import { closest } from 'fastest-levenshtein';
import { READINGS } from '../../core/licenses.js';
import type { ModelRecord } from '../../core/model.js';
import { lookupModel } from '../../core/resolve.js';
import type { Registry } from '../../core/registry.js';
import type { Finding } from '../../interop/draft.js';
import { readText } from '../../interop/files.js';
import { FORMAT_NAMES } from '../../interop/format.js';
import type { Context } from '../context.js';
import { InputError, choice } from '../output.js';
import { checkOutFolder, display, formatFinding, writeOutputs } from '../interop-io.js';
import { formatName } from './import.js';

export function exportCommand(program: Command, ctx: Context): Command {
  return program.command('export')
    .description('write registry records in another format: eiras-site, osai-index, mof, json, or the AI bills of materials cyclonedx and spdx (rules in docs/INTEROP.md)')
    .argument('<format>', FORMAT_NAMES.join(', '))
    .argument('[models...]', 'model ids from the registry, or model files (.yaml, .json)')
    .option('--all', 'every model in the registry', false)
    .requiredOption('--out <dir>', 'folder for the files, or - for standard output')
    .option('--force', 'overwrite files that already exist (never done without it)', false)
    .option('--source <source>', 'eiras-site: published (the values a record keeps verbatim, else computed) or computed', 'published')
    .option('--reading <reading>', 'strict or lenient, for computed levels and framework classes', 'strict')
    .addHelpText('after', '\nExit 0 when every file was written, 2 when one already exists (use --force) or a model is unknown.\nExamples:\n  howopen export eiras-site --all --out site/_llms\n  howopen export mof llama-2 olmo-7b --out mot/\n  howopen export osai-index llama-2 --out -')
    .action(async (name: string, models: string[], opts: { all: boolean; out: string; force: boolean; source: string; reading: string }) => {
      await checkOutFolder(opts.out, 'the files');
      const chosen = formatName(name);
      const source = choice(opts.source, ['published', 'computed'] as const, '--source');
      const reading = choice(opts.reading, READINGS, '--reading');
      if (opts.all === (models.length > 0)) throw new InputError('give model ids or files, or --all (not both)');
      const { findFormat } = await import('../../interop/formats.js');
      const format = findFormat(chosen)!;
      const registry = await ctx.registry();
      const records = opts.all ? [...registry.models] : await Promise.all(models.map((m) => findModel(m, registry)));
      const files = records.map((record) => ({ record, file: format.exportRecord(record, registry, { source, reading }) }));
      const problems: Finding[] = [];
      const names = new Map<string, string>();
      for (const f of files) {
        const other = names.get(f.file.name);
        if (other) problems.push({ file: f.file.name, line: 1, col: 1, severity: 'error', message: `both ${other} and ${f.record.id} export to this file name; only ${other} is written` });
        else names.set(f.file.name, f.record.id);
      }
      const unique = files.filter((f) => names.get(f.file.name) === f.record.id);
      let written = unique.length;
      if (opts.out === '-') ctx.io.out(unique.map((f) => f.file.text).join('\n'));
      else {
        const failed = await writeOutputs(ctx, unique.map((f) => ({ path: join(opts.out, f.file.name), text: f.file.text, from: f.record.id })), opts.force);
        written -= failed.length;
        problems.push(...failed);
      }
      for (const p of problems) ctx.io.err(formatFinding(p));
      if (opts.out !== '-') ctx.io.err(`${written} file(s) written to ${display(opts.out)}; ${problems.length} problem(s).`);
      ctx.exitCode = problems.length ? 2 : 0;
    });
}

/** A model by registry id, or a record file (YAML or JSON) checked as the registry checks it. */
async function findModel(model: string, registry: Registry): Promise<ModelRecord> {
  if (/\.(ya?ml|json)$/i.test(model) || model.includes('/')) {
    const read = await readText(model);
    if (!read.ok) throw new InputError(`${model}: ${read.message}`);
    const [{ checkRecordYaml }, { formatProblem }, { parse }] = await Promise.all([import('../../interop/record-yaml.js'), import('../../registry/problem.js'), import('yaml')]);
    const problems = checkRecordYaml(read.text, model, registry);
    if (problems.length) throw new InputError(`${model} is not a valid model record:\n${problems.map(formatProblem).join('\n')}`);
    return parse(read.text) as ModelRecord;
  }
  // A variant (qwen2.5@7b) exports its own facts; a bare id exports the record as stored (the flagship's facts).
  if (model.includes('@')) {
    const found = lookupModel(registry, model);
    if (!found.ok) throw new InputError(found.error);
    return found.resolved.record;
  }
  const record = registry.model(model);
  if (!record) throw new InputError(`no model "${model}" in the registry${registry.models.length ? ` (did you mean ${closest(model, registry.models.map((m) => m.id))}?)` : ''}`);
  return record;
}
