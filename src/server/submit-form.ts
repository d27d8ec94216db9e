// The self-assessment form as data: its fields to a model record and back, and each record problem to the field it is about.
import type { ComponentEntry, ModelRecord } from '../core/model.js';
import { COMPONENTS, STATUSES } from '../core/taxonomy.js';
import type { Problem } from '../registry/problem.js';

export type Form = Record<string, string>;

export const TOP_FIELDS = ['id', 'name', 'organization', 'released'] as const;
export const MAX_FIELD = 4000;

/** The form field that holds part of a component: `c.deployment.data.weights.license`. */
export const fieldName = (key: string, part: 'status' | 'license' | 'evidence' | 'notes') => `c.${key}.${part}`;

/** A record from the form's fields; empty fields are left out, so the checks report what is missing. */
export function recordFromForm(form: Form): ModelRecord {
  const components: Record<string, ComponentEntry> = {};
  for (const c of COMPONENTS) {
    const status = (form[fieldName(c.key, 'status')] ?? '').trim();
    if (!status) continue;
    const entry: Record<string, unknown> = { status };
    const license = (form[fieldName(c.key, 'license')] ?? '').trim();
    const evidence = (form[fieldName(c.key, 'evidence')] ?? '').split(/\s+/).filter(Boolean);
    const notes = (form[fieldName(c.key, 'notes')] ?? '').trim();
    if (license) entry.license = license;
    if (evidence.length) entry.evidence = evidence;
    if (notes) entry.notes = notes;
    components[c.key] = entry as unknown as ComponentEntry;
  }
  const top: Record<string, unknown> = {};
  for (const f of TOP_FIELDS) if ((form[f] ?? '').trim()) top[f] = form[f]!.trim();
  return { ...top, components } as ModelRecord;
}

/** The form's fields for a record (to fill the form again from a preview or a download). */
export function formFromRecord(record: Partial<ModelRecord>): Form {
  const form: Form = {};
  for (const f of TOP_FIELDS) if (typeof record[f] === 'string') form[f] = record[f];
  for (const [key, e] of Object.entries(record.components ?? {})) {
    form[fieldName(key, 'status')] = e.status;
    if (e.license) form[fieldName(key, 'license')] = e.license;
    if (e.evidence) form[fieldName(key, 'evidence')] = e.evidence.join(' ');
    if (e.notes) form[fieldName(key, 'notes')] = e.notes;
  }
  return form;
}

/** The form field a problem is about ('' for the record as a whole). */
export function problemField(p: Problem): string {
  const path = p.field ?? '';
  const m = /^components\.([a-z]+\.[a-z]+\.[a-z]+)(?:\.(status|license|evidence|notes|hint))?/.exec(path);
  if (m) return fieldName(m[1]!, (m[2] === 'hint' ? 'status' : m[2] ?? 'status') as 'status');
  const top = path.split('.')[0] ?? '';
  return (TOP_FIELDS as readonly string[]).includes(top) ? top : '';
}

/** Only the form's own fields, each within its size: anything else is ignored, an oversized one is an error. */
export function readForm(body: Record<string, unknown>): { form: Form; errors: string[] } {
  const form: Form = {};
  const errors: string[] = [];
  const known = new Set<string>([...TOP_FIELDS, 'comment', 'csrf', 'record', 'action', 'base', 'token', 'reason', 'message', 'evidence', 'component', 'fix', 'apply', 'role', ...COMPONENTS.flatMap((c) => (['status', 'license', 'evidence', 'notes'] as const).map((p) => fieldName(c.key, p)))]);
  for (const [k, v] of Object.entries(body)) {
    if (!known.has(k) || typeof v !== 'string') continue;
    const max = k === 'record' ? 256 * 1024 : k === 'fix' ? 20_000 : MAX_FIELD;
    if (v.length > max) errors.push(`${k}: too long (at most ${max} characters)`);
    else form[k] = v;
  }
  return { form, errors };
}

export const STATUS_CHOICES = STATUSES;
