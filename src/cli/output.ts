// Output for the terminal: formats, colors that respect NO_COLOR and pipes, CSV and Markdown.
import { stringify } from 'csv-stringify/sync';
import { isIsoDate } from '../core/dates.js';
import { NOT_SCORED, scaleLevel } from '../core/taxonomy.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  /** The terminal's width when stdout is a terminal; undefined for a pipe or a file (output keeps its full width). */
  columns?: number;
  /** The process's stdout, for output streamed with backpressure (classify --batch); absent in tests. */
  stdout?: NodeJS.WriteStream;
}

export function processIo(): Io {
  const color = Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env) && (process.stdout.hasColors?.() ?? false);
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    color,
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    stdout: process.stdout,
  };
}

/** Thrown for bad input or usage: the CLI prints the message and exits 2. */
export class InputError extends Error {}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export function csv(rows: readonly Record<string, unknown>[], columns?: string[]): string {
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  return stringify(rows as Record<string, unknown>[], { header: true, columns: cols, cast: { boolean: (b) => String(b) } });
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

/** A plain aligned text table; `paint` may color a cell after padding. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], paint?: (text: string, row: number, col: number) => string): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[], row: number) =>
    cells.map((c, i) => { const padded = (c ?? '').padEnd(widths[i]!); return paint && row >= 0 ? paint(padded, row, i) : padded; }).join('  ').trimEnd();
  return [line(header, -1), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map((r, i) => line(r, i))].join('\n');
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Paints a level label in the scale's color, with black or white text for contrast. */
export function paintLevel(text: string, score: number | null, level: string): string {
  const hex = score !== null ? scaleLevel(score).color : level === 'N/A' ? NOT_SCORED['N/A'].color : level === 'Unknown' ? NOT_SCORED.Unknown.color : null;
  if (!hex) return text;
  const [r, g, b] = rgb(hex);
  const dark = 0.299 * r + 0.587 * g + 0.114 * b < 140;
  return `\x1b[48;2;${r};${g};${b}m\x1b[38;2;${dark ? '255;255;255' : '0;0;0'}m${text}\x1b[0m`;
}

/** Wraps prose to a width, indenting every line. */
export function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && current.length + 1 + word.length > width - indent.length) { lines.push(current); current = word; }
    else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.map((l) => indent + l).join('\n');
}

export function choice<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new InputError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** Today's date (UTC) for the frameworks' dated rules; the core itself has no clock. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function isoDate(value: string, option: string): string {
  if (!isIsoDate(value)) throw new InputError(`${option} must be a date such as 2026-11-22 (got "${value}")`);
  return value;
}
