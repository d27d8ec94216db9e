// The index's state as URL parameters (filters, sort, source, reading) → the engine's conditions and sort key.
import type { Reading } from '../core/licenses.js';
import { type Condition, type SortKey, filterRows, parseCondition, parseSort, sortRows } from '../core/query.js';
import { rightKey, SCOPE_KEYS, isScope } from '../core/rights.js';
import type { Row } from '../core/table.js';
import { COMPONENT_KEYS } from '../core/taxonomy.js';
import type { Query } from './links.js';
import { errorsOf, oneOf, parseAsOfParam, parseReading } from './options.js';

export const SOURCES = ['computed', 'published'] as const;
export type Source = (typeof SOURCES)[number];
export const LEVEL_OPS = ['>=', '<=', '='] as const;
export const LEVEL_VALUES = ['1', '2', '3', '4', '5', 'N/A', 'Unknown'] as const;
/** The verdict filters of the form: each is the engine condition FIELD=VALUE (mof=II, osaid=pass, exempt=yes). */
export const VERDICT_FILTERS = {
  mof: ['I', 'II', 'III', 'none'],
  osaid: ['pass', 'fail'],
  exempt: ['yes', 'no', 'unknown'],
} as const;
export type VerdictFilter = keyof typeof VERDICT_FILTERS;
export const VERDICT_FILTER_KEYS = Object.keys(VERDICT_FILTERS) as VerdictFilter[];

/** What the filter form and the URL hold. Empty strings mean "not set". */
export interface TableState {
  /** Free text over id, name, organization, release, levels and licenses. */
  q: string;
  org: string;
  /** Release years, inclusive. */
  from: string;
  to: string;
  /** One level filter from the form: component, operator, level. */
  component: string;
  op: string;
  level: string;
  /** Verdict filters: MOF class, OSAID verdict, EU AI Act open-source exemption. */
  mof: string;
  osaid: string;
  exempt: string;
  /** A rights question, "can I … with …": a right (commercial, modify, other_license_derivative, …) over a scope (weights, data, code). */
  can: string;
  for: string;
  /** Further conditions in the engine's syntax, e.g. deployment.data.weights>=D4. */
  where: string[];
  sort: string;
  source: Source;
  reading: Reading;
  /** The date the facts and verdicts are read at, as asked (?as-of=); empty for today. */
  asOf: string;
}

export interface TableQuery {
  state: TableState;
  conditions: Condition[];
  sort: SortKey | null;
  errors: string[];
}

const YEAR = /^\d{4}$/;

