// Helpers for the interop tests: temporary folders, the shipped example inputs, parsing exported site files.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ModelRecord } from '../../src/core/model.js';
import { type Draft, leafFields, showValue } from '../../src/interop/draft.js';
import { ROOT } from '../helpers.js';

/** Small inputs the project ships for its README examples, one folder per format. */
export const EXAMPLES = join(ROOT, 'examples');
/** Inputs written for the tests alone. */
export const FIXTURES = join(ROOT, 'test/fixtures');

export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `howopen-${name}-`));
}

export function inputFiles(dir: string, ext: RegExp): { name: string; path: string; text: string }[] {
  return readdirSync(dir).filter((n) => ext.test(n)).sort().map((name) => ({ name, path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}

/** The front matter of a site file as data. */
export function frontMatter(text: string): Record<string, unknown> {
  return parse(text.split(/^---\s*$/m)[1]!) as Record<string, unknown>;
}

/** A scancode license data file without its metadata header: the text as it appears in a model repository. */
export function licenseBody(text: string): string {
  return text.startsWith('---') ? text.replace(/^---\n[\s\S]*?\n---\n/, '').trimStart() : text;
}

/** The value of a draft field path ("components.training.data.sft.status", "links.weights"), or undefined. */
export function fieldValue(record: ModelRecord, field: string): unknown {
  for (const bag of ['components', 'documentation', 'artifacts'] as const) {
    if (!field.startsWith(`${bag}.`)) continue;
    const rest = field.slice(bag.length + 1);
    const entries = (record[bag] ?? {}) as Record<string, unknown>;
    const key = Object.keys(entries).find((k) => rest === k || rest.startsWith(`${k}.`));
    if (!key) return undefined;
    const prop = rest.slice(key.length + 1);
    return prop ? prop.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), entries[key]) : entries[key];
  }
  return field.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), record);
}

/** Every field of the source is mapped to a field of the draft that exists, or its value is in the draft's notes. */
export function assertNoLoss(draft: Draft, data: unknown, file: string): number {
  const notes = [draft.record.notes, ...Object.values(draft.record.components).map((e) => e.notes),
    ...Object.values(draft.record.documentation ?? {}).map((e) => e?.notes), ...Object.values(draft.record.artifacts ?? {}).map((e) => e?.notes)].join('\n');
  let checked = 0;
  for (const { path, value } of leafFields(data)) {
    const entries = draft.provenance.filter((p) => p.source.startsWith(`${file}: `) && p.source.slice(file.length + 2).split(', ').includes(path));
    assert.ok(entries.length, `${file}: ${path} (${showValue(value)}) is neither mapped nor kept in notes`);
    for (const e of entries) {
      if (e.how === 'notes') assert.ok(notes.includes(showValue(value).replace(/\.$/, '')), `${file}: ${path} is said to be in notes, but "${showValue(value)}" is not there`);
      else assert.notEqual(fieldValue(draft.record, e.field), undefined, `${file}: ${path} is mapped to ${e.field}, which the draft does not have`);
    }
    checked++;
  }
  return checked;
}
