// howopen scan: draft a record from a local model repository (Hub layout), with each field's source and confidence.
import type { Command } from 'commander';
import type { Provenance } from '../../interop/draft.js';
import { writeFileAtomic } from '../../interop/files.js';
import type { ScanResult } from '../../interop/scan/index.js';
import type { Context } from '../context.js';
import { InputError, choice, json, textTable } from '../output.js';
import { display, formatFinding } from '../interop-io.js';

export function scanCommand(program: Command, ctx: Context): Command {
  return program.command('scan')
    .description('draft a model record from a local model repository: model card, license files, config, weights, code folders')
    .argument('<dir>', 'the repository folder (as laid out on the Hugging Face Hub)')
    .option('--url <url>', 'the repository\'s URL, for evidence links (e.g. https://huggingface.co/meta-llama/Llama-2-7b-hf)')
    .option('--format <format>', 'text (draft YAML on stdout, report on stderr) or json ({ draft, report })', 'text')
    .option('--out <file>', 'write the draft YAML to this file (whole or not at all; never over an existing file without --force)')
    .option('--released <YYYY-MM>', 'the release date, which no file in a model repository states (without it the draft cannot validate)')
    .option('--force', 'overwrite --out if it exists', false)
    .addHelpText('after', [
      '',
      'Weight files are listed by name and size, never opened. Symbolic links that lead out of the folder are not followed;',
      'binary, oversized (over 1 MB), unreadable or non-UTF-8 text files are reported and skipped.',
      'License files go through a pipeline of matchers (SPDX-License-Identifier, exact SPDX text, AI model license',
      'fingerprints, Dice similarity with the SPDX texts); the report names the matcher that decided and its similarity.',
      'The draft is checked by the rules of `howopen validate` for the file it goes to (--out, else <id>.yaml); every problem',
      'is named in the report and at the top of the draft. With --out the draft is written either way, whole.',
      'Exit 0 when the draft validates, 1 when it needs work (the problems are listed; a scan never finds the release date,',
      'so give --released), 2 when the folder cannot be scanned or --out exists.',
      'Example: howopen scan ./Llama-2-7b-hf --url https://huggingface.co/meta-llama/Llama-2-7b-hf --released 2023-07 --out drafts/llama-2-7b-hf.yaml',
    ].join('\n'))
    .action(async (dir: string, opts: { url?: string; format: string; out?: string; released?: string; force: boolean }) => {
      const format = choice(opts.format, ['text', 'json'] as const, '--format');
      if (opts.url !== undefined && !/^https?:\/\//.test(opts.url)) throw new InputError(`--url must be an http(s) URL (got "${opts.url}")`);
      if (opts.released !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.released)) throw new InputError(`--released must be a year and month such as 2023-07 (got "${opts.released}")`);
      const [{ scanRepository, ScanInputError }, { recordToYaml }, { checkModelText }, { formatProblem }] = await Promise.all([
        import('../../interop/scan/index.js'), import('../../interop/record-yaml.js'), import('../../registry/load.js'), import('../../registry/problem.js'),
      ]);
      const registry = await ctx.registry();
      // Only a folder that cannot be scanned is bad input; anything else is a bug and must show as one.
      const result = await scanRepository(dir, registry, opts.url ? { url: opts.url } : {}).catch((e: unknown) => { throw e instanceof ScanInputError ? new InputError(e.message) : e; });
      if (opts.released) {
        result.record = withReleased(result.record, opts.released);
        result.findings = result.findings.filter((f) => !/^released: /.test(f.message));
        result.provenance.push({ field: 'released', source: 'the --released option', how: 'verbatim', confidence: 1 });
      }
      const record = result.record as Parameters<typeof recordToYaml>[0];
      // The same rules as `howopen validate` on the file the draft goes to, so scan and validate never disagree.
      const target = opts.out ?? `${record.id}.yaml`;
      const found = checkModelText(recordToYaml(record), target, registry);
      const header = [
        `Draft by howopen scan of ${display(dir)}: check every field (the report gives each one's source and confidence).`,
        ...(found.length ? [`Does not validate yet; fix these, then run howopen validate on it:`, ...found.map((p) => `  ${p.field ?? ''}${p.field ? ': ' : ''}${p.message}`)] : []),
      ];
      const yaml = recordToYaml(record, header);
      // Checked again with its header, so every line and column is where validate will put it.
      const problems = checkModelText(yaml, target, registry);
      if (opts.out) {
        if (await writeFileAtomic(opts.out, yaml, { force: opts.force }) === 'exists') throw new InputError(`${opts.out} already exists; not overwritten (use --force to replace it)`);
        ctx.io.err(`wrote ${display(opts.out)}${problems.length ? `; it needs work before it validates (${problems.length} problem(s), listed below and at its top)` : ''}`);
      }
      if (problems.length) ctx.exitCode = 1;
      if (format === 'json') { ctx.io.out(json({ draft: result.record, report: { ...reportJson(result), problems } })); return; }
      if (!opts.out) ctx.io.out(yaml);
      (opts.out ? ctx.io.out : ctx.io.err)(reportText(result, display(dir), problems.map(formatProblem)));
    });
}

