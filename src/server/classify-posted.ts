// A posted record, from its bytes to the API's answer (status and JSON body): what a classify worker runs.
import { advise } from '../core/advice.js';
import { classificationJson, classify } from '../core/classify.js';
import { verdicts } from '../core/frameworks/index.js';
import type { Reading } from '../core/licenses.js';
import type { ModelRecord } from '../core/model.js';
import type { Registry } from '../core/registry.js';
import { checkModel } from '../registry/checks.js';
import { parseRecord } from '../registry/parse.js';
import { modelSchema } from '../registry/schema.js';
import { ADVICE_LIMIT } from './data.js';

export interface PostedAnswer { status: number; body: unknown }

export function classifyPosted(bytes: Uint8Array, registry: Registry, reading: Reading, asOf: string): PostedAnswer {
  const parsed = parseRecord(bytes, 'request', modelSchema);
  const problems = parsed.value
    ? checkModel({ file: 'request', value: parsed.value as ModelRecord, locate: parsed.locate }, registry.index)
    : parsed.problems;
  if (problems.length) {
    // The common error shape, with each problem positioned as well.
    return {
      status: 400,
      body: {
        error: 'not a valid model record',
        errors: problems.map((p) => `${p.line}:${p.col}: ${p.field ? `${p.field}: ` : ''}${p.message}`),
        problems: problems.map((p) => ({ line: p.line, col: p.col, ...(p.field ? { field: p.field } : {}), message: p.message })),
      },
    };
  }
  const record = parsed.value as ModelRecord;
  const classification = classify(record, registry.index, { reading });
  return {
    status: 200,
    body: {
      ...classificationJson(classification), asOf,
      frameworks: verdicts(record, registry, { reading, asOf }, classification),
      advice: advise(record, registry, { reading, asOf }, ADVICE_LIMIT),
    },
  };
}
