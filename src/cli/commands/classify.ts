// howopen classify: the level of each component of one model, with the reasons.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type Classification, classificationJson, classify, opennessText } from '../../core/classify.js';
import { READINGS, RIGHTS } from '../../core/licenses.js';
import { SCOPES, SCOPE_KEYS, scopeAnswer } from '../../core/rights.js';
import type { ModelRecord } from '../../core/model.js';
import type { Registry } from '../../core/registry.js';
import { COMPONENTS } from '../../core/taxonomy.js';
import { checkModel } from '../../registry/checks.js';
import { formatProblem } from '../../registry/problem.js';
import type { Context } from '../context.js';
import { InputError, choice, isoDate, json, paintLevel, today, wrap } from '../output.js';
import { advise } from '../../core/advice.js';
import { type Verdicts, verdicts } from '../../core/frameworks/index.js';
import { closest } from 'fastest-levenshtein';
import { type Resolved, describeRelease, lookupModel, releasedBy, resolveModel } from '../../core/resolve.js';

export function classifyCommand(program: Command, ctx: Context): Command {
  return program.command('classify')
    .description('classify one model: a level per component, with points and the explanation')
    .argument('[model]', 'a model id (id@variant for a variant, e.g. qwen2.5@7b), or a model file (.yaml); not with --batch')
    .option('--batch <file>', 'classify Hub metadata, one JSON object per line, from a file or - (stdin); --format jsonl or csv')
    .option('--reading <reading>', 'strict (conditional rights count 0) or lenient (count 1)', 'strict')
    .option('--format <format>', 'text or json', 'text')
    .option('--as-of <date>', 'date at which the facts (licenses, takedowns) and the EU AI Act\'s dated rules are read', today())
    .addHelpText('after', '\nJSON: { id, name, reading, components, summary, frameworks: { mof, osaid, osaiIndex, euAiAct, g7, owd, paper }, advice }.\nExamples:\n  howopen classify llama-2\n  howopen classify qwen2.5@7b                 (a variant; the bare id reads the flagship)\n  howopen classify yi-34b --as-of 2024-01-01  (the facts in force then)\n  howopen classify my-model.yaml --reading lenient --format json')
    .action(async (model: string | undefined, opts: { reading: string; format: string; asOf: string; batch?: string }) => {
      if (opts.batch !== undefined && model !== undefined) throw new InputError(`give either a model ("${model}") or --batch FILE, not both`);
      if (opts.batch !== undefined) return (await import('../batch.js')).runBatch(ctx, opts.batch, opts);
      if (model === undefined) throw new InputError('missing argument <model> (a model id or file), or use --batch FILE');
      const reading = choice(opts.reading, READINGS, '--reading');
      const format = choice(opts.format, ['text', 'json'] as const, '--format');
      const asOf = isoDate(opts.asOf, '--as-of');
      const registry = await ctx.registry();
      const resolved = await findRelease(model, registry, asOf);
      const record = resolved.record;
      const result = classify(record, registry.index, { reading });
      const frameworks = verdicts(record, registry, { reading, asOf }, result);
      if (format === 'json') ctx.io.out(json({ ...classificationJson(result), ...releaseJson(resolved), frameworks, advice: advise(record, registry, { reading, asOf }) }));
      else ctx.io.out(`${releaseText(resolved)}${classificationText(result, ctx.io.color)}\n\n${verdictsText(frameworks)}`);
    });
}

/** A model reference (`id`, `id@variant` or a file) read at a date: the facts of that release then. */
export async function findRelease(model: string, registry: Registry, asOf: string): Promise<Resolved> {
  if (/\.ya?ml$/i.test(model) || model.includes('/')) {
    const resolved = resolveModel(await findRecord(model, registry), { asOf });
    if (!releasedBy(resolved.record, asOf)) throw new InputError(`${model} was not released as of ${asOf} (released ${resolved.record.released})`);
    return resolved;
  }
  const found = lookupModel(registry, model, asOf);
  if (!found.ok) throw new InputError(found.error);
  return found.resolved;
}

/** What the JSON says about the release read: which variant, at which date, and which facts were earlier states. */
export function releaseJson(resolved: Resolved) {
  return {
    variant: resolved.variant,
    variants: (resolved.source.variants ?? []).map((v) => `${resolved.source.id}@${v.id}`),
    asOf: resolved.asOf,
    changes: resolved.changes,
  };
}

