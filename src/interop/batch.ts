// Batch classification of Hub metadata lines: one JSON object per line in, one classification per line out, streamed.
import { createInterface } from 'node:readline';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { classifyComponent } from '../core/classify.js';
import type { Reading } from '../core/licenses.js';
import type { ComponentEntry } from '../core/model.js';
import type { Registry } from '../core/registry.js';
import { COMPONENTS, component } from '../core/taxonomy.js';
import { USE_COMPONENT, datasetLicense } from './datasets.js';
import { type HubMetadata, hubLicense } from './hub.js';
import { MAX_JSON_DEPTH, jsonTooDeepAt } from './json-depth.js';
import { controlCharacterName, invalidUtf8At, notUtf8Message, positionOf } from '../registry/encoding.js';

export type BatchFormat = 'jsonl' | 'csv';

/** Lines longer than this are skipped as bad, so one runaway line cannot fill memory. */
export const MAX_LINE_BYTES = 1024 * 1024;
/** Cached results per distinct license or dataset list; cleared when full, so memory stays bounded. */
const CACHE_LIMIT = 20_000;
const TOO_LONG = '\u0000';
/** Marks a line whose bytes are not UTF-8: the marker, then "byte:column" (a real line's bytes never start so: NUL is no JSON). */
const NOT_UTF8 = '\u0000\u0001';

/** Turns one input line into one output line; the batch classifier, or the benchmark's parse-and-reserialise baseline. */
export interface LineClassifier {
  /** Written before the first line (a CSV header), or ''. */
  header(): string;
  classifyLine(text: string): { ok: true; out: string } | { ok: false; message: string };
}

/** A cached piece of output: the level, its JSON, and CSV cells (license, points; then a note, not yet escaped). */
interface Part { level: string; json: string; csv: string[] }

const WEIGHTS = component('deployment.data.weights')!;

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Classifies one metadata line at a time. Weights come from license / license_name (a model on the Hub with a
 * license is taken as public under it); training data from the datasets whose license is known; Unknown elsewhere.
 */
export class BatchClassifier implements LineClassifier {
  private readonly weightsCache = new Map<string, Part>();
  private readonly dataCache = new Map<string, Part & { key: string }>();
  private readonly levelsCache = new Map<string, string>();

  constructor(private readonly registry: Registry, private readonly reading: Reading = 'strict', readonly format: BatchFormat = 'jsonl') {}

  static readonly CSV_COLUMNS = ['id', ...COMPONENTS.map((c) => c.key), 'weights_license', 'weights_points', 'training_data_license', 'note'];

  header(): string {
    return this.format === 'csv' ? `${BatchClassifier.CSV_COLUMNS.join(',')}\n` : '';
  }

  /** The output line (with its newline), or the reason the input line is bad. */
  classifyLine(text: string): { ok: true; out: string } | { ok: false; message: string } {
    if (text.endsWith(TOO_LONG)) return { ok: false, message: `longer than ${MAX_LINE_BYTES / 1024 / 1024} MB; skipped` };
    const deep = jsonTooDeepAt(text);
    if (deep >= 0) return { ok: false, message: `column ${deep + 1}: JSON nests more than ${MAX_JSON_DEPTH} deep (at most ${MAX_JSON_DEPTH})` };
    let meta: unknown;
    try {
      meta = JSON.parse(text);
    } catch (e) {
      return { ok: false, message: `not JSON: ${(e as Error).message}` };
    }
    if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return { ok: false, message: 'not a JSON object (expected {"id": …, "license": …})' };
    const m = meta as HubMetadata & { modelId?: unknown };
    const id = typeof m.id === 'string' ? m.id : typeof m.modelId === 'string' ? m.modelId : undefined;
    if (!id) return { ok: false, message: 'no "id" (the model\'s Hub id, a string)' };
    const control = controlCharacterName(id);
    if (control) return { ok: false, message: `"id" holds the control character ${control}; an id is plain text` };
    const weights = this.weights(m);
    const data = this.data(m);
    if (this.format === 'csv') {
      const levels = COMPONENTS.map((c) => (c.key === WEIGHTS.key ? weights.level : c.key === data.key ? data.level : 'Unknown'));
      const note = [weights.csv[2], data.csv[2]].filter(Boolean).join('; ');
      return { ok: true, out: `${[csvCell(id), ...levels, weights.csv[0]!, weights.csv[1]!, data.csv[0]!, csvCell(note)].join(',')}\n` };
    }
    return { ok: true, out: `{"id":${JSON.stringify(id)},"levels":${this.levels(weights.level, data.key, data.level)},"weights":${weights.json},"training_data":${data.json}}\n` };
  }

