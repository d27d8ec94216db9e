// Writes a model record as registry YAML, keys in the order of docs/RECORDS.md, so drafts read like the files beside them.
import { Document, isMap, isPair, isScalar, visit } from 'yaml';
import type { ComponentEntry, ModelRecord } from '../core/model.js';
import type { Registry } from '../core/registry.js';
import { checkModel } from '../registry/checks.js';
import { parseRecord } from '../registry/parse.js';
import type { Problem } from '../registry/problem.js';
import { COMPONENTS } from '../core/taxonomy.js';
import { ARTIFACT_KEYS, DOCUMENT_KEYS, modelSchema } from '../registry/schema.js';

const TOP = ['id', 'name', 'organization', 'released', 'family', 'derived_from', 'modality', 'links', 'checked', 'notes', 'components', 'documentation', 'artifacts', 'training_compute', 'monetised', 'mof_release', 'published'] as const;
const ENTRY = ['status', 'license', 'hint', 'evidence', 'notes', 'mof'] as const;
const LINKS = ['paper', 'technical_report', 'model_card', 'weights', 'code', 'data', 'website', 'announcement', 'api', 'license'];

function pick<T extends object>(value: T | undefined, keys: readonly string[]): T | undefined {
  if (!value) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of keys) if ((value as Record<string, unknown>)[k] !== undefined) out[k] = (value as Record<string, unknown>)[k];
  for (const k of Object.keys(value)) if (!(k in out) && (value as Record<string, unknown>)[k] !== undefined) out[k] = (value as Record<string, unknown>)[k];
  return out as T;
}

function entries(bag: Partial<Record<string, ComponentEntry>> | undefined, order: readonly string[]) {
  if (!bag) return undefined;
  const out: Record<string, ComponentEntry> = {};
  for (const key of [...order, ...Object.keys(bag)]) {
    const e = bag[key];
    if (e && !(key in out)) out[key] = pick(e, ENTRY)!;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The record with its keys in the documented order and no undefined values (also the JSON export's shape). */
export function orderedRecord(record: ModelRecord): ModelRecord {
  const published = record.published ? Object.fromEntries(Object.entries(record.published).map(([source, p]) => [source, {
    ...(p.ref !== undefined ? { ref: p.ref } : {}),
    ...(p.title !== undefined ? { title: p.title } : {}),
    values: Object.fromEntries(COMPONENTS.filter((c) => p.values[c.key]).map((c) => [c.key, pick(p.values[c.key], ['value', 'license', 'reason'])])),
  }])) : undefined;
  const shaped: Record<string, unknown> = {
    ...record,
    links: pick(record.links, LINKS),
    components: entries(record.components, COMPONENTS.map((c) => c.key)) ?? {},
    documentation: entries(record.documentation, DOCUMENT_KEYS),
    artifacts: entries(record.artifacts, ARTIFACT_KEYS),
    training_compute: pick(record.training_compute, ['flop', 'evidence', 'notes']),
    published,
  };
  return pick(shaped, TOP) as unknown as ModelRecord;
}

/** Registry YAML for a record; `header` lines become comments at the top. */
export function recordToYaml(record: ModelRecord, header: readonly string[] = []): string {
  const doc = new Document(orderedRecord(record), { aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      // Dates and "N/A" quoted as in the hand-written files, so no YAML reader takes them for anything else.
      if ((key === 'released' || key === 'checked' || key === 'value') && isScalar(pair.value) && typeof pair.value.value === 'string') pair.value.type = 'QUOTE_DOUBLE';
    },
    Map(_, map) {
      // Short entries on one line: { status: closed }, { value: 3, license: LLaMA-2 }.
      const keys = map.items.map((p) => (isPair(p) && isScalar(p.key) ? String(p.key.value) : ''));
      const simple = map.items.every((p) => isPair(p) && isScalar(p.value) && String(p.value.value ?? '').length < 40);
      if (simple && keys.length <= 2 && (keys[0] === 'status' || keys[0] === 'value') && !keys.includes('notes') && !keys.includes('reason')) map.flow = true;
    },
  });
  if (!isMap(doc.contents)) throw new Error('internal: a record must be a mapping');
  doc.commentBefore = header.length ? header.map((l) => ` ${l}`).join('\n') : null;
  return doc.toString({ lineWidth: 0 });
}

/** The problems `howopen validate` would report for this YAML; a draft is written only without any. */
export function checkRecordYaml(text: string, file: string, registry: Registry): Problem[] {
  const parsed = parseRecord(text, file, modelSchema);
  return parsed.value ? checkModel({ file, value: parsed.value as ModelRecord, locate: parsed.locate }, registry.index) : parsed.problems;
}
