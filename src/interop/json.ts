// Our own records as JSON: the same fields as the YAML files, checked by the same schema and rules.
import type { ModelRecord } from '../core/model.js';
import type { Registry } from '../core/registry.js';
import { checkModel } from '../registry/checks.js';
import { parseRecord } from '../registry/parse.js';
import { modelSchema } from '../registry/schema.js';
import { type Draft, type Finding, type ImportResult, leafFields } from './draft.js';
import { type ExportedFile, FORMAT_INFO, type Format } from './format.js';
import { MAX_JSON_DEPTH, jsonTooDeepAt, lineCol } from './json-depth.js';
import { orderedRecord } from './record-yaml.js';

/** One record checked as the registry checks a YAML file; JSON is YAML, so problems keep their line and column. */
function checkOne(text: string, file: string, registry: Registry): { draft?: Draft; problems: Finding[] } {
  const parsed = parseRecord(text, file, modelSchema);
  const problems = parsed.value ? checkModel({ file, value: parsed.value as ModelRecord, locate: parsed.locate }, registry.index) : parsed.problems;
  if (problems.length || !parsed.value) return { problems: problems.map((p) => ({ ...p, severity: 'error' })) };
  const record = parsed.value as ModelRecord;
  const provenance = leafFields(record).map(({ path }) => ({ field: path, source: `${file}: ${path}`, how: 'verbatim' as const, confidence: 1 }));
  return { draft: { record, provenance, findings: [], source: file }, problems: [] };
}

function importText(text: string, file: string, registry: Registry): ImportResult {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    return { drafts: [], problems: [{ file, line: 1, col: 1, severity: 'error', message: 'expected a JSON object (one record) or an array of records' }] };
  }
  const deep = jsonTooDeepAt(text);
  if (deep >= 0) return { drafts: [], problems: [{ file, ...lineCol(text, deep), severity: 'error', message: `JSON nests more than ${MAX_JSON_DEPTH} deep here (at most ${MAX_JSON_DEPTH}; a record nests five deep)` }] };
  try {
    JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const offset = m ? Number(m[1]) : 0;
    const before = text.slice(0, offset).split('\n');
    return { drafts: [], problems: [{ file, line: before.length, col: (before.at(-1)?.length ?? 0) + 1, severity: 'error', message: `JSON syntax: ${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')}` }] };
  }
  if (trimmed.startsWith('{')) {
    const one = checkOne(text, file, registry);
    return { drafts: one.draft ? [one.draft] : [], problems: one.problems };
  }
  const drafts: Draft[] = [];
  const problems: Finding[] = [];
  (JSON.parse(text) as unknown[]).forEach((item, i) => {
    const one = checkOne(JSON.stringify(item, null, 2), `${file}[${i}]`, registry);
    if (one.draft) drafts.push(one.draft);
    problems.push(...one.problems);
  });
  return { drafts, problems };
}

function exportRecord(record: ModelRecord): ExportedFile {
  return { name: `${record.id}.json`, text: `${JSON.stringify(orderedRecord(record), null, 2)}\n` };
}

export const json: Format = {
  name: 'json',
  ...FORMAT_INFO['json'],
  importText,
  exportRecord,
};