function percent(x: number | undefined): string {
  return x === undefined ? '' : `${Math.round(x * 100)}%`;
}

function reportJson(result: ScanResult) {
  return {
    licenses: result.licenses.map((l) => ({ file: l.file, kind: l.kind, license: l.license, match: l.detection.match ?? null, tried: l.detection.tried, closest: l.detection.closest ?? null })),
    fields: result.provenance,
    files: result.files,
    findings: result.findings,
  };
}

function fieldValue(result: ScanResult, p: Provenance): string {
  const [bag, ...rest] = p.field.split('.');
  const record = result.record as unknown as Record<string, unknown>;
  if (bag === 'components' || bag === 'documentation') {
    const prop = rest.at(-1)!;
    const key = rest.slice(0, -1).join('.');
    return String(((record[bag] as Record<string, Record<string, unknown>>)[key] ?? {})[prop] ?? '');
  }
  const v = rest.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], record[bag!]);
  return typeof v === 'string' ? (v.length > 40 ? `${v.slice(0, 37)}…` : v) : v === undefined ? '' : JSON.stringify(v);
}

/** The record with its release date in the documented place (after organization). */
function withReleased(record: ScanResult['record'], released: string): ScanResult['record'] {
  const { id, name, organization, ...rest } = record;
  return { id, name, organization, released, ...rest };
}

export function reportText(result: ScanResult, dir: string, problems: readonly string[] = []): string {
  const lines = [`Scan of ${dir}: ${result.files.length} relevant file(s).`, '', 'License files:'];
  if (!result.licenses.length) lines.push('  none');
  for (const l of result.licenses) {
    const m = l.detection.match;
    lines.push(m
      ? `  ${l.file}: ${m.license ? `${l.license ?? m.license} (${m.name})` : `${m.name} (a use policy)`}; matcher ${m.matcher}, similarity ${percent(m.similarity)}, confidence ${percent(m.confidence)}: ${m.detail}`
      : `  ${l.file}: not recognised (tried ${l.detection.tried.join(', ')})${l.detection.closest ? `; closest SPDX text ${l.detection.closest.id} at ${percent(l.detection.closest.similarity)}` : ''}`);
  }
  lines.push('', 'Fields (value ← source, how, confidence):');
  const silent = result.provenance.filter((p) => p.how === 'default' && p.confidence === 0 && p.field.startsWith('components.'));
  const rows = result.provenance.filter((p) => !silent.includes(p)).map((p) => [p.field, fieldValue(result, p), p.source, `${p.how}${p.matcher ? ` ${p.matcher}, similarity ${percent(p.similarity)}` : ''}`, percent(p.confidence)]);
  lines.push(textTable(['field', 'value', 'source', 'how', 'confidence'], rows).split('\n').map((l) => `  ${l}`).join('\n'));
  if (silent.length) lines.push(`  Unknown, nothing in the folder speaks to them: ${silent.map((p) => p.field.replace(/^components\.|\.status$/g, '')).join(', ')}.`);
  if (result.findings.length) lines.push('', 'To check:', ...result.findings.map((f) => `  ${formatFinding(f)}`));
  lines.push('', problems.length ? `Does not validate yet (${problems.length} problem(s), as howopen validate reports them; exit 1):` : 'The draft passes howopen validate.', ...problems.map((p) => `  ${p}`));
  return lines.join('\n');
}
