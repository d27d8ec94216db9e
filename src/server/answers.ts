// What a route answers before it is sent: a body, its type and status; JSON and error bodies in one shape for every face.
import { closest } from 'fastest-levenshtein';

export const TYPES = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
} as const;

export interface Produced {
  body: string | Buffer;
  type: string;
  status?: number;
  cacheControl?: string;
  /** Further headers of this answer (a CSV's Content-Disposition). */
  headers?: Record<string, string>;
}

/**
 * Every error body, from the API, the pages' data twins and the server itself: a summary, the
 * reasons where there are several (a query's parameters), and the closest known id for a 404.
 */
export interface ErrorBody {
  error: string;
  errors?: string[];
  did_you_mean?: string;
}

export const json = (value: unknown, status = 200): Produced => ({ body: JSON.stringify(value), type: TYPES.json, status });
/** A CSV, with the file name a browser saves it under ("howopen-compare-llama-2-pythia.csv"). */
export function csvOut(body: string, name?: string): Produced {
  if (!name) return { body, type: TYPES.csv };
  // Only safe characters reach the header: ids are lower-case words, but a query may hold anything.
  const file = `howopen-${name}`.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120);
  return { body, type: TYPES.csv, headers: { 'Content-Disposition': `attachment; filename="${file}.csv"` } };
}

export function errorJson(status: number, body: ErrorBody): Produced {
  return json(body, status);
}

/** A query whose parameters cannot be read: 400 with each reason. */
export function badQuery(errors: readonly string[]): ErrorBody {
  return { error: 'bad query', errors: [...errors] };
}

/** No such thing: the message, and the closest known id when there is one. */
export function notFoundBody(what: string, name: string, ids: readonly string[]): ErrorBody {
  const guess = ids.length ? closest(name, [...ids]) : undefined;
  return { error: `There is no ${what} "${name}" in the registry.`, ...(guess ? { did_you_mean: guess } : {}) };
}