  private levels(weights: string, dataKey: string, data: string): string {
    const key = `${weights}|${dataKey}|${data}`;
    let json = this.levelsCache.get(key);
    if (!json) {
      json = JSON.stringify(Object.fromEntries(COMPONENTS.map((c) => [c.key, c.key === WEIGHTS.key ? weights : c.key === dataKey ? data : 'Unknown'])));
      this.levelsCache.set(key, json);
    }
    return json;
  }

  private scored(entry: ComponentEntry, key: string) {
    return classifyComponent(component(key)!, entry, this.registry.index, this.reading);
  }

  private weights(meta: HubMetadata): Part {
    const { license, license_name: name } = meta;
    const key = typeof license === 'string' && (name === undefined || typeof name === 'string')
      ? `${license}\u0001${name ?? ''}`
      : `${JSON.stringify(license ?? null)}\u0002${JSON.stringify(name ?? null)}`;
    let part = this.weightsCache.get(key);
    if (part) return part;
    const resolved = hubLicense(meta, this.registry);
    if (resolved.ok) {
      const r = this.scored({ status: 'public', license: resolved.expression }, WEIGHTS.key);
      part = r.score === null
        ? { level: r.level, json: JSON.stringify({ level: r.level, declared: resolved.declared }), csv: [csvCell(resolved.expression), '', `weights: ${resolved.declared} cannot be scored`] }
        : { level: r.level, json: JSON.stringify({ level: r.level, license: r.license, points: r.points, declared: resolved.declared }), csv: [csvCell(r.license ?? ''), String(r.points), ''] };
    } else {
      part = { level: 'Unknown', json: JSON.stringify({ level: 'Unknown', declared: resolved.declared, reason: resolved.reason }), csv: ['', '', `weights: ${resolved.reason}`] };
    }
    if (this.weightsCache.size >= CACHE_LIMIT) this.weightsCache.clear();
    this.weightsCache.set(key, part);
    return part;
  }

  /**
   * Training data. Dataset lists vary from line to line, so results are cached per component and set of
   * licenses (few), not per list; unknown datasets are named in the output.
   */
  private data(meta: HubMetadata): Part & { key: string } {
    const base = meta.base_model;
    const fallback = base !== undefined && base !== null && base !== '' && !(Array.isArray(base) && base.length === 0) ? 'training.data.sft' : 'training.data.pretraining';
    const datasets = typeof meta.datasets === 'string' ? [meta.datasets] : Array.isArray(meta.datasets) ? meta.datasets : [];
    let unknown: string[] | undefined;
    // One component per line: the one the known datasets belong to by their use (the fine-tune's when they span several).
    const found = datasets.map((d) => (typeof d === 'string' ? datasetLicense(d) : undefined));
    const keys = [...new Set(found.flatMap((f) => (f && USE_COMPONENT[f.use] ? [USE_COMPONENT[f.use]!] : [])))];
    const key = keys.length === 1 ? keys[0]! : keys.includes(fallback) || keys.length === 0 ? fallback : keys[0]!;
    const licenses: string[] = [];
    datasets.forEach((d, i) => {
      const f = found[i];
      if (!f) (unknown ??= []).push(typeof d === 'string' ? d : JSON.stringify(d));
      else if (USE_COMPONENT[f.use] === key && !licenses.includes(f.license)) licenses.push(f.license);
    });
    if (unknown || licenses.length === 0) {
      const reason = unknown ? `license not known for ${unknown.join(', ')}` : 'no datasets named';
      const cached = !unknown ? this.dataCache.get(key) : undefined;
      if (cached) return cached;
      const part = { key, level: 'Unknown', json: `{"component":"${key}","level":"Unknown","reason":${JSON.stringify(reason)}}`, csv: ['', '', unknown ? `training data: ${reason}` : ''] };
      if (!unknown) this.dataCache.set(key, part);
      return part;
    }
    licenses.sort();
    const cacheKey = `${key}\u0001${licenses.join('\u0001')}`;
    let part = this.dataCache.get(cacheKey);
    if (!part) {
      const r = this.scored({ status: 'public', license: licenses.join(' AND ') }, key);
      part = { key, level: r.level, json: JSON.stringify({ component: key, level: r.level, license: r.license, points: r.points }), csv: [csvCell(r.license ?? ''), String(r.points ?? ''), ''] };
      if (this.dataCache.size >= CACHE_LIMIT) this.dataCache.clear();
      this.dataCache.set(cacheKey, part);
    }
    return part;
  }
}

