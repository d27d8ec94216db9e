// Parses one registry file's text into a record, with every problem at its line and column. No file system.
import { type Document, LineCounter, isMap, isPair, isScalar, parseDocument } from 'yaml';
import type { z } from 'zod';
import { closest } from 'fastest-levenshtein';
import type { Problem } from './problem.js';

export type PathKey = string | number;

/** Finds line and column of a path in a parsed YAML document; `key` points at the key instead of the value. */
export interface Locator {
  at(path: readonly PathKey[], key?: boolean): { line: number; col: number };
}

export interface Parsed<T> {
  value?: T;
  /** The document as plain data when it is a mapping but fails the schema, so later checks can still report the rest. */
  data?: Record<string, unknown>;
  problems: Problem[];
  locate: Locator;
}

const MAX_FILE_BYTES = 1024 * 1024;

export function parseRecord<S extends z.ZodType>(text: string, file: string, schema: S): Parsed<z.output<S>> {
  const lineCounter = new LineCounter();
  const problems: Problem[] = [];
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    return { problems: [{ file, line: 1, col: 1, message: `file is larger than ${MAX_FILE_BYTES} bytes` }], locate: { at: () => ({ line: 1, col: 1 }) } };
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locate = locator(doc, lineCounter);
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    problems.push({ file, line: pos.line, col: pos.col, message: `YAML syntax: ${error.message.split('\n')[0]}` });
  }
  if (problems.length) return { problems, locate };
  const data = toData(doc);
  if (data instanceof Error) return { problems: [{ file, line: 1, col: 1, message: data.message }], locate };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [{ file, line: 1, col: 1, message: 'expected a mapping of fields (key: value)' }], locate };
  }
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, problems, locate };
  for (const issue of result.error.issues) problems.push(...issueProblems(issue, file, locate, schema));
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return { problems, locate, data: data as Record<string, unknown> };
}

/** The document as plain data; aliases that expand too far (a "billion laughs" file) are an error, not a crash. */
export function toData(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return new Error(`YAML aliases expand too far (${e instanceof Error ? e.message : String(e)}); write the values out instead`);
  }
}

function issueProblems(issue: z.core.$ZodIssue, file: string, locate: Locator, schema: z.ZodType): Problem[] {
  const path = issue.path as PathKey[];
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(schema, path);
    const what = path.at(-1) === 'components' || path.at(-1) === 'values' ? 'unknown component key' : 'unknown field';
    return issue.keys.map((key) => {
      const guess = known.length ? closest(key, known) : undefined;
      return { file, ...locate.at([...path, key], true), field: [...path, key].join('.'), message: `${what} "${key}"${guess ? ` (did you mean ${guess}?)` : ''}` };
    });
  }
  const missing = issue.code === 'invalid_type' && issue.input === undefined;
  const where = missing ? locate.at(path.slice(0, -1), false) : locate.at(path);
  return [{ file, ...where, field: path.join('.'), message: missing ? 'required field is missing' : issue.message }];
}

/** The field names an object schema allows at a path, for "did you mean". */
function keysAt(schema: z.ZodType, path: readonly PathKey[]): string[] {
  let node: unknown = schema;
  for (const segment of [...path, null]) {
    for (;;) {
      const def = (node as { def?: { type: string; innerType?: unknown; in?: unknown } }).def;
      if (def && ['optional', 'nullable', 'default', 'pipe'].includes(def.type)) node = def.innerType ?? def.in;
      else break;
    }
    if (segment === null) break;
    const shape = (node as { shape?: Record<string, unknown> }).shape;
    node = shape?.[String(segment)];
    if (!node) return [];
  }
  const shape = (node as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function locator(doc: Document, lineCounter: LineCounter): Locator {
  return {
    at(path, key = false) {
      // Walk down as far as the path exists; report the deepest node found.
      let node: unknown = doc.contents;
      let found: unknown = node;
      for (let i = 0; i < path.length; i++) {
        if (!isMap(node) && !(node && typeof node === 'object' && 'items' in node)) break;
        const items = (node as { items: unknown[] }).items;
        const segment = path[i];
        const pair = isMap(node)
          ? items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment))
          : undefined;
        const child = isMap(node) ? (isPair(pair) ? (i === path.length - 1 && key ? pair.key : pair.value ?? pair.key) : undefined) : items[Number(segment)];
        if (child === undefined) break;
        found = child;
        node = isPair(pair) ? pair.value : child;
      }
      const range = (found as { range?: [number, number, number] } | null)?.range;
      return range ? lineCounter.linePos(range[0]) : { line: 1, col: 1 };
    },
  };
}
