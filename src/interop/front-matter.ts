// Front matter (the YAML between --- lines at the top of a Jekyll page or a model card), with errors at the file's own line.
import { type Document, LineCounter } from 'yaml';
import { parseYaml, toData } from '../registry/parse.js';
import type { Finding } from './draft.js';

/** Line and column of a dotted source path ("deployment.data.weights.license", "release.components[2].license"). */
export type Locate = (path: string) => { line: number; col: number };

export function splitPath(path: string): (string | number)[] {
  return path.split('.').flatMap((part) => part.split(/\[(\d+)\]/).filter((p) => p !== '').map((p) => (/^\d+$/.test(p) && part.includes(`[${p}]`) ? Number(p) : p)));
}

/** A locator over a parsed YAML document; `lineOffset` for YAML that starts further down a file. */
export function yamlLocator(doc: Document, lineCounter: LineCounter, lineOffset = 0): Locate {
  return (path) => {
    const parts = splitPath(path);
    for (let n = parts.length; n > 0; n--) {
      const node = doc.getIn(parts.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line + lineOffset, col: pos.col };
      }
    }
    return { line: 1 + lineOffset, col: 1 };
  };
}

export type ParsedYaml = { ok: true; data: unknown; at: Locate } | { ok: false; problem: Finding };

/** Parses YAML with positions; `lineOffset` for YAML that starts further down a file. */
export function parseYamlText(text: string, file: string, lineOffset = 0, what = 'YAML syntax'): ParsedYaml {
  const lineCounter = new LineCounter();
  // Nesting and document count are checked before anything is built: deep nesting exhausts the document builder.
  const parsed = parseYaml(text, lineCounter);
  if ('message' in parsed) return { ok: false, problem: { file, line: parsed.line + lineOffset, col: parsed.col, severity: 'error', message: `${what}: ${parsed.message}` } };
  const doc = parsed.doc;
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    return { ok: false, problem: { file, line: pos.line + lineOffset, col: pos.col, severity: 'error', message: `${what}: ${error.message.split('\n')[0]}` } };
  }
  const data = toData(doc);
  if (data instanceof Error) return { ok: false, problem: { file, line: 1 + lineOffset, col: 1, severity: 'error', message: data.message } };
  return { ok: true, data, at: yamlLocator(doc, lineCounter, lineOffset) };
}

export type FrontMatter =
  | { ok: true; data: Record<string, unknown>; body: string; present: boolean; at: Locate }
  | { ok: false; problem: Finding };

/**
 * Splits and parses front matter. `required`: a file without any is an error (site files), otherwise it is
 * an empty mapping (a model card may have none).
 */
export function parseFrontMatter(text: string, file: string, required: boolean): FrontMatter {
  const bad = (line: number, col: number, message: string): FrontMatter => ({ ok: false, problem: { file, line, col, severity: 'error', message } });
  const src = text.replace(/^\uFEFF/, '');
  const lines = src.split(/\r?\n/);
  if (!/^---\s*$/.test(lines[0] ?? '')) {
    return required ? bad(1, 1, 'no front matter: the file must start with a line "---", then YAML, then "---"') : { ok: true, data: {}, body: src, present: false, at: () => ({ line: 1, col: 1 }) };
  }
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return bad(1, 1, 'front matter is not closed: add a line "---" after the YAML');
  const parsed = parseYamlText(lines.slice(1, end).join('\n'), file, 1, 'front matter YAML syntax');
  if (!parsed.ok) return parsed;
  const { data, at } = parsed;
  const body = lines.slice(end + 1).join('\n');
  if (data === null || data === undefined) return { ok: true, data: {}, body, present: true, at };
  if (typeof data !== 'object' || Array.isArray(data)) return bad(2, 1, 'front matter must be a mapping of fields (key: value)');
  return { ok: true, data: data as Record<string, unknown>, body, present: true, at };
}