export function parseTableQuery(params: URLSearchParams): TableQuery {
  const get = (key: string) => (params.get(key) ?? '').trim();
  const source = oneOf(params, 'source', SOURCES, 'computed');
  const reading = parseReading(params);
  const errors = errorsOf(source, reading);
  const state: TableState = {
    q: get('q'), org: get('org'), from: get('from'), to: get('to'),
    component: get('component'), op: get('op') || '>=', level: get('level'),
    mof: get('mof'), osaid: get('osaid'), exempt: get('exempt'),
    can: get('can'), for: get('for'),
    where: params.getAll('where').map((w) => w.trim()).filter(Boolean),
    sort: get('sort'),
    source: source.value,
    reading: reading.value,
    asOf: get('as-of'),
  };
  const conditions: Condition[] = [];
  if (state.org) conditions.push({ field: 'organization', op: '=', value: state.org });
  if (state.from) {
    if (YEAR.test(state.from)) conditions.push({ field: 'released', op: '>=', value: state.from });
    else errors.push(`from must be a year such as 2022 (got "${state.from}")`);
  }
  if (state.to) {
    // Release dates are year-months: "to 2023" keeps everything before 2024.
    if (YEAR.test(state.to)) conditions.push({ field: 'released', op: '<', value: String(Number(state.to) + 1) });
    else errors.push(`to must be a year such as 2024 (got "${state.to}")`);
  }
  if (state.component || state.level) {
    if (!COMPONENT_KEYS.includes(state.component)) errors.push(`component must be a component key such as deployment.data.weights (got "${state.component}")`);
    else if (!(LEVEL_OPS as readonly string[]).includes(state.op)) errors.push(`op must be one of ${LEVEL_OPS.join(' ')} (got "${state.op}")`);
    else if (state.level) {
      const c = parseCondition(`${state.component}${state.op}${state.level}`);
      if (c.ok) conditions.push(c.value); else errors.push(c.error);
    }
  }
  for (const key of VERDICT_FILTER_KEYS) {
    const value = state[key];
    if (!value) continue;
    const allowed: readonly string[] = VERDICT_FILTERS[key];
    // Written as the form offers them; the engine compares case-insensitively.
    const known = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (known) conditions.push({ field: key, op: '=', value: known });
    else errors.push(`${key} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  if (state.can) {
    // The form's "can I …" question is the engine condition SCOPE.RIGHT=yes (weights.commercial=yes);
    // `for` alone asks nothing (the form always sends it).
    const right = rightKey(state.can);
    const scope = state.for || 'weights';
    if (!right) errors.push(`can must be a right: research, commercial, modify, copyright_derivative (own_derivatives) or other_license_derivative (relicense) (got "${state.can}")`);
    else if (!isScope(scope)) errors.push(`for must be one of ${SCOPE_KEYS.join(', ')} (got "${scope}")`);
    else conditions.push({ field: `${scope}.${right}`, op: '=', value: 'yes' });
  }
  for (const w of state.where) {
    const c = parseCondition(w);
    if (c.ok) conditions.push(c.value); else errors.push(c.error);
  }
  let sort: SortKey | null = null;
  if (state.sort) {
    const s = parseSort(state.sort);
    if (s.ok) sort = s.value; else errors.push(s.error);
  }
  return { state, conditions, sort, errors };
}

/** The text free-text search looks in: what a row shows (name, organization, release, levels, licenses) and its id. */
function rowText(row: Row): string {
  const parts = [row.id, row.name, row.organization, row.released];
  for (const key of COMPONENT_KEYS) {
    const cell = row.cells[key]!;
    parts.push(cell.level, cell.license ?? '', cell.hint ?? '', cell.other ?? '');
  }
  return parts.filter(Boolean).join(' ').toLowerCase();
}

export interface Selection {
  /** Every row, in the requested order. */
  ordered: Row[];
  /** The rows that pass every filter, in order. */
  matching: Row[];
}

export function selectRows(rows: readonly Row[], query: TableQuery): Selection {
  const ordered = query.sort ? sortRows(rows, query.sort) : [...rows];
  const q = query.state.q.toLowerCase();
  // filterRows keeps the order it is given.
  return { ordered, matching: filterRows(ordered, query.conditions).filter((r) => !q || rowText(r).includes(q)) };
}

/** The index's query and the date its verdicts are read at, as the index, its twins and GET /api/v1/models all read them. */
export function parseListQuery(params: URLSearchParams, today: string): { query: TableQuery; asOf: string; errors: string[] } {
  const query = parseTableQuery(params);
  const asOf = parseAsOfParam(params, today);
  return { query, asOf: asOf.value, errors: [...query.errors, ...errorsOf(asOf)] };
}

/** The state as URL parameters, without defaults; `changes` override single keys. */
export function stateQuery(state: TableState, changes: Partial<TableState> = {}): Query {
  const s = { ...state, ...changes };
  const levelSet = Boolean(s.component && s.level);
  return {
    q: s.q, org: s.org, from: s.from, to: s.to,
    component: levelSet ? s.component : '', op: levelSet ? s.op : '', level: levelSet ? s.level : '',
    mof: s.mof, osaid: s.osaid, exempt: s.exempt,
    can: s.can, for: s.can ? s.for : '',
    where: s.where, sort: s.sort,
    source: s.source === 'computed' ? '' : s.source,
    reading: s.reading === 'strict' ? '' : s.reading,
    // A page read at another date keeps that date through sorting, filtering and the switches.
    'as-of': s.asOf,
  };
}
