// Checks a proposed record's text exactly as `howopen validate` checks a model file: YAML, schema, license ids, statuses.
import type { ModelRecord } from '../core/model.js';
import type { Registry } from '../core/registry.js';
import { checkModel, checkModelData } from '../registry/checks.js';
import { parseRecord } from '../registry/parse.js';
import type { Problem } from '../registry/problem.js';
import { modelSchema } from '../registry/schema.js';

export type Checked = { ok: true; record: ModelRecord } | { ok: false; problems: Problem[] };

/** `file` names the text in each problem (the uploaded file's name, or "submission"). */
export function checkRecordText(text: string, file: string, registry: Registry): Checked {
  const parsed = parseRecord(text, file, modelSchema);
  // A record the schema refuses is still read for its licenses and statuses, as validate reads it.
  if (!parsed.value) return { ok: false, problems: sortProblems([...parsed.problems, ...(parsed.data ? checkModelData(file, parsed.data, parsed.locate, registry.index) : [])]) };
  const record = parsed.value as ModelRecord;
  const problems = [...parsed.problems, ...checkModel({ file, value: record, locate: parsed.locate }, registry.index)];
  // The id names the registry file (the schema keeps it to a safe alphabet); keep the name short too.
  if (record.id.length > 100) problems.push({ file, ...parsed.locate.at(['id']), field: 'id', message: `id is ${record.id.length} characters; at most 100 (it names the registry file)` });
  return problems.length ? { ok: false, problems } : { ok: true, record };
}

/** Problems in the order validate prints them: by line, then column. */
function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
}
