// Filters and sort keys over table rows, written as text: "deployment.data.weights>=D4", "organization=Meta", "-released".
import { ANSWERS, type Answer, answerFor, isScope, RIGHT_ALIASES, rightKey, SCOPE_KEYS } from './rights.js';
import type { RightKey } from './licenses.js';
import type { Row } from './table.js';
import { COMPONENT_KEYS, parseLevel } from './taxonomy.js';

export const FIELDS = ['id', 'name', 'organization', 'released', 'family', 'modality'] as const;
/** Framework verdicts a row can be filtered on (the rows must carry verdicts). */
export const VERDICT_FIELDS = { mof: 'mof', osaid: 'osaid', exempt: 'euExemption' } as const;
export const isVerdictField = (f: string): f is keyof typeof VERDICT_FIELDS => Object.hasOwn(VERDICT_FIELDS, f);

/** A rights field, "deployment.data.weights.commercial" or "weights.commercial": a component key or scope, then a right. */
export function rightsField(field: string): { subject: string; right: RightKey } | undefined {
  const dot = field.lastIndexOf('.');
  if (dot < 0) return undefined;
  const subject = field.slice(0, dot);
  const right = rightKey(field.slice(dot + 1));
  return right && (COMPONENT_KEYS.includes(subject) || isScope(subject)) ? { subject, right } : undefined;
}
/** The values each verdict takes: a condition naming another one is an error, not an empty answer. */
export const VERDICT_VALUES: Record<keyof typeof VERDICT_FIELDS, readonly string[]> = {
  mof: ['I', 'II', 'III', 'none'],
  osaid: ['pass', 'fail'],
  exempt: ['yes', 'no', 'unknown'],
};
/** A release month or year to compare with: released>=2023, released<2024-07. */
const RELEASED_VALUE = /^(19|20)\d\d(-(0[1-9]|1[0-2]))?$/;
/** The modalities a record may state (the schema's list). */
export const MODALITIES = ['text', 'code', 'image', 'multimodal', 'audio', 'video', 'speech'] as const;
type Operator = '>=' | '<=' | '!=' | '=' | '>' | '<' | '~';

export interface Condition { field: string; op: Operator; value: string }

export type QueryResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseCondition(text: string): QueryResult<Condition> {
  const m = /^\s*([a-z._]+)\s*(>=|<=|!=|=|>|<|~)\s*(.*?)\s*$/i.exec(text);
  if (!m) return { ok: false, error: `cannot read condition "${text}" (write FIELD OP VALUE, e.g. deployment.data.weights>=D4 or organization=Meta)` };
  const [, field, op, value] = m as unknown as [string, string, Operator, string];
  const rights = rightsField(field);
  if (rights) {
    if (op !== '=' && op !== '!=') return { ok: false, error: `"${field}" takes = or != only, in "${text}" (e.g. ${field}=yes)` };
    if (!(ANSWERS as readonly string[]).includes(value.toLowerCase())) return { ok: false, error: `"${value}" is not an answer in "${text}" (use ${ANSWERS.join(', ')})` };
    return { ok: true, value: { field, op, value: value.toLowerCase() } };
  }
  if (!COMPONENT_KEYS.includes(field) && !(FIELDS as readonly string[]).includes(field) && !isVerdictField(field)) {
    return { ok: false, error: `unknown field "${field}" in "${text}" (use a component key, one of ${FIELDS.join(', ')}, a verdict: mof, osaid, exempt, or a right: COMPONENT.RIGHT or ${SCOPE_KEYS.join('|')}.RIGHT with RIGHT one of ${Object.keys(RIGHT_ALIASES).join(', ')})` };
  }
  if (isVerdictField(field) && op !== '=' && op !== '!=') {
    return { ok: false, error: `"${field}" takes = or != only, in "${text}" (e.g. mof=II, osaid=pass, exempt=yes)` };
  }
  if (isVerdictField(field) && !VERDICT_VALUES[field].some((v) => v.toLowerCase() === value.toLowerCase())) {
    return { ok: false, error: `"${value}" is not a value of ${field} in "${text}" (use one of ${VERDICT_VALUES[field].join(', ')})` };
  }
  if (field === 'modality' && op !== '~' && !(MODALITIES as readonly string[]).includes(value.toLowerCase())) {
    return { ok: false, error: `"${value}" is not a modality in "${text}" (use one of ${MODALITIES.join(', ')})` };
  }
  if (field === 'released' && op !== '~' && !RELEASED_VALUE.test(value)) {
    return { ok: false, error: `"${value}" is not a release date in "${text}" (use a year or year-month such as 2023 or 2023-07)` };
  }
  if (COMPONENT_KEYS.includes(field) && op !== '~' && parseLevel(value) === undefined) {
    return { ok: false, error: `"${value}" is not a level in "${text}" (use C1–C5, D1–D5, 1–5, N/A or Unknown)` };
  }
  return { ok: true, value: { field, op, value } };
}

