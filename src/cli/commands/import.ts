// howopen import: draft model records from another format's files; every field says where it came from.
import { join } from 'node:path';
import type { Command } from 'commander';
import { closest } from 'fastest-levenshtein';
import type { Draft, Finding } from '../../interop/draft.js';
import { readText, writeFileAtomic } from '../../interop/files.js';
import { FORMAT_INFO, FORMAT_NAMES, type FormatName } from '../../interop/format.js';
import type { Context } from '../context.js';
import { InputError, json } from '../output.js';
import { checkOutFolder, display, expandInputs, formatFinding, writeOutputs } from '../interop-io.js';

/** A format name, or a usage error with did-you-mean. */
export function formatName(name: string): FormatName {
  if ((FORMAT_NAMES as string[]).includes(name)) return name as FormatName;
  throw new InputError(`unknown format "${name}" (did you mean ${closest(name, FORMAT_NAMES)}? formats: ${FORMAT_NAMES.join(', ')})`);
}

export function importCommand(program: Command, ctx: Context): Command {
  return program.command('import')
    .description('draft model records from another format: the paper\'s site files, the European Open Source AI Index, MOF model.yml, or JSON')
    .argument('<format>', FORMAT_NAMES.join(', '))
    .argument('<paths...>', 'files, or folders (their files of the format, not recursive; names starting with _ or containing "template" are skipped)')
    .option('--out <dir>', 'folder for the drafts (one <id>.yaml each), or - for standard output', 'drafts')
    .option('--force', 'overwrite files that already exist (never done without it)', false)
    .option('--report <file>', 'also write a JSON report: each draft\'s provenance (field ← source, how, confidence) and findings')
    .addHelpText('after', [
      '',
      'Formats:',
      ...FORMAT_NAMES.map((f) => `  ${f.padEnd(11)} ${FORMAT_INFO[f].description}`),
      '',
      'A draft is written only whole (temporary file, then rename) and only if it passes `howopen validate`.',
      'Exit 0 when every file imported cleanly, 1 when some fields need a person (unresolved licenses, missing facts),',
      '2 when a file could not be imported or an output already exists.',
      'Examples:',
      '  howopen import eiras-site examples/eiras-site --out drafts',
      '  howopen import mof Llama-2-7B.yml --out -',
      '  howopen import osai-index index/ --out registry/models --report import-report.json',
    ].join('\n'))
    .action(async (name: string, paths: string[], opts: { out: string; force: boolean; report?: string }) => {
      const chosen = formatName(name);
      await checkOutFolder(opts.out, 'the drafts');
      const [{ findFormat }, { checkRecordYaml, recordToYaml }, { formatProblem }] = await Promise.all([
        import('../../interop/formats.js'), import('../../interop/record-yaml.js'), import('../../registry/problem.js'),
      ]);
      const format = findFormat(chosen)!;
      const registry = await ctx.registry();
      const { files, problems } = await expandInputs(paths, format.extensions);
      const drafts: Draft[] = [];
      for (const file of files) {
        const read = await readText(file.path, file.root ? { root: file.root } : {});
        if (!read.ok) { problems.push({ file: display(file.path), line: read.line ?? 1, col: read.col ?? 1, severity: 'error', message: read.message }); continue; }
        const result = format.importText(read.text, display(file.path), registry);
        problems.push(...result.problems);
        drafts.push(...result.drafts);
      }

      const outputs: { path: string; text: string; from: string; draft: Draft }[] = [];
      const byId = new Map<string, string>();
      for (const draft of drafts) {
        const first = byId.get(draft.record.id);
        if (first) { problems.push({ file: draft.source, line: 1, col: 1, field: 'id', severity: 'error', message: `draft id "${draft.record.id}" is also drafted from ${first}; not written` }); continue; }
        byId.set(draft.record.id, draft.source);
        const header = [`Draft by howopen import ${format.name} from ${draft.source}: review every field before it joins the registry.`, ...draft.findings.map((f) => `check: ${f.message}`)];
        const text = recordToYaml(draft.record, header);
        const invalid = checkRecordYaml(text, `${draft.record.id}.yaml`, registry).map(formatProblem);
        if (invalid.length) { problems.push({ file: draft.source, line: 1, col: 1, severity: 'error', message: `the draft does not validate (a bug in the ${format.name} importer):\n${invalid.join('\n')}` }); continue; }
        outputs.push({ path: opts.out === '-' ? '-' : join(opts.out, `${draft.record.id}.yaml`), text, from: draft.source, draft });
      }

      if (opts.out === '-') { if (outputs.length) ctx.io.out(outputs.map((o) => o.text).join('---\n')); }
      else problems.push(...await writeOutputs(ctx, outputs, opts.force));
      const findings: Finding[] = outputs.flatMap((o) => o.draft.findings);
      for (const f of [...findings, ...problems]) ctx.io.err(formatFinding(f));
      if (opts.report) {
        const report = {
          format: format.name,
          drafts: outputs.map((o) => ({ id: o.draft.record.id, source: o.draft.source, output: o.path === '-' ? null : display(o.path), provenance: o.draft.provenance, findings: o.draft.findings })),
          problems,
        };
        if (await writeFileAtomic(opts.report, `${json(report)}\n`, { force: opts.force }) === 'exists') {
          const p: Finding = { file: opts.report, line: 1, col: 1, severity: 'error', message: 'already exists; not overwritten (use --force to replace it)' };
          problems.push(p);
          ctx.io.err(formatFinding(p));
        }
      }
      ctx.io.err(`${outputs.length} draft(s) from ${files.length} file(s); ${findings.length} finding(s) to check; ${problems.length} problem(s).`);
      ctx.exitCode = problems.length ? 2 : findings.length ? 1 : 0;
    });
}
