// How store outcomes are sent: JSON for the API, a page for people; a StoreError's status and detail, 429 with Retry-After.
import type { Context } from 'hono';
import { TYPES } from './answers.js';
import { CACHE_CONTROL, CORS_HEADERS, SECURITY_HEADERS } from './cache.js';
import { StoreError } from '../store/people.js';
import { RateLimited } from './rate-limit.js';
import type { Problem } from '../registry/problem.js';

export function send(c: Context, body: string, type: string, status = 200, extra: Record<string, string> = {}): Response {
  const api = c.req.path.startsWith('/api/');
  // Through the context, so that cookies set on it (the form token, a session) go out with the answer.
  return c.body(body, status as 200, { ...SECURITY_HEADERS, ...(api ? CORS_HEADERS : {}), 'Content-Type': type, 'Cache-Control': CACHE_CONTROL.none, ...extra });
}

export const sendJson = (c: Context, value: unknown, status = 200, extra: Record<string, string> = {}) => send(c, JSON.stringify(value), TYPES.json, status, extra);

/** The classify route's error shape for a record that does not validate. */
export function problemsBody(problems: readonly Problem[]) {
  return {
    error: 'not a valid model record',
    errors: problems.map((p) => `${p.line}:${p.col}: ${p.field ? `${p.field}: ` : ''}${p.message}`),
    problems: problems.map((p) => ({ line: p.line, col: p.col, ...(p.field ? { field: p.field } : {}), message: p.message })),
  };
}

/** The status and body for an error a store route can meet; anything else is a bug and rethrown. */
export function storeFailure(e: unknown): { status: number; body: Record<string, unknown>; headers: Record<string, string> } {
  if (e instanceof RateLimited) return { status: 429, body: { error: e.message }, headers: { 'Retry-After': String(e.retryAfter) } };
  if (e instanceof StoreError) {
    const detail = e.detail && typeof e.detail === 'object' ? e.detail as Record<string, unknown> : {};
    return { status: e.status, body: { error: e.message, ...detail }, headers: e.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="howopen"' } : {} };
  }
  throw e;
}

export function apiFailure(c: Context, e: unknown): Response {
  const f = storeFailure(e);
  return sendJson(c, f.body, f.status, f.headers);
}