/**
 * Passes lines through, but cuts a line at MAX_LINE_BYTES and marks it, so readline never holds more than that;
 * a line that is not UTF-8 is replaced by a marked message naming the first bad byte's column (never decoded to U+FFFD).
 */
export class LineCap extends Transform {
  private length = 0;
  private dropping = false;
  /** The current line's bytes so far, when it spans chunks. */
  private pending: Buffer[] = [];

  private emitLine(line: Buffer): void {
    const bad = invalidUtf8At(line);
    // A sequence cut at the very end of the line is bad too; a cut inside the line was caught above.
    if (bad < 0) { this.push(line); return; }
    const at = positionOf(line, bad);
    this.push(`${NOT_UTF8}${line[bad]!}:${at.col}`);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(10, start);
      const end = nl < 0 ? chunk.length : nl;
      if (!this.dropping) {
        const room = MAX_LINE_BYTES - this.length;
        if (end - start <= room) {
          this.pending.push(chunk.subarray(start, end));
          this.length += end - start;
        } else {
          this.pending = [];
          this.push(TOO_LONG);
          this.dropping = true;
        }
      }
      if (nl < 0) break;
      if (this.pending.length) this.emitLine(this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending));
      this.pending = [];
      this.push('\n');
      this.length = 0;
      this.dropping = false;
      start = nl + 1;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.pending.length) this.emitLine(Buffer.concat(this.pending));
    this.pending = [];
    done();
  }
}

export interface StreamOptions {
  /** Called for each bad line with its 1-based number. */
  onBad(line: number, message: string): void;
  /** Called now and then with the lines read so far. */
  onProgress?(lines: number): void;
}

export interface BatchStats { lines: number; classified: number; bad: number; blank: number }

/**
 * Reads lines from `input` (readline over a capped stream), writes one output line per good input line through
 * `write`, which may return a promise to apply backpressure. Never throws for bad input.
 */
export async function classifyStream(input: Readable, write: (chunk: string) => void | Promise<void>, classifier: LineClassifier, options: StreamOptions): Promise<BatchStats> {
  const stats: BatchStats = { lines: 0, classified: 0, bad: 0, blank: 0 };
  const capped = input.pipe(new LineCap());
  input.on('error', (e) => capped.destroy(e));
  const lines = createInterface({ input: capped, crlfDelay: Infinity });
  let buffer = classifier.header();
  for await (const raw of lines) {
    stats.lines++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!line.trim()) { stats.blank++; continue; }
    const bad = line.startsWith(NOT_UTF8) ? line.slice(NOT_UTF8.length).split(':').map(Number) : undefined;
    const result = bad ? { ok: false as const, message: notUtf8Message(bad[0]!, { line: stats.lines, col: bad[1]! }) } : classifier.classifyLine(line);
    if (result.ok) { buffer += result.out; stats.classified++; } else { stats.bad++; options.onBad(stats.lines, result.message); }
    if (buffer.length >= 65536) {
      const pending = write(buffer);
      buffer = '';
      if (pending) await pending;
    }
    if (options.onProgress && (stats.lines & 4095) === 0) options.onProgress(stats.lines);
  }
  if (buffer) await write(buffer);
  options.onProgress?.(stats.lines);
  return stats;
}
