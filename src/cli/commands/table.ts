// howopen table: all models × twelve components, as a colored heatmap, Markdown, CSV or JSON.
import type { Command } from 'commander';
import { READINGS } from '../../core/licenses.js';
import { type Condition, filterRows, isVerdictField, parseCondition, parseSort } from '../../core/query.js';
import { sortRows } from '../../core/query.js';
import { FLAT_COLUMNS, type Row, flatRow, tableRows } from '../../core/table.js';
import { COMPONENTS } from '../../core/taxonomy.js';
import type { Context } from '../context.js';
import { InputError, choice, csv, isoDate, json, markdownTable, paintLevel, textTable, today } from '../output.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function tableCommand(program: Command, ctx: Context): Command {
  return program.command('table')
    .description('the taxonomy table: every model × the twelve components')
    .option('--format <format>', 'table, md, csv or json', 'table')
    .option('--where <condition>', 'keep rows that match, e.g. deployment.data.weights>=D4 or organization=Meta (repeatable; all must hold)', collect, [])
    .option('--sort <key>', 'sort by a component key, openness, id, name, organization or released; prefix - for descending', 'id')
    .option('--reading <reading>', 'strict or lenient', 'strict')
    .option('--source <source>', 'computed (our rubric) or published (the site\'s levels)', 'computed')
    .option('--as-of <date>', 'date at which the facts are read (licenses then in force; models out by then) and the frameworks\' dated rules (EU AI Act)', today())
    .option('--variants', 'a row per variant (qwen2.5@7b, …) instead of one per record with the range its variants span')
    .addHelpText('after', '\nConditions: a component key with a level (deployment.data.weights>=D4), a field (organization=Meta, released>=2024),\nor a verdict: mof=II, osaid=pass, exempt=yes.\nExamples:\n  howopen table --where "deployment.data.weights>=D4" --sort -released\n  howopen table --where osaid=pass --format csv > open.csv')
    .action(async (opts: { format: string; where: string[]; sort: string; reading: string; source: string; asOf: string; variants?: boolean }) => {
      const format = choice(opts.format, ['table', 'md', 'csv', 'json'] as const, '--format');
      const reading = choice(opts.reading, READINGS, '--reading');
      const source = choice(opts.source, ['computed', 'published'] as const, '--source');
      const conditions: Condition[] = opts.where.map((w) => { const c = parseCondition(w); if (!c.ok) throw new InputError(c.error); return c.value; });
      const sort = parseSort(opts.sort);
      if (!sort.ok) throw new InputError(sort.error);
      const registry = await ctx.registry();
      // Verdicts cost time: read them only when a condition or the output needs them.
      const needVerdicts = format === 'json' || format === 'csv' || conditions.some((c) => isVerdictField(c.field));
      const asOf = isoDate(opts.asOf, '--as-of');
      const rows = sortRows(filterRows(tableRows(registry, { reading, source, asOf, verdicts: needVerdicts, variants: opts.variants === true }), conditions), sort.value);
      ctx.io.out(render(rows, format, ctx.io.color));
    });
}

function render(rows: Row[], format: 'table' | 'md' | 'csv' | 'json', color: boolean): string {
  if (format === 'json') return json(rows.map(flatRow));
  if (format === 'csv') return csv(rows.map(flatRow), [...FLAT_COLUMNS]);
  // A family row shows the span of its variants where they differ ("D3–D5"); its filters and sort read the flagship.
  const body = rows.map((r) => [r.variant && !r.variant.explicit ? `${r.name} [${r.variants.length} variants]` : r.name, r.released, ...COMPONENTS.map((c) => (r.cells[c.key]!.range ?? r.cells[c.key]!.level) + (r.cells[c.key]!.other ? '*' : ''))]);
  if (format === 'md') return markdownTable(['Model', 'Released', ...COMPONENTS.map((c) => `${c.stage[0]!.toUpperCase()}${c.stage.slice(1)} ${c.kind}: ${c.short}`)], body);
  // A terminal is narrow: stage, kind and component in a few letters each (the legend below spells them out).
  const header = ['Model', 'Released', ...COMPONENTS.map((c) => `${c.stage.slice(0, 5)}.${c.kind[0]}.${c.short.slice(0, 6)}`)];
  const table = textTable(header, body, color ? (text, row, col) => {
    if (col < 2) return text;
    const cell = rows[row]!.cells[COMPONENTS[col - 2]!.key]!;
    return paintLevel(text, cell.score, cell.level);
  } : undefined);
  return `${table}\n\n${rows.length} model(s). Columns: stage.kind.component (train/evalu/deplo, c code, d data). * the other source (published or computed) gives another level; see howopen audit. A range (D3–D5) spans a family's variants; --variants lists them.`;
}
