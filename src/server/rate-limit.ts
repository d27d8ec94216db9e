// Per-address rate limits as Hono middleware: a token bucket per client address, with a bounded table of addresses.
import type { Context, MiddlewareHandler } from 'hono';

export interface RateLimitOptions {
  /** Requests an address may make per window, and at once (the bucket's size). */
  limit: number;
  /** The window in milliseconds (default one minute): the bucket refills `limit` tokens over it. */
  windowMs?: number;
  /** Addresses remembered at most; the least recently seen are forgotten first. */
  maxAddresses?: number;
  /** The client's address; default: the socket's remote address (node-server), or "local". */
  key?: (c: Context) => string;
  /** The answer when an address is over its limit; default: 429 with a JSON error. */
  onLimit?: (c: Context, retryAfterSeconds: number) => Response | Promise<Response>;
  /** For tests: the clock in milliseconds. */
  now?: () => number;
}

interface Bucket { tokens: number; at: number }

/** The remote address of a request served by @hono/node-server, or "local" (app.request in tests). */
export function remoteAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const windowMs = options.windowMs ?? 60_000;
  const rate = options.limit / windowMs;
  const maxAddresses = options.maxAddresses ?? 10_000;
  const key = options.key ?? remoteAddress;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  const onLimit = options.onLimit ?? ((c: Context, retry: number) => c.json({ error: `too many requests from this address (at most ${options.limit} per ${windowMs / 1000} s); retry after ${retry} s` }, 429, { 'Retry-After': String(retry) }));
  return async (c, next) => {
    const address = key(c);
    const t = now();
    const seen = buckets.get(address);
    const bucket = seen ? { tokens: Math.min(options.limit, seen.tokens + (t - seen.at) * rate), at: t } : { tokens: options.limit, at: t };
    // Re-inserted, so the Map's order is least recently seen first.
    buckets.delete(address);
    if (buckets.size >= maxAddresses) buckets.delete(buckets.keys().next().value!);
    if (bucket.tokens < 1) {
      buckets.set(address, bucket);
      return onLimit(c, Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000)));
    }
    bucket.tokens -= 1;
    buckets.set(address, bucket);
    await next();
  };
}