function releaseText(resolved: Resolved): string {
  const lines: string[] = [];
  if (resolved.variant) lines.push(`Release: ${describeRelease(resolved)}.`);
  for (const c of resolved.changes) {
    lines.push(`As of ${resolved.asOf}, ${c.key} reads its earlier state (${c.state.status}${c.state.license ? ` under ${c.state.license}` : ''}, until ${c.until}).`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export async function findRecord(model: string, registry: Registry): Promise<ModelRecord> {
  if (/\.ya?ml$/i.test(model) || model.includes('/')) {
    const text = await readFile(model).catch((e: Error) => { throw new InputError(`cannot read ${model}: ${e.message}`); });
    const [{ parseRecord }, { modelSchema }] = await Promise.all([import('../../registry/parse.js'), import('../../registry/schema.js')]);
    const parsed = parseRecord(text, model, modelSchema);
    const problems = parsed.value ? checkModel({ file: model, value: parsed.value as ModelRecord, locate: parsed.locate }, registry.index) : parsed.problems;
    if (problems.length) throw new InputError(`${model} is not a valid model record:\n${problems.map(formatProblem).join('\n')}`);
    return parsed.value as ModelRecord;
  }
  const record = registry.model(model);
  if (!record) {
    const guess = registry.models.length ? closest(model, registry.models.map((m) => m.id)) : undefined;
    throw new InputError(`no model "${model}" in the registry${guess ? ` (did you mean ${guess}?)` : ''}`);
  }
  return record;
}

function classificationText(result: Classification, color: boolean): string {
  const lines = [`${result.name} (${result.id}), ${result.reading} reading`, ''];
  for (const component of COMPONENTS) {
    const c = result.components[component.key]!;
    const label = c.level.padEnd(7);
    lines.push(`${color ? paintLevel(label, c.score, c.level) : label}  ${component.name} [${component.key}]${c.license ? `  ${c.license}` : ''}`);
    lines.push(wrap(c.explanation, 100, '         '));
  }
  const s = result.summary;
  lines.push('', `Summary: ${s.bands['fully open']} fully open, ${s.bands['semi-open']} semi-open, ${s.bands['fully closed']} fully closed, ${s.bands['N/A']} N/A, ${s.bands.Unknown} unknown.`);
  lines.push('', `Can I… (the five rights, ${result.reading} reading):`);
  for (const scope of SCOPE_KEYS) {
    lines.push(`  ${SCOPES[scope].name}: ${RIGHTS.map((r) => `${r.name.toLowerCase()} ${scopeAnswer(result, scope, r.key)}`).join(', ')}`);
  }
  const range = s.range && s.range.lower !== s.range.upper ? '; the low end counts each Unknown as closed and is what models are ranked by, the high end counts it as fully open' : '';
  lines.push(`Openness (howopen's aggregate, not the paper's): ${opennessText(s)}${range}.`);
  return lines.join('\n');
}

export function verdictsText(v: Verdicts): string {
  const eu = v.euAiAct;
  const lines = [
    'Verdicts of the neighbouring frameworks (from the same record):',
    `  MOF ${v.mof.framework.version}: ${v.mof.class ? `Class ${v.mof.class}` : 'no class'} (progress: Class III ${v.mof.progress.III}%, II ${v.mof.progress.II}%, I ${v.mof.progress.I}%)`,
    `  OSI Open Source AI Definition ${v.osaid.framework.version}: ${v.osaid.verdict}${v.osaid.verdict === 'fail' ? ` (${v.osaid.elements.filter((e) => !e.met).map((e) => e.element).join(', ')})` : ''}`,
    `  European Open Source AI Index: ${v.osaiIndex.total}% (availability ${v.osaiIndex.categories.availability}%, documentation ${v.osaiIndex.categories.documentation}%, access ${v.osaiIndex.categories.access}%)`,
    `  EU AI Act as of ${eu.asOf}: open-source exemption ${eu.exemption.applies}; systemic risk ${eu.systemicRisk}; GPAI ${eu.gpai}. ${eu.framework.disclaimer}`,
    ...eu.exemption.reasons.map((r) => `      - ${r}`),
    `    Duties: ${eu.obligations.map((o) => `Art. ${o.article} applies ${o.applies}, in force ${o.inForce}`).join('; ')}.`,
    '    Where the exemption does not reach:',
    ...eu.exemption.limits.map((l) => `      - Art. ${l.article}: ${l.note}`),
    `  G7 Vision on AI Openness: ${v.g7.label ?? 'no label'}${v.g7.possible ? ` (${v.g7.possible} if the unknown criteria were established)` : ''}`,
    `  Open Weight Definition ${v.owd.framework.version}: ${v.owd.verdict}. ${v.owd.reasons[0]}`,
  ];
  return lines.join('\n');
}
