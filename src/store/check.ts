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
  // An approved record becomes a registry file, so it is held to the registry's rules (evidence on every public or api entry);
  // a record that fails its schema still gets the checks beyond it, so one answer names every problem, as validate does.
  const options = { registryRecord: true };
  if (!parsed.value) return { ok: false, problems: sortProblems([...parsed.problems, ...(parsed.data ? checkModelData(file, parsed.data, parsed.locate, registry.index, options) : [])]) };
  const record = parsed.value as ModelRecord;
  const problems = [...parsed.problems, ...checkModel({ file, value: record, locate: parsed.locate }, registry.index, options)];
  // The id names the registry file (the schema keeps it to a safe alphabet); keep the name short too.
  if (record.id.length > 100) problems.push({ file, ...parsed.locate.at(['id']), field: 'id', message: `id is ${record.id.length} characters; at most 100 (it names the registry file)` });
  return problems.length ? { ok: false, problems } : { ok: true, record };
}

/** Problems in the order validate prints them: by line, then column. */
function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
}
