// howopen table: all models × twelve components, as a colored heatmap that fits the terminal, Markdown, CSV or JSON.
import type { Command } from 'commander';
import { opennessShort } from '../../core/classify.js';
import { READINGS } from '../../core/licenses.js';
import { type Condition, filterRows, isVerdictField, parseCondition, parseSort } from '../../core/query.js';
import { sortRows } from '../../core/query.js';
import { FLAT_COLUMNS, type Row, flatRow, tableRows } from '../../core/table.js';
import { COMPONENTS } from '../../core/taxonomy.js';
import type { Context } from '../context.js';
import { InputError, choice, csv, isoDate, json, markdownTable, paintLevel, textTable, today, wrap } from '../output.js';

const collect = (value: string, previous: string[]) => [...previous, value];

type Format = 'table' | 'md' | 'csv' | 'json';

/** The license columns: the two components whose license most users ask about. */
const LICENSE_COLUMNS = [
  { key: 'deployment.data.weights', header: 'Weights license' },
  { key: 'deployment.code.inference', header: 'Inference code license' },
] as const;

export function tableCommand(program: Command, ctx: Context): Command {
  return program.command('table')
    .description('the taxonomy table: every model × the twelve components')
    .option('--format <format>', 'table, md, csv or json', 'table')
    .option('--where <condition>', 'keep rows that match, e.g. deployment.data.weights>=D4 or organization=Meta (repeatable; all must hold)', collect, [])
    .option('--sort <key>', 'sort by a component key, openness, id, name, organization or released; prefix - for descending', '-released')
    .option('--licenses', 'add the weights\' and the inference code\'s license columns (on a terminal they appear by themselves when there is room)', false)
    .option('--reading <reading>', 'strict or lenient', 'strict')
    .option('--source <source>', 'computed (our rubric) or published (the site\'s levels)', 'computed')
    .option('--as-of <date>', 'date at which the facts are read (licenses then in force; models out by then) and the frameworks\' dated rules (EU AI Act)', today())
    .option('--variants', 'a row per variant (qwen2.5@7b, …) instead of one per record with the range its variants span')
    .addHelpText('after', [
      '',
      'On a terminal the table fits its width: three-letter column codes (a legend below spells them out), one line per model,',
      'license columns only when there is room or with --licenses. Piped or redirected, and as md, csv or json, it keeps its full width.',
      'Rows are newest first unless --sort says otherwise.',
      'Conditions: a component key with a level (deployment.data.weights>=D4), a field (organization=Meta, released>=2024),',
      'or a verdict: mof=II, osaid=pass, exempt=yes.',
      'Examples:',
      '  howopen table --where "deployment.data.weights>=D4"',
      '  howopen table --where osaid=pass --format csv > open.csv',
    ].join('\n'))
    .action(async (opts: { format: string; where: string[]; sort: string; licenses: boolean; reading: string; source: string; asOf: string; variants?: boolean }) => {
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
      ctx.io.out(render(rows, format, { color: ctx.io.color, licenses: opts.licenses, ...(ctx.io.columns ? { columns: ctx.io.columns } : {}) }));
    });
}

interface RenderOptions { color: boolean; licenses: boolean; columns?: number }

function render(rows: Row[], format: Format, options: RenderOptions): string {
  if (format === 'json') return json(rows.map(flatRow));
  if (format === 'csv') return csv(rows.map(flatRow), [...FLAT_COLUMNS]);
  if (format === 'md' || options.columns === undefined) return fullTable(rows, format, options);
  return compactTable(rows, options.columns, options);
}

// A family row shows the span of its variants where they differ ("D3–D5"); its filters and sort read the flagship.
const level = (r: Row, key: string) => (r.cells[key]!.range ?? r.cells[key]!.level) + (r.cells[key]!.other ? '*' : '');
const rowName = (r: Row) => (r.variant && !r.variant.explicit ? `${r.name} [${r.variants.length} variants]` : r.name);
const license = (r: Row, key: string) => r.cells[key]!.license ?? '';

/** The full-width table, for Markdown and for output that is not a terminal: long headers, nothing cut. */
function fullTable(rows: Row[], format: 'table' | 'md', { color, licenses }: RenderOptions): string {
  const licenseHeaders = licenses ? LICENSE_COLUMNS.map((c) => c.header) : [];
  const body = rows.map((r) => [rowName(r), r.released, ...COMPONENTS.map((c) => level(r, c.key)), opennessShort(r.classification.summary), ...(licenses ? LICENSE_COLUMNS.map((c) => license(r, c.key)) : [])]);
  if (format === 'md') return markdownTable(['Model', 'Released', ...COMPONENTS.map((c) => `${c.stage[0]!.toUpperCase()}${c.stage.slice(1)} ${c.kind}: ${c.short}`), 'Openness (known)', ...licenseHeaders], body);
  const header = ['Model', 'Released', ...COMPONENTS.map((c) => `${c.stage}.${c.kind}.${c.short}`), 'Openness (known)', ...licenseHeaders];
  return `${textTable(header, body, color ? paintCells(rows) : undefined)}\n\n${rows.length} model(s). ${OPENNESS_NOTE} * the other source (published or computed) gives another level; see howopen audit.`;
}