function compare(a: number | string, b: number | string, op: Operator): boolean {
  switch (op) {
    case '=': return a === b;
    case '!=': return a !== b;
    case '>=': return a >= b;
    case '<=': return a <= b;
    case '>': return a > b;
    case '<': return a < b;
    case '~': return String(a).toLowerCase().includes(String(b).toLowerCase());
  }
}

export function matches(row: Row, condition: Condition): boolean {
  const rights = rightsField(condition.field);
  if (rights) {
    // Rights are read from the computed classification, whichever source the cells show.
    const answer: Answer | undefined = answerFor(row.classification, rights.subject, rights.right);
    return compare(answer ?? '', condition.value, condition.op);
  }
  if (isVerdictField(condition.field)) {
    const value = String(row.frameworks?.[VERDICT_FIELDS[condition.field]] ?? '');
    return compare(value.toLowerCase(), condition.value.toLowerCase(), condition.op);
  }
  if (COMPONENT_KEYS.includes(condition.field)) {
    const cell = row.cells[condition.field]!;
    if (condition.op === '~') return compare(`${cell.level} ${cell.license ?? ''}`, condition.value, '~');
    const want = parseLevel(condition.value)!;
    // N/A and Unknown equal only themselves; they have no order against levels.
    if (typeof want !== 'number' || cell.score === null) {
      const same = cell.level === want;
      return condition.op === '=' ? same : condition.op === '!=' ? !same : false;
    }
    return compare(cell.score, want, condition.op);
  }
  const value = row[condition.field as (typeof FIELDS)[number]] ?? '';
  const eq = condition.op === '=' || condition.op === '!=';
  return eq ? compare(value.toLowerCase(), condition.value.toLowerCase(), condition.op) : compare(value, condition.value, condition.op);
}

export function filterRows(rows: readonly Row[], conditions: readonly Condition[]): Row[] {
  return rows.filter((row) => conditions.every((c) => matches(row, c)));
}

export interface SortKey { field: string; descending: boolean }

export function parseSort(text: string): QueryResult<SortKey> {
  const descending = text.startsWith('-');
  const field = descending ? text.slice(1) : text;
  if (!COMPONENT_KEYS.includes(field) && !(FIELDS as readonly string[]).includes(field) && field !== 'openness') {
    return { ok: false, error: `unknown sort key "${field}" (use a component key, openness, or one of ${FIELDS.join(', ')}; prefix - to sort descending)` };
  }
  return { ok: true, value: { field, descending } };
}

function sortValue(row: Row, field: string): number | string {
  if (COMPONENT_KEYS.includes(field)) return row.cells[field]!.score ?? 0;
  if (field === 'openness') return row.classification.summary.openness ?? -1;
  return (row[field as (typeof FIELDS)[number]] ?? '').toLowerCase();
}

/** Stable sort; ties keep the registry's order (by id). */
export function sortRows(rows: readonly Row[], key: SortKey): Row[] {
  const sign = key.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key.field);
    const y = sortValue(b, key.field);
    return x < y ? -sign : x > y ? sign : 0;
  });
}
