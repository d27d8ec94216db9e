// Parses one registry file's text into a record, with every problem at its line and column. No file system.
import { type CST, Composer, type Document, LineCounter, Parser, isMap, isPair, isScalar } from 'yaml';
import type { z } from 'zod';
import { closest } from 'fastest-levenshtein';
import { controlCharacterName, decodeUtf8 } from './encoding.js';
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
/** How deep mappings and lists may nest in a record file; real records nest five deep. */
export const MAX_YAML_DEPTH = 32;
const nowhere: Locator = { at: () => ({ line: 1, col: 1 }) };

/**
 * Parses a record from its text, or from its bytes (then anything that is not UTF-8 is a positioned problem).
 * The text's nesting and document count are checked on the parser's token tree before any value is built, so a
 * hostile file is a problem, never a crash: the document builder recurses and runs out of memory on deep nesting.
 */
export function parseRecord<S extends z.ZodType>(input: string | Uint8Array, file: string, schema: S): Parsed<z.output<S>> {
  const lineCounter = new LineCounter();
  const problems: Problem[] = [];
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
  if (size > MAX_FILE_BYTES) {
    return { problems: [{ file, line: 1, col: 1, message: `file is larger than ${MAX_FILE_BYTES} bytes` }], locate: nowhere };
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeUtf8(input);
    if (!decoded.ok) return { problems: [{ file, line: decoded.line, col: decoded.col, message: decoded.message }], locate: nowhere };
    text = decoded.text;
  }
  const parsed = parseYaml(text, lineCounter);
  if ('message' in parsed) return { problems: [{ file, ...parsed }], locate: nowhere };
  const doc = parsed.doc;
  const locate = locator(doc, lineCounter);
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    problems.push({ file, line: pos.line, col: pos.col, message: `YAML syntax: ${error.message.split('\n')[0]}` });
  }
  if (problems.length) return { problems, locate };
  const data = toData(doc);
  if (data instanceof Error) return { problems: [{ file, line: 1, col: 1, message: data.message }], locate };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { problems: [{ file, ...locate.at([]), message: `expected a mapping of fields (key: value), found ${describe(data)}` }], locate };
  }
  problems.push(...controlProblems(data, file, locate));
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success && !problems.length) return { value: result.data, problems, locate };
  if (!result.success) for (const issue of result.error.issues) problems.push(...issueProblems(issue, file, locate, schema));
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return { problems, locate, data: data as Record<string, unknown> };
}

/**
 * Parses YAML text into one document, checking first, on the parser's token tree and without recursion, that it
 * holds one document nested at most MAX_YAML_DEPTH deep; the tokens are then composed (parsed once, not twice).
 */
export function parseYaml(text: string, lineCounter = new LineCounter()): { doc: Document.Parsed } | { line: number; col: number; message: string } {
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const shape = shapeProblem(tokens, lineCounter);
  if (shape) return shape;
  const doc = new Composer({ prettyErrors: false, uniqueKeys: true }).compose(tokens, true, text.length).next().value;
  return { doc: doc! };
}

/** The nesting depth over the limit, or several documents, in a token tree (walked iteratively). */
function shapeProblem(tokens: readonly CST.Token[], lines: LineCounter): { line: number; col: number; message: string } | undefined {
  let documents = 0;
  for (const token of tokens) {
    if (token.type !== 'document') continue;
    if (++documents > 1) {
      return { ...lines.linePos(token.offset), message: 'a second YAML document (after ---): a record file holds one document; split it into one file per record' };
    }
    const stack: [CST.Token | null | undefined, number][] = [[token.value, 1]];
    while (stack.length) {
      const [node, depth] = stack.pop()!;
      if (!node || !('items' in node)) continue;
      if (depth > MAX_YAML_DEPTH) return { ...lines.linePos(node.offset), message: `mappings and lists nest more than ${MAX_YAML_DEPTH} deep here (at most ${MAX_YAML_DEPTH})` };
      for (const item of node.items) {
        if ('key' in item) stack.push([item.key, depth + 1]);
        if ('value' in item) stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

/** What a value is, for "expected …, found …". */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value} (a yes/no value; quote it for text)`;
  return typeof value;
}

const EXPECTED: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'a mapping (key: value)', array: 'a list', null: 'nothing' };

/** Keys and text values holding control characters (a NUL written as "\0", an escape sequence), walked without recursion. */
function controlProblems(data: object, file: string, locate: Locator): Problem[] {
  const problems: Problem[] = [];
  const stack: [unknown, PathKey[]][] = [[data, []]];
  while (stack.length && problems.length < 20) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const name = controlCharacterName(value);
      if (name) problems.push({ file, ...locate.at(path), field: path.join('.'), message: `holds the control character ${name}; values are plain text (remove it)` });
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const name = controlCharacterName(key);
        if (name) problems.push({ file, ...locate.at([...path, key], true), field: [...path, key].join('.'), message: `the key holds the control character ${name} (remove it)` });
        stack.push([child, [...path, Array.isArray(value) ? Number(key) : key]]);
      }
    }
  }
  return problems;
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
  let message = issue.message;
  if (missing) message = 'required field is missing';
  else if (issue.code === 'invalid_type') {
    // Our wording for a wrong type: what was expected, and what the value is.
    const found = describe(issue.input);
    message = message.startsWith('Invalid input') ? `expected ${EXPECTED[issue.expected] ?? issue.expected}, found ${found}` : `${message} (found ${found})`;
  } else if (issue.code === 'invalid_union' || issue.code === 'invalid_value' || issue.code === 'invalid_format') {
    if ('input' in issue && issue.input !== undefined && !message.includes('found')) message = `${message} (found ${describe(issue.input)})`;
  }
  return [{ file, ...where, field: path.join('.'), message }];
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