// Compact codes: stage, kind, component in one letter each, so a level column is three characters wide.
const STAGE_CODE: Record<string, string> = { training: 'T', evaluation: 'E', deployment: 'D' };
const KIND_CODE: Record<string, string> = { code: 'c', data: 'd' };
const COMPONENT_CODE: Record<string, string> = {
  'training.code.pretraining': 'P', 'training.code.finetuning': 'F', 'training.code.alignment': 'A',
  'training.data.pretraining': 'P', 'training.data.sft': 'S', 'training.data.alignment': 'A',
  'evaluation.code.general': 'G', 'evaluation.code.safety': 'S', 'evaluation.data.utility': 'U', 'evaluation.data.safety': 'S',
  'deployment.code.inference': 'I', 'deployment.data.weights': 'W',
};
/** Levels that are not a scale level, in one character. */
const COMPACT_LEVEL: Record<string, string> = { 'N/A': '–', Unknown: '?', '—': ' ' };
const LEGEND = 'Columns: T training, E evaluation, D deployment; c code, d data; P pre-training, F fine-tuning, A alignment, S SFT (training data) or safety (evaluation), G general, U utility, I inference, W weights. Cells: C1–C5 and D1–D5 the levels, ? Unknown, – N/A, * the other source (published or computed) gives another level (see howopen audit). Full names: pipe the output, or --format md.';
const OPENNESS_NOTE = 'Openness is howopen\'s aggregate: low–high end (each Unknown counted as closed, then as fully open) and components known/applicable.';
const MIN_NAME = 12;
const OPENNESS_NAME = 20;
const MAX_NAME = 32;
const RELEASED = 7;

export const compactCode = (key: string): string => {
  const c = COMPONENTS.find((x) => x.key === key)!;
  return `${STAGE_CODE[c.stage]}${KIND_CODE[c.kind]}${COMPONENT_CODE[key]}`;
};

/** The terminal table: one line per model within `width` columns; license columns only where they fit (or asked for). */
function compactTable(rows: Row[], width: number, { color, licenses }: RenderOptions): string {
  const cell = (r: Row, key: string) => { const l = r.cells[key]!.range ?? r.cells[key]!.level; return (COMPACT_LEVEL[l] ?? l) + (r.cells[key]!.other ? '*' : ''); };
  const levelWidths = COMPONENTS.map((c) => Math.max(3, ...rows.map((r) => cell(r, c.key).length)));
  const fixed = RELEASED + levelWidths.reduce((a, b) => a + b, 0) + COMPONENTS.length + 1;
  const longest = Math.max(5, ...rows.map((r) => rowName(r).length));
  let name = Math.max(MIN_NAME, Math.min(longest, MAX_NAME, width - fixed));
  // The aggregate, then the license columns: whichever fit after the levels, in order, unless asked for (then all, and the name gives way first).
  const opennessWidth = Math.max(8, ...rows.map((r) => opennessShort(r.classification.summary).length));
  // The name column gives way to the aggregate down to OPENNESS_NAME characters.
  const nameBeside = Math.min(longest, MAX_NAME, width - fixed - 1 - opennessWidth);
  const withOpenness = nameBeside >= OPENNESS_NAME;
  if (withOpenness) name = nameBeside;
  let used = name + fixed + (withOpenness ? 1 + opennessWidth : 0);
  const extra: (typeof LICENSE_COLUMNS)[number][] = [];
  for (const col of LICENSE_COLUMNS) {
    const w = Math.min(24, Math.max(col.header.length > 12 ? 12 : col.header.length, ...rows.map((r) => license(r, col.key).length)));
    if (licenses || used + 2 + w <= width) { extra.push(col); used += 2 + w; }
  }
  if (licenses && used > width) name = Math.max(MIN_NAME, name - (used - width));
  const cut = (text: string, w: number) => (text.length > w ? `${text.slice(0, w - 1)}…` : text);
  const licenseWidth = (key: string) => Math.min(24, Math.max(12, ...rows.map((r) => license(r, key).length)));
  const header = ['Model'.padEnd(name), 'Release', ...COMPONENTS.map((c, i) => compactCode(c.key).padEnd(levelWidths[i]!)), ...(withOpenness ? ['Openness'.padEnd(opennessWidth)] : []), ...extra.map((c) => cut(c.header.replace(' license', ' lic.').replace('Inference code', 'Inference'), licenseWidth(c.key)).padEnd(licenseWidth(c.key)))];
  const line = (cells: string[]) => cells.join(' ').trimEnd();
  const out = [line(header), line(header.map((h) => '─'.repeat(h.length)))];
  for (const r of rows) {
    const levels = COMPONENTS.map((c, i) => { const text = cell(r, c.key).padEnd(levelWidths[i]!); return color ? paintLevel(text, r.cells[c.key]!.score, r.cells[c.key]!.level) : text; });
    out.push(line([cut(rowName(r), name).padEnd(name), r.released.slice(0, RELEASED).padEnd(RELEASED), ...levels, ...(withOpenness ? [opennessShort(r.classification.summary).padEnd(opennessWidth)] : []), ...extra.map((c) => cut(license(r, c.key), licenseWidth(c.key)).padEnd(licenseWidth(c.key)))]));
  }
  return `${out.join('\n')}\n\n${wrap(`${rows.length} model(s), newest first unless --sort says otherwise. ${LEGEND}${withOpenness ? ` ${OPENNESS_NOTE}` : ''}`, width, '')}`;
}

function paintCells(rows: Row[]) {
  return (text: string, row: number, col: number) => {
    if (col < 2 || col >= 2 + COMPONENTS.length) return text;
    const cell = rows[row]!.cells[COMPONENTS[col - 2]!.key]!;
    return paintLevel(text, cell.score, cell.level);
  };
}
